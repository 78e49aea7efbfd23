using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>The audit this one follows (<c>audit.previous</c>), and what became of its nonconformities.</summary>
public sealed class PreviousAudit
{
    internal PreviousAudit()
    {
    }

    /// <summary>The path as written in <c>previous:</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The previous audit's kind.</summary>
    public required AuditKind Kind { get; init; }

    /// <summary>Its audit days.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>Its final score.</summary>
    public required decimal Score { get; init; }

    /// <summary>Its score as printed (with its rubric's decimals), e.g. <c>97.8</c>.</summary>
    public required string ScoreText { get; init; }

    /// <summary>The id of the tier it was recommended.</summary>
    public required string TierId { get; init; }

    /// <summary>The name of that tier.</summary>
    public required LocalizedText TierLabel { get; init; }

    /// <summary>Its rubric's id and version.</summary>
    public required string RubricVersion { get; init; }

    /// <summary>Each nonconformity (major or minor) of the previous audit, in its rubric order, with its status now.</summary>
    public IReadOnlyList<PreviousNonconformity> Nonconformities { get; init; } = [];

    internal SurveillanceSchedule? Surveillance { get; init; }
}
