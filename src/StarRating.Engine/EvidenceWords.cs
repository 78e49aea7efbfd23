namespace StarRating.Engine;

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
