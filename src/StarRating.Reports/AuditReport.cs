using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// The report model: one scored audit, its gap analysis and its wording (language and terminology), built once and
/// rendered by every output — terminal, Markdown, HTML, JSON, and those to come (workbooks, Word documents, web
/// pages). Renderers only format it: every label and sentence comes from the vocabulary through
/// <see cref="Wording"/>, every figure from the result through <see cref="ReportFigures"/>; nothing here or in a
/// renderer recomputes a score, a tier or a gap. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Walk the engine's result for the tables (<see cref="AuditResult.Categories"/>, <see cref="AuditResult.Items"/>,
/// <see cref="AuditResult.Nonconformities"/>, <see cref="GapAnalysis.Ranked"/> …) and ask the model for their words:
/// <see cref="Status"/>, <see cref="Grade"/>, <see cref="Text(Message)"/>, <see cref="Label"/>. The sentences of a
/// report (next tier, conclusion, gap plan, score formula, the mock-assessment mark) are properties, worded once.
/// <c>docs/templates.md</c> lists what the built-in templates receive from it.
/// </remarks>
public sealed class AuditReport
{
    private AuditReport(AuditResult result, GapAnalysis gap, Wording wording)
    {
        Result = result;
        Gap = gap;
        Wording = wording;
        Lead = result.Audit.Team.FirstOrDefault(m => m.IsLead);
        Members = result.Audit.Team.Where(m => !ReferenceEquals(m, Lead)).ToArray();
        Score = ReportFigures.Score(result.Score, result.Rubric);
        FormulaText = Formula(result.Formula, result.Rubric, wording);
        NextTierText = NextTier(result, wording);
        ConclusionText = wording.Format(
            "report.conclusion",
            ("kind", EvidenceWords.Of(result.Audit.Kind)),
            ("kind_label", Kind(result.Audit.Kind)),
            ("company", result.Company.Name),
            ("standard", result.Rubric.Standard),
            ("score", Score),
            ("total", result.PossiblePoints),
            ("tier", result.Tier.Label),
            ("stars", result.Tier.Stars > 0 && result.Audit.Stage != 1 ? " " + ReportFigures.Stars(result.Tier.Stars) : ""),
            ("formal", result.Audit.Stage == 1 ? "document_review" : result.Audit.IsFormal ? "true" : "false"));
        DecisionText = Decision(result, wording);
        CertificateText = Certificate(result.Evidence.Certificate, wording);
        SurveillanceText = result.Surveillance is { } schedule
            ? wording.Format(
                "report.surveillance",
                ("has_due", schedule.Due is null ? "false" : "true"),
                ("due", schedule.Due is { } due ? Day(due) : ""),
                ("overdue", schedule.Overdue ? "true" : "false"),
                ("next", Day(schedule.Next)))
            : null;
        PreviousText = result.Previous is { } previous
            ? wording.Format(
                "report.previous",
                ("source", previous.Source),
                ("kind_label", Kind(previous.Kind)),
                ("dates", string.Join(wording.Text("format.list_separator"), previous.Dates.Select(ReportFigures.Date))),
                ("score", previous.ScoreText),
                ("tier", previous.TierLabel))
            : null;
        PlanText = Plan(gap, wording);
        MockMark = result.Audit.IsFormal ? null : wording.Format("report.mock_mark", ("kind", EvidenceWords.Of(result.Audit.Kind)));
        Agreement = TeamAgreement.OfTeamAudit(result.Evidence, result.Rubric);
    }

    /// <summary>
    /// How alike the audit team's assessors rated the items two or more of them assessed (per indicator and overall),
    /// the point spreads, and every disagreement with how it was resolved; computed by the engine from the findings'
    /// assessments (which a resolved finding keeps), so the report, the JSON result and <c>merge --agreement</c> agree.
    /// Null when the audit is not a team's (its findings name fewer than two assessors).
    /// </summary>
    public TeamAgreement? Agreement { get; }

