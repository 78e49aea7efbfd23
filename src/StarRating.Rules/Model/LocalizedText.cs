namespace StarRating.Rules;

/// <summary>The language of texts chosen for reports and messages meant for people.</summary>
public enum Language
{
    /// <summary>Simplified Chinese (zh-CN), the default.</summary>
    Chinese = 0,

    /// <summary>English.</summary>
    English = 1,
}

/// <summary>A text in Simplified Chinese, optionally with an English version.</summary>
/// <param name="Zh">The Simplified Chinese text (always present).</param>
/// <param name="En">The English text, or <see langword="null"/> when there is none.</param>
public sealed record LocalizedText(string Zh, string? En = null)
{
    /// <summary>The text in <paramref name="language"/>, falling back to Chinese when no English text exists.</summary>
    /// <param name="language">The wanted language.</param>
    public string Get(Language language) =>
        language == Language.English && !string.IsNullOrEmpty(En) ? En : Zh;

    /// <summary>The Chinese text.</summary>
    public override string ToString() => Zh;
}
