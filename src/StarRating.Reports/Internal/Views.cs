using System.Globalization;
using Scriban.Runtime;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Reports;

/// <summary>
/// Turns results into plain view data (<see cref="ScriptObject"/> and <see cref="ScriptArray"/> of strings, booleans
/// and integers) for templates. Every number is taken from the result and formatted here, invariantly; templates
/// never compute a score or a tier. Built afresh for every render, so a template can change only its own copy
/// (within one render, an item or indicator is one object wherever it appears).
/// The variables are documented in docs/templates.md.
/// </summary>
internal static class Views
{
    public static ScriptObject Report(AuditResult result, GapAnalysis gap, Language language)
    {
        var v = Common(language);
        AddResult(v, result, language);
        v["gap"] = GapData(gap, language);
        v["charts"] = Charts.Build(result, language);
        v["ncr"] = NcrData(v, result, language);
        return v;
    }

    /// <summary>The nonconformity forms on their own (<c>ncr.*.sbn</c>): the result's variables and <c>ncr</c>.</summary>
    public static ScriptObject Nonconformities(AuditResult result, Language language)
    {
        var v = Common(language);
        AddResult(v, result, language);
        v["ncr"] = NcrData(v, result, language);
        return v;
    }

    public static ScriptObject Gap(GapAnalysis gap, Language language)
    {
        var v = Common(language);
        AddResult(v, gap.Result, language);
        v["gap"] = GapData(gap, language);
        return v;
    }

    public static ScriptObject Comparison(AuditComparison comparison, Language language)
    {
        var v = Common(language);
        var before = new ScriptObject();
        AddResult(before, comparison.Before, language);
        var after = new ScriptObject();
        AddResult(after, comparison.After, language);
        v["before"] = before;
        v["after"] = after;
        v["rubric"] = after["rubric"];
        v["company"] = after["company"];
        v["score_delta"] = Signed(comparison.ScoreDelta);
        v["tier_change"] = comparison.TierChange;
        v["tier_change_text"] = TierChangeText(comparison, language);
        v["warnings"] = Arr(comparison.Warnings.Select(w => Obj(("code", w.Code), ("text", w.Code + ": " + w.Message))));
        v["categories"] = Arr(comparison.Categories.Select(d => Delta(d, language)));
        v["indicators"] = Arr(comparison.Indicators.Select(d => Delta(d, language)));
        v["changed_items"] = Arr(comparison.ChangedItems.Select(c => Obj(
            ("id", c.Id),
            ("requirement", c.Requirement.Get(language)),
            ("before", c.Before is { } b ? EvidenceWords.Of(b) : null),
            ("before_label", c.Before is { } bl ? Labels.Status(bl, language) : Label(language, "cmp_absent")),
            ("after", c.After is { } a ? EvidenceWords.Of(a) : null),
            ("after_label", c.After is { } al ? Labels.Status(al, language) : Label(language, "cmp_absent")),
            ("before_earned", N(c.BeforeEarned)),
            ("after_earned", N(c.AfterEarned)),
            ("earned_delta", c.EarnedDelta is { } e ? Signed(e) : null),
            ("direction", Direction(c.EarnedDelta)))));
        return v;
    }

    private static ScriptObject Common(Language language)
    {
        var t = new ScriptObject();
        foreach (var (key, zh, en) in Labels.All)
        {
            t[key] = language == Language.English ? en : zh;
        }

        return Obj(
            ("lang", language == Language.English ? "en" : "zh"),
            ("html_lang", language == Language.English ? "en" : "zh-CN"),
            ("t", t));
    }

