using StarRating.Rules;

namespace StarRating.Engine;

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
