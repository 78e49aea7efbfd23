using System.Globalization;
using System.Text;

namespace StarRating.Cli.Output;

/// <summary>
/// A plain-text table whose columns line up in a terminal, counting CJK characters as two columns wide. A column
/// with a wrap width breaks longer cells over several lines (at that display width), so nothing is cut off.
/// </summary>
internal sealed class TextTable
{
    private readonly List<(string Header, bool Right, int Wrap)> columns = [];
    private readonly List<string[]> rows = [];

    public TextTable Column(string header, bool right = false, int wrap = 0)
    {
        columns.Add((header, right, wrap));
        return this;
    }

    public TextTable Row(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var lines = rows.SelectMany(Wrap).ToArray();
        var widths = columns.Select((c, i) => Math.Max(Width(c.Header), lines.Length == 0 ? 0 : lines.Max(r => Width(r[i])))).ToArray();
        writer.Write(Line(columns.Select(c => c.Header).ToArray(), widths, indent));
        writer.Write(indent + string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd() + "\n");
        foreach (var line in lines)
        {
            writer.Write(Line(line, widths, indent));
        }
    }

    /// <summary>A row as one or more lines: wrapped cells continue below, the other cells stay blank there.</summary>
    private IEnumerable<string[]> Wrap(string[] row)
    {
        var parts = row.Select((cell, i) => columns[i].Wrap > 0 ? Break(cell, columns[i].Wrap) : [cell]).ToArray();
        var count = parts.Max(p => p.Count);
        for (var line = 0; line < count; line++)
        {
            yield return parts.Select(p => line < p.Count ? p[line] : "").ToArray();
        }
    }

    /// <summary>
    /// Breaks text into lines of at most <paramref name="width"/> display columns: between words of Latin text, between
    /// characters of CJK text, never inside a character (a word longer than a line is broken between its characters).
    /// </summary>
    private static List<string> Break(string text, int width)
    {
        // Tokens: a space, a wide character, or a run of other text elements (a word).
        var tokens = new List<string>();
        var word = new StringBuilder();
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var element = (string)enumerator.Current;
            if (element == " " || Width(element) > 1)
            {
                if (word.Length > 0)
                {
                    tokens.Add(word.ToString());
                    word.Clear();
                }

                tokens.Add(element);
            }
            else
            {
                word.Append(element);
            }
        }

        if (word.Length > 0)
        {
            tokens.Add(word.ToString());
        }

        var lines = new List<string>();
        var line = new StringBuilder();
        var lineWidth = 0;
        var last = "";
        foreach (var token in tokens)
        {
            var tokenWidth = Width(token);
            if (lineWidth + tokenWidth > width && lineWidth > 0)
            {
                // Chinese line breaking: a line does not start with closing punctuation (,。、)”…) nor end with
                // opening punctuation ((“《…); the character before it moves down with it.
                var carry = "";
                if ((NoLineStart(token) || NoLineEnd(last)) && last.Length > 0 && line.Length > last.Length)
                {
                    carry = last;
                    line.Length -= last.Length;
                }

                lines.Add(line.ToString().TrimEnd());
                line.Clear().Append(carry);
                lineWidth = Width(carry);
                if (token == " ")
                {
                    continue;
                }
            }

            if (tokenWidth > width)
            {
                // A word longer than the column: character by character.
                var characters = StringInfo.GetTextElementEnumerator(token);
                while (characters.MoveNext())
                {
                    var element = (string)characters.Current;
                    if (lineWidth + Width(element) > width && lineWidth > 0)
                    {
                        lines.Add(line.ToString());
                        line.Clear();
                        lineWidth = 0;
                    }

                    line.Append(element);
                    lineWidth += Width(element);
                }

                continue;
            }

            line.Append(token);
            lineWidth += tokenWidth;
            last = token;
        }

        lines.Add(line.ToString().TrimEnd());
        return lines;
    }

    /// <summary>Closing punctuation, commas and stops (,。、;:?!)”」…) may not open a line.</summary>
    private static bool NoLineStart(string token) =>
        token.Length == 1 && CharUnicodeInfo.GetUnicodeCategory(token[0]) switch
        {
            UnicodeCategory.ClosePunctuation or UnicodeCategory.FinalQuotePunctuation => true,
            UnicodeCategory.OtherPunctuation => token[0] is not ('#' or '&' or '*' or '@' or '/' or '\\' or '"' or '\''),
            _ => false,
        };

    /// <summary>Opening punctuation ((“「《) may not close a line.</summary>
    private static bool NoLineEnd(string token) =>
        token.Length == 1 && CharUnicodeInfo.GetUnicodeCategory(token[0]) is UnicodeCategory.OpenPunctuation or UnicodeCategory.InitialQuotePunctuation;

    /// <summary>Display width in terminal columns (whole characters; wide CJK and emoji take two).</summary>
    public static int Width(string text) => Rules.Text.DisplayText.Width(text);

    private string Line(string[] cells, int[] widths, string indent)
    {
        var line = new StringBuilder(indent);
        for (var i = 0; i < cells.Length; i++)
        {
            var pad = new string(' ', widths[i] - Width(cells[i]));
            line.Append(columns[i].Right ? pad + cells[i] : cells[i] + pad);
            if (i < cells.Length - 1)
            {
                line.Append("  ");
            }
        }

        return line.ToString().TrimEnd() + "\n";
    }
}
