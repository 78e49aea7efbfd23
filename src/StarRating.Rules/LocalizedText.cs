namespace StarRating.Rules;

/// <summary>
/// A text of the rubric (data, not vocabulary) in Simplified Chinese, optionally with an English version.
/// </summary>
/// <param name="Zh">The Simplified Chinese text (always present).</param>
/// <param name="En">The English text, or <see langword="null"/> when there is none.</param>
public sealed record LocalizedText(string Zh, string? En = null)
{
    /// <summary>
    /// The text in <paramref name="language"/>: the English text for English (any <c>en</c> tag) when there is one,
    /// the Chinese text otherwise (rubric texts exist in these two languages only).
    /// </summary>
    /// <param name="language">The wanted language.</param>
    public string Get(Language language) =>
        language.Base == "en" && !string.IsNullOrEmpty(En) ? En : Zh;

    /// <summary>The Chinese text.</summary>
    public override string ToString() => Zh;
}
