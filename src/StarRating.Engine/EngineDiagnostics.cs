using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// The diagnostics of StarRating.Engine (SR3xxx): evidence and scoring rules, comparisons, the certification cycle
/// (SR31xx), audit teams (SR315x–SR316x) and rubric version pins (SR32xx). Texts live in the vocabulary under
/// <c>diagnostic.CODE</c>; codes are stable.
/// </summary>
public static class EngineDiagnostics
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- SR3xxx: evidence and scoring --------------------------------------------------------------

    /// <summary>SR3001: the evidence names another rubric than the one in use.</summary>
    public static readonly DiagnosticDescriptor RubricMismatch = new("SR3001", Error);

    /// <summary>SR3002: a finding names an unknown check item.</summary>
    public static readonly DiagnosticDescriptor UnknownItem = new("SR3002", Error);

    /// <summary>SR3003: a finding names an unknown indicator.</summary>
    public static readonly DiagnosticDescriptor UnknownIndicator = new("SR3003", Error);

    /// <summary>SR3004: a finding names both an item and an indicator.</summary>
    public static readonly DiagnosticDescriptor ItemAndIndicator = new("SR3004", Error);

    /// <summary>SR3005: a finding names neither an item nor an indicator.</summary>
    public static readonly DiagnosticDescriptor NoTarget = new("SR3005", Error);

    /// <summary>SR3006: a finding with neither result nor sample.</summary>
    public static readonly DiagnosticDescriptor NoResult = new("SR3006", Error);

    /// <summary>SR3007: a partial result without points.</summary>
    public static readonly DiagnosticDescriptor PartialWithoutPoints = new("SR3007", Error);

    /// <summary>SR3008: partial points not strictly between 0 and the item's points.</summary>
    public static readonly DiagnosticDescriptor PartialPointsOutOfRange = new("SR3008", Error);

    /// <summary>SR3009: points given with a result other than partial.</summary>
    public static readonly DiagnosticDescriptor PointsWithoutPartial = new("SR3009", Error);

    /// <summary>SR3010: a sample of size 0.</summary>
    public static readonly DiagnosticDescriptor SampleSizeZero = new("SR3010", Error);

    /// <summary>SR3011: more conforming samples than checked.</summary>
    public static readonly DiagnosticDescriptor SampleConformingOutOfRange = new("SR3011", Error);

    /// <summary>SR3012: a sample together with a result.</summary>
    public static readonly DiagnosticDescriptor SampleWithResult = new("SR3012", Error);

    /// <summary>SR3013: a not_applicable finding without a reason.</summary>
    public static readonly DiagnosticDescriptor NotApplicableWithoutReason = new("SR3013", Error);

    /// <summary>SR3014: two findings for the same item or indicator.</summary>
    public static readonly DiagnosticDescriptor DuplicateFinding = new("SR3014", Error);

    /// <summary>SR3015: an applicable item with no finding in a formal audit.</summary>
    public static readonly DiagnosticDescriptor MissingFinding = new("SR3015", Error);

    /// <summary>SR3016: a grade that does not fit the result.</summary>
    public static readonly DiagnosticDescriptor GradeMismatch = new("SR3016", Error);

    /// <summary>SR3017: more bonuses than the rubric allows.</summary>
    public static readonly DiagnosticDescriptor TooManyBonuses = new("SR3017", Error);

    /// <summary>SR3018: a bonus above the rubric's cap.</summary>
    public static readonly DiagnosticDescriptor BonusOverCap = new("SR3018", Error);

    /// <summary>SR3019: partial or sample at indicator level.</summary>
    public static readonly DiagnosticDescriptor IndicatorFindingNotItemLevel = new("SR3019", Error);

    /// <summary>SR3020: nothing applicable is left to score.</summary>
    public static readonly DiagnosticDescriptor NothingApplicable = new("SR3020", Error);

    /// <summary>SR3021: a unified social credit code with a wrong form or check character.</summary>
    public static readonly DiagnosticDescriptor InvalidCreditCode = new("SR3021", Warning);

    /// <summary>SR3022: a formal audit team without a lead.</summary>
    public static readonly DiagnosticDescriptor NoTeamLead = new("SR3022", Warning);

    /// <summary>SR3023: results scored with different rubrics compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRubricMismatch = new("SR3023", Error);

    /// <summary>SR3024: results scored with different versions of one rubric compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRubricChanged = new("SR3024", Warning);

    /// <summary>SR3025: audit dates out of order.</summary>
    public static readonly DiagnosticDescriptor DatesOutOfOrder = new("SR3025", Warning);

    /// <summary>SR3026: an indicator excluded as not applicable while its items have findings.</summary>
    public static readonly DiagnosticDescriptor ExcludedIndicatorWithItemFindings = new("SR3026", Error);

    /// <summary>SR3027: an indicator finding that every item of the indicator overrides.</summary>
    public static readonly DiagnosticDescriptor IndicatorFindingOverridden = new("SR3027", Warning);

    /// <summary>SR3028: two audits of different companies compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonDifferentCompanies = new("SR3028", Warning);

    /// <summary>SR3029: the later audit dated before the earlier one.</summary>
    public static readonly DiagnosticDescriptor ComparisonWrongOrder = new("SR3029", Warning);

    /// <summary>SR3030: one evidence file compared with itself.</summary>
    public static readonly DiagnosticDescriptor ComparisonSameEvidence = new("SR3030", Warning);

    // ---- SR31xx: the certification cycle (nonconformity records, decision, certificate, previous audits) ----

    /// <summary>SR3100: a nonconformity record on a finding without a grade.</summary>
    public static readonly DiagnosticDescriptor NcWithoutGrade = new("SR3100", Error);

    /// <summary>SR3101: a nonconformity verified without who or when.</summary>
    public static readonly DiagnosticDescriptor NcVerificationMissing = new("SR3101", Error);

    /// <summary>SR3102: verification written on a nonconformity that is not verified.</summary>
    public static readonly DiagnosticDescriptor NcVerificationNotVerified = new("SR3102", Error);

    /// <summary>SR3103: a nonconformity verified before the audit that raised it.</summary>
    public static readonly DiagnosticDescriptor NcVerifiedBeforeAudit = new("SR3103", Warning);

    /// <summary>SR3104: two nonconformity records with one number.</summary>
    public static readonly DiagnosticDescriptor NcDuplicateId = new("SR3104", Error);

    /// <summary>SR3105: a nonconformity corrected or verified without a corrective action.</summary>
    public static readonly DiagnosticDescriptor NcActionMissing = new("SR3105", Warning);

    /// <summary>SR3106: a certification decision naming a tier the rubric does not have.</summary>
    public static readonly DiagnosticDescriptor DecisionUnknownTier = new("SR3106", Error);

    /// <summary>SR3107: a certification decision on a mock or self assessment.</summary>
    public static readonly DiagnosticDescriptor DecisionNotFormal = new("SR3107", Error);

    /// <summary>SR3108: a certification decision dated before the audit ended.</summary>
    public static readonly DiagnosticDescriptor DecisionBeforeAudit = new("SR3108", Warning);

    /// <summary>SR3109: a certificate that expires before it is issued.</summary>
    public static readonly DiagnosticDescriptor CertificateDates = new("SR3109", Error);

    /// <summary>SR3110: stage 1 on an audit kind that has none.</summary>
    public static readonly DiagnosticDescriptor StageOneNotFor = new("SR3110", Error);

    /// <summary>SR3111: an audit criterion without a version.</summary>
    public static readonly DiagnosticDescriptor CriterionWithoutVersion = new("SR3111", Warning);

    /// <summary>SR3112: audit criteria that leave out the rubric's standard.</summary>
    public static readonly DiagnosticDescriptor CriteriaWithoutStandard = new("SR3112", Warning);

    /// <summary>SR3113: a surveillance audit later than it was due.</summary>
    public static readonly DiagnosticDescriptor SurveillanceOverdue = new("SR3113", Warning);

    /// <summary>SR3120: the previous audit's file does not exist.</summary>
    public static readonly DiagnosticDescriptor PreviousNotFound = new("SR3120", Error);

    /// <summary>SR3121: previous audits that lead back to themselves.</summary>
    public static readonly DiagnosticDescriptor PreviousCycle = new("SR3121", Error);

    /// <summary>SR3122: a chain of previous audits longer than the limit.</summary>
    public static readonly DiagnosticDescriptor PreviousTooDeep = new("SR3122", Error);

    /// <summary>SR3123: the previous audit is of another company.</summary>
    public static readonly DiagnosticDescriptor PreviousOtherCompany = new("SR3123", Error);

    /// <summary>SR3124: the previous audit was scored with another rubric.</summary>
    public static readonly DiagnosticDescriptor PreviousOtherRubric = new("SR3124", Error);

    /// <summary>SR3125: the previous audit used another version of the rubric.</summary>
    public static readonly DiagnosticDescriptor PreviousRubricVersion = new("SR3125", Warning);

    /// <summary>SR3126: the previous audit cannot be scored.</summary>
    public static readonly DiagnosticDescriptor PreviousInvalid = new("SR3126", Error);

    /// <summary>SR3127: the previous audit does not come before this one.</summary>
    public static readonly DiagnosticDescriptor PreviousNotBefore = new("SR3127", Error);

    /// <summary>SR3128: the previous file is neither evidence nor a result.</summary>
    public static readonly DiagnosticDescriptor PreviousNotAudit = new("SR3128", Error);

    /// <summary>SR3129: a previous path outside the evidence file's folder.</summary>
    public static readonly DiagnosticDescriptor PreviousPathRefused = new("SR3129", Error);

    // ---- SR315x–SR316x: audit teams (assessors, assessments, merging their files) -------------------------

    /// <summary>SR3150: an assessor (<c>assessor:</c> or <c>by:</c>) who is not a member of <c>audit.team</c>.</summary>
    public static readonly DiagnosticDescriptor AssessorNotInTeam = new("SR3150", Error);

    /// <summary>SR3151: an assessment that does not name exactly one assessor.</summary>
    public static readonly DiagnosticDescriptor AssessmentNotOneAssessor = new("SR3151", Error);

    /// <summary>SR3152: an unresolved finding (assessors disagree) in a formal audit.</summary>
    public static readonly DiagnosticDescriptor UnresolvedInFormalAudit = new("SR3152", Error);

    /// <summary>SR3153: one assessor with two assessments of the same finding.</summary>
    public static readonly DiagnosticDescriptor AssessorTwice = new("SR3153", Error);

    /// <summary>SR3154: a file to merge that does not say whose it is (no <c>assessor:</c>).</summary>
    public static readonly DiagnosticDescriptor MergeNoAssessor = new("SR3154", Error);

    /// <summary>SR3155: two files to merge by the same assessor.</summary>
    public static readonly DiagnosticDescriptor MergeSameAssessor = new("SR3155", Error);

    /// <summary>SR3156: files to merge that name different companies.</summary>
    public static readonly DiagnosticDescriptor MergeCompanyDiffers = new("SR3156", Error);

    /// <summary>SR3157: files to merge of different kinds of audit.</summary>
    public static readonly DiagnosticDescriptor MergeAuditKindDiffers = new("SR3157", Error);

    /// <summary>SR3158: files to merge for different rubrics or rubric versions.</summary>
    public static readonly DiagnosticDescriptor MergeRubricDiffers = new("SR3158", Error);

    /// <summary>SR3159: a team member given different roles in two files.</summary>
    public static readonly DiagnosticDescriptor MergeRoleDiffers = new("SR3159", Error);

    /// <summary>SR3160: the same special deduction in two files, counted once.</summary>
    public static readonly DiagnosticDescriptor MergeDuplicateDeduction = new("SR3160", Warning);

    /// <summary>SR3161: a bonus neither in the lead's file nor agreed by every assessor, left out.</summary>
    public static readonly DiagnosticDescriptor MergeBonusDropped = new("SR3161", Warning);

    /// <summary>SR3162: fewer than two files to merge.</summary>
    public static readonly DiagnosticDescriptor MergeTooFewInputs = new("SR3162", Error);

    // ---- SR3130-SR3139: the workbook's team records and stage 1 (records branch) ----------------------------

    /// <summary>SR3130: a finding written with the old 'assessed_by' key, read as 'by'.</summary>
    public static readonly DiagnosticDescriptor AssessedByRenamed = new("SR3130", Warning);

    /// <summary>SR3131: a stage 1 (document review) finding that claims a site-visit method.</summary>
    public static readonly DiagnosticDescriptor StageOneSiteMethod = new("SR3131", Warning);

    /// <summary>SR3132: a certification decision on a stage 1 (document review) audit.</summary>
    public static readonly DiagnosticDescriptor StageOneDecision = new("SR3132", Error);

    // ---- SR32xx: rubric version pins ----------------------------------------------------------------------

    /// <summary>SR3200: the evidence pins another version of the rubric than the one scoring it.</summary>
    public static readonly DiagnosticDescriptor RubricVersionMismatch = new("SR3200", Warning);

    /// <summary>SR3201: as SR3200, refused because strict version checking is on.</summary>
    public static readonly DiagnosticDescriptor RubricVersionRefused = new("SR3201", Error);

    /// <summary>SR3202: a rubric reference that is not ID or ID@VERSION.</summary>
    public static readonly DiagnosticDescriptor InvalidRubricReference = new("SR3202", Error);

    /// <summary>SR3203: audits scored with different but related rubrics compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRelatedRubrics = new("SR3203", Warning);

    /// <summary>The descriptors of this layer and the layers below it, ordered by code.</summary>
    public static DiagnosticDescriptorSet Descriptors { get; } = new(typeof(EngineDiagnostics), DiagnosticCatalog.Descriptors);
}
