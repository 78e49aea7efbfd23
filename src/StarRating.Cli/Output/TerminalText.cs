using System.Text;
using StarRating.Engine;
using StarRating.Rules;
using static StarRating.Cli.Output.Labels;

namespace StarRating.Cli.Output;

/// <summary>
/// The readable terminal summaries. Like every other output they only present the engine's result: no score,
/// tier or gain is computed here.
/// </summary>
internal static class TerminalText
{
    public static string Score(AuditResult r, Language l)
    {
        var text = new StringWriter { NewLine = "\n" };
        Header(text, r, l);

        text.Write($"{T(l, "得分", "Score")} {ScoreText(r.Score, r.Rubric)} / {Number(r.PossiblePoints)}    {T(l, "等级", "Tier")} {r.Tier.Label.Get(l)}{Stars(r.Tier)}\n");
        text.Write(Formula(r, l) + "\n");
        foreach (var block in r.TierBlocks)
        {
            text.Write($"{T(l, "未授予", "Not granted")} {block.Tier.Label.Get(l)}: {block.Reason.Get(l)}\n");
        }

        text.Write(NextTier(r, l) + "\n\n");

        var table = new TextTable()
            .Column(T(l, "类别 / 指标", "Category / indicator"))
            .Column(T(l, "实得", "Earned"), right: true)
            .Column(T(l, "涉及", "Applicable"), right: true)
            .Column(T(l, "满分", "Possible"), right: true)
            .Column(T(l, "得分率", "Percent"), right: true);
        foreach (var category in r.Categories)
        {
            table.Row($"{category.Category.Id} {category.Category.Name.Get(l)}", Number(category.Earned), Number(category.Applicable), Number(category.Possible), Percent(category.Percent, l));
            foreach (var indicator in category.Indicators)
            {
                table.Row($"  {indicator.Indicator.Id} {indicator.Indicator.Name.Get(l)}", indicator.Excluded ? "—" : Number(indicator.Earned), Number(indicator.Applicable), Number(indicator.Possible), Percent(indicator.Percent, l));
            }
        }

        table.WriteTo(text);

        if (r.Nonconformities.Count > 0)
        {
            text.Write($"\n{T(l, "整改清单", "Rectification list")} ({r.Nonconformities.Count})\n");
            var list = new TextTable()
                .Column(T(l, "类别", "Grade"))
                .Column(T(l, "检查项", "Item"))
                .Column(T(l, "失分", "Lost"), right: true)
                .Column(T(l, "说明", "Finding"));
            foreach (var nc in r.Nonconformities)
            {
                list.Row(Grade(nc.Grade, l), nc.Id ?? "—", nc.LostPoints == 0 ? "0" : "−" + Number(nc.LostPoints), Shorten(OneLine(nc.Description.Get(l)), 56));
            }

            list.WriteTo(text, "  ");
            text.Write(T(l, "  (完整说明见报告:--format html 或 md)\n", "  (full findings in the report: --format html or md)\n"));
        }

        if (r.Exclusions.Count > 0)
        {
            text.Write($"\n{T(l, "删减(不适用)", "Excluded (not applicable)")}\n");
            foreach (var exclusion in r.Exclusions)
            {
                var name = exclusion.IsIndicator ? exclusion.Name.Get(l) : T(l, "检查项", "item");
                text.Write($"  {exclusion.Id} {name} ({Number(exclusion.Points)} {T(l, "分", "points")}): {OneLine(exclusion.Reason)}\n");
            }
        }

        if (r.NotAssessed.Count > 0)
        {
            text.Write($"\n{T(l, "未评价的检查项", "Items not assessed")} ({r.NotAssessed.Count}): {string.Join(", ", r.NotAssessed.Select(i => i.Item.Id))}\n");
        }

        Notes(text, r, l);
        return text.ToString();
    }

