using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>
/// The readable terminal summaries. Like every other output they only present the report model: no score, tier or
/// gain is computed here, and every word comes from the vocabulary (labels <c>label.*</c>, lines <c>terminal.*</c>).
/// </summary>
internal static class TerminalText
{
    /// <summary>Display width of the finding column of the rectification list; longer findings wrap onto more lines.</summary>
    private const int FindingWidth = 56;

    public static string Score(AuditReport report)
    {
        var r = report.Result;
        var w = report.Wording;
        var text = new StringWriter { NewLine = "\n" };
        Header(text, report);

        text.Write(w.Format("terminal.score_line", ("score", report.Score), ("total", r.PossiblePoints), ("caption", report.TierCaption), ("tier", r.Tier.Label), ("stars", Stars(r.Tier))) + "\n");
        foreach (var (label, value) in new[] { ("decision", report.DecisionText), ("certificate", report.CertificateText), ("surveillance_due", report.SurveillanceText) })
        {
            if (value is not null)
            {
                text.Write(report.Label(label) + report.Label("colon") + value + "\n");
            }
        }

        text.Write(w.Format("terminal.formula", ("formula", report.FormulaText)) + "\n");
        foreach (var block in r.TierBlocks)
        {
            text.Write(w.Format("terminal.not_granted", ("tier", block.Tier.Label), ("reason", block.Reason)) + "\n");
        }

        text.Write((r.NextTier is null ? w.Format("terminal.top_tier", ("text", report.NextTierText)) : w.Format("terminal.next_tier", ("text", report.NextTierText))) + "\n\n");

        var table = new TextTable()
            .Column(report.Label("col_category_indicator"))
            .Column(report.Label("col_earned"), right: true)
            .Column(report.Label("col_applicable"), right: true)
            .Column(report.Label("col_possible"), right: true)
            .Column(report.Label("col_percent"), right: true);
        foreach (var category in r.Categories)
        {
            table.Row($"{category.Category.Id} {report.Text(category.Category.Name)}", Points(category.Earned), Points(category.Applicable), Points(category.Possible), Percent(category.Percent, report));
            foreach (var indicator in category.Indicators)
            {
                table.Row($"  {indicator.Indicator.Id} {report.Text(indicator.Indicator.Name)}", indicator.Excluded ? "—" : Points(indicator.Earned), Points(indicator.Applicable), Points(indicator.Possible), Percent(indicator.Percent, report));
            }
        }

        table.WriteTo(text);

        if (r.Nonconformities.Count > 0)
        {
            text.Write("\n" + w.Format("terminal.section_count", ("title", report.Label("sec_rectification")), ("count", r.Nonconformities.Count)) + "\n");
            var list = new TextTable()
                .Column(report.Label("col_grade"))
                .Column(report.Label("col_item"))
                .Column(report.Label("col_lost"), right: true)
                .Column(report.Label("col_description"), wrap: FindingWidth);
            foreach (var nc in r.Nonconformities)
            {
                // The whole finding, wrapped: a note often opens with what conforms and states the nonconformity after.
                var grade = nc.Repeated ? report.Grade(nc.Grade) + report.Label("repeated_suffix") : report.Grade(nc.Grade);
                list.Row(grade, nc.Id ?? "—", ReportFigures.Lost(nc.LostPoints), OneLine(report.Text(nc.Description)));
            }

            list.WriteTo(text, "  ");
            text.Write("  " + w.Text("terminal.full_report_hint") + "\n");
        }

        if (r.Previous is { } previous)
        {
            text.Write("\n" + report.Label("sec_previous") + "\n  " + report.PreviousText + "\n");
            if (previous.Nonconformities.Count > 0)
            {
                var follow = new TextTable()
                    .Column(report.Label("col_nc_id"))
                    .Column(report.Label("col_item"))
                    .Column(report.Label("col_grade"))
                    .Column(report.Label("col_due"))
                    .Column(report.Label("col_status_now"));
                foreach (var n in previous.Nonconformities)
                {
                    var due = n.Due is { } d ? ReportFigures.Date(d) + (n.Overdue ? report.Label("overdue_suffix") : "") : "—";
                    follow.Row(n.Id ?? "—", n.Item, report.Grade(n.Grade), due, report.FollowUp(n.Status));
                }

                follow.WriteTo(text, "  ");
            }
        }

        if (r.Exclusions.Count > 0)
        {
            text.Write("\n" + report.Label("sec_exclusions") + "\n");
            foreach (var exclusion in r.Exclusions)
            {
                var name = exclusion.IsIndicator ? report.Text(exclusion.Name) : w.Text("scope.item");
                text.Write("  " + w.Format("terminal.exclusion", ("id", exclusion.Id), ("name", name), ("points", exclusion.Points), ("reason", OneLine(exclusion.Reason))) + "\n");
            }
        }

        if (r.NotAssessed.Count > 0)
        {
            text.Write("\n" + w.Format("terminal.not_assessed", ("title", report.Label("sec_not_assessed")), ("count", r.NotAssessed.Count), ("items", string.Join(", ", r.NotAssessed.Select(i => i.Item.Id)))) + "\n");
        }

        Notes(text, report);
        return Columns(text.ToString());
    }