    private static void AddResult(ScriptObject v, AuditResult r, Language language)
    {
        var rubric = r.Rubric;
        var audit = r.Audit;
        var separator = Label(language, "list_separator");
        var lead = audit.Team.FirstOrDefault(m => m.Role == "lead");

        v["rubric"] = Obj(
            ("id", rubric.Id),
            ("version", rubric.Version),
            ("sha256", rubric.Sha256),
            ("title", rubric.Title.Get(language)),
            ("standard", rubric.Standard),
            ("total", N(rubric.TotalPoints)),
            ("has_provisional", rubric.HasProvisionalPoints),
            ("provisional_note", rubric.ProvisionalNote?.Get(language)),
            ("tiers", Arr(rubric.Tiers.Select(tier => Obj(
                ("id", tier.Id),
                ("label", tier.Label.Get(language)),
                ("min", N(tier.MinScore)),
                ("stars", tier.Stars),
                ("stars_text", new string('★', tier.Stars)),
                ("granted", tier == r.Tier))))));
        v["company"] = Obj(
            ("name", r.Company.Name),
            ("credit_code", r.Company.CreditCode),
            ("address", r.Company.Address),
            ("scope", r.Company.Scope),
            ("contact", r.Company.Contact));
        v["audit"] = Obj(
            ("kind", EvidenceWords.Of(audit.Kind)),
            ("kind_label", Labels.Kind(audit.Kind, language)),
            ("formal", audit.IsFormal),
            ("dates", Arr(audit.Dates.Select(Date))),
            ("dates_text", audit.Dates.Count == 0 ? null : string.Join(separator, audit.Dates.Select(Date))),
            ("first_date", audit.Dates.Count == 0 ? null : Date(audit.Dates[0])),
            ("last_date", audit.Dates.Count == 0 ? null : Date(audit.Dates[^1])),
            ("team", Arr(audit.Team.Select(m => Obj(
                ("name", m.Name),
                ("role", m.Role),
                ("role_label", Labels.Role(m.Role, language)),
                ("registration", m.Registration))))),
            ("team_text", audit.Team.Count == 0 ? null : string.Join(separator, audit.Team.Select(m => m.Name + (language == Language.English ? " (" + Labels.Role(m.Role, language) + ")" : "(" + Labels.Role(m.Role, language) + ")")))),
            ("lead", lead?.Name),
            ("members", Arr(audit.Team.Where(m => m != lead).Select(m => Obj(("name", m.Name), ("role_label", Labels.Role(m.Role, language)))))),
            ("body", audit.Body),
            ("reference", audit.Reference),
            ("sites", Arr(audit.Sites)),
            ("sites_text", audit.Sites.Count == 0 ? null : string.Join(separator, audit.Sites)),
            ("evidence_file", DisplayText.Escape(r.Evidence.SourceName)),
            ("evidence_sha256", r.Evidence.Sha256),
            ("conclusion", r.Evidence.Conclusion),
            ("stamp", audit.IsFormal ? null : Labels.Kind(audit.Kind, language) + " — " + Label(language, "not_certification")));

        var decimals = rubric.Scoring.Decimals;
        var score = Numbers.Fixed(r.Score, decimals);
        v["score"] = Obj(
            ("value", score),
            ("unrounded", N(r.UnroundedScore)),
            ("item_score", N(r.ItemScore)),
            ("earned", N(r.EarnedPoints)),
            ("applicable", N(r.ApplicablePoints)),
            ("possible", N(r.PossiblePoints)),
            ("excluded", N(r.ExcludedPoints)),
            ("deductions", N(r.DeductionPoints)),
            ("bonus", N(r.BonusPoints)),
            ("clamped", r.Clamped),
            ("decimals", decimals),
            ("formula", $"{N(r.EarnedPoints)} ÷ {N(r.ApplicablePoints)} × {N(r.PossiblePoints)} − {N(r.DeductionPoints)} + {N(r.BonusPoints)} = {N(r.UnroundedScore)} → {score}"));

        v["tier"] = Obj(
            ("id", r.Tier.Id),
            ("label", r.Tier.Label.Get(language)),
            ("stars", r.Tier.Stars),
            ("stars_text", new string('★', r.Tier.Stars)),
            ("stars_empty", new string('☆', Math.Max(0, rubric.Tiers.Max(t => t.Stars) - r.Tier.Stars))),
            ("min", N(r.Tier.MinScore)),
            ("by_score_id", r.ScoreTier.Id),
            ("by_score_label", r.ScoreTier.Label.Get(language)),
            ("blocked", r.ScoreTier != r.Tier),
            ("blocks", Arr(r.TierBlocks.Select(b => Obj(
                ("tier_id", b.Tier.Id),
                ("tier_label", b.Tier.Label.Get(language)),
                ("reason", b.Reason.Get(language)),
                ("items", Arr(b.Items)))))));
        v["next_tier"] = r.NextTier is { } next
            ? Obj(
                ("id", next.Id),
                ("label", next.Label.Get(language)),
                ("min", N(next.MinScore)),
                ("points_missing", N(r.PointsToNextTier)),
                ("text", NextTierText(next, r.PointsToNextTier ?? 0m, language)))
            : null;

        // Each item and indicator view is built once and reached from every list that holds it (categories →
        // indicators → items, indicators, items): building them once per list tripled the cost of the view data.
        var itemViews = r.Items.ToDictionary(i => i, i => Item(i, language, separator));
        var indicatorViews = r.Indicators.ToDictionary(i => i, i => Indicator(i, language, itemViews));
        ScriptObject ItemView(ItemResult i) => itemViews.TryGetValue(i, out var view) ? view : Item(i, language, separator);
        ScriptObject IndicatorView(IndicatorResult i) => indicatorViews.TryGetValue(i, out var view) ? view : Indicator(i, language, itemViews);
        v["categories"] = Arr(r.Categories.Select(c => Obj(
            ("id", c.Category.Id),
            ("name", c.Category.Name.Get(language)),
            ("earned", N(c.Earned)),
            ("applicable", N(c.Applicable)),
            ("possible", N(c.Possible)),
            ("percent", Percent(c.Percent)),
            ("excluded", c.Applicable == 0),
            ("indicators", Arr(c.Indicators.Select(IndicatorView))))));
        v["indicators"] = Arr(r.Indicators.Select(IndicatorView));
        v["items"] = Arr(r.Items.Select(ItemView));
        v["totals"] = Obj(
            ("earned", N(r.EarnedPoints)),
            ("applicable", N(r.ApplicablePoints)),
            ("possible", N(r.PossiblePoints)));

        var number = 0;

        string Describe(Nonconformity n) => n.Description.Get(language);
        v["rectification"] = Arr(r.Nonconformities.Select(n => Obj(
            ("no", ++number),
            ("kind", n.Kind == NonconformityKind.Item ? "item" : "special_deduction"),
            ("kind_label", Labels.NonconformityKind(n.Kind, language)),
            ("grade", n.Grade is { } g ? EvidenceWords.Of(g) : null),
            ("grade_label", n.Grade is { } gl ? Labels.Grade(gl, language) : Labels.NonconformityKind(n.Kind, language)),
            ("id", n.Id),
            ("requirement", n.Requirement?.Get(language)),
            ("lost", N(n.LostPoints)),
            ("description", Describe(n)),
            ("evidence", Arr(n.Evidence)))));
        v["exclusions"] = Arr(r.Exclusions.Select(e => Obj(
            ("id", e.Id),
            ("is_indicator", e.IsIndicator),
            ("scope_label", Labels.Scope(e.IsIndicator, language)),
            ("name", e.Name.Get(language)),
            ("points", N(e.Points)),
            ("reason", e.Reason))));
        v["deductions"] = Arr(r.Deductions.Select(Adjustment));
        v["bonuses"] = Arr(r.Bonuses.Select(Adjustment));
        v["not_assessed"] = Arr(r.NotAssessed.Select(i => Obj(
            ("id", i.Item.Id),
            ("indicator_id", i.Item.Indicator.Id),
            ("requirement", i.Item.Requirement.Get(language)),
            ("possible", N(i.Possible)))));
        v["counts"] = Obj(
            ("items", r.Items.Count),
            ("conforming", r.Items.Count(i => i.Status == ItemStatus.Conforming)),
            ("partial", r.Items.Count(i => i.Status == ItemStatus.Partial)),
            ("nonconforming", r.Items.Count(i => i.Status == ItemStatus.Nonconforming)),
            ("not_applicable", r.Items.Count(i => i.Status == ItemStatus.NotApplicable)),
            ("not_assessed", r.NotAssessed.Count),
            ("major", r.Nonconformities.Count(n => n.Grade == NonconformityGrade.Major)),
            ("minor", r.Nonconformities.Count(n => n.Grade == NonconformityGrade.Minor)),
            ("observation", r.Nonconformities.Count(n => n.Grade == NonconformityGrade.Observation)),
            ("deductions", r.Deductions.Count),
            ("bonuses", r.Bonuses.Count));
        v["notices"] = Arr(r.Notices.Select(n => Obj(("code", n.Code), ("text", n.Text.Get(language)))));
        v["warnings"] = Arr(r.Warnings.Select(w => Obj(("code", w.Code), ("text", w.ToString()))));
        v["conclusion"] = Obj(
            ("summary", ConclusionText(r, score, language)),
            ("team", r.Evidence.Conclusion));
    }

