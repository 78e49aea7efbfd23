using StarRating.Rules;

namespace StarRating.Engine;

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