    public static string Gap(AuditReport report)
    {
        var r = report.Result;
        var gap = report.Gap;
        var w = report.Wording;
        var text = new StringWriter { NewLine = "\n" };
        Header(text, report);
        text.Write(w.Format("terminal.gap_score_line", ("score", report.Score), ("tier", r.Tier.Label), ("stars", Stars(r.Tier))) + "\n");
        if (gap.Target is null)
        {
            text.Write(report.Label("gap_no_target") + "\n");
        }
        else
        {
            text.Write(w.Format("terminal.gap_target", ("tier", gap.Target.Label), ("stars", Stars(gap.Target)), ("min", gap.Target.MinScore), ("points", gap.PointsMissing ?? 0)) + "\n");
            foreach (var blocker in gap.Blockers)
            {
                text.Write(w.Format("terminal.labelled", ("label", report.Label("gap_blockers")), ("text", blocker)) + "\n");
            }

            if (gap.Plan.Count > 0)
            {
                text.Write("\n" + w.Format(
                    "terminal.gap_plan",
                    ("count", gap.Plan.Count),
                    ("projected", ReportFigures.Score(gap.ProjectedScore ?? 0, r.Rubric)),
                    ("reached", gap.Reachable ? "true" : "false")) + "\n");
                GapTable(gap.Plan, report).WriteTo(text, "  ");
            }
        }

        if (gap.Ranked.Count > 0)
        {
            text.Write("\n" + w.Format("terminal.section_count", ("title", report.Label("gap_ranked")), ("count", gap.Ranked.Count)) + "\n");
            GapTable(gap.Ranked, report).WriteTo(text, "  ");
        }

        Notes(text, report);
        return Columns(text.ToString());
    }

    public static string Diff(ComparisonReport model)
    {
        var c = model.Comparison;
        var before = model.Before;
        var after = model.After;
        var w = model.Wording;
        var text = new StringWriter { NewLine = "\n" };
        text.Write($"{c.After.Company.Name}\n");
        var beforeLabel = after.Label("col_before");
        var afterLabel = after.Label("col_after");
        var labelWidth = Math.Max(TextTable.Width(beforeLabel), TextTable.Width(afterLabel));
        foreach (var (label, side) in new[] { (beforeLabel, before), (afterLabel, after) })
        {
            var result = side.Result;
            text.Write(w.Format(
                "terminal.diff_side",
                ("label", label),
                ("pad", new string(' ', labelWidth - TextTable.Width(label))),
                ("kind", side.Kind(result.Audit.Kind)),
                ("dates", ReportFigures.DateRange(result.Audit) is { } range ? " " + range : ""),
                ("score", side.Score),
                ("tier", result.Tier.Label),
                ("stars", Stars(result.Tier))) + "\n");
        }

        text.Write(w.Format("terminal.diff_change", ("delta", ReportFigures.Signed(c.ScoreDelta)), ("change", model.TierChangeText)) + "\n");
        foreach (var warning in c.Warnings)
        {
            text.Write(w.Format("terminal.warning", ("code", warning.Code), ("message", warning.MessageIn(w.Language))) + "\n");
        }

        text.Write("\n");

        var table = new TextTable()
            .Column(after.Label("col_category_indicator"))
            .Column(beforeLabel, right: true)
            .Column(afterLabel, right: true)
            .Column(after.Label("col_delta"), right: true)
            .Column(after.Label("col_percent_delta"), right: true);
        // Grouped by the later rubric's categories (ids need not be clause numbers).
        var indicatorsByCategory = c.Indicators.ToLookup(i => c.After.Rubric.FindIndicator(i.Id)?.Category.Id ?? "");
        foreach (var category in c.Categories)
        {
            table.Row($"{category.Id} {after.Text(category.Name)}", Opt(category.BeforeEarned), Opt(category.AfterEarned), OptSigned(category.EarnedDelta), OptPercent(category.PercentDelta));
            foreach (var indicator in indicatorsByCategory[category.Id])
            {
                table.Row($"  {indicator.Id} {after.Text(indicator.Name)}", Opt(indicator.BeforeEarned), Opt(indicator.AfterEarned), OptSigned(indicator.EarnedDelta), OptPercent(indicator.PercentDelta));
            }
        }

        table.WriteTo(text);
        if (c.ChangedItems.Count > 0)
        {
            text.Write("\n" + w.Format("terminal.section_count", ("title", after.Label("sec_changed_items")), ("count", c.ChangedItems.Count)) + "\n");
            var items = new TextTable()
                .Column(after.Label("col_item"))
                .Column(beforeLabel)
                .Column(afterLabel)
                .Column(after.Label("col_delta"), right: true);
            if (c.RubricChanges is not null)
            {
                // Across rubrics, the item's points before → after when the rubric changed it.
                items.Column(after.Label("cmp_rubric_changed"));
            }

            foreach (var item in c.ChangedItems)
            {
                var cells = new List<string> { item.Id, item.Before is { } b ? after.Status(b) : "—", item.After is { } a ? after.Status(a) : "—", OptSigned(item.EarnedDelta) };
                if (c.RubricChanges is not null)
                {
                    cells.Add(item.RubricChanged ? $"{Opt(item.BeforePoints)} → {Opt(item.AfterPoints)}" : "");
                }

                items.Row([.. cells]);
            }

            items.WriteTo(text, "  ");
        }

        if (c.RubricChanges is { } diff)
        {
            text.Write("\n" + w.Format("terminal.section_count", ("title", after.Label("cmp_rubric_changes")), ("count", diff.Changes.Count)) + "\n");
            text.Write("  " + after.Label("cmp_rubric_note") + "\n");
            ChangeTable(diff, w).WriteTo(text, "  ");
        }

        return Columns(text.ToString());
    }