    /// <summary>
    /// The nonconformity forms (不符合项报告): one per major or minor nonconformity and per special deduction (each
    /// needs corrective action), numbered in the order of the rectification list; observations apart, without a form.
    /// The items of one indicator-level finding share one form (one fact, one corrective action), listing every item.
    /// Each form reuses the item's view (note, evidence, methods) and carries <c>nc</c>, the corrective-action fields.
    /// </summary>
    private static ScriptObject NcrData(ScriptObject v, AuditResult r, Language language)
    {
        var separator = Label(language, "list_separator");
        var itemViews = ((ScriptArray)v["items"]!).OfType<ScriptObject>().ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
        var indicatorViews = ((ScriptArray)v["indicators"]!).OfType<ScriptObject>().ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
        var itemResults = r.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        var entries = ((ScriptArray)v["rectification"]!).OfType<ScriptObject>().ToArray();
        var audit = (ScriptObject)v["audit"]!;

        // Group the rectification list: consecutive items of the same indicator-level finding become one group.
        var groups = new List<List<(Nonconformity N, ScriptObject Entry, ItemResult? Item)>>();
        for (var i = 0; i < r.Nonconformities.Count; i++)
        {
            var n = r.Nonconformities[i];
            var item = n.Kind == NonconformityKind.Item && n.Id is not null ? itemResults.GetValueOrDefault(n.Id) : null;
            var last = groups.Count > 0 ? groups[^1][^1] : default;
            if (item is { FromIndicatorFinding: true } && last.Item is { FromIndicatorFinding: true } previous
                && ReferenceEquals(previous.Finding, item.Finding) && previous.Grade == item.Grade)
            {
                groups[^1].Add((n, entries[i], item));
            }
            else
            {
                groups.Add([(n, entries[i], item)]);
            }
        }

        var forms = new List<object?>();
        var observations = new List<object?>();
        foreach (var group in groups)
        {
            var (first, entry, item) = group[0];
            var isObservation = first.Grade == NonconformityGrade.Observation;
            var ids = group.Select(g => g.N.Id).OfType<string>().ToArray();
            var itemView = item is null ? null : itemViews.GetValueOrDefault(item.Item.Id);
            var clauseId = item?.Item.Indicator.Id ?? (first.Id is { } id && itemResults.TryGetValue(id, out var named) ? named.Item.Indicator.Id : null);
            var indicator = clauseId is null ? null : indicatorViews.GetValueOrDefault(clauseId);
            var form = Obj(
                ("no", (isObservation ? observations.Count : forms.Count) + 1),
                ("number", isObservation ? null : "NC-" + (forms.Count + 1).ToString("00", CultureInfo.InvariantCulture)),
                ("kind", entry["kind"]),
                ("grade", entry["grade"]),
                ("grade_label", entry["grade_label"]),
                ("id", ids.Length == 0 ? null : string.Join(separator, ids)),
                ("items", Arr(ids)),
                ("requirement", group.Count == 1 ? entry["requirement"] : string.Join("\n", group.Select(g => g.N.Id + " " + g.N.Requirement?.Get(language)))),
                ("clause_id", indicator?["id"]),
                ("clause_text", indicator is null ? null : r.Rubric.Standard + " " + indicator["id"] + " " + indicator["name"]),
                ("description", entry["description"]),
                // A special deduction names an item for its clause; its facts are its own, not the item's finding.
                ("note", itemView?["note"]),
                ("explanation", itemView?["explanation"]),
                ("methods_text", itemView?["methods_text"]),
                ("evidence", entry["evidence"]),
                ("lost", N(group.Sum(g => g.N.LostPoints))),
                ("assessor", audit["lead"]),
                ("date", audit["last_date"]),
                ("nc", CorrectiveAction(first)));
            (isObservation ? observations : forms).Add(form);
        }

        return Obj(
            ("forms", Arr(forms)),
            ("observations", Arr(observations)),
            ("count", forms.Count));
    }

