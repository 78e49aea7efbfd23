using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// What an audit found: the company, the audit, a finding per check item (or per indicator), and special
/// deductions and bonus. Read from a file by <see cref="EvidenceLoader"/>, or built in code by an embedding
/// application and scored by <see cref="AuditEngine"/>, which validates it either way.
/// </summary>
public sealed record AuditEvidence
{
    /// <summary>The rubric id the evidence is for, or <see langword="null"/> for the engine's rubric.</summary>
    public string? RubricId { get; init; }

    /// <summary>
    /// The rubric version the evidence is pinned to (<c>rubric: ID@VERSION</c>), or <see langword="null"/> for any
    /// version. Scoring with another version is a warning (SR3200), or an error with <see cref="AuditEngine.StrictVersion"/>.
    /// </summary>
    public string? RubricVersion { get; init; }

    /// <summary>
    /// The assessor who recorded this file (<c>assessor:</c>), one member of <see cref="AuditInfo.Team"/>, when each
    /// assessor of a team keeps a file of their own for <see cref="TeamMerge"/>; <see langword="null"/> in
    /// a team's (merged) file or a single-auditor file.
    /// </summary>
    public string? Assessor { get; init; }

    /// <summary>The audited company.</summary>
    public required Company Company { get; init; }

    /// <summary>The audit.</summary>
    public required AuditInfo Audit { get; init; }

    /// <summary>The findings, in the order written.</summary>
    public IReadOnlyList<Finding> Findings { get => findings; init => findings = Lists.Copy(value); }

    private readonly IReadOnlyList<Finding> findings = [];

    /// <summary>Special deductions (特别扣分项).</summary>
    public IReadOnlyList<Deduction> Deductions { get => deductions; init => deductions = Lists.Copy(value); }

    private readonly IReadOnlyList<Deduction> deductions = [];

    /// <summary>Special bonuses (特别加分项); the default rubric allows at most one.</summary>
    public IReadOnlyList<Bonus> Bonuses { get => bonuses; init => bonuses = Lists.Copy(value); }

    private readonly IReadOnlyList<Bonus> bonuses = [];

    /// <summary>The audit team's overall conclusion (审核结论), if written.</summary>
    public string? Conclusion { get; init; }

    /// <summary>The certification body's decision (认证决定), apart from the team's recommendation, if written.</summary>
    public CertificationDecision? Decision { get; init; }

    /// <summary>The certificate the audit led to or is held under, if written.</summary>
    public Certificate? Certificate { get; init; }

    /// <summary>The name of the evidence file (or a descriptive name), used in diagnostics and reports.</summary>
    public string SourceName { get; init; } = "evidence";

    /// <summary>Lower-case hex SHA-256 of the evidence file's bytes, when read from a file.</summary>
    public string? Sha256 { get; init; }

    internal SourceLocation? RubricLocation { get; init; }

    internal SourceLocation? AssessorLocation { get; init; }

    internal SourceLocation? FindingsLocation { get; init; }
}

/// <summary>The audited company.</summary>
public sealed record Company
{
    /// <summary>The registered name.</summary>
    public required string Name { get; init; }

    /// <summary>统一社会信用代码 (unified social credit code), 18 characters.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The address.</summary>
    public string? Address { get; init; }

    /// <summary>The certification scope (商品和服务范围).</summary>
    public string? Scope { get; init; }

    /// <summary>A contact person or phone.</summary>
    public string? Contact { get; init; }

    internal SourceLocation? CreditCodeLocation { get; init; }

    internal SourceLocation? Location { get; init; }
}

/// <summary>The audit: kind, dates, team and identifiers.</summary>
public sealed record AuditInfo
{
    /// <summary>The kind of audit.</summary>
    public required AuditKind Kind { get; init; }

    /// <summary>The audit days, in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get => dates; init => dates = Lists.Copy(value); }

    private readonly IReadOnlyList<DateOnly> dates = [];

    /// <summary>The audit team.</summary>
    public IReadOnlyList<TeamMember> Team { get => team; init => team = Lists.Copy(value); }

    private readonly IReadOnlyList<TeamMember> team = [];

    /// <summary>The certification body (or consultancy) that performed the audit.</summary>
    public string? Body { get; init; }

    /// <summary>The audit or report number.</summary>
    public string? Reference { get; init; }

    /// <summary>Sites visited.</summary>
    public IReadOnlyList<string> Sites { get => sites; init => sites = Lists.Copy(value); }

    private readonly IReadOnlyList<string> sites = [];

    /// <summary>The stage: 1 = document review (文件审查), 2 = on-site audit (现场审查, the default).</summary>
    public int Stage { get; init; } = 2;

