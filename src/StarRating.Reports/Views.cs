using System.Globalization;
using System.Text;
using Scriban.Runtime;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Reports;

/// <summary>
/// Turns the report model into plain view data (<see cref="ScriptObject"/> and <see cref="ScriptArray"/> of strings,
/// booleans and integers) for templates. Every word comes from the model's wording (the vocabulary), every number
/// from the result through <see cref="ReportFigures"/>; templates never compute a score or a tier and never write a
/// label of their own. Built afresh for every render, so a template can change only its own copy (within one render,
/// an item or indicator is one object wherever it appears). The variables are documented in docs/templates.md.
/// </summary>
internal static class Views
{
    public static ScriptObject Report(AuditReport report)
    {
        var v = Common(report.Wording);
        AddResult(v, report);
        v["gap"] = GapData(report);
        v["charts"] = Charts.Build(report.Result, report.Wording.Language);
        v["ncr"] = NcrData(v, report);
        v["agreement"] = AgreementData(report);
        return v;
    }

    /// <summary>The audit team's agreement (null when the audit is not a team's): every figure and sentence worded by the model.</summary>
    private static ScriptObject? AgreementData(AuditReport report)
    {
        if (report.Agreement is not { } a)
        {
            return null;
        }

        ScriptObject Figures(string? id, string name, AgreementFigures f) => Obj(
            ("id", id),
            ("name", name),
            ("rated", f.Items),
            ("alike", report.AlikeText(f)),
            ("kappa", report.KappaText(f)));
        return Obj(
            ("summary", report.AgreementSummaryText),
            ("applies", a.Overall.Items > 0),
            ("none_text", a.Overall.Items > 0 ? null : report.Wording.Text("report.agreement_none")),
            ("method", report.Wording.Text("report.kappa_method")),
            ("working", Arr(report.KappaWorking(a.Overall))),
            ("overall", Figures(null, report.Label("overall"), a.Overall)),
            ("indicators", Arr(a.Indicators.Select(i => Figures(i.Id, report.Text(i.Name), i.Figures)))),
            ("spreads_text", report.SpreadsText),
            ("spreads", Arr(a.Spreads.Select(s => Obj(
                ("item", s.Target),
                ("points", report.List(s.Points.Select(p => report.Wording.Format("report.assessor_reading", ("name", p.Assessor), ("reading", ReportFigures.Points(p.Points)))))),
                ("spread", ReportFigures.Points(s.Spread)),
                ("flagged", s.Flagged))))),
            ("disagreements", Arr(a.Disagreements.Select(d => Obj(
                ("item", d.Target),
                ("assessments", Arr(d.Assessments.Select(x => report.Wording.Format("report.assessor_reading", ("name", string.Join("/", x.By)), ("reading", report.Reading(x)))))),
                ("team", report.TeamReading(d)),
                ("resolved", d.Resolved),
                ("resolution", report.Resolution(d)))))),
            ("pooled", Arr(a.Pooled.Select(report.PooledText))));
    }

    /// <summary>The nonconformity forms on their own (<c>ncr.*.sbn</c>): the result's variables and <c>ncr</c>.</summary>
    public static ScriptObject Nonconformities(AuditReport report)
    {
        var v = Common(report.Wording);
        AddResult(v, report);
        v["ncr"] = NcrData(v, report);
        return v;
    }

    public static ScriptObject Gap(AuditReport report)
    {
        var v = Common(report.Wording);
        AddResult(v, report);
        v["gap"] = GapData(report);
        return v;
    }

