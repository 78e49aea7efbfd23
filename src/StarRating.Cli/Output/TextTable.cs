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