    /// <summary>The agreement in one sentence: assessors, items rated by two or more, how many alike; null without <see cref="Agreement"/>.</summary>
    public string? AgreementSummaryText => Agreement is { } a
        ? Wording.Format(
            "report.agreement_summary",
            ("assessors", a.Assessors.Count),
            ("items", a.Overall.Items),
            ("alike", a.Overall.Alike),
            ("percent", ReportFigures.Percent(a.Overall.AlikePercent) ?? ""))
        : null;

    /// <summary>Items rated alike of those rated by two or more, with the share: <c>1 / 3（33.3%）</c>; a dash without items.</summary>
    /// <param name="figures">The figures.</param>
    public string AlikeText(AgreementFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Items == 0
            ? "—"
            : Wording.Format("report.agreement_alike", ("alike", figures.Alike), ("items", figures.Items), ("percent", ReportFigures.Percent(figures.AlikePercent) ?? ""));
    }

    /// <summary>Kappa for a table cell: three decimals (<c>0.455</c>, <c>−0.333</c>), or why it does not apply.</summary>
    /// <param name="figures">The figures.</param>
    public string KappaText(AgreementFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return figures.Gap switch
        {
            AgreementGap.OneCategory => Label("kappa_one_category"),
            AgreementGap.NoPairs => Label("kappa_no_pairs"),
            _ => ReportFigures.Kappa(figures.Kappa!.Value),
        };
    }