    /// <summary>
    /// The corrective-action fields of a nonconformity form, blank (null) until the evidence records them: the one
    /// place to fill when findings carry their corrective-action lifecycle (issue 17's <c>nc:</c>).
    /// </summary>
    private static ScriptObject CorrectiveAction(Nonconformity nonconformity)
    {
        _ = nonconformity;
        return Obj(
            ("id", null),
            ("confirmed_by", null),
            ("root_cause", null),
            ("action", null),
            ("due", null),
            ("status", null),
            ("verified_by", null),
            ("verified_on", null));
    }

    private static ScriptObject Indicator(IndicatorResult i, Language language, IReadOnlyDictionary<ItemResult, ScriptObject> itemViews) => Obj(
        ("id", i.Indicator.Id),
        ("category_id", i.Indicator.Category.Id),
        ("name", i.Indicator.Name.Get(language)),
        ("earned", N(i.Earned)),
        ("applicable", N(i.Applicable)),
        ("possible", N(i.Possible)),
        ("percent", Percent(i.Percent)),
        ("excluded", i.Excluded),
        ("provisional", i.Indicator.PointsProvisional),
        ("items", Arr(i.Items.Select(item => itemViews.TryGetValue(item, out var view) ? view : Item(item, language, Label(language, "list_separator"))))));