    public static string RubricList(IReadOnlyList<Rubric> rubrics, Wording w)
    {
        string Label(string key) => w.Text("label." + key);
        var text = new StringWriter { NewLine = "\n" };
        text.Write(Label("rubric_built_in") + "\n\n");
        var table = new TextTable()
            .Column(Label("col_rubric_id"))
            .Column(Label("col_version"))
            .Column(Label("standard"))
            .Column(Label("possible_points"), right: true)
            .Column(Label("rubric_tiers_summary"))
            .Column(Label("col_title"));
        foreach (var rubric in rubrics)
        {
            var tiers = string.Join(" · ", rubric.Tiers.Skip(1).Select(t => $"{t.Label.Get(w.Language)} ≥ {Points(t.MinScore)}"));
            table.Row(rubric.Id, rubric.Version, rubric.Standard, Points(rubric.TotalPoints), tiers, Shorten(rubric.Title.Get(w.Language), 40));
        }

        table.WriteTo(text);
        text.Write("\n" + w.Text("terminal.rubric_list_usage") + "\n");
        return Columns(text.ToString());
    }

    public static string RubricDiff(RubricDiff diff, Wording w)
    {
        string Label(string key) => w.Text("label." + key);
        var text = new StringWriter { NewLine = "\n" };
        text.Write(Label("rubric_diff_title") + "\n");
        text.Write(w.Format("terminal.labelled", ("label", Label("diff_before")), ("text", Identity(diff.Before, w))) + "\n");
        text.Write(w.Format("terminal.labelled", ("label", Label("diff_after")), ("text", Identity(diff.After, w))) + "\n\n");
        if (diff.IsEmpty)
        {
            text.Write(Label("rubric_diff_none") + "\n");
            return Columns(text.ToString());
        }

        text.Write(w.Format(
            "terminal.rubric_diff_summary",
            ("count", diff.Changes.Count),
            ("points", diff.Changes.Count(c => c.IsPoints)),
            ("added", diff.Changes.Count(c => c.Kind == RubricChangeKind.Added)),
            ("removed", diff.Changes.Count(c => c.Kind == RubricChangeKind.Removed)),
            ("tiers", diff.Changes.Count(c => c.Part == RubricPart.Tier)),
            ("conditions", diff.Changes.Count(c => c.IsCondition))) + "\n\n");
        ChangeTable(diff, w).WriteTo(text);
        return Columns(text.ToString());
    }