    /// <summary>The audit objectives (审核目的), as written.</summary>
    public string? Objectives { get; init; }

    /// <summary>The audit criteria with their versions (审核准则), e.g. <c>GB/T 27922-2011</c> and a body's own specification.</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>Audit time in person-days (审核人日).</summary>
    public decimal? PersonDays { get; init; }

    /// <summary>Areas, sites or activities in the scope that the audit did not cover (未覆盖的区域), as written.</summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>
    /// The audit this one follows (<c>previous:</c>), a path relative to this evidence file: an evidence file or a JSON
    /// result. Loaded by <see cref="AuditEngine"/> when it scores a file (see <c>AuditEngine.FollowPrevious</c>).
    /// </summary>
    public string? Previous { get; init; }

    internal SourceLocation? PreviousLocation { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;

    /// <summary>True for initial, surveillance and recertification audits, which must assess every applicable item.</summary>
    public bool IsFormal => Kind is AuditKind.Initial or AuditKind.Surveillance or AuditKind.Recertification;

    internal SourceLocation? Location { get; init; }

    internal IReadOnlyList<SourceLocation> DateLocations { get; init; } = [];

    /// <summary>False when the file's kind was missing or not a valid word: checks that depend on the kind are skipped, so no cascade names a kind the user never wrote.</summary>
    internal bool KindRead { get; init; } = true;
}

/// <summary>A member of the audit team.</summary>
public sealed record TeamMember
{
    private readonly string role = "member";

    /// <summary>The member's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The role: <c>lead</c>, <c>member</c>, <c>expert</c>, <c>observer</c> or <c>trainee</c>. Set in any of the
    /// words the vocabulary lists for a role (<c>evidence_words.role.*</c>: 组长, 审核组长, 审查组长, Lead, lead auditor …
    /// are all <c>lead</c>), it is normalised to that word as it is set; other roles are kept as written (trimmed).
    /// </summary>
    public string Role
    {
        get => role;
        init => role = TeamRoles.Normalize(value);
    }

    /// <summary>True for the lead auditor (role <c>lead</c>).</summary>
    public bool IsLead => Role == TeamRoles.Lead;

    /// <summary>The auditor's registration number, if given.</summary>
    public string? Registration { get; init; }
}

/// <summary>
/// What the audit found for one check item (<see cref="Item"/>) or for every item of an indicator that has no
/// finding of its own (<see cref="Indicator"/>).
/// </summary>
public sealed record Finding
{
    /// <summary>The check item id, or <see langword="null"/> for an indicator finding.</summary>
    public string? Item { get; init; }

    /// <summary>The indicator id, or <see langword="null"/> for an item finding.</summary>
    public string? Indicator { get; init; }

    /// <summary>The result; <see langword="null"/> when the finding is a <see cref="Sample"/>.</summary>
    public FindingResult? Result { get; init; }

    /// <summary>Points awarded with <see cref="FindingResult.Partial"/>.</summary>
    public decimal? Points { get; init; }

    /// <summary>Sampled records: credit in proportion to the conforming share.</summary>
    public Sample? Sample { get; init; }

    /// <summary>The grade of what is not fully conforming (or an observation).</summary>
    public NonconformityGrade? Grade { get; init; }

    /// <summary>The evidence methods used.</summary>
    public IReadOnlyList<EvidenceMethod> Methods { get => methods; init => methods = Lists.Copy(value); }

    private readonly IReadOnlyList<EvidenceMethod> methods = [];

    /// <summary>Documents, records or observations cited as evidence.</summary>
    public IReadOnlyList<string> Evidence { get => evidence; init => evidence = Lists.Copy(value); }

    private readonly IReadOnlyList<string> evidence = [];

    /// <summary>The auditor's note: what was seen, and why points were lost.</summary>
    public string? Note { get; init; }

    /// <summary>Why the item does not apply (required with <see cref="FindingResult.NotApplicable"/>).</summary>
    public string? Reason { get; init; }

    /// <summary>The nonconformity record (不符合项报告) of a graded finding: confirmation, corrective action, verification.</summary>
    public NonconformityRecord? Nc { get; init; }

    /// <summary>
    /// The assessors who made the finding (<c>by:</c>), members of <see cref="AuditInfo.Team"/>; empty when the
    /// file does not say. A team's file lists every assessor who agreed on it.
    /// </summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>
    /// Each assessor's own record of the item (<c>assessments:</c>): a finding without item or indicator whose
    /// <see cref="By"/> names the assessor. With no <see cref="Result"/> and no <see cref="Sample"/> the finding is
    /// unresolved (<see cref="IsUnresolved"/>); with one, the assessments are the record behind the team's finding.
    /// </summary>
    public IReadOnlyList<Finding> Assessments { get; init; } = [];

