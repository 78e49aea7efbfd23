using StarRating.Rules;

namespace StarRating.Engine;

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