    private static TextTable ChangeTable(RubricDiff diff, Wording w)
    {
        string Label(string key) => w.Text("label." + key);
        var table = new TextTable()
            .Column(Label("col_part"))
            .Column(Label("col_entry"))
            .Column(Label("col_change"))
            .Column(Label("col_key"))
            .Column(Label("diff_before"))
            .Column(Label("diff_after"));
        foreach (var change in diff.Changes)
        {
            table.Row(
                w.Text("rubric_part." + RubricWords.Of(change.Part)),
                change.Id.Length == 0 ? "—" : change.Id,
                w.Text("rubric_change." + RubricWords.Of(change.Kind)),
                change.Key,
                change.Before is null ? "—" : Shorten(OneLine(change.Before), 36),
                change.After is null ? "—" : Shorten(OneLine(change.After), 36));
        }

        return table;
    }

    /// <summary>"acme 2026.1 · SHA-256 f5c6ec0d256c… (gbt27922-2011 2026.1)": the base in parentheses for an overlay.</summary>
    private static string Identity(Rubric rubric, Wording w) => w.Format(
        "terminal.rubric_identity",
        ("id", rubric.Id),
        ("version", rubric.Version),
        ("sha", rubric.Sha256[..12]),
        ("base", rubric.Base is { } b ? b.Id + " " + b.Version : "none"));

    public static string Rubric(Rubric rubric, Wording w)
    {
        string Label(string key) => w.Text("label." + key);
        var text = new StringWriter { NewLine = "\n" };
        text.Write(w.Format(
            "terminal.rubric_title",
            ("title", rubric.Title),
            ("standard", rubric.Standard),
            ("id", rubric.Id),
            ("version", rubric.Version),
            ("sha", rubric.Sha256)) + "\n");
        for (var layer = rubric.Base; layer is not null; layer = layer.Base)
        {
            text.Write(w.Format("terminal.rubric_base_line", ("id", layer.Id), ("version", layer.Version), ("sha", layer.Sha256), ("source", layer.SourceName)) + "\n");
        }

        text.Write('\n');

        // For an overlay, a last column says which file and line set each row's points.
        var overlay = rubric.Base is not null;
        string Source(RubricPart part, string id) =>
            overlay && rubric.OriginOf(part, id, "points") is { } origin ? ShortLocation(origin.Location) : "";
        var table = new TextTable()
            .Column(Label("col_id"))
            .Column(Label("col_points"), right: true)
            .Column(Label("col_name_requirement"));
        if (overlay)
        {
            table.Column(Label("rubric_source"));
        }

        void Row(string id, string points, string name, string source)
        {
            if (overlay)
            {
                table.Row(id, points, name, source);
            }
            else
            {
                table.Row(id, points, name);
            }
        }

        foreach (var category in rubric.Categories)
        {
            Row(category.Id, Points(category.Points), category.Name.Get(w.Language), Source(RubricPart.Category, category.Id));
            foreach (var indicator in category.Indicators)
            {
                Row("  " + indicator.Id, Points(indicator.Points) + (indicator.PointsProvisional ? "*" : ""), indicator.Name.Get(w.Language), Source(RubricPart.Indicator, indicator.Id));
                foreach (var item in indicator.Items)
                {
                    Row("    " + item.Id, Points(item.Points), overlay ? Shorten(OneLine(item.Requirement.Get(w.Language)), 48) : OneLine(item.Requirement.Get(w.Language)), Source(RubricPart.Item, item.Id));
                }
            }
        }

        table.WriteTo(text);
        if (rubric.HasProvisionalPoints)
        {
            // For the people who maintain the rubric: its own note on how to replace the provisional points.
            text.Write($"\n* {rubric.ProvisionalNote?.Get(w.Language) ?? w.Text("notice.provisional-points")}\n");
        }

        text.Write($"\n{Label("tier_thresholds")}\n");
        foreach (var tier in rubric.Tiers)
        {
            var prerequisites = tier.Prerequisites.Count > 0 ? $"  {Label("col_prerequisite")} {string.Join(", ", tier.Prerequisites)}" : "";
            text.Write($"  ≥ {Points(tier.MinScore),-5} {tier.Id,-12} {tier.Label.Get(w.Language)}{Stars(tier)}{prerequisites}\n");
        }

        var s = rubric.Scoring;
        text.Write(w.Format(
            "terminal.rubric_scoring",
            ("decimals", s.Decimals),
            ("rounding", RoundingWord(s.Rounding)),
            ("deduction", s.DefaultDeduction),
            ("bonus_count", s.MaxBonusCount),
            ("bonus", s.MaxBonusPoints),
            ("max_deductions", s.MaxSpecialDeductions is { } max ? max.ToString(System.Globalization.CultureInfo.InvariantCulture) : "none")) + "\n");
        if (overlay)
        {
            text.Write("\n" + Label("rubric_overlay_values") + "\n");
            var values = new TextTable()
                .Column(Label("col_part"))
                .Column(Label("col_entry"))
                .Column(Label("col_key"))
                .Column(Label("rubric_source"));
            foreach (var origin in rubric.Origins.Where(o => o.Layer > 0))
            {
                values.Row(
                    w.Text("rubric_part." + RubricWords.Of(origin.Part)),
                    origin.Id.Length == 0 ? "—" : origin.Id,
                    origin.Key == "remove" ? Label("rubric_removed") : origin.Key,
                    origin.Location.ToString());
            }

            values.WriteTo(text, "  ");
        }

        return Columns(text.ToString());
    }