    /// <summary>
    /// True when assessors disagreed and nobody has written the team's finding yet: assessments but neither result nor
    /// sample. A formal audit cannot be scored so (SR3152); a mock or self assessment is scored by a consensus rule.
    /// </summary>
    public bool IsUnresolved => Assessments.Count > 0 && Result is null && Sample is null;

    /// <summary>Where the finding is written, when read from a file.</summary>
    public SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;

    /// <summary>The item or indicator the finding is for, as written, for messages ("item 5.1.1.1").</summary>
    internal Message Target => Item is not null ? new("diagnostic.target.item", ("id", Item)) : new("diagnostic.target.indicator", ("id", Indicator));
}

/// <summary>A sample of records (staff, orders, complaints, sites...) checked for one item.</summary>
/// <param name="Size">How many were checked (at least 1).</param>
/// <param name="Conforming">How many of them conform (0 to <paramref name="Size"/>).</param>
public sealed record Sample(int Size, int Conforming);

/// <summary>A special deduction (特别扣分项), taken from the score outside the item points.</summary>
public sealed record Deduction
{
    /// <summary>Points deducted; the rubric's default (1) when <see langword="null"/>.</summary>
    public decimal? Points { get; init; }

    /// <summary>What was found.</summary>
    public required string Reason { get; init; }

    /// <summary>What it breaks: a law, regulation, the company's own rule or a sector requirement.</summary>
    public string? Basis { get; init; }

    /// <summary>The check item concerned, if any.</summary>
    public string? Item { get; init; }

    /// <summary>Where the deduction is written, when read from a file.</summary>
    public SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}

/// <summary>A special bonus (特别加分项) for an outstanding strength.</summary>
public sealed record Bonus
{
    /// <summary>Points added; the rubric's cap (1) when <see langword="null"/>.</summary>
    public decimal? Points { get; init; }

    /// <summary>The strength recognised.</summary>
    public required string Reason { get; init; }

    /// <summary>What shows it (award, evaluation, evidence).</summary>
    public string? Basis { get; init; }

    /// <summary>Where the bonus is written, when read from a file.</summary>
    public SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}

/// <summary>Where a nonconformity stands in its corrective-action cycle.</summary>
public enum CorrectionStatus
{
    /// <summary>Raised; no correction yet (the default).</summary>
    Open = 0,

    /// <summary>The company reports it corrected; not yet verified by the audit team.</summary>
    Corrected = 1,

    /// <summary>The correction's effectiveness was verified by the audit team.</summary>
    Verified = 2,
}

/// <summary>
/// The record of one nonconformity (不符合项报告) as the company confirms it and the audit team follows it to closure:
/// root cause, corrective action with a due date, and verification.
/// </summary>
public sealed record NonconformityRecord
{
    /// <summary>The nonconformity's number, e.g. <c>NC-2026-03</c>; unique within an evidence file.</summary>
    public required string Id { get; init; }

    /// <summary>The company's representative who confirmed the finding.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>The root cause the company found.</summary>
    public string? RootCause { get; init; }

    /// <summary>The corrective action.</summary>
    public string? Action { get; init; }

    /// <summary>When the corrective action is due.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>Where the correction stands.</summary>
    public CorrectionStatus Status { get; init; }

    /// <summary>The auditor who verified the correction.</summary>
    public string? VerifiedBy { get; init; }

    /// <summary>When the correction was verified.</summary>
    public DateOnly? VerifiedOn { get; init; }

    internal SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}

/// <summary>The certification body's decision (认证决定): the tier it grants, by whom, when.</summary>
public sealed record CertificationDecision
{
    /// <summary>The tier id granted, e.g. <c>four-star</c>.</summary>
    public required string Tier { get; init; }

    /// <summary>Who decided (a technical committee, a decision-maker).</summary>
    public string? By { get; init; }

    /// <summary>When.</summary>
    public DateOnly? On { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}

/// <summary>The certificate (证书): number and validity.</summary>
public sealed record Certificate
{
    /// <summary>The certificate number.</summary>
    public string? Number { get; init; }

    /// <summary>The issue date; yearly surveillance is counted from it.</summary>
    public DateOnly? Issued { get; init; }

    /// <summary>The last day of validity.</summary>
    public DateOnly? Expires { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}

internal static class EmptyLocations
{
    public static readonly IReadOnlyDictionary<string, SourceLocation> Instance = new Dictionary<string, SourceLocation>();
}
