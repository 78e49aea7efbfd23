using System.Text;

namespace StarRating.Reports.Word;

/// <summary>What text may reach a Word document: no control or bidirectional-formatting character, only valid XML.</summary>
internal static class WordText
{
    /// <summary>
    /// How an escaped value carries a line break through the markup: U+2028 (LINE SEPARATOR), legal in XML text and
    /// attributes alike. The markup reader makes it a line break in text and a space in attributes; anywhere else
    /// (a value's own U+2028) it is unsafe and becomes U+FFFD before the markup is written.
    /// </summary>
    public const char ValueLineBreak = '\u2028';

    /// <summary>
    /// True for characters that must never reach the document: those no value may hold anywhere
    /// (<see cref="Rules.Text.DisplayText.IsUnsafe"/>: C0 and C1 controls, with tab and line breaks handled before, the
    /// bidirectional embeddings, overrides and isolates, noncharacters U+FFFE/U+FFFF and lone surrogates), and in Word
    /// also the marks that reorder or hide text (LRM, RLM, ALM), line and paragraph separators (U+2028 carries the
    /// markup's own line breaks) and the byte-order mark.
    /// </summary>
    public static bool IsUnsafe(char c) =>
        Rules.Text.DisplayText.IsUnsafe(c) || c is '\u061C' or '\u200E' or '\u200F' or '\u2028' or '\u2029' or '\uFEFF';

    /// <summary>The text with every unsafe character (see <see cref="IsUnsafe"/>) replaced by U+FFFD; surrogate pairs kept.</summary>
    public static string Clean(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) && !char.IsSurrogatePair(text, i) && !(i > 0 && char.IsSurrogatePair(text, i - 1)))
            {
                break;
            }
        }

        if (i == text.Length)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var j = 0; j < text.Length; j++)
        {
            var c = text[j];
            if (char.IsSurrogatePair(text, j))
            {
                builder.Append(c).Append(text[++j]);
                continue;
            }

            builder.Append(IsUnsafe(c) ? '\uFFFD' : c);
        }

        return builder.ToString();
    }
}
