namespace StarRating.Rules;

/// <summary>A rating tier: a minimum score and, optionally, check items that must be conforming to be granted it.</summary>
public sealed class Tier
{
    internal Tier(string id, LocalizedText label, decimal minScore, int stars, IReadOnlyList<string> prerequisites, LocalizedText? initialAuditNote)
    {
        Id = id;
        Label = label;
        MinScore = minScore;
        Stars = stars;
        Prerequisites = prerequisites;
        InitialAuditNote = initialAuditNote;
    }

    /// <summary>The tier id, e.g. <c>three-star</c>.</summary>
    public string Id { get; }

    /// <summary>The tier's name, e.g. 三星级 / Three-star.</summary>
    public LocalizedText Label { get; }

    /// <summary>The lowest (rounded) score that reaches the tier.</summary>
    public decimal MinScore { get; }

    /// <summary>Number of stars (0 for tiers without stars).</summary>
    public int Stars { get; }

    /// <summary>Ids of check items that must be conforming (or excluded as not applicable) for the tier.</summary>
    public IReadOnlyList<string> Prerequisites { get; }

    /// <summary>A note shown when an initial audit reaches this tier (certification practice, not arithmetic).</summary>
    public LocalizedText? InitialAuditNote { get; }

    /// <summary>Zero-based position from the lowest tier.</summary>
    public int Rank { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
