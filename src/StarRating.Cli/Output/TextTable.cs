using System.Globalization;
using System.Text;

namespace StarRating.Cli.Output;

/// <summary>A plain-text table whose columns line up in a terminal, counting CJK characters as two columns wide.</summary>
internal sealed class TextTable
{
    private readonly List<(string Header, bool Right)> columns = [];
    private readonly List<string[]> rows = [];

    public TextTable Column(string header, bool right = false)
    {
        columns.Add((header, right));
        return this;
    }

    public TextTable Row(params string[] cells)
    {
        rows.Add(cells);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        var widths = columns.Select((c, i) => Math.Max(Width(c.Header), rows.Count == 0 ? 0 : rows.Max(r => Width(r[i])))).ToArray();
        writer.Write(Line(columns.Select(c => c.Header).ToArray(), widths, indent));
        writer.Write(indent + string.Join("  ", widths.Select(w => new string('-', w))).TrimEnd() + "\n");
        foreach (var row in rows)
        {
            writer.Write(Line(row, widths, indent));
        }
    }

    /// <summary>Display width: East Asian wide and full-width characters take two columns.</summary>
    public static int Width(string text)
    {
        var width = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var rune = Rune.GetRuneAt((string)enumerator.Current, 0);
            width += IsWide(rune.Value) ? 2 : 1;
        }

        return width;
    }

    private static bool IsWide(int c) =>
        c is (>= 0x1100 and <= 0x115F) or (>= 0x2E80 and <= 0x303E) or (>= 0x3041 and <= 0x33FF)
            or (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xA000 and <= 0xA4CF)
            or (>= 0xAC00 and <= 0xD7A3) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFE30 and <= 0xFE4F)
            or (>= 0xFF00 and <= 0xFF60) or (>= 0xFFE0 and <= 0xFFE6) or (>= 0x20000 and <= 0x3FFFD);

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
