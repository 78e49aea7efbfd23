using StarRating.Rules;

namespace StarRating.Engine;

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
