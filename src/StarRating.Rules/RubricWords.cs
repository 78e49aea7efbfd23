namespace StarRating.Rules;

/// <summary>
/// The file words of rubric parts and changes (<c>category</c>, <c>added</c>): what JSON writes, and the keys of their
/// names in the vocabulary (<c>rubric_part.WORD</c>, <c>rubric_change.WORD</c>). Public for StarRating's own layers, so
/// every output writes the same word.
/// </summary>
public static class RubricWords
{
    /// <summary>rubric, scoring, tier, category, indicator or item.</summary>
    /// <param name="part">The part.</param>
    public static string Of(RubricPart part) => part.ToString().ToLowerInvariant();

    /// <summary>added, removed, changed or moved.</summary>
    /// <param name="kind">The kind of change.</param>
    public static string Of(RubricChangeKind kind) => kind.ToString().ToLowerInvariant();
}
