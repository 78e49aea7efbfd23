using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook;

/// <summary>
/// Every word the workbook shows, in Chinese and English, from the vocabulary (<c>workbook.*</c> in
/// <c>src/StarRating.Rules/Vocabulary/{zh,en}.yaml</c>): sheet names, column headers, field labels, drop-down choices,
/// hints. The reader accepts the words of both languages, the evidence file's own words and the short forms people
/// type (<c>evidence_words.*</c>) wherever it reads one, so a workbook filled in either language reads back to the
/// same evidence.
/// </summary>
internal static class WorkbookText
{
    // ---- sheets -----------------------------------------------------------------------------------------------
    public static readonly LocalizedText AuditSheet = Text("sheet.audit");
    public static readonly LocalizedText ItemsSheet = Text("sheet.items");
    public static readonly LocalizedText AdjustmentsSheet = Text("sheet.adjustments");
    public static readonly LocalizedText DocumentsSheet = Text("sheet.documents");
    public static readonly LocalizedText ResultSheet = Text("sheet.result");
    public static readonly LocalizedText ItemScoresSheet = Text("sheet.item_scores");
    public static readonly LocalizedText RectificationSheet = Text("sheet.rectification");
    public static readonly LocalizedText PortfolioSheet = Text("sheet.portfolio");

    /// <summary>The hidden sheet with the workbook's marker, rubric and the words the preview formulas look up.</summary>
    public const string ListsSheet = "StarRating";

    // ---- titles and hints ---------------------------------------------------------------------------------------
    public static readonly LocalizedText Title = Text("title");
    public static readonly LocalizedText ScoredTitle = Text("scored_title");
    public static readonly LocalizedText InputHint = Text("input_hint");
    public static readonly LocalizedText ItemsHint = Text("items_hint");
    public static readonly LocalizedText AdjustmentsHint = Text("adjustments_hint");
    public static readonly LocalizedText DocumentsHint = Text("documents_hint");
    public static readonly LocalizedText PreviewHint = Text("preview_hint");
    public static readonly LocalizedText DatesHint = Text("dates_hint");
    public static readonly LocalizedText LinesHint = Text("lines_hint");
    public static readonly LocalizedText Rubric = Text("rubric");

    // ---- audit sheet --------------------------------------------------------------------------------------------
    public static readonly LocalizedText CompanySection = Text("company_section");
    public static readonly LocalizedText AuditSection = Text("audit_section");
    public static readonly LocalizedText TeamSection = Text("team_section");
    public static readonly LocalizedText ConclusionSection = Text("conclusion_section");
    public static readonly LocalizedText PreviewSection = Text("preview_section");
    public static readonly LocalizedText PreviewScore = Text("preview_score");
    public static readonly LocalizedText PreviewTier = Text("preview_tier");

    /// <summary>The fields of the audit sheet: key (the evidence path, in the hidden column A), label, hint.</summary>
    public static readonly (string Key, LocalizedText Label, LocalizedText? Hint)[] AuditFields =
    [
        ("rubric", Rubric, null),
        ("company.name", Text("company_name"), Text("company_name_hint")),
        ("company.credit_code", Text("credit_code"), Text("credit_code_hint")),
        ("company.address", Text("address"), null),
        ("company.scope", Text("scope"), Text("scope_hint")),
        ("company.contact", Text("contact"), null),
        ("audit.kind", Text("audit_kind"), null),
        ("audit.dates", Text("audit_dates"), DatesHint),
        ("audit.body", Text("body"), null),
        ("audit.reference", Text("reference"), null),
        ("audit.sites", Text("sites"), LinesHint),
        ("audit.stage", Text("stage"), null),
        ("audit.objectives", Text("objectives"), null),
        ("audit.criteria", Text("criteria"), Text("criteria_hint")),
        ("audit.person_days", Text("person_days"), null),
        ("audit.not_covered", Text("not_covered"), LinesHint),
        ("audit.previous", Text("previous"), Text("previous_hint")),
        ("assessor", Text("assessor"), Text("assessor_hint")),
        ("conclusion", ConclusionSection, null),
        ("decision.tier", Text("decision_tier"), null),
        ("decision.by", Text("decision_by"), null),
        ("decision.on", Text("decision_on"), Text("date_hint")),
        ("certificate.number", Text("certificate_number"), null),
        ("certificate.issued", Text("certificate_issued"), Text("date_hint")),
        ("certificate.expires", Text("certificate_expires"), Text("date_hint")),
    ];

    /// <summary>The audit sheet's fields that hold one date each (written as text, YYYY-MM-DD, like the audit dates).</summary>
    public static readonly string[] DateFields = ["decision.on", "certificate.issued", "certificate.expires"];

    public static readonly LocalizedText DecisionSection = Text("decision_section");