    public static string Gap(GapAnalysis gap, Language l)
    {
        var r = gap.Result;
        var text = new StringWriter { NewLine = "\n" };
        Header(text, r, l);
        text.Write($"{T(l, "得分", "Score")} {ScoreText(r.Score, r.Rubric)}    {T(l, "等级", "Tier")} {r.Tier.Label.Get(l)}{Stars(r.Tier)}\n");
        if (gap.Target is null)
        {
            text.Write(T(l, "已达到最高等级,没有更高的等级可以争取。\n", "The top tier is reached; there is no higher tier to aim for.\n"));
        }
        else
        {
            text.Write($"{T(l, "目标", "Target")} {gap.Target.Label.Get(l)}{Stars(gap.Target)} (≥ {Number(gap.Target.MinScore)}): {T(l, "还差", "missing")} {Number(gap.PointsMissing ?? 0)} {T(l, "分", "points")}\n");
            foreach (var blocker in gap.Blockers)
            {
                text.Write($"{T(l, "障碍", "Blocker")}: {blocker.Get(l)}\n");
            }

            if (gap.Plan.Count > 0)
            {
                text.Write($"\n{T(l, "最少整改项", "Fewest items to fix")} ({gap.Plan.Count}) → {T(l, "预计得分", "projected score")} {ScoreText(gap.ProjectedScore ?? 0, r.Rubric)}{(gap.Reachable ? "" : T(l, "(仍不能达到目标)", " (target still not reached)"))}\n");
                GapTable(gap.Plan, l).WriteTo(text, "  ");
            }
        }

        if (gap.Ranked.Count > 0)
        {
            text.Write($"\n{T(l, "全部失分项(按整改后可增加的分数排序)", "All items that lost points, by the score they would add")} ({gap.Ranked.Count})\n");
            GapTable(gap.Ranked, l).WriteTo(text, "  ");
        }

        Notes(text, r, l);
        return text.ToString();
    }

    public static string Diff(AuditComparison c, Language l)
    {
        var text = new StringWriter { NewLine = "\n" };
        var before = c.Before;
        var after = c.After;
        text.Write($"{after.Company.Name}\n");
        text.Write($"{T(l, "之前", "Before")}: {Kind(before.Audit.Kind, l)} {Dates(before.Audit)} — {ScoreText(before.Score, before.Rubric)} {before.Tier.Label.Get(l)}{Stars(before.Tier)}\n");
        text.Write($"{T(l, "之后", "After")}:  {Kind(after.Audit.Kind, l)} {Dates(after.Audit)} — {ScoreText(after.Score, after.Rubric)} {after.Tier.Label.Get(l)}{Stars(after.Tier)}\n");
        var change = c.TierChange switch
        {
            > 0 => T(l, $"上升 {c.TierChange} 级", $"up {c.TierChange} tier(s)"),
            < 0 => T(l, $"下降 {-c.TierChange} 级", $"down {-c.TierChange} tier(s)"),
            _ => T(l, "不变", "unchanged"),
        };
        text.Write($"{T(l, "得分变化", "Score change")} {Signed(c.ScoreDelta)}    {T(l, "等级", "Tier")} {change}\n\n");

        var table = new TextTable()
            .Column(T(l, "类别 / 指标", "Category / indicator"))
            .Column(T(l, "之前", "Before"), right: true)
            .Column(T(l, "之后", "After"), right: true)
            .Column(T(l, "变化", "Change"), right: true)
            .Column(T(l, "得分率变化", "Percent change"), right: true);
        // Grouped by the later rubric's categories (ids need not be clause numbers).
        var indicatorsByCategory = c.Indicators.ToLookup(i => after.Rubric.FindIndicator(i.Id)?.Category.Id ?? "");
        foreach (var category in c.Categories)
        {
            table.Row($"{category.Id} {category.Name.Get(l)}", Opt(category.BeforeEarned), Opt(category.AfterEarned), OptSigned(category.EarnedDelta), OptPercent(category.PercentDelta));
            foreach (var indicator in indicatorsByCategory[category.Id])
            {
                table.Row($"  {indicator.Id} {indicator.Name.Get(l)}", Opt(indicator.BeforeEarned), Opt(indicator.AfterEarned), OptSigned(indicator.EarnedDelta), OptPercent(indicator.PercentDelta));
            }
        }

        table.WriteTo(text);
        if (c.ChangedItems.Count > 0)
        {
            text.Write($"\n{T(l, "结果有变化的检查项", "Items whose result changed")} ({c.ChangedItems.Count})\n");
            var items = new TextTable()
                .Column(T(l, "检查项", "Item"))
                .Column(T(l, "之前", "Before"))
                .Column(T(l, "之后", "After"))
                .Column(T(l, "变化", "Change"), right: true);
            if (c.RubricChanges is not null)
            {
                // Across rubrics, the item's points before → after when the rubric changed it.
                items.Column(OverlayLabels.Get("cmp_rubric_changed", l));
            }

            foreach (var item in c.ChangedItems)
            {
                var cells = new List<string> { item.Id, item.Before is { } b ? Status(b, l) : "—", item.After is { } a ? Status(a, l) : "—", OptSigned(item.EarnedDelta) };
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
            text.Write($"\n{OverlayLabels.Get("cmp_rubric_changes", l)} ({diff.Changes.Count})\n  {OverlayLabels.Get("cmp_rubric_note", l)}\n");
            ChangeTable(diff, l).WriteTo(text, "  ");
        }

        return text.ToString();
    }

    public static string RubricList(IReadOnlyList<Rubric> rubrics, Language l)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.Write(OverlayLabels.Get("rubric_built_in", l) + "\n\n");
        var table = new TextTable()
            .Column(T(l, "编号", "Id"))
            .Column(T(l, "版本", "Version"))
            .Column(T(l, "依据标准", "Standard"))
            .Column(T(l, "总分", "Total"), right: true)
            .Column(OverlayLabels.Get("rubric_tiers_summary", l))
            .Column(T(l, "名称", "Title"));
        foreach (var rubric in rubrics)
        {
            var tiers = string.Join(" · ", rubric.Tiers.Skip(1).Select(t => $"{t.Label.Get(l)} ≥ {Number(t.MinScore)}"));
            table.Row(rubric.Id, rubric.Version, rubric.Standard, Number(rubric.TotalPoints), tiers, Shorten(rubric.Title.Get(l), 40));
        }

        table.WriteTo(text);
        text.Write("\n" + OverlayLabels.Get("rubric_list_usage", l) + "\n");
        return text.ToString();
    }

