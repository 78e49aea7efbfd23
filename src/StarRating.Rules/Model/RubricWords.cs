namespace StarRating.Rules;

/// <summary>
/// The file words of rubric parts and changes (<c>category</c>, <c>added</c>): what JSON writes, and the keys of their
/// names in the vocabulary (<c>rubric_part.WORD</c>, <c>rubric_change.WORD</c>).
/// </summary>
internal static class RubricWords
{
    /// <summary>rubric, scoring, tier, category, indicator or item.</summary>
    public static string Of(RubricPart part) => part.ToString().ToLowerInvariant();

    /// <summary>added, removed, changed or moved.</summary>
    public static string Of(RubricChangeKind kind) => kind.ToString().ToLowerInvariant();
}