    public static ScriptObject Comparison(ComparisonReport model)
    {
        var comparison = model.Comparison;
        var after = model.After;
        var v = Common(model.Wording);
        var beforeView = new ScriptObject();
        AddResult(beforeView, model.Before);
        var afterView = new ScriptObject();
        AddResult(afterView, after);
        v["before"] = beforeView;
        v["after"] = afterView;
        v["rubric"] = afterView["rubric"];
        v["company"] = afterView["company"];
        v["score_delta"] = ReportFigures.Signed(comparison.ScoreDelta);
        v["tier_change"] = comparison.TierChange;
        v["tier_change_text"] = model.TierChangeText;
        v["warnings"] = Arr(comparison.Warnings.Select(w => Obj(("code", w.Code), ("text", w.Code + ": " + w.MessageIn(model.Wording.Language)))));
        v["categories"] = Arr(comparison.Categories.Select(d => Delta(d, after)));
        v["indicators"] = Arr(comparison.Indicators.Select(d => Delta(d, after)));
        v["changed_items"] = Arr(comparison.ChangedItems.Select(c => Obj(
            ("id", c.Id),
            ("requirement", after.Text(c.Requirement)),
            ("before", c.Before is { } b ? EvidenceWords.Of(b) : null),
            ("before_label", c.Before is { } bl ? after.Status(bl) : after.Label("cmp_absent")),
            ("after", c.After is { } a ? EvidenceWords.Of(a) : null),
            ("after_label", c.After is { } al ? after.Status(al) : after.Label("cmp_absent")),
            ("before_earned", ReportFigures.Points(c.BeforeEarned)),
            ("after_earned", ReportFigures.Points(c.AfterEarned)),
            ("earned_delta", c.EarnedDelta is { } e ? ReportFigures.Signed(e) : null),
            ("direction", Direction(c.EarnedDelta)),
            ("before_points", ReportFigures.Points(c.BeforePoints)),
            ("after_points", ReportFigures.Points(c.AfterPoints)),
            ("rubric_changed", c.RubricChanged))));
        v["before_rubric"] = beforeView["rubric"];
        v["rubric_changes"] = comparison.RubricChanges is { } diff
            ? Arr(diff.Changes.Select(change => Obj(
                ("part", RubricWords.Of(change.Part)),
                ("part_label", model.Part(change.Part)),
                ("id", change.Id),
                ("change", RubricWords.Of(change.Kind)),
                ("change_label", model.Change(change.Kind)),
                ("key", change.Key),
                ("before", change.Before),
                ("after", change.After))))
            : null;
        return v;
    }

    private static ScriptObject Common(Wording wording)
    {
        var t = new ScriptObject();
        foreach (var (key, text) in Vocabulary.Default.Texts("label", wording))
        {
            t[key] = text;
        }

        var language = wording.Language;
        return Obj(
            ("lang", language.Tag),
            ("html_lang", language.Tag == "zh" ? "zh-CN" : language.Tag),
            ("t", t));
    }