    private static ScriptObject Item(ItemResult i, Language language, string separator)
    {
        var methods = i.Methods.Select(m => FormatWords.Describe(m).Get(language)).ToArray();
        return Obj(
            ("id", i.Item.Id),
            ("indicator_id", i.Item.Indicator.Id),
            ("requirement", i.Item.Requirement.Get(language)),
            ("status", EvidenceWords.Of(i.Status)),
            ("status_label", Labels.Status(i.Status, language)),
            ("grade", i.Grade is { } g ? EvidenceWords.Of(g) : null),
            ("grade_label", i.Grade is { } gl ? Labels.Grade(gl, language) : null),
            ("earned", N(i.Earned)),
            ("applicable", N(i.Applicable)),
            ("possible", N(i.Possible)),
            ("lost", N(i.Lost)),
            ("percent", Percent(i.Percent)),
            ("from_indicator", i.FromIndicatorFinding),
            ("sample", i.Sample is { } s ? Obj(("size", s.Size), ("conforming", s.Conforming)) : null),
            ("methods", Arr(methods)),
            ("methods_text", methods.Length == 0 ? null : string.Join(separator, methods)),
            ("evidence", Arr(i.Evidence)),
            ("note", i.Note),
            ("explanation", i.Explanation.Get(language)),
            ("exclusion_reason", i.ExclusionReason));
    }

    private static ScriptObject Adjustment(AppliedAdjustment a) => Obj(
        ("points", N(a.Points)),
        ("reason", a.Reason),
        ("basis", a.Basis),
        ("item", a.Item));

    private static ScriptObject GapData(GapAnalysis gap, Language language)
    {
        var planIds = gap.Plan.Select(p => p.Item.Item.Id).ToHashSet(StringComparer.Ordinal);
        ScriptObject Entry(GapItem g, int rank) => Obj(
            ("rank", rank),
            ("id", g.Item.Item.Id),
            ("indicator_id", g.Item.Item.Indicator.Id),
            ("requirement", g.Item.Item.Requirement.Get(language)),
            ("status", EvidenceWords.Of(g.Item.Status)),
            ("status_label", Labels.Status(g.Item.Status, language)),
            ("lost", N(g.LostPoints)),
            ("gain", N(g.ScoreGain)),
            ("prerequisite", g.Prerequisite),
            ("in_plan", planIds.Contains(g.Item.Item.Id)));

        var decimals = gap.Result.Rubric.Scoring.Decimals;
        return Obj(
            ("has_target", gap.Target is not null),
            ("target", gap.Target is { } target
                ? Obj(("id", target.Id), ("label", target.Label.Get(language)), ("min", N(target.MinScore)), ("stars", target.Stars))
                : null),
            ("points_missing", N(gap.PointsMissing)),
            ("reachable", gap.Reachable),
            ("projected_score", gap.ProjectedScore is { } p ? Numbers.Fixed(p, decimals) : null),
            ("ranked", Arr(gap.Ranked.Select((g, i) => Entry(g, i + 1)))),
            ("plan", Arr(gap.Plan.Select((g, i) => Entry(g, i + 1)))),
            ("plan_gain", N(gap.Plan.Sum(g => g.ScoreGain))),
            ("plan_text", PlanText(gap, decimals, language)),
            ("blockers", Arr(gap.Blockers.Select(b => b.Get(language)))));
    }

