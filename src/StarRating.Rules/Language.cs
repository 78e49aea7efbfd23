using System.Text;

namespace StarRating.Rules;

/// <summary>
/// A language of the texts people read, named by a language tag such as <c>zh</c>, <c>en</c> or <c>en-GB</c>.
/// The vocabulary (<see cref="Vocabulary"/>) has one catalogue file per language; a text missing in a language is
/// looked up along <see cref="FallbackChain"/>, which always ends in Chinese, the language every text exists in.
/// <c>default(Language)</c> is Chinese.
/// </summary>
public readonly struct Language : IEquatable<Language>
{
    private const string ChineseTag = "zh";
    private readonly string? tag;

    private Language(string tag) => this.tag = tag;

    /// <summary>Simplified Chinese (<c>zh</c>): the default, and the end of every fallback chain.</summary>
    public static Language Chinese => default;

    /// <summary>English (<c>en</c>).</summary>
    public static Language English { get; } = new("en");

    /// <summary>
    /// The tag in normal form: a lower-case language subtag, then any region or variant subtags (regions upper
    /// case), joined by hyphens, e.g. <c>zh</c>, <c>en</c>, <c>en-GB</c>.
    /// </summary>
    public string Tag => tag ?? ChineseTag;

    /// <summary>The language subtag alone: <c>en</c> for <c>en-GB</c>.</summary>
    public string Base => Tag.Split('-')[0];

    /// <summary>True for Chinese (any Chinese tag).</summary>
    public bool IsChinese => Base == ChineseTag;

    /// <summary>
    /// The languages to look a text up in, most specific first, ending in Chinese: <c>en-GB</c> → en-GB, en, zh;
    /// <c>zh</c> → zh.
    /// </summary>
    public IReadOnlyList<Language> FallbackChain
    {
        get
        {
            var chain = new List<Language>();
            var parts = Tag.Split('-');
            for (var length = parts.Length; length > 0; length--)
            {
                chain.Add(new Language(string.Join('-', parts, 0, length)));
            }

            if (!IsChinese)
            {
                chain.Add(Chinese);
            }

            return chain;
        }
    }

    /// <summary>Reads a language tag; also accepts a locale name such as <c>zh_CN.UTF-8</c> or <c>en_US</c>.</summary>
    /// <param name="text">The tag.</param>
    /// <exception cref="FormatException">The text is not a language tag.</exception>
    public static Language Parse(string text) =>
        TryParse(text, out var language) ? language : throw new FormatException("Not a language tag: " + text);

    /// <summary>
    /// Reads a language tag (<c>zh</c>, <c>en</c>, <c>en-GB</c>, <c>zh-Hans</c>) or a POSIX locale name (<c>zh_CN.UTF-8</c>,
    /// <c>en_US@euro</c>): letters and digits in subtags separated by hyphens or underscores; an encoding after a dot
    /// and a modifier after <c>@</c> are ignored.
    /// </summary>
    /// <param name="text">The tag, or null.</param>
    /// <param name="language">The language, when the text is a tag.</param>
    /// <returns>True when the text is a language tag.</returns>
    public static bool TryParse(string? text, out Language language)
    {
        language = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = text.Trim();
        var cut = value.IndexOfAny(['.', '@']);
        if (cut >= 0)
        {
            value = value[..cut];
        }

        var parts = value.Split('-', '_');
        if (parts[0].Length is < 2 or > 8 || !parts[0].All(char.IsAsciiLetter))
        {
            return false;
        }

        var normal = new StringBuilder(parts[0].ToLowerInvariant());
        foreach (var part in parts.Skip(1))
        {
            if (part.Length is 0 or > 8 || !part.All(char.IsAsciiLetterOrDigit))
            {
                return false;
            }

            // Regions (two letters) are written upper case, scripts title case, anything else lower case: zh-Hans-CN.
            normal.Append('-').Append(part.Length == 2 ? part.ToUpperInvariant()
                : part.Length == 4 && part.All(char.IsAsciiLetter) ? char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()
                : part.ToLowerInvariant());
        }

        var tag = normal.ToString();
        language = tag == ChineseTag ? default : new Language(tag);
        return true;
    }

    /// <summary>
    /// The language a POSIX locale asks for, from the environment variables in their order of precedence:
    /// <c>LC_ALL</c>, then <c>LC_MESSAGES</c>, then <c>LANG</c> (the first one set and not empty decides).
    /// Returns null when the locale says nothing about a language: unset, <c>C</c>, <c>POSIX</c> or <c>C.UTF-8</c>.
    /// </summary>
    /// <param name="lcAll">The value of <c>LC_ALL</c>, or null.</param>
    /// <param name="lcMessages">The value of <c>LC_MESSAGES</c>, or null.</param>
    /// <param name="lang">The value of <c>LANG</c>, or null.</param>
    public static Language? FromLocale(string? lcAll, string? lcMessages, string? lang)
    {
        var locale = new[] { lcAll, lcMessages, lang }.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (locale is null)
        {
            return null;
        }

        var name = locale.Trim();
        var cut = name.IndexOfAny(['.', '@']);
        var bare = cut >= 0 ? name[..cut] : name;
        if (bare.Length == 0 || bare is "C" or "POSIX")
        {
            return null;
        }

        return TryParse(name, out var language) ? language : null;
    }

    /// <inheritdoc />
    public bool Equals(Language other) => string.Equals(Tag, other.Tag, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Language other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Tag);

    /// <summary>The tag, e.g. <c>zh</c>.</summary>
    public override string ToString() => Tag;

    /// <summary>Compares two languages by tag.</summary>
    /// <param name="left">One language.</param>
    /// <param name="right">The other.</param>
    public static bool operator ==(Language left, Language right) => left.Equals(right);

    /// <summary>Compares two languages by tag.</summary>
    /// <param name="left">One language.</param>
    /// <param name="right">The other.</param>
    public static bool operator !=(Language left, Language right) => !left.Equals(right);
}