    private static void AddResult(ScriptObject v, AuditReport report)
    {
        var r = report.Result;
        var rubric = r.Rubric;
        var audit = r.Audit;
        var language = report.Wording.Language;

        // A rubric of another scheme names its report itself (report_title); every layout reads t.report_title.
        if (v["t"] is ScriptObject t)
        {
            t["report_title"] = report.Title;
        }

        v["rubric"] = Obj(
            ("id", rubric.Id),
            ("version", rubric.Version),
            ("sha256", rubric.Sha256),
            ("is_overlay", rubric.Base is not null),
            ("base", rubric.Base is { } baseRubric ? RubricIdentity(baseRubric) : null),
            ("bases", Arr(Bases(rubric).Select(RubricIdentity))),
            ("title", report.Text(rubric.Title)),
            ("standard", rubric.Standard),
            ("total", ReportFigures.Points(rubric.TotalPoints)),
            ("has_provisional", rubric.HasProvisionalPoints),
            ("provisional_note", rubric.ProvisionalNote?.Get(language)),
            ("tiers", Arr(rubric.Tiers.Select(tier => Obj(
                ("id", tier.Id),
                ("label", report.Text(tier.Label)),
                ("min", ReportFigures.Points(tier.MinScore)),
                ("stars", tier.Stars),
                ("stars_text", ReportFigures.Stars(tier.Stars)),
                ("granted", tier == r.Tier))))));
        v["company"] = Obj(
            ("name", r.Company.Name),
            ("credit_code", r.Company.CreditCode),
            ("address", r.Company.Address),
            ("scope", r.Company.Scope),
            ("contact", r.Company.Contact));
        var dates = audit.Dates.Select(ReportFigures.Date).ToArray();
        v["audit"] = Obj(
            ("kind", EvidenceWords.Of(audit.Kind)),
            ("kind_label", report.Kind(audit.Kind)),
            ("formal", audit.IsFormal),
            ("mock_mark", report.MockMark),
            ("dates", Arr(dates)),
            ("dates_text", dates.Length == 0 ? null : report.List(dates)),
            ("first_date", dates.Length == 0 ? null : dates[0]),
            ("last_date", dates.Length == 0 ? null : dates[^1]),
            ("team", Arr(audit.Team.Select(m => Obj(
                ("name", m.Name),
                ("role", m.Role),
                ("role_label", report.Role(m)),
                ("registration", m.Registration))))),
            ("team_text", report.TeamText),
            ("lead", report.Lead?.Name),
            ("members", Arr(report.Members.Select(m => Obj(("name", m.Name), ("role_label", report.Role(m)))))),
            ("body", audit.Body),
            ("reference", audit.Reference),
            ("sites", Arr(audit.Sites)),
            ("sites_text", audit.Sites.Count == 0 ? null : report.List(audit.Sites)),
            ("evidence_file", DisplayText.Escape(r.Evidence.SourceName)),
            ("evidence_sha256", r.Evidence.Sha256),
            ("conclusion", r.Evidence.Conclusion),
            ("stage", audit.Stage),
            ("stage_label", report.StageLabel),
            ("stage_one", report.IsStageOne),
            ("stage_one_heading", report.StageOneHeading),
            ("objectives", audit.Objectives),
            ("criteria", Arr(audit.Criteria)),
            ("criteria_text", audit.Criteria.Count == 0 ? null : report.List(audit.Criteria)),
            ("person_days", audit.PersonDays is { } days ? ReportFigures.Points(days) : null),
            ("not_covered", Arr(audit.NotCovered)),
            ("not_covered_text", audit.NotCovered.Count == 0 ? null : report.List(audit.NotCovered)));
        v["cycle"] = Obj(
            ("tier_caption", report.TierCaption),
            ("tier_note", report.StageOneTierNote),
            ("recommendation_note", report.IsStageOne ? report.Wording.Text("report.stage_1_note") : r.Audit.IsFormal ? report.Wording.Text("report.recommended") : null),
            ("decision", report.DecisionText),
            ("decision_differs", r.Evidence.Decision is { } decision && decision.Tier != r.Tier.Id),
            ("certificate", report.CertificateText),
            ("surveillance", report.SurveillanceText),
            ("surveillance_overdue", r.Surveillance?.Overdue ?? false),
            ("previous", report.PreviousText),
            ("previous_nonconformities", Arr((r.Previous?.Nonconformities ?? []).Select(n => Obj(
                ("id", n.Id),
                ("item", n.Item),
                ("grade", EvidenceWords.Of(n.Grade)),
                ("grade_label", report.Grade(n.Grade)),
                ("status", EvidenceWords.Of(n.Status)),
                ("status_label", report.FollowUp(n.Status)),
                ("repeated", n.Status == PreviousStatus.Repeated),
                ("record_label", n.RecordStatus is { } rs ? report.Correction(rs) : null),
                ("due", n.Due is { } due ? ReportFigures.Date(due) : null),
                ("overdue", n.Overdue))))));

        // What every printed page carries in its margins (CSS strings, escaped for a CSS "…" literal).
        var reference = report.Label("reference") + report.Label("colon") + (audit.Reference ?? "—");
        v["print"] = Obj(
            ("header_left", CssString(Breakable(report.Title + " · " + reference))),
            ("header_right", CssString(Breakable(report.MockMark ?? r.Company.Name))));

        v["score"] = Obj(
            ("value", report.Score),
            ("unrounded", ReportFigures.Points(r.UnroundedScore)),
            ("item_score", ReportFigures.Points(r.ItemScore)),
            ("earned", ReportFigures.Points(r.EarnedPoints)),
            ("applicable", ReportFigures.Points(r.ApplicablePoints)),
            ("possible", ReportFigures.Points(r.PossiblePoints)),
            ("excluded", ReportFigures.Points(r.ExcludedPoints)),
            ("deductions", ReportFigures.Points(r.DeductionPoints)),
            ("bonus", ReportFigures.Points(r.BonusPoints)),
            ("clamped", r.Clamped),
            ("decimals", rubric.Scoring.Decimals),
            ("formula", report.FormulaText));

        v["tier"] = Obj(
            ("id", r.Tier.Id),
            ("label", report.Text(r.Tier.Label)),
            ("stars", r.Tier.Stars),
            ("stars_text", ReportFigures.Stars(r.Tier.Stars)),
            ("stars_empty", new string('☆', Math.Max(0, rubric.Tiers.Max(t => t.Stars) - r.Tier.Stars))),
            ("min", ReportFigures.Points(r.Tier.MinScore)),
            ("by_score_id", r.ScoreTier.Id),
            ("by_score_label", report.Text(r.ScoreTier.Label)),
            ("blocked", r.ScoreTier != r.Tier),
            ("blocks", Arr(r.TierBlocks.Select(b => Obj(
                ("tier_id", b.Tier.Id),
                ("tier_label", report.Text(b.Tier.Label)),
                ("reason", report.Text(b.Reason)),
                ("items", Arr(b.Items)))))));
        v["next_tier"] = r.NextTier is { } next
            ? Obj(
                ("id", next.Id),
                ("label", report.Text(next.Label)),
                ("min", ReportFigures.Points(next.MinScore)),
                ("points_missing", ReportFigures.Points(r.PointsToNextTier)),
                ("text", report.NextTierText))
            : null;
        v["next_tier_text"] = report.NextTierText;

        // Each item and indicator view is built once and reached from every list that holds it (categories →
        // indicators → items, indicators, items): building them once per list tripled the cost of the view data.
        var itemViews = r.Items.ToDictionary(i => i, i => Item(i, report));
        var indicatorViews = r.Indicators.ToDictionary(i => i, i => Indicator(i, report, itemViews));
        v["categories"] = Arr(r.Categories.Select(c => Obj(
            ("id", c.Category.Id),
            ("name", report.Text(c.Category.Name)),
            ("earned", ReportFigures.Points(c.Earned)),
            ("applicable", ReportFigures.Points(c.Applicable)),
            ("possible", ReportFigures.Points(c.Possible)),
            ("percent", ReportFigures.Percent(c.Percent)),
            ("excluded", c.Applicable == 0),
            ("indicators", Arr(c.Indicators.Select(i => indicatorViews[i]))))));
        v["indicators"] = Arr(r.Indicators.Select(i => indicatorViews[i]));
        v["items"] = Arr(r.Items.Select(i => itemViews[i]));
        v["totals"] = Obj(
            ("earned", ReportFigures.Points(r.EarnedPoints)),
            ("applicable", ReportFigures.Points(r.ApplicablePoints)),
            ("possible", ReportFigures.Points(r.PossiblePoints)));

        var number = 0;
        v["rectification"] = Arr(r.Nonconformities.Select(n => Obj(
            ("no", ++number),
            ("kind", n.Kind == NonconformityKind.Item ? "item" : "special_deduction"),
            ("kind_label", report.Wording.Text("nonconformity_kind." + (n.Kind == NonconformityKind.Item ? "item" : "special_deduction"))),
            ("grade", n.Grade is { } g ? EvidenceWords.Of(g) : null),
            ("grade_label", report.Grade(n.Grade)),
            ("id", n.Id),
            ("requirement", n.Requirement is { } req ? report.Text(req) : null),
            ("lost", ReportFigures.Points(n.LostPoints)),
            ("description", report.Text(n.Description)),
            ("evidence", Arr(n.Evidence)),
            ("repeated", n.Repeated),
            ("nc_id", n.Record?.Id),
            ("due", n.Record?.Due is { } due ? ReportFigures.Date(due) : null),
            ("record_label", n.Record is { } record ? report.Correction(record.Status) : null))));
        v["exclusions"] = Arr(r.Exclusions.Select(e => Obj(
            ("id", e.Id),
            ("is_indicator", e.IsIndicator),
            ("scope_label", report.Wording.Text(e.IsIndicator ? "scope.indicator" : "scope.item")),
            ("name", report.Text(e.Name)),
            ("points", ReportFigures.Points(e.Points)),
            ("reason", e.Reason))));
        v["deductions"] = Arr(r.Deductions.Select(Adjustment));
        v["bonuses"] = Arr(r.Bonuses.Select(Adjustment));
        v["not_assessed"] = Arr(r.NotAssessed.Select(i => Obj(
            ("id", i.Item.Id),
            ("indicator_id", i.Item.Indicator.Id),
            ("requirement", report.Text(i.Item.Requirement)),
            ("possible", ReportFigures.Points(i.Possible)))));
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
        v["notices"] = Arr(r.Notices.Select(n => Obj(("code", n.Code), ("text", report.Text(n.Text)))));
        v["warnings"] = Arr(r.Warnings.Select(w => Obj(("code", w.Code), ("text", w.Format(language, includeHint: false)))));
        v["conclusion"] = Obj(
            ("summary", report.ConclusionText),
            ("team", r.Evidence.Conclusion));
    }

