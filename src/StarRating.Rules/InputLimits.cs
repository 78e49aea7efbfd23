namespace StarRating.Rules;

/// <summary>
/// Resource limits applied to every rubric and evidence file before and while it is parsed. Input is refused
/// with a diagnostic, never half-read, when it exceeds one. The defaults fit genuine files many times over.
/// </summary>
public sealed record InputLimits
{
    /// <summary>The defaults described on each property.</summary>
    public static InputLimits Default { get; } = new();

    /// <summary>Largest file accepted, in bytes. Default 4 MiB (genuine files are under 200 KiB).</summary>
    public long MaxFileBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Deepest nesting of mappings and lists. Default 32 (the formats need 7).</summary>
    public int MaxDepth { get; init; } = 32;

    /// <summary>Most values (scalars, mappings and lists) in one file. Default 200,000.</summary>
    public int MaxNodes { get; init; } = 200_000;

    /// <summary>Longest single text value, in characters. Default 20,000.</summary>
    public int MaxScalarLength { get; init; } = 20_000;

    /// <summary>Longest line, in characters. Default 20,000.</summary>
    public int MaxLineLength { get; init; } = 20_000;

    /// <summary>Most entries in one list (findings, items, evidence references...). Default 5,000.</summary>
    public int MaxListEntries { get; init; } = 5_000;
}
