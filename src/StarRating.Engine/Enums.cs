namespace StarRating.Engine;

/// <summary>The kind of audit; formal audits must assess every applicable check item.</summary>
public enum AuditKind
{
    /// <summary>初次认证审核: the first certification audit (<c>initial</c>).</summary>
    Initial = 0,

    /// <summary>监督审核: a yearly surveillance audit during validity (<c>surveillance</c>).</summary>
    Surveillance = 1,

    /// <summary>再认证审核: the audit that renews an expiring certificate (<c>recertification</c>).</summary>
    Recertification = 2,

    /// <summary>模拟审核: a consultant's mock audit before the real one (<c>mock</c>).</summary>
    Mock = 3,

    /// <summary>自我评价: the company's own self-assessment (<c>self</c>).</summary>
    Self = 4,
}

/// <summary>What the auditor found for a check item (or a whole indicator).</summary>
public enum FindingResult
{
    /// <summary>符合: the item's full points (<c>conforming</c>).</summary>
    Conforming = 0,

    /// <summary>部分符合: the points the auditor gives, between 0 and the item's points (<c>partial</c>).</summary>
    Partial = 1,

    /// <summary>不符合: no points (<c>nonconforming</c>).</summary>
    Nonconforming = 2,

    /// <summary>不适用: the item is excluded and leaves the denominator (<c>not_applicable</c>).</summary>
    NotApplicable = 3,
}

/// <summary>How serious a nonconformity is.</summary>
public enum NonconformityGrade
{
    /// <summary>严重不符合项 (<c>major</c>).</summary>
    Major = 0,

    /// <summary>一般不符合项 (<c>minor</c>).</summary>
    Minor = 1,

    /// <summary>观察项: a remark or opportunity for improvement (<c>observation</c>).</summary>
    Observation = 2,
}

/// <summary>The outcome of one check item after scoring.</summary>
public enum ItemStatus
{
    /// <summary>Full points.</summary>
    Conforming = 0,

    /// <summary>Part of the points (a partial result, or a sample with some nonconforming records).</summary>
    Partial = 1,

    /// <summary>No points.</summary>
    Nonconforming = 2,

    /// <summary>Excluded: not applicable to the company.</summary>
    NotApplicable = 3,

    /// <summary>No finding in a mock or self assessment: scored 0 and listed.</summary>
    NotAssessed = 4,
}

/// <summary>What became of a previous audit's nonconformity by this audit.</summary>
public enum PreviousStatus
{
    /// <summary>The item conforms now (or, not re-assessed, its correction was verified).</summary>
    Closed = 0,

    /// <summary>The same item is graded again: a repeat finding.</summary>
    Repeated = 1,

    /// <summary>Not re-assessed and not verified closed, or still open past its due date.</summary>
    Open = 2,
}

/// <summary>The words of the evidence format for enum values.</summary>
public static class EvidenceWords
{
    /// <summary>The file word of an audit kind.</summary>
    /// <param name="kind">The kind.</param>
    public static string Of(AuditKind kind) => Words.AuditKinds.TokenOf(kind);

    /// <summary>The file word of a finding result.</summary>
    /// <param name="result">The result.</param>
    public static string Of(FindingResult result) => Words.Results.TokenOf(result);

    /// <summary>The file word of a grade.</summary>
    /// <param name="grade">The grade.</param>
    public static string Of(NonconformityGrade grade) => Words.Grades.TokenOf(grade);

    /// <summary>The word used in result files for an item status.</summary>
    /// <param name="status">The status.</param>
    public static string Of(ItemStatus status) => Words.Statuses.TokenOf(status);

    /// <summary>The word of a correction status: <c>open</c>, <c>corrected</c>, <c>verified</c>.</summary>
    /// <param name="status">The status.</param>
    public static string Of(CorrectionStatus status) => Words.CorrectionStatuses.TokenOf(status);

    /// <summary>The word of a previous nonconformity's status now: <c>closed</c>, <c>repeated</c>, <c>open</c>.</summary>
    /// <param name="status">The status.</param>
    public static string Of(PreviousStatus status) => Words.PreviousStatuses.TokenOf(status);
}