    /// <summary>
    /// The nonconformity forms (不符合项报告): one per major or minor nonconformity and per special deduction (each
    /// needs corrective action), numbered in the order of the rectification list; observations apart, without a form.
    /// The items of one indicator-level finding share one form (one fact, one corrective action), listing every item.
    /// Each form reuses the item's view (note, evidence, methods) and carries <c>nc</c>, the corrective-action fields.
    /// </summary>
    private static ScriptObject NcrData(ScriptObject v, AuditReport report)
    {
        var r = report.Result;
        var language = report.Wording.Language;
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
                ("number", isObservation ? null : report.Wording.Format("report.ncr_number", ("number", (forms.Count + 1).ToString("00", CultureInfo.InvariantCulture)))),
                ("kind", entry["kind"]),
                ("grade", entry["grade"]),
                ("grade_label", entry["grade_label"]),
                ("id", ids.Length == 0 ? null : report.List(ids)),
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
                ("lost", ReportFigures.Points(group.Sum(g => g.N.LostPoints))),
                ("assessor", audit["lead"]),
                ("date", audit["last_date"]),
                ("nc", CorrectiveAction(first, report)));
            (isObservation ? observations : forms).Add(form);
        }

        return Obj(
            ("forms", Arr(forms)),
            ("observations", Arr(observations)),
            ("count", forms.Count));
    }

    /// <summary>
    /// The corrective-action fields of a nonconformity form, from the finding's <c>nc:</c> record (confirmation, root cause,
    /// action, due date, status, verification); blank (null) where the evidence records none, for the form to be filled in.
    /// </summary>
    private static ScriptObject CorrectiveAction(Nonconformity nonconformity, AuditReport report)
    {
        var nc = nonconformity.Record;
        return Obj(
            ("id", nc?.Id),
            ("confirmed_by", nc?.ConfirmedBy),
            ("root_cause", nc?.RootCause),
            ("action", nc?.Action),
            ("due", nc?.Due is { } due ? ReportFigures.Date(due) : null),
            ("status", nc is null ? null : EvidenceWords.Of(nc.Status)),
            ("status_label", nc is null ? null : report.Correction(nc.Status)),
            ("verified_by", nc?.VerifiedBy),
            ("verified_on", nc?.VerifiedOn is { } on ? ReportFigures.Date(on) : null));
    }

    private static ScriptObject RubricIdentity(Rubric rubric) => Obj(("id", rubric.Id), ("version", rubric.Version), ("sha256", rubric.Sha256));

    /// <summary>The rubrics an overlay is built on, nearest first (empty for a plain rubric).</summary>
    private static IEnumerable<Rubric> Bases(Rubric rubric)
    {
        for (var layer = rubric.Base; layer is not null; layer = layer.Base)
        {
            yield return layer;
        }
    }

    private static ScriptObject Indicator(IndicatorResult i, AuditReport report, IReadOnlyDictionary<ItemResult, ScriptObject> itemViews) => Obj(
        ("id", i.Indicator.Id),
        ("category_id", i.Indicator.Category.Id),
        ("name", report.Text(i.Indicator.Name)),
        ("earned", ReportFigures.Points(i.Earned)),
        ("applicable", ReportFigures.Points(i.Applicable)),
        ("possible", ReportFigures.Points(i.Possible)),
        ("percent", ReportFigures.Percent(i.Percent)),
        ("excluded", i.Excluded),
        ("provisional", i.Indicator.PointsProvisional),
        ("items", Arr(i.Items.Select(item => itemViews[item]))));

    private static ScriptObject Item(ItemResult i, AuditReport report)
    {
        var methods = i.Methods.Select(report.Method).ToArray();
        return Obj(
            ("id", i.Item.Id),
            ("indicator_id", i.Item.Indicator.Id),
            ("requirement", report.Text(i.Item.Requirement)),
            ("status", EvidenceWords.Of(i.Status)),
            ("status_label", report.Status(i.Status)),
            ("grade", i.Grade is { } g ? EvidenceWords.Of(g) : null),
            ("grade_label", i.Grade is { } gl ? report.Grade(gl) : null),
            ("earned", ReportFigures.Points(i.Earned)),
            ("applicable", ReportFigures.Points(i.Applicable)),
            ("possible", ReportFigures.Points(i.Possible)),
            ("lost", ReportFigures.Points(i.Lost)),
            ("percent", ReportFigures.Percent(i.Percent)),
            ("from_indicator", i.FromIndicatorFinding),
            ("sample", i.Sample is { } s ? Obj(("size", s.Size), ("conforming", s.Conforming)) : null),
            ("methods", Arr(methods)),
            ("methods_text", methods.Length == 0 ? null : report.List(methods)),
            ("evidence", Arr(i.Evidence)),
            ("note", i.Note),
            ("explanation", report.Text(i.Explanation)),
            ("exclusion_reason", i.ExclusionReason));
    }

    private static ScriptObject Adjustment(AppliedAdjustment a) => Obj(
        ("points", ReportFigures.Points(a.Points)),
        ("reason", a.Reason),
        ("basis", a.Basis),
        ("item", a.Item));

    private static ScriptObject GapData(AuditReport report)
    {
        var gap = report.Gap;
        var planIds = gap.Plan.Select(p => p.Item.Item.Id).ToHashSet(StringComparer.Ordinal);
        ScriptObject Entry(GapItem g, int rank) => Obj(
            ("rank", rank),
            ("id", g.Item.Item.Id),
            ("indicator_id", g.Item.Item.Indicator.Id),
            ("requirement", report.Text(g.Item.Item.Requirement)),
            ("status", EvidenceWords.Of(g.Item.Status)),
            ("status_label", report.Status(g.Item.Status)),
            ("lost", ReportFigures.Points(g.LostPoints)),
            ("gain", ReportFigures.Points(g.ScoreGain)),
            ("prerequisite", g.Prerequisite),
            ("in_plan", planIds.Contains(g.Item.Item.Id)));

        return Obj(
            ("has_target", gap.Target is not null),
            ("target", gap.Target is { } target
                ? Obj(("id", target.Id), ("label", report.Text(target.Label)), ("min", ReportFigures.Points(target.MinScore)), ("stars", target.Stars))
                : null),
            ("points_missing", ReportFigures.Points(gap.PointsMissing)),
            ("reachable", gap.Reachable),
            ("projected_score", gap.ProjectedScore is { } p ? ReportFigures.Score(p, gap.Result.Rubric) : null),
            ("ranked", Arr(gap.Ranked.Select((g, i) => Entry(g, i + 1)))),
            ("plan", Arr(gap.Plan.Select((g, i) => Entry(g, i + 1)))),
            ("plan_gain", ReportFigures.Points(gap.Plan.Sum(g => g.ScoreGain))),
            ("plan_text", report.PlanText),
            ("blockers", Arr(gap.Blockers.Select(report.Text))));
    }

    private static ScriptObject Delta(ScoreDelta d, AuditReport report) => Obj(
        ("id", d.Id),
        ("name", report.Text(d.Name)),
        ("before_earned", ReportFigures.Points(d.BeforeEarned)),
        ("after_earned", ReportFigures.Points(d.AfterEarned)),
        ("before_applicable", ReportFigures.Points(d.BeforeApplicable)),
        ("after_applicable", ReportFigures.Points(d.AfterApplicable)),
        ("before_percent", ReportFigures.Percent(d.BeforePercent)),
        ("after_percent", ReportFigures.Percent(d.AfterPercent)),
        ("earned_delta", d.EarnedDelta is { } e ? ReportFigures.Signed(e) : null),
        ("percent_delta", d.PercentDelta is { } p ? ReportFigures.Signed(Numbers.Normalize(p)) : null),
        ("direction", Direction(d.EarnedDelta)));

    private static string Direction(decimal? delta) => delta switch
    {
        > 0 => "up",
        < 0 => "down",
        _ => "same",
    };

    /// <summary>
    /// The inside of a CSS string literal: letters, digits and spaces as they are, every other character as a
    /// six-digit hex escape followed by the space that ends it. The result holds none of the characters HTML escaping changes, so it passes the HTML
    /// renderer unchanged, and nothing in it can end the string or the rule.
    /// </summary>
    internal static string CssString(string text)
    {
        var builder = new StringBuilder(text.Length * 2);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value == ' '))
            {
                builder.Append((char)rune.Value);
            }
            else
            {
                // The space ends the escape (CSS consumes one space after a hex escape), so a real space after it stays.
                builder.Append('\\').Append(rune.Value.ToString("X6", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Text with a break opportunity (a zero-width space) every 16 characters of a run that has none, such as a long
    /// Latin name or code: the page margins of a printed report wrap only where the text allows, and a longer run
    /// would run off the page.
    /// </summary>
    internal static string Breakable(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        var run = 0;
        foreach (var c in text)
        {
            run = char.IsAsciiLetterOrDigit(c) || c is '_' or '.' ? run + 1 : 0;
            if (run > 16)
            {
                builder.Append('\u200B');
                run = 1;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    internal static string? Percent(decimal? value) => ReportFigures.Percent(value);

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