    /// <summary>The audit stage as the drop-down shows it: 1 (document review) and 2 (on site).</summary>
    public static readonly (int Stage, LocalizedText Label)[] Stages = [(1, Text("stage_1")), (2, Text("stage_2"))];

    public static readonly LocalizedText TeamName = Text("team_name");
    public static readonly LocalizedText TeamRole = Text("team_role");
    public static readonly LocalizedText TeamRegistration = Text("team_registration");

    // ---- check items sheet ----------------------------------------------------------------------------------------
    public static readonly LocalizedText Category = Text("category");
    public static readonly LocalizedText Indicator = Text("indicator");
    public static readonly LocalizedText Id = Text("id");
    public static readonly LocalizedText Requirement = Text("requirement");
    public static readonly LocalizedText Points = Text("points");
    public static readonly LocalizedText ExpectedMethods = Text("expected_methods");
    public static readonly LocalizedText Documents = Text("documents");
    public static readonly LocalizedText Result = Text("result");
    public static readonly LocalizedText PartialPoints = Text("partial_points");
    public static readonly LocalizedText SampleSize = Text("sample_size");
    public static readonly LocalizedText SampleConforming = Text("sample_conforming");
    public static readonly LocalizedText Grade = Text("grade");
    public static readonly LocalizedText MethodsUsed = Text("methods_used");
    public static readonly LocalizedText Evidence = Text("evidence");
    public static readonly LocalizedText Note = Text("note");
    public static readonly LocalizedText Reason = Text("reason");
    public static readonly LocalizedText By = Text("by");
    public static readonly LocalizedText PreviewEarned = Text("preview_earned");
    public static readonly LocalizedText PreviewApplicable = Text("preview_applicable");

    // ---- adjustments and documents sheets -------------------------------------------------------------------------
    public static readonly LocalizedText AdjustmentType = Text("adjustment_type");
    public static readonly LocalizedText AdjustmentPoints = Text("adjustment_points");
    public static readonly LocalizedText AdjustmentReason = Text("adjustment_reason");
    public static readonly LocalizedText AdjustmentBasis = Text("adjustment_basis");
    public static readonly LocalizedText AdjustmentItem = Text("adjustment_item");
    public static readonly LocalizedText Deduction = Text("deduction");
    public static readonly LocalizedText Bonus = Text("bonus");
    public static readonly LocalizedText ApplicationDocuments = Text("application_documents");
    public static readonly LocalizedText Document = Text("document");
    public static readonly LocalizedText Received = Text("received");
    public static readonly LocalizedText Checked = Text("checked");
    public static readonly LocalizedText Remark = Text("remark");
    public const string Tick = "✓";

    // ---- nonconformities and assessments sheets ----------------------------------------------------------------------
    public static readonly LocalizedText NcSheet = Text("nc_sheet");
    public static readonly LocalizedText NcHint = Text("nc_hint");
    public static readonly LocalizedText NcId = Text("nc_id");
    public static readonly LocalizedText NcConfirmedBy = Text("nc_confirmed_by");
    public static readonly LocalizedText NcRootCause = Text("nc_root_cause");
    public static readonly LocalizedText NcAction = Text("nc_action");
    public static readonly LocalizedText NcDue = Text("nc_due");
    public static readonly LocalizedText NcStatus = Text("nc_status");
    public static readonly LocalizedText NcVerifiedBy = Text("nc_verified_by");
    public static readonly LocalizedText NcVerifiedOn = Text("nc_verified_on");
    public static readonly LocalizedText AssessmentsSheet = Text("assessments_sheet");
    public static readonly LocalizedText AssessmentsHint = Text("assessments_hint");

    /// <summary>A correction status as the drop-down shows it (<c>correction_status.*</c>).</summary>
    public static LocalizedText Of(CorrectionStatus status) =>
        new(Wording.Chinese.Text("correction_status." + Word(status)), Wording.English.Text("correction_status." + Word(status)));

    /// <summary>The evidence file's word for a correction status.</summary>
    public static string Word(CorrectionStatus status) => status switch
    {
        CorrectionStatus.Corrected => "corrected",
        CorrectionStatus.Verified => "verified",
        _ => "open",
    };

    // ---- scored sheets ------------------------------------------------------------------------------------------
    public static readonly LocalizedText Score = Text("score");
    public static readonly LocalizedText Tier = Text("tier");
    public static readonly LocalizedText Formula = Text("formula");
    public static readonly LocalizedText Earned = Text("earned");
    public static readonly LocalizedText Applicable = Text("applicable");
    public static readonly LocalizedText Possible = Text("possible");
    public static readonly LocalizedText Percent = Text("percent");
    public static readonly LocalizedText Lost = Text("lost");
    public static readonly LocalizedText Status = Text("status");
    public static readonly LocalizedText Why = Text("why");
    public static readonly LocalizedText Kind = Text("kind");
    public static readonly LocalizedText Description = Text("description");
    public static readonly LocalizedText Notices = Text("notices");
    public static readonly LocalizedText TierBlocked = Text("tier_blocked");
    public static readonly LocalizedText ScoreOfRecord = Text("score_of_record");
    public static readonly LocalizedText SpecialDeduction = Text("special_deduction");
    public static readonly LocalizedText SpecialBonus = Text("special_bonus");
    public static readonly LocalizedText ItemScore = Text("item_score");

