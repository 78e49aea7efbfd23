using System.Globalization;
using System.Text.RegularExpressions;

namespace StarRating.Rules.Documents;

/// <summary>The mapping between a format's words and an enum's values, in documentation order.</summary>
/// <typeparam name="T">The enum.</typeparam>
/// <param name="entries">Each word of the format and the value it stands for, in documentation order.</param>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public sealed class EnumMap<T>(params (string Token, T Value)[] entries)
    where T : struct
{
    internal IReadOnlyList<string> Tokens { get; } = entries.Select(e => e.Token).ToArray();

    /// <summary>The value a word of the format stands for (compared ordinally).</summary>
    /// <param name="token">The word as written.</param>
    /// <param name="value">The value, when the word is known.</param>
    /// <returns>True when the word is known.</returns>
    public bool TryGet(string token, out T value)
    {
        foreach (var (t, v) in entries)
        {
            if (string.Equals(t, token, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The word the format writes for <paramref name="value"/>.</summary>
    /// <param name="value">A value of the map.</param>
    public string TokenOf(T value) => entries.First(e => EqualityComparer<T>.Default.Equals(e.Value, value)).Token;
}
