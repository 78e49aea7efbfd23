using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>
/// The terminal summaries of <c>merge</c> (who covered what) and of agreement (<c>merge --agreement</c>,
/// <c>agreement FOLDER</c>). They present what <see cref="TeamMerge"/> and <see cref="TeamAgreement"/> computed; every
/// word comes from the vocabulary, every figure was rounded by the engine for display.
/// </summary>
internal static class TeamText
{
    /// <summary>Spreads listed before "… and N more".</summary>
    private const int SpreadLines = 10;

    public static string Coverage(TeamMergeResult merged, Wording w)
    {
        var text = new StringWriter { NewLine = "\n" };
        var coverage = merged.Coverage;
        text.Write(w.Format("terminal.team_header", ("company", merged.Evidence.Company.Name), ("assessors", coverage.Assessors.Count), ("findings", merged.Evidence.Findings.Count)) + "\n\n");
        var table = new TextTable()
            .Column(w.Text("label.col_assessor"))
            .Column(w.Text("label.col_role"))
            .Column(w.Text("label.col_file"))
            .Column(w.Text("label.col_findings"), right: true)
            .Column(w.Text("label.col_indicators_covered"), wrap: 48);
        foreach (var assessor in coverage.Assessors)
        {
            table.Row(assessor.Name, Role(assessor.Role, w), Rules.Text.DisplayText.Escape(Path.GetFileName(assessor.Source)), Count(assessor.Findings), string.Join(" ", assessor.Indicators));
        }

        table.WriteTo(text);
        text.Write("\n");
        Line(text, w, "terminal.team_agreed", coverage.Agreed);
        Line(text, w, "terminal.team_pooled", coverage.Pooled);
        Line(text, w, "terminal.team_unresolved", coverage.Unresolved);
        if (coverage.Unassessed.Count == 0)
        {
            text.Write(w.Text("terminal.team_all_assessed") + "\n");
        }
        else
        {
            Line(text, w, "terminal.team_unassessed", coverage.Unassessed);
        }

        return text.ToString();
    }

    /// <summary>
    /// Agreement per indicator and overall, and the spreads; with <paramref name="folder"/> (many audits) per pair of
    /// assessors too, and which audit each spread is in.
    /// </summary>
    public static string Agreement(TeamAgreement agreement, Wording w, bool folder)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.Write(w.Text("terminal.agreement_title") + "\n");
        if (agreement.Overall.Items == 0)
        {
            text.Write(w.Text("terminal.agreement_none") + "\n");
            return text.ToString();
        }

        var table = FiguresTable(w, w.Text("label.col_indicator"));
        foreach (var indicator in agreement.Indicators)
        {
            Row(table, $"{indicator.Id} {indicator.Name.Get(w.Language)}", indicator.Figures, w);
        }

        Row(table, w.Text("label.overall"), agreement.Overall, w);
        table.WriteTo(text);

        if (agreement.Pairs.Count > 1 || (folder && agreement.Pairs.Count > 0))
        {
            text.Write("\n" + w.Text("terminal.agreement_pairs") + "\n");
            var byPair = FiguresTable(w, w.Text("label.col_pair"));
            foreach (var pair in agreement.Pairs)
            {
                Row(byPair, pair.First + " · " + pair.Second, pair.Figures, w);
            }

            byPair.WriteTo(text);
        }

        text.Write("\n");
        if (agreement.Spreads.Count == 0)
        {
            text.Write(w.Text("terminal.no_spreads") + "\n");
            return text.ToString();
        }

        text.Write(w.Format("terminal.spreads_title", ("threshold", agreement.Threshold)) + "\n");
        // The audit column only where there are several audits to tell apart (agreement FOLDER).
        var audits = folder;
        var spreads = new TextTable().Column(w.Text("label.col_item"));
        if (audits)
        {
            spreads.Column(w.Text("label.col_audit"));
        }

        spreads.Column(w.Text("label.col_assessor_points")).Column(w.Text("label.col_spread"), right: true).Column("");
        foreach (var spread in agreement.Spreads.Take(SpreadLines))
        {
            var points = string.Join(" · ", spread.Points.Select(p => p.Assessor + " " + ReportFigures.Points(p.Points)));
            var cells = new List<string> { spread.Target };
            if (audits)
            {
                cells.Add(Rules.Text.DisplayText.Escape(Path.GetFileName(spread.Audit)));
            }

            cells.AddRange([points, ReportFigures.Points(spread.Spread)!, spread.Flagged ? "⚑" : ""]);
            spreads.Row([.. cells]);
        }

        spreads.WriteTo(text);
        if (agreement.Spreads.Count > SpreadLines)
        {
            text.Write(w.Format("terminal.spreads_more", ("count", agreement.Spreads.Count - SpreadLines)) + "\n");
        }

        return text.ToString();
    }

    private static TextTable FiguresTable(Wording w, string first) => new TextTable()
        .Column(first)
        .Column(w.Text("label.col_rated"), right: true)
        .Column(w.Text("label.col_alike"), right: true)
        .Column(w.Text("label.col_kappa"), right: true);

    private static void Row(TextTable table, string name, AgreementFigures figures, Wording w) =>
        table.Row(name, Count(figures.Items), ReportFigures.Percent(figures.AlikePercent) ?? "—", Kappa(figures, w));

    private static string Kappa(AgreementFigures figures, Wording w) => figures.Gap switch
    {
        AgreementGap.OneCategory => w.Text("terminal.kappa_one_category"),
        AgreementGap.NoPairs => w.Text("terminal.kappa_no_pairs"),
        // Three decimals, as the engine rounded it; one minus sign (U+2212) for negative values, as every other figure.
        _ => (figures.Kappa!.Value < 0 ? "\u2212" : "") + Numbers.Fixed(Math.Abs(figures.Kappa.Value), 3),
    };

    private static void Line(StringWriter text, Wording w, string key, IReadOnlyList<string> items)
    {
        if (items.Count > 0)
        {
            text.Write(w.Format(key, ("count", items.Count), ("items", items)) + "\n");
        }
    }

    private static string Role(string role, Wording w) => Vocabulary.Default.Contains("role." + role) ? w.Text("role." + role) : role;

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