    public static string RubricDiff(RubricDiff diff, Language l)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.Write(OverlayLabels.Get("diff_title", l) + "\n");
        text.Write($"{OverlayLabels.Get("diff_before", l)}: {Identity(diff.Before)}\n");
        text.Write($"{OverlayLabels.Get("diff_after", l)}: {Identity(diff.After)}\n\n");
        if (diff.IsEmpty)
        {
            text.Write(OverlayLabels.Get("diff_none", l) + "\n");
            return text.ToString();
        }

        text.Write(OverlayLabels.Format("diff_summary", l,
            ("count", diff.Changes.Count),
            ("points", diff.Changes.Count(c => c.IsPoints)),
            ("added", diff.Changes.Count(c => c.Kind == RubricChangeKind.Added)),
            ("removed", diff.Changes.Count(c => c.Kind == RubricChangeKind.Removed)),
            ("tiers", diff.Changes.Count(c => c.Part == RubricPart.Tier)),
            ("conditions", diff.Changes.Count(c => c.IsCondition))) + "\n\n");
        ChangeTable(diff, l).WriteTo(text);
        return text.ToString();
    }

    private static TextTable ChangeTable(RubricDiff diff, Language l)
    {
        var table = new TextTable()
            .Column(OverlayLabels.Get("col_part", l))
            .Column(OverlayLabels.Get("col_entry", l))
            .Column(OverlayLabels.Get("col_change", l))
            .Column(OverlayLabels.Get("col_key", l))
            .Column(OverlayLabels.Get("diff_before", l))
            .Column(OverlayLabels.Get("diff_after", l));
        foreach (var change in diff.Changes)
        {
            table.Row(
                OverlayLabels.Part(change.Part, l),
                change.Id.Length == 0 ? "—" : change.Id,
                OverlayLabels.Change(change.Kind, l),
                change.Key,
                change.Before is null ? "—" : Shorten(OneLine(change.Before), 36),
                change.After is null ? "—" : Shorten(OneLine(change.After), 36));
        }

        return table;
    }

    /// <summary>"acme 2026.1 · SHA-256 f5c6ec0d256c… (extends gbt27922-2011 2026.1)".</summary>
    private static string Identity(Rubric rubric) =>
        $"{rubric.Id} {rubric.Version} · SHA-256 {rubric.Sha256[..12]}…" + (rubric.Base is { } b ? $" ({b.Id} {b.Version})" : "");

    public static string Rubric(Rubric rubric, Language l)
    {
        var text = new StringWriter { NewLine = "\n" };
        text.Write($"{rubric.Title.Get(l)}\n{rubric.Standard} · {rubric.Id} {T(l, "版本", "version")} {rubric.Version} · SHA-256 {rubric.Sha256}\n");
        for (var layer = rubric.Base; layer is not null; layer = layer.Base)
        {
            text.Write($"{OverlayLabels.Get("rubric_base", l)}: {layer.Id} {T(l, "版本", "version")} {layer.Version} · SHA-256 {layer.Sha256} ({layer.SourceName})\n");
        }

        text.Write('\n');

        // For an overlay, a last column says which file and line set each row's points.
        var overlay = rubric.Base is not null;
        string Source(RubricPart part, string id) =>
            overlay && rubric.OriginOf(part, id, "points") is { } origin ? ShortLocation(origin.Location) : "";
        var table = new TextTable()
            .Column(T(l, "编号", "Id"))
            .Column(T(l, "分值", "Points"), right: true)
            .Column(T(l, "名称 / 要求", "Name / requirement"));
        if (overlay)
        {
            table.Column(OverlayLabels.Get("rubric_source", l));
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
            Row(category.Id, Number(category.Points), category.Name.Get(l), Source(RubricPart.Category, category.Id));
            foreach (var indicator in category.Indicators)
            {
                Row("  " + indicator.Id, Number(indicator.Points) + (indicator.PointsProvisional ? "*" : ""), indicator.Name.Get(l), Source(RubricPart.Indicator, indicator.Id));
                foreach (var item in indicator.Items)
                {
                    Row("    " + item.Id, Number(item.Points), overlay ? Shorten(OneLine(item.Requirement.Get(l)), 48) : OneLine(item.Requirement.Get(l)), Source(RubricPart.Item, item.Id));
                }
            }
        }

        table.WriteTo(text);
        if (rubric.HasProvisionalPoints)
        {
            text.Write($"\n* {rubric.ProvisionalNote?.Get(l) ?? T(l, "暂定分值", "provisional points")}\n");
        }

        text.Write($"\n{T(l, "等级", "Tiers")}\n");
        foreach (var tier in rubric.Tiers)
        {
            var prerequisites = tier.Prerequisites.Count > 0 ? $"  {T(l, "前提", "requires")} {string.Join(", ", tier.Prerequisites)}" : "";
            text.Write($"  ≥ {Number(tier.MinScore),-5} {tier.Id,-12} {tier.Label.Get(l)}{Stars(tier)}{prerequisites}\n");
        }

        var s = rubric.Scoring;
        text.Write($"\n{T(l, "评分规则", "Scoring")}: {T(l, "保留", "rounded to")} {s.Decimals} {T(l, "位小数", "decimal(s)")} ({s.Rounding}); "
            + $"{T(l, "特别扣分默认", "special deduction default")} {Number(s.DefaultDeduction)}; "
            + (s.MaxBonusCount > 0 ? $"{T(l, "特别加分最多", "bonus at most")} {s.MaxBonusCount} × {Number(s.MaxBonusPoints)}" : OverlayLabels.Get("rubric_no_bonus", l))
            + (s.MaxSpecialDeductions is { } max ? $"; {T(l, "特别扣分项多于", "more than")} {max} {T(l, "项不予评级", "special deductions: not graded")}" : "")
            + "\n");
        if (overlay)
        {
            text.Write($"\n{OverlayLabels.Get("rubric_overlay_values", l)}\n");
            var values = new TextTable()
                .Column(OverlayLabels.Get("col_part", l))
                .Column(OverlayLabels.Get("col_entry", l))
                .Column(OverlayLabels.Get("col_key", l))
                .Column(OverlayLabels.Get("rubric_source", l));
            foreach (var origin in rubric.Origins.Where(o => o.Layer > 0))
            {
                values.Row(
                    OverlayLabels.Part(origin.Part, l),
                    origin.Id.Length == 0 ? "—" : origin.Id,
                    origin.Key == "remove" ? OverlayLabels.Get("rubric_removed", l) : origin.Key,
                    origin.Location.ToString());
            }

            values.WriteTo(text, "  ");
        }

        return text.ToString();
    }

    /// <summary>"acme.yaml:12": the file name without its folder, and the line (the full path is in the header).</summary>
    private static string ShortLocation(SourceLocation location) =>
        Path.GetFileName(location.File) + ":" + location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static TextTable GapTable(IReadOnlyList<GapItem> items, Language l)
    {
        var table = new TextTable()
            .Column(T(l, "检查项", "Item"))
            .Column(T(l, "现状", "Now"))
            .Column(T(l, "失分", "Lost"), right: true)
            .Column(T(l, "可增加得分", "Score gain"), right: true)
            .Column(T(l, "要求", "Requirement"));
        foreach (var g in items)
        {
            var requirement = OneLine(g.Item.Item.Requirement.Get(l));
            table.Row(g.Item.Item.Id + (g.Prerequisite ? "!" : ""), Status(g.Item.Status, l), Number(g.LostPoints), "+" + Number(g.ScoreGain), Shorten(requirement, 40));
        }

        return table;
    }

    private static void Header(StringWriter text, AuditResult r, Language l)
    {
        text.Write($"{r.Company.Name}\n");
        var lead = r.Audit.Team.FirstOrDefault(m => m.IsLead);
        var parts = new List<string> { Kind(r.Audit.Kind, l) };
        if (r.Audit.Dates.Count > 0)
        {
            parts.Add(Dates(r.Audit));
        }

        if (lead is not null)
        {
            parts.Add(T(l, "审核组长 ", "lead auditor ") + lead.Name);
        }

        text.Write(string.Join(" · ", parts) + "\n");
        text.Write($"{T(l, "评价细则", "Rubric")} {r.Rubric.Id} {r.Rubric.Version} · SHA-256 {r.Rubric.Sha256[..16]}…"
            + (r.Rubric.Base is { } b ? $" · {OverlayLabels.Get("rubric_base", l)} {b.Id} {b.Version} (SHA-256 {b.Sha256[..16]}…)" : "") + "\n\n");
    }

    private static string Formula(AuditResult r, Language l)
    {
        var formula = new StringBuilder(T(l, "计算: 实得 ", "Computed: earned "))
            .Append(Number(r.EarnedPoints))
            .Append(T(l, " ÷ 涉及项分值 ", " ÷ applicable "))
            .Append(Number(r.ApplicablePoints))
            .Append(" × ")
            .Append(Number(r.PossiblePoints))
            .Append(" = ")
            .Append(Number(r.ItemScore));
        if (r.DeductionPoints != 0)
        {
            formula.Append(T(l, " − 特别扣分 ", " − deductions ")).Append(Number(r.DeductionPoints));
        }

        if (r.BonusPoints != 0)
        {
            formula.Append(T(l, " + 特别加分 ", " + bonus ")).Append(Number(r.BonusPoints));
        }

        if (r.DeductionPoints != 0 || r.BonusPoints != 0 || r.Clamped)
        {
            formula.Append(" = ").Append(Number(r.UnroundedScore));
        }

        return formula.Append(" → ").Append(ScoreText(r.Score, r.Rubric)).ToString();
    }

    private static string NextTier(AuditResult r, Language l) => r.NextTier is null
        ? T(l, "已达到最高等级。", "Top tier reached.")
        : T(l, $"下一等级 {r.NextTier.Label.Zh}(≥ {Number(r.NextTier.MinScore)}):还差 {Number(r.PointsToNextTier ?? 0)} 分。'starrating gap' 列出整改路径。",
            $"Next tier {r.NextTier.Label.Get(Language.English)} (≥ {Number(r.NextTier.MinScore)}): {Number(r.PointsToNextTier ?? 0)} points to go. 'starrating gap' lists what to fix.");

    private static void Notes(StringWriter text, AuditResult r, Language l)
    {
        if (r.Notices.Count == 0 && r.Warnings.Count == 0)
        {
            return;
        }

        text.Write($"\n{T(l, "说明", "Notes")}\n");
        foreach (var notice in r.Notices)
        {
            text.Write($"  · {notice.Text.Get(l)}\n");
        }

        foreach (var warning in r.Warnings)
        {
            text.Write($"  · {T(l, "警告", "warning")} {warning.Code}: {warning.Message}\n");
        }
    }

    private static string Dates(AuditInfo audit) => audit.Dates.Count switch
    {
        0 => "",
        1 => Date(audit.Dates[0]),
        _ => Date(audit.Dates[0]) + " – " + Date(audit.Dates[^1]),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();

    private static string Shorten(string text, int width)
    {
        if (TextTable.Width(text) <= width)
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var ch in text)
        {
            if (TextTable.Width(builder.ToString() + ch) > width - 1)
            {
                break;
            }

            builder.Append(ch);
        }

        return builder + "…";
    }

    private static string Opt(decimal? value) => value is { } v ? Number(v) : "—";

    private static string OptSigned(decimal? value) => value is { } v ? Signed(v) : "—";

    private static string OptPercent(decimal? value) => value is { } v ? Signed(v) + "%" : "—";
}