    /// <summary>
    /// Kappa worked out so a reader can check it by hand, in exact fractions: the observed agreement from each item's,
    /// the chance agreement from the counts per result category, then κ (or why it does not apply). Empty without
    /// items rated twice.
    /// </summary>
    /// <param name="figures">The figures.</param>
    public IReadOnlyList<string> KappaWorking(AgreementFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (figures.Items == 0)
        {
            return [];
        }

        var expected = ReportFigures.Fraction(figures.ExpectedFraction!);
        var observed = Wording.Format(
            "report.kappa_observed",
            ("items", string.Join(" + ", figures.ItemAgreementFractions.Select(ReportFigures.Fraction))),
            ("count", figures.Items),
            ("observed", ReportFigures.Fraction(figures.ObservedFraction!)));
        var chance = Wording.Format(
            "report.kappa_chance",
            ("squares", string.Join(" + ", figures.Categories.Select(c => c.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) + "²"))),
            ("ratings", figures.Ratings),
            ("expected", expected),
            ("counts", List(figures.Categories.Select(c => Wording.Format("report.category_count", ("category", Status(c.Category)), ("count", c.Count))))));
        var working = figures.Gap == AgreementGap.OneCategory
            ? Wording.Text("report.kappa_one_category")
            : Wording.Format(
                "report.kappa_working",
                ("observed", ReportFigures.Fraction(figures.ObservedFraction!)),
                ("expected", expected),
                ("fraction", ReportFigures.Fraction(figures.KappaFraction!)),
                ("kappa", ReportFigures.Kappa(figures.Kappa!.Value)));
        return [observed, chance, working];
    }

    /// <summary>One finding in a few words: 部分符合，1 分 / Partial 1 point / 抽样 14/15; 未解决 while no one has decided.</summary>
    /// <param name="finding">A finding or one assessor's record of it.</param>
    public string Reading(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        if (finding.Sample is { } sample)
        {
            return Wording.Format("report.reading_sample", ("conforming", sample.Conforming), ("size", sample.Size));
        }

        if (finding.Result is not { } result)
        {
            return Wording.Text("report.unresolved");
        }

        return Wording.Format(
            "report.reading",
            ("result", Wording.Text("status." + EvidenceWords.Of(result))),
            ("detail", result == FindingResult.Partial && finding.Points is not null ? "points" : "none"),
            ("points", finding.Points is { } points ? Numbers.Normalize(points) : 0m));
    }

    /// <summary>Who resolved a disagreement: the lead (the team's finding written), or the consensus rule of a mock or self assessment.</summary>
    /// <param name="disagreement">A disagreement of <see cref="Agreement"/>.</param>
    public string Resolution(TeamFinding disagreement)
    {
        ArgumentNullException.ThrowIfNull(disagreement);
        return disagreement.Resolved
            ? Wording.Format("report.resolved_by_lead", ("has_lead", Lead is null ? "false" : "true"), ("lead", Lead?.Name ?? ""))
            : Wording.Text("report.resolved_by_consensus");
    }

    /// <summary>The team's finding of a disagreement: as the lead wrote it, or (unresolved) the assessment the consensus rule scored.</summary>
    /// <param name="disagreement">A disagreement of <see cref="Agreement"/>.</param>
    public string TeamReading(TeamFinding disagreement)
    {
        ArgumentNullException.ThrowIfNull(disagreement);
        if (disagreement.Resolved)
        {
            return Reading(disagreement.Finding);
        }

        // The scored finding of the item: the engine's consensus choice, placed where the unresolved finding was.
        var scored = Result.Items.FirstOrDefault(i => i.Finding is { } f && (f.Item ?? f.Indicator) == disagreement.Target)?.Finding;
        return scored is null ? Reading(disagreement.Finding) : Reading(scored);
    }

    /// <summary>A pooled sample in one line: who checked how many records, and the sum.</summary>
    /// <param name="pooled">A pooled finding of <see cref="Agreement"/>.</param>
    public string PooledText(TeamFinding pooled)
    {
        ArgumentNullException.ThrowIfNull(pooled);
        var parts = pooled.Assessments
            .Where(a => a.Sample is not null)
            .Select(a => Wording.Format("report.pooled_part", ("name", string.Join("/", a.By)), ("conforming", a.Sample!.Conforming), ("size", a.Sample.Size)));
        return Wording.Format(
            "report.pooled",
            ("item", pooled.Target),
            ("parts", string.Join(" + ", parts)),
            ("conforming", pooled.Finding.Sample?.Conforming ?? 0),
            ("size", pooled.Finding.Sample?.Size ?? 0));
    }

    /// <summary>What the point spreads show and the threshold that flags them.</summary>
    public string? SpreadsText => Agreement is { } a ? Wording.Format("report.spreads_threshold", ("threshold", Numbers.Normalize(a.Threshold))) : null;

    /// <summary>The scored audit.</summary>
    public AuditResult Result { get; }

    /// <summary>The gap analysis of the report (to the next tier, or the target it was built with).</summary>
    public GapAnalysis Gap { get; }

    /// <summary>Language and terminology of every word of the report.</summary>
    public Wording Wording { get; }

    /// <summary>The lead auditor (role <c>lead</c> in any of its spellings), or null.</summary>
    public TeamMember? Lead { get; }

    /// <summary>The team without the lead, in the order written.</summary>
    public IReadOnlyList<TeamMember> Members { get; }

    /// <summary>The report's title: the rubric's own (<c>report_title</c>, e.g. for another scheme), else the vocabulary's.</summary>
    public string Title => Result.Rubric.ReportTitle is { } title ? Text(title) : Label("report_title");

    /// <summary>The final score with the rubric's decimals, e.g. <c>85.0</c>.</summary>
    public string Score { get; }

    /// <summary>The score's calculation with figures that give the printed score on a calculator (<see cref="AuditResult.Formula"/>).</summary>
    public string FormulaText { get; }

    /// <summary>The tier above the one granted and what it takes, or that the highest tier is reached.</summary>
    public string NextTierText { get; }

    /// <summary>One sentence stating the audit, the company, the score and the tier.</summary>
    public string ConclusionText { get; }

    /// <summary>What the gap plan achieves (e.g. "fixing these 3 items projects 81.2, reaching three-star"), or null without a plan.</summary>
    public string? PlanText { get; }

    /// <summary>
    /// For a mock audit or a self-assessment, the mark every page of the report carries (模拟审核 — 非认证结论);
    /// null for a formal audit.
    /// </summary>
    public string? MockMark { get; }

    /// <summary>
    /// The caption of the tier: 推荐等级 / Recommended rating for a formal audit (the team recommends, the certification body
    /// decides), 评价等级 / Rating otherwise.
    /// </summary>
    /// <remarks>A stage 1 (document review) result recommends no tier: its caption says the tier is only what the score would give.</remarks>
    public string TierCaption => Label(IsStageOne ? "stage_1_tier" : Result.Audit.IsFormal ? "recommended_tier" : "tier");

    /// <summary>The body's decision (认证决定) with who and when, and the recommendation when the two differ; null without one.</summary>
    public string? DecisionText { get; }

    /// <summary>The certificate's number and validity; null without a certificate.</summary>
    public string? CertificateText { get; }

    /// <summary>When this surveillance audit was due (and whether it is overdue) and when the next is due; null when unknown.</summary>
    public string? SurveillanceText { get; }

    /// <summary>The previous audit in one line (file, kind, dates, score, tier); null without one.</summary>
    public string? PreviousText { get; }

    /// <summary>The name of the audit stage: 第一阶段（文件审查）/ Stage 1 (document review).</summary>
    public string StageLabel => Label(IsStageOne ? "stage_1" : "stage_2");

    /// <summary>
    /// Whether this is a stage 1 audit (document review, 文件审查): it recommends no tier, so every output plays the tier
    /// down (no star banner) and says on its cover which stage it is.
    /// </summary>
    public bool IsStageOne => Result.Audit.Stage == 1;

    /// <summary>What a stage 1 report says under its title (a document review, no rating recommended); null for stage 2.</summary>
    public string? StageOneHeading => IsStageOne ? Wording.Text("report.stage_1_heading") : null;

    /// <summary>Beside a stage 1 tier: the rating is recommended after the stage 2 on-site audit; null for stage 2.</summary>
    public string? StageOneTierNote => IsStageOne ? Wording.Text("report.stage_1_tier_note") : null;

    /// <summary>The name of a previous nonconformity's status now: 已关闭 / Closed.</summary>
    /// <param name="status">The status.</param>
    public string FollowUp(PreviousStatus status) => Wording.Text("previous_status." + EvidenceWords.Of(status));

    /// <summary>The name of a nonconformity record's status: 已纠正，待验证 / Corrected, not yet verified.</summary>
    /// <param name="status">The status.</param>
    public string Correction(CorrectionStatus status) => Wording.Text("correction_status." + EvidenceWords.Of(status));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Decision(AuditResult result, Wording wording)
    {
        if (result.Evidence.Decision is not { } decision)
        {
            return null;
        }

        var details = string.Join(wording.Text("format.comma"), new[] { decision.By, decision.On is { } on ? Day(on) : null }.OfType<string>());
        return wording.Format(
            "report.decision",
            ("tier", result.DecisionTier is { } tier ? (object)tier.Label : decision.Tier),
            ("has_details", details.Length > 0 ? "true" : "false"),
            ("details", details),
            ("differs", decision.Tier != result.Tier.Id ? "true" : "false"),
            ("recommended", result.Tier.Label));
    }

    private static string? Certificate(Engine.Certificate? certificate, Wording wording) => certificate is null
        ? null
        : wording.Format(
            "report.certificate",
            ("number", certificate.Number ?? "—"),
            ("has_dates", certificate.Issued is null && certificate.Expires is null ? "false" : "true"),
            ("issued", certificate.Issued is { } issued ? Day(issued) : "—"),
            ("expires", certificate.Expires is { } expires ? Day(expires) : "—"));

    /// <summary>Builds the model of a scored audit: its gap analysis to <paramref name="target"/> (the next tier when null), worded as asked.</summary>
    /// <param name="result">The scored audit.</param>
    /// <param name="language">The language; Chinese by default.</param>
    /// <param name="terminology">审核 or 审查; the rubric's choice when null.</param>
    /// <param name="target">The tier the gap analysis aims at; the next tier when null.</param>
    public static AuditReport Create(AuditResult result, Language language = default, Terminology? terminology = null, Tier? target = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new AuditReport(result, AuditEngine.AnalyzeGap(result, target), new Wording(language, terminology ?? result.Rubric.Terminology));
    }

    /// <summary>Builds the model of a gap analysis already made (its result is the report's).</summary>
    /// <param name="gap">The gap analysis.</param>
    /// <param name="language">The language; Chinese by default.</param>
    /// <param name="terminology">审核 or 审查; the rubric's choice when null.</param>
    public static AuditReport Create(GapAnalysis gap, Language language = default, Terminology? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return new AuditReport(gap.Result, gap, new Wording(language, terminology ?? gap.Result.Rubric.Terminology));
    }

    /// <summary>A label of the layout, e.g. <c>Label("score")</c> for the vocabulary text <c>label.score</c>.</summary>
    /// <param name="key">The key within <c>label.</c>.</param>
    public string Label(string key) => Wording.Text("label." + key);

    /// <summary>A message of the engine (explanation, notice, reason) in the report's words.</summary>
    /// <param name="message">The message.</param>
    public string Text(Message message) => Wording.Format(message);

    /// <summary>The name of an item status: 部分符合 / Partly conforming.</summary>
    /// <param name="status">The status.</param>
    public string Status(ItemStatus status) => Wording.Text("status." + EvidenceWords.Of(status));

    /// <summary>The name of a grade (严重不符合 / Major nonconformity), or of a special deduction when null.</summary>
    /// <param name="grade">The grade, or null for a special deduction.</param>
    public string Grade(NonconformityGrade? grade) => Wording.Text("grade." + (grade is { } g ? EvidenceWords.Of(g) : "special_deduction"));

    /// <summary>The name of an audit kind: 初次认证审核 / Initial certification audit.</summary>
    /// <param name="kind">The kind.</param>
    public string Kind(AuditKind kind) => Wording.Text("audit_kind." + EvidenceWords.Of(kind));

    /// <summary>The name of a team member's role (审核组长 / Lead auditor); a role the vocabulary does not know, as written.</summary>
    /// <param name="member">The member.</param>
    public string Role(TeamMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return Vocabulary.Default.Contains("role." + member.Role) ? Wording.Text("role." + member.Role) : member.Role;
    }

    /// <summary>The name of an evidence method: 查阅文件和记录 / Document and record review.</summary>
    /// <param name="method">The method.</param>
    public string Method(EvidenceMethod method) => Wording.Format(FormatWords.Describe(method));

    /// <summary>A rubric text in the report's language.</summary>
    /// <param name="text">The text.</param>
    public string Text(LocalizedText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Get(Wording.Language);
    }

    /// <summary>Items joined with the language's list separator (、 or ", ").</summary>
    /// <param name="items">The texts.</param>
    public string List(IEnumerable<string> items) => string.Join(Wording.Text("format.list_separator"), items);

    /// <summary>The team as one line: 王敏(审核组长)、李强(审核员); null without a team.</summary>
    public string? TeamText => Result.Audit.Team.Count == 0
        ? null
        : List(Result.Audit.Team.Select(m => Wording.Format("report.team_member", ("name", m.Name), ("role", Role(m)))));

    internal static string Formula(ScoreFormula f, Rubric rubric, Wording wording) => wording.Format(
        "report.formula",
        ("earned", f.Earned),
        ("applicable", f.Applicable),
        ("total", f.Total),
        ("equals", f.ItemScoreRounded ? "≈" : "="),
        ("item_score", f.ItemScore),
        ("adjusted", f.HasAdjustments ? "true" : "false"),
        ("deductions", f.Deductions),
        ("bonus", f.Bonus),
        ("sum", f.Sum),
        ("score", ReportFigures.Score(f.Score, rubric)));

    private static string NextTier(AuditResult r, Wording wording) => r.NextTier is not { } next
        ? wording.Text("report.next_tier_top")
        : (r.PointsToNextTier ?? 0m) > 0
            ? wording.Format("report.next_tier_missing", ("tier", next.Label), ("min", next.MinScore), ("points", r.PointsToNextTier!.Value))
            : wording.Format("report.next_tier_blocked", ("tier", next.Label), ("min", next.MinScore));

    private static string? Plan(GapAnalysis gap, Wording wording)
    {
        if (gap.Target is null || gap.ProjectedScore is null || gap.Plan.Count == 0)
        {
            return null;
        }

        return wording.Format(
            gap.Reachable ? "report.plan_reachable" : "report.plan_unreachable",
            ("count", gap.Plan.Count),
            ("projected", ReportFigures.Score(gap.ProjectedScore.Value, gap.Result.Rubric)),
            ("tier", gap.Target.Label));
    }
}