    /// <summary>"acme.yaml:12": the file name without its folder, and the line (the full path is in the header).</summary>
    private static string ShortLocation(SourceLocation location) =>
        Path.GetFileName(location.File) + ":" + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TextTable GapTable(IReadOnlyList<GapItem> items, AuditReport report)
    {
        var table = new TextTable()
            .Column(report.Label("col_item"))
            .Column(report.Label("col_status"))
            .Column(report.Label("col_lost"), right: true)
            .Column(report.Label("col_gain"), right: true)
            .Column(report.Label("col_requirement"));
        foreach (var g in items)
        {
            var requirement = OneLine(report.Text(g.Item.Item.Requirement));
            table.Row(g.Item.Item.Id + (g.Prerequisite ? "!" : ""), report.Status(g.Item.Status), Points(g.LostPoints), "+" + Points(g.ScoreGain), Shorten(requirement, 40));
        }

        return table;
    }

    private static void Header(StringWriter text, AuditReport report)
    {
        var r = report.Result;
        var w = report.Wording;
        text.Write($"{r.Company.Name}\n");
        var parts = new List<string> { report.Kind(r.Audit.Kind) };
        if (ReportFigures.DateRange(r.Audit) is { } dates)
        {
            parts.Add(dates);
        }

        if (report.Lead is { } lead)
        {
            parts.Add(w.Format("terminal.lead", ("name", lead.Name)));
        }

        text.Write(string.Join(" · ", parts) + "\n");
        text.Write((r.Rubric.Base is { } baseRubric
            ? w.Format("terminal.rubric_line_base", ("id", r.Rubric.Id), ("version", r.Rubric.Version), ("sha", r.Rubric.Sha256[..16]), ("base_id", baseRubric.Id), ("base_version", baseRubric.Version), ("base_sha", baseRubric.Sha256[..16]))
            : w.Format("terminal.rubric_line", ("id", r.Rubric.Id), ("version", r.Rubric.Version), ("sha", r.Rubric.Sha256[..16]))) + "\n");
        if (report.MockMark is { } mark)
        {
            text.Write(w.Format("terminal.mock_mark", ("mark", mark)) + "\n");
        }

        text.Write("\n");
    }

    private static void Notes(StringWriter text, AuditReport report)
    {
        var r = report.Result;
        if (r.Notices.Count == 0 && r.Warnings.Count == 0)
        {
            return;
        }

        text.Write($"\n{report.Label("sec_notices")}\n");
        foreach (var notice in r.Notices)
        {
            text.Write($"  · {report.Text(notice.Text)}\n");
        }

        foreach (var warning in r.Warnings)
        {
            text.Write("  · " + report.Wording.Format("terminal.warning", ("code", warning.Code), ("message", warning.MessageIn(report.Wording.Language))) + "\n");
        }
    }

    private static string RoundingWord(ScoreRounding rounding) => rounding switch
    {
        ScoreRounding.HalfEven => "half_even",
        ScoreRounding.Down => "down",
        _ => "half_away_from_zero",
    };

    /// <summary>A tab or carriage return in a name or note would break the columns: each shows as a space.</summary>
    private static string Columns(string text) => text.Replace('\t', ' ').Replace('\r', ' ');

    private static string Stars(Tier tier) => tier.Stars > 0 ? " " + ReportFigures.Stars(tier.Stars) : "";

    private static string Points(decimal value) => ReportFigures.Points(value)!;

    private static string Percent(decimal? value, AuditReport report) => ReportFigures.Percent(value) ?? report.Label("excluded");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Replace('\t', ' ').Trim();

    private static string Shorten(string text, int width) => Rules.Text.DisplayText.Shorten(text, width);

    private static string Opt(decimal? value) => value is { } v ? Points(v) : "—";

    private static string OptSigned(decimal? value) => value is { } v ? ReportFigures.Signed(v) : "—";

    private static string OptPercent(decimal? value) => value is { } v ? ReportFigures.Signed(v) + "%" : "—";
}