    private static ScriptObject Delta(ScoreDelta d, Language language) => Obj(
        ("id", d.Id),
        ("name", d.Name.Get(language)),
        ("before_earned", N(d.BeforeEarned)),
        ("after_earned", N(d.AfterEarned)),
        ("before_applicable", N(d.BeforeApplicable)),
        ("after_applicable", N(d.AfterApplicable)),
        ("before_percent", Percent(d.BeforePercent)),
        ("after_percent", Percent(d.AfterPercent)),
        ("earned_delta", d.EarnedDelta is { } e ? Signed(e) : null),
        ("percent_delta", d.PercentDelta is { } p ? Signed(Numbers.Normalize(p)) : null),
        ("direction", Direction(d.EarnedDelta)));

    private static string NextTierText(Tier next, decimal missing, Language language)
    {
        var label = next.Label.Get(language);
        return missing > 0
            ? Labels.Pick(language, ($"距{label}(≥ {N(next.MinScore)} 分)还差 {N(missing)} 分", $"{N(missing)} points short of {label} (≥ {N(next.MinScore)})"))
            : Labels.Pick(language, ($"得分已达到{label}的最低分 {N(next.MinScore)} 分,但未满足授予条件", $"The score reaches the {N(next.MinScore)} needed for {label}, but a condition is not met"));
    }

    private static string ConclusionText(AuditResult r, string score, Language language)
    {
        var tier = r.Tier.Label.Get(language);
        var stars = r.Tier.Stars > 0 ? " " + new string('★', r.Tier.Stars) : string.Empty;
        var kind = Labels.Kind(r.Audit.Kind, language);
        return Labels.Pick(language, (
            $"经{kind},{r.Company.Name}的商品售后服务评价得分为 {score} 分(满分 {N(r.PossiblePoints)} 分),评价等级为{tier}{stars}。",
            $"The {kind.ToLowerInvariant()} of {r.Company.Name} scored {score} of {N(r.PossiblePoints)} points; the rating is {tier}{stars}."));
    }

    private static string? PlanText(GapAnalysis gap, int decimals, Language language)
    {
        if (gap.Target is null || gap.ProjectedScore is null || gap.Plan.Count == 0)
        {
            return null;
        }

        var target = gap.Target.Label.Get(language);
        var projected = Numbers.Fixed(gap.ProjectedScore.Value, decimals);
        return gap.Reachable
            ? Labels.Pick(language, (
                $"整改下列 {gap.Plan.Count} 个检查项后,预计得分 {projected} 分,可达到{target}。",
                $"Fixing the {gap.Plan.Count} check items below projects a score of {projected}, reaching {target}."))
            : Labels.Pick(language, (
                $"整改下列 {gap.Plan.Count} 个检查项后,预计得分 {projected} 分,仍不能达到{target}。",
                $"Fixing the {gap.Plan.Count} check items below projects a score of {projected}, still short of {target}."));
    }

    private static string TierChangeText(AuditComparison c, Language language)
    {
        var from = c.Before.Tier.Label.Get(language);
        var to = c.After.Tier.Label.Get(language);
        var steps = Math.Abs(c.TierChange);
        return c.TierChange switch
        {
            > 0 => Labels.Pick(language, ($"升 {steps} 级({from} → {to})", $"up {steps} (from {from} to {to})")),
            < 0 => Labels.Pick(language, ($"降 {steps} 级({from} → {to})", $"down {steps} (from {from} to {to})")),
            _ => Labels.Pick(language, ($"不变({to})", $"unchanged ({to})")),
        };
    }

    private static string Direction(decimal? delta) => delta switch
    {
        > 0 => "up",
        < 0 => "down",
        _ => "same",
    };

    private static string Label(Language language, string key)
    {
        var entry = Labels.All.First(l => l.Key == key);
        return language == Language.English ? entry.En : entry.Zh;
    }

    internal static string? N(decimal? value) => value is { } v ? Numbers.Format(v) : null;

    internal static string Signed(decimal value) => value > 0 ? "+" + Numbers.Format(value) : Numbers.Format(value);

    internal static string? Percent(decimal? value) => value is { } v ? Numbers.Fixed(v, 1) + "%" : null;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static ScriptObject Obj(params (string Key, object? Value)[] members)
    {
        var o = new ScriptObject(members.Length);
        foreach (var (key, value) in members)
        {
            o[key] = value;
        }

        return o;
    }

    internal static ScriptArray Arr(IEnumerable<object?> values)
    {
        var a = new ScriptArray();
        foreach (var value in values)
        {
            a.Add(value);
        }

        return a;
    }
}
