using System.Globalization;
using System.Text;

namespace StarRating.Rules.Text;

/// <summary>
/// The one place that decides which characters may reach a terminal or a report, how text echoed back to a user is
/// escaped, and how wide text is on a terminal. Text is handled as whole characters (grapheme clusters), never as
/// UTF-16 units, so a character outside the Basic Multilingual Plane (𠮷, an emoji) is never cut in half.
/// </summary>
public static class DisplayText
{
    /// <summary>
    /// True for a character that must not reach a terminal or a report: C0 controls and DEL (tab, line feed and
    /// carriage return are decided by the caller), C1 controls (U+0080–U+009F, NEL among them), the bidirectional
    /// embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make text display in another order
    /// than it is stored, lone surrogates and the noncharacters U+FFFE and U+FFFF.
    /// </summary>
    public static bool IsUnsafe(int codePoint) =>
        codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F) || IsBidiControl(codePoint)
        || (codePoint >= 0xD800 && codePoint <= 0xDFFF) || codePoint is 0xFFFE or 0xFFFF;

    /// <summary>The bidirectional embeddings, overrides and isolates (the "Trojan Source" characters).</summary>
    public static bool IsBidiControl(int codePoint) => codePoint is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069);

    /// <summary>
    /// The first character of <paramref name="text"/> that may not appear in a value, or null. Tab, line feed and
    /// carriage return pass when <paramref name="allowLineBreaks"/> is true (multi-line text); keys allow none.
    /// </summary>
    public static int? FirstUnsafe(string text, bool allowLineBreaks)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (allowLineBreaks && codePoint is '\t' or '\n' or '\r')
            {
                continue;
            }

            if (IsUnsafe(codePoint))
            {
                return codePoint;
            }
        }

        return null;
    }

    /// <summary>U+001B style: how a code point is named in messages.</summary>
    public static string CodePoint(int codePoint) => "U+" + codePoint.ToString("X4", CultureInfo.InvariantCulture);

    /// <summary>
    /// Text echoed back on one line (diagnostics, file names in progress lines and portfolios): every unsafe character,
    /// tab and line break included, is written as <c>\u001B</c>, so it is seen and cannot act on the terminal.
    /// </summary>
    public static string Escape(string text) => Escape(text, keepLineBreaks: false);

    /// <summary>Like <see cref="Escape(string)"/>, keeping tabs and line breaks (multi-line text such as notes).</summary>
    public static string EscapeMultiline(string text) => Escape(text, keepLineBreaks: true);

    private static string Escape(string text, bool keepLineBreaks)
    {
        if (FirstUnsafe(text, allowLineBreaks: keepLineBreaks) is null && (keepLineBreaks || text.AsSpan().IndexOfAny('\t', '\n', '\r') < 0))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if ((keepLineBreaks && c is '\t' or '\n' or '\r') || !(IsUnsafe(c) || c is '\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>Columns the text takes on a terminal: wide (CJK, full-width, most emoji) characters take two, combining marks none.</summary>
    public static int Width(string text)
    {
        var width = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            width += ElementWidth(elements.GetTextElement());
        }

        return width;
    }

    /// <summary>
    /// The text cut to at most <paramref name="maxWidth"/> columns at a character boundary, ending in
    /// <paramref name="ellipsis"/> when cut (the ellipsis counts in the width).
    /// </summary>
    public static string Shorten(string text, int maxWidth, string ellipsis = "…")
    {
        if (Width(text) <= maxWidth)
        {
            return text;
        }

        var room = Math.Max(0, maxWidth - Width(ellipsis));
        var builder = new StringBuilder();
        var used = 0;
        var elements = StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = elements.GetTextElement();
            var width = ElementWidth(element);
            if (used + width > room)
            {
                break;
            }

            builder.Append(element);
            used += width;
        }

        return builder.Append(ellipsis).ToString();
    }

    /// <summary>Pads with spaces on the right (or left) to <paramref name="width"/> columns.</summary>
    public static string Pad(string text, int width, bool right = false)
    {
        var pad = Math.Max(0, width - Width(text));
        return pad == 0 ? text : right ? new string(' ', pad) + text : text + new string(' ', pad);
    }

    private static int ElementWidth(string element)
    {
        if (!Rune.TryGetRuneAt(element, 0, out var first))
        {
            return 1; // A lone surrogate: shown as one replacement character.
        }

        var width = RuneWidth(first);
        // An emoji presentation selector makes a narrow symbol (❤, ☺) an emoji two columns wide.
        if (width == 1 && element.Contains('\uFE0F', StringComparison.Ordinal))
        {
            width = 2;
        }

        return width;
    }

    private static int RuneWidth(Rune rune)
    {
        var c = rune.Value;
        if (c < 0x20 || (c >= 0x7F && c < 0xA0))
        {
            return 0;
        }

        switch (Rune.GetUnicodeCategory(rune))
        {
            case UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.Format:
                return 0;
        }

        if (c is (>= 0x1160 and <= 0x11FF) or 0x200B)
        {
            return 0;
        }

        return IsWide(c) ? 2 : 1;
    }

    /// <summary>East Asian Wide and Fullwidth characters (Unicode 15), and the emoji shown two columns wide.</summary>
    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x231A and <= 0x231B) or (>= 0x2329 and <= 0x232A) or (>= 0x23E9 and <= 0x23EC)
            or 0x23F0 or 0x23F3 or (>= 0x25FD and <= 0x25FE) or (>= 0x2614 and <= 0x2615) or (>= 0x2648 and <= 0x2653)
            or 0x267F or 0x2693 or 0x26A1 or (>= 0x26AA and <= 0x26AB) or (>= 0x26BD and <= 0x26BE) or (>= 0x26C4 and <= 0x26C5)
            or 0x26CE or 0x26D4 or 0x26EA or (>= 0x26F2 and <= 0x26F3) or 0x26F5 or 0x26FA or 0x26FD or 0x2705
            or (>= 0x270A and <= 0x270B) or 0x2728 or 0x274C or 0x274E or (>= 0x2753 and <= 0x2755) or 0x2757
            or (>= 0x2795 and <= 0x2797) or 0x27B0 or 0x27BF or (>= 0x2B1B and <= 0x2B1C) or 0x2B50 or 0x2B55
            or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF) or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF)
            or (>= 0xA000 and <= 0xA4CF) or (>= 0xA960 and <= 0xA97F) or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0xFE10 and <= 0xFE19) or (>= 0xFE30 and <= 0xFE6F) or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6)
            or (>= 0x16FE0 and <= 0x16FE4) or (>= 0x17000 and <= 0x18CFF) or (>= 0x1B000 and <= 0x1B2FF) or 0x1F004 or 0x1F0CF
            or 0x1F18E or (>= 0x1F191 and <= 0x1F19A) or (>= 0x1F200 and <= 0x1F251) or (>= 0x1F300 and <= 0x1F320)
            or (>= 0x1F32D and <= 0x1F335) or (>= 0x1F337 and <= 0x1F37C) or (>= 0x1F37E and <= 0x1F393) or (>= 0x1F3A0 and <= 0x1F3CA)
            or (>= 0x1F3CF and <= 0x1F3D3) or (>= 0x1F3E0 and <= 0x1F3F0) or 0x1F3F4 or (>= 0x1F3F8 and <= 0x1F43E) or 0x1F440
            or (>= 0x1F442 and <= 0x1F4FC) or (>= 0x1F4FF and <= 0x1F53D) or (>= 0x1F54B and <= 0x1F54E) or (>= 0x1F550 and <= 0x1F567)
            or 0x1F57A or (>= 0x1F595 and <= 0x1F596) or 0x1F5A4 or (>= 0x1F5FB and <= 0x1F64F) or (>= 0x1F680 and <= 0x1F6C5)
            or 0x1F6CC or (>= 0x1F6D0 and <= 0x1F6D2) or (>= 0x1F6D5 and <= 0x1F6D7) or (>= 0x1F6DC and <= 0x1F6DF) or (>= 0x1F6EB and <= 0x1F6EC)
            or (>= 0x1F6F4 and <= 0x1F6FC) or (>= 0x1F7E0 and <= 0x1F7EB) or 0x1F7F0 or (>= 0x1F90C and <= 0x1F93A)
            or (>= 0x1F93C and <= 0x1F945) or (>= 0x1F947 and <= 0x1F9FF) or (>= 0x1FA70 and <= 0x1FAFF)
            or (>= 0x20000 and <= 0x2FFFD) or (>= 0x30000 and <= 0x3FFFD);
}