    // ---- portfolio ------------------------------------------------------------------------------------------------
    public static readonly (string Key, LocalizedText Label, double Width)[] PortfolioColumns =
    [
        ("file", Text("portfolio.file"), 34),
        ("company", Text("portfolio.company"), 30),
        ("credit_code", Text("portfolio.credit_code"), 22),
        ("kind", Text("portfolio.kind"), 14),
        ("dates", Text("portfolio.dates"), 24),
        ("score", Text("portfolio.score"), 8),
        ("tier", Text("portfolio.tier"), 12),
        ("stars", Text("portfolio.stars"), 6),
        ("status", Text("portfolio.status"), 12),
        ("errors", Text("portfolio.errors"), 7),
        ("warnings", Text("portfolio.warnings"), 8),
        ("report", Text("portfolio.report"), 34),
    ];

    // ---- words of enum values --------------------------------------------------------------------------------------

    public static LocalizedText Of(FindingResult result) => Text("result_word." + EvidenceWords.Of(result));

    public static LocalizedText Of(NonconformityGrade grade) => Text("grade_word." + EvidenceWords.Of(grade));

    public static LocalizedText Of(AuditKind kind) => Text("kind_word." + EvidenceWords.Of(kind));

    public static LocalizedText Of(ItemStatus status) => status switch
    {
        ItemStatus.Conforming => Of(FindingResult.Conforming),
        ItemStatus.Partial => Of(FindingResult.Partial),
        ItemStatus.Nonconforming => Of(FindingResult.Nonconforming),
        ItemStatus.NotApplicable => Of(FindingResult.NotApplicable),
        _ => Text("result_word.not_assessed"),
    };

    /// <summary>The team roles the format names, with the words shown for them.</summary>
    public static readonly (string Word, LocalizedText Label)[] Roles =
        [.. new[] { "lead", "member", "expert", "observer", "trainee" }.Select(role => (role, Text("role_word." + role)))];

    /// <summary>Extra words read for a method besides its label and file word (short forms an auditor types).</summary>
    public static readonly (EvidenceMethod Method, string[] Words)[] MethodAliases =
        [.. Enum.GetValues<EvidenceMethod>().Select(m => (m, InputWords("method." + FormatWords.Of(m))))];

    /// <summary>Extra words read for a grade.</summary>
    public static readonly (NonconformityGrade Grade, string[] Words)[] GradeAliases =
        [.. Enum.GetValues<NonconformityGrade>().Select(g => (g, InputWords("grade." + EvidenceWords.Of(g))))];

    /// <summary>Extra words read for an audit kind.</summary>
    public static readonly (AuditKind Kind, string[] Words)[] KindAliases =
        [.. Enum.GetValues<AuditKind>().Select(k => (k, InputWords("audit_kind." + EvidenceWords.Of(k))))];

    /// <summary>Extra words read for a result.</summary>
    public static readonly (FindingResult Result, string[] Words)[] ResultAliases =
        [.. Enum.GetValues<FindingResult>().Select(r => (r, InputWords("result." + EvidenceWords.Of(r))))];

    /// <summary>Extra words read for an audit stage (1 or 2): 文件审查, on-site…</summary>
    public static string[] StageAliases(int stage) => InputWords(stage == 1 ? "stage.first" : "stage.second");

    /// <summary>Extra words read for a correction status.</summary>
    public static string[] CorrectionStatusAliases(CorrectionStatus status) => InputWords("correction_status." + Word(status));

    /// <summary>Extra words read for an adjustment type (<c>deduction</c> or <c>bonus</c>).</summary>
    public static string[] AdjustmentAliases(string type) => InputWords("adjustment." + type);

    /// <summary>A workbook text of the vocabulary (<c>workbook.KEY</c>) in Chinese and English.</summary>
    private static LocalizedText Text(string key) =>
        new(Wording.Chinese.Text("workbook." + key), Wording.English.Text("workbook." + key));

    /// <summary>
    /// The words people type for a value (<c>evidence_words.KEY</c>, alternatives separated by <c>|</c>) in every
    /// language of the vocabulary.
    /// </summary>
    private static string[] InputWords(string key) =>
        [.. Vocabulary.Default.Languages
            .SelectMany(l => (Vocabulary.Default.Source("evidence_words." + key, l) ?? "").Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.Ordinal)];
}
