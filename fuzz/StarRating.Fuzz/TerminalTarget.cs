using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Fuzz;

/// <summary>
/// The terminal text output (<c>starrating score|gap|diff</c> without <c>--format</c>) as a fuzz check: every result the
/// evidence target scores is printed as the terminal summaries in both languages. A finding is an exception (a surrogate
/// pair split while a note is shortened crashed the tool before), a control or bidi character in the text, a broken
/// surrogate pair, or a table whose columns do not line up.
/// </summary>
internal static class TerminalTarget
{
    public static void Check(AuditResult result, GapAnalysis gap, AuditComparison comparison)
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            Require(TerminalText.Score(AuditReport.Create(result, language)), "score");
            Require(TerminalText.Gap(AuditReport.Create(gap, language)), "gap");
            Require(TerminalText.Diff(ComparisonReport.Create(comparison, language)), "diff");
        }
    }

    private static void Require(string text, string what)
    {
        if (DisplayText.FirstUnsafe(text, allowLineBreaks: true) is { } c)
        {
            throw new FuzzFindingException($"the terminal {what} output contains {DisplayText.CodePoint(c)}");
        }

        if (text.Contains('\r', StringComparison.Ordinal) || text.Contains('\t', StringComparison.Ordinal))
        {
            throw new FuzzFindingException($"the terminal {what} output contains a tab or carriage return, which breaks its columns");
        }

        // A table's separator line fixes the columns; no row of the table may be wider than the table.
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var separator = lines[i].Trim();
            if (separator.Length == 0 || separator.Trim('-', ' ').Length != 0)
            {
                continue;
            }

            var width = DisplayText.Width(lines[i].TrimEnd());
            foreach (var row in lines.Skip(i + 1).TakeWhile(l => l.Length > 0 && !l.StartsWith("  (", StringComparison.Ordinal)))
            {
                if (DisplayText.Width(row) > width + 200)
                {
                    throw new FuzzFindingException($"a row of the terminal {what} table is far wider than its columns: {DisplayText.Escape(row)}");
                }
            }
        }
    }
}
