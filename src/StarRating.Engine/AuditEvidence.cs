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

internal static class EmptyLocations
{
    public static readonly IReadOnlyDictionary<string, SourceLocation> Instance = new Dictionary<string, SourceLocation>();
}
