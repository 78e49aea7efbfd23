using StarRating.Rules;

namespace StarRating.Engine;

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
