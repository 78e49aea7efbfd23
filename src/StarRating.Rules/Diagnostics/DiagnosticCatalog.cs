using System.Collections.Immutable;
using System.Reflection;

namespace StarRating.Rules;

/// <summary>
/// Every diagnostic StarRating can report, in one table. Codes are stable: a code is never reused for a
/// different problem. <c>docs/errors.md</c> is checked against this table by a test.
/// </summary>
/// <remarks>
/// Ranges: SR1xxx reading files and their structure (rubric and evidence alike), SR2xxx rubric rules (SR21xx
/// overlays), SR3xxx evidence and scoring rules (SR32xx version pins), SR4xxx report templates, SR5xxx the
/// command-line tool and output files (SR52xx rubric commands, SR53xx workbooks, SR54xx Word and PDF output),
/// SR60xx reading audit workbooks.
/// </remarks>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- SR10xx: reading a file -------------------------------------------------------------------

    /// <summary>SR1001: the file does not exist.</summary>
    public static readonly DiagnosticDescriptor FileNotFound = new("SR1001", Error);

    /// <summary>SR1002: the file exists but cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new("SR1002", Error);

    /// <summary>SR1003: the file is larger than the input limit.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = new("SR1003", Error);

    /// <summary>SR1004: the bytes are not valid UTF-8 (or UTF-16 with a byte-order mark).</summary>
    public static readonly DiagnosticDescriptor NotUtf8 = new("SR1004", Error);

    /// <summary>SR1005: YAML syntax error.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new("SR1005", Error);

    /// <summary>SR1006: JSON syntax error.</summary>
    public static readonly DiagnosticDescriptor JsonSyntax = new("SR1006", Error);

    /// <summary>SR1007: a YAML alias that refers to no anchor written (and closed) before it.</summary>
    public static readonly DiagnosticDescriptor AnchorOrAlias = new("SR1007", Error);

    /// <summary>SR1008: nesting deeper than the limit.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new("SR1008", Error);

    /// <summary>SR1009: more values than the limit.</summary>
    public static readonly DiagnosticDescriptor TooManyNodes = new("SR1009", Error);

    /// <summary>SR1010: a single value longer than the limit.</summary>
    public static readonly DiagnosticDescriptor ValueTooLong = new("SR1010", Error);

    /// <summary>SR1011: a line longer than the limit.</summary>
    public static readonly DiagnosticDescriptor LineTooLong = new("SR1011", Error);

    /// <summary>SR1012: more than one YAML document in the file.</summary>
    public static readonly DiagnosticDescriptor MultipleDocuments = new("SR1012", Error);

    /// <summary>SR1013: the file holds no document.</summary>
    public static readonly DiagnosticDescriptor EmptyDocument = new("SR1013", Error);

    /// <summary>SR1014: an explicit YAML tag.</summary>
    public static readonly DiagnosticDescriptor TagNotAllowed = new("SR1014", Error);

    /// <summary>SR1015: a mapping key that is not a plain scalar.</summary>
    public static readonly DiagnosticDescriptor ComplexKey = new("SR1015", Error);

    /// <summary>SR1016: a control character in the text.</summary>
    public static readonly DiagnosticDescriptor ControlCharacter = new("SR1016", Error);

    /// <summary>SR1017: a bidirectional formatting character in the text.</summary>
    public static readonly DiagnosticDescriptor BidiCharacter = new("SR1017", Error);

    /// <summary>SR1018: a control character written as an escape in a quoted value or key.</summary>
    public static readonly DiagnosticDescriptor EscapedControlCharacter = new("SR1018", Error);

    /// <summary>SR1019: a flow mapping or list whose closing bracket is missing.</summary>
    public static readonly DiagnosticDescriptor UnclosedBracket = new("SR1019", Error);

    /// <summary>SR1020: something Newtonsoft would accept but strict JSON does not.</summary>
    public static readonly DiagnosticDescriptor NotStrictJson = new("SR1020", Error);

    /// <summary>SR1021: UTF-16 text without a byte-order mark.</summary>
    public static readonly DiagnosticDescriptor Utf16WithoutBom = new("SR1021", Error);

    /// <summary>SR1022: full-width punctuation where YAML needs ASCII.</summary>
    public static readonly DiagnosticDescriptor FullWidthPunctuation = new("SR1022", Error);

    /// <summary>SR1023: an ASCII comma inside unquoted text in a flow mapping, which splits the text into a key.</summary>
    public static readonly DiagnosticDescriptor CommaInFlowText = new("SR1023", Error);

    // ---- SR11xx: structure ----------------------------------------------------------------------

    /// <summary>SR1101: a key the format does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new("SR1101", Error);

    /// <summary>SR1102: a required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new("SR1102", Error);

    /// <summary>SR1103: a key appears twice in one mapping.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new("SR1103", Error);

    /// <summary>SR1104: a value of the wrong kind (text, number, list, mapping).</summary>
    public static readonly DiagnosticDescriptor WrongType = new("SR1104", Error);

    /// <summary>SR1105: text that is not a number where a number is required.</summary>
    public static readonly DiagnosticDescriptor InvalidNumber = new("SR1105", Error);

    /// <summary>SR1106: a value outside an enumeration.</summary>
    public static readonly DiagnosticDescriptor InvalidEnum = new("SR1106", Error);

    /// <summary>SR1107: text that is not a date.</summary>
    public static readonly DiagnosticDescriptor InvalidDate = new("SR1107", Error);

    /// <summary>SR1108: a required value or list is empty.</summary>
    public static readonly DiagnosticDescriptor EmptyValue = new("SR1108", Error);

    /// <summary>SR1109: an id with characters outside the allowed set.</summary>
    public static readonly DiagnosticDescriptor InvalidId = new("SR1109", Error);

    /// <summary>SR1110: a number outside its allowed range.</summary>
    public static readonly DiagnosticDescriptor NumberOutOfRange = new("SR1110", Error);

    /// <summary>SR1111: text that is not true or false.</summary>
    public static readonly DiagnosticDescriptor InvalidBoolean = new("SR1111", Error);

    /// <summary>SR1112: a list with more entries than the limit.</summary>
    public static readonly DiagnosticDescriptor TooManyEntries = new("SR1112", Error);

    /// <summary>SR1113: a number with more decimals than the formats keep.</summary>
    public static readonly DiagnosticDescriptor TooManyDecimals = new("SR1113", Error);

    /// <summary>SR1114: a number too large for the formats.</summary>
    public static readonly DiagnosticDescriptor NumberTooLarge = new("SR1114", Error);

    /// <summary>SR1115: a fraction where a whole number is required.</summary>
    public static readonly DiagnosticDescriptor NotWholeNumber = new("SR1115", Error);

    /// <summary>SR1116: a file of the other kind (a rubric where evidence is expected, or the reverse), or with none of the keys.</summary>
    public static readonly DiagnosticDescriptor WrongKindOfFile = new("SR1116", Error);

    // ---- SR2xxx: rubric rules --------------------------------------------------------------------

    /// <summary>SR2001: an id used twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = new("SR2001", Error);

    /// <summary>SR2002: check items do not add up to their indicator's points.</summary>
    public static readonly DiagnosticDescriptor ItemSumMismatch = new("SR2002", Error);

    /// <summary>SR2003: indicators do not add up to their category's points.</summary>
    public static readonly DiagnosticDescriptor IndicatorSumMismatch = new("SR2003", Error);

    /// <summary>SR2004: categories do not add up to the rubric total.</summary>
    public static readonly DiagnosticDescriptor CategorySumMismatch = new("SR2004", Error);

    /// <summary>SR2005: points that are zero or negative.</summary>
    public static readonly DiagnosticDescriptor PointsNotPositive = new("SR2005", Error);

    /// <summary>SR2006: tiers not in strictly ascending order of minimum score.</summary>
    public static readonly DiagnosticDescriptor TiersNotAscending = new("SR2006", Error);

    /// <summary>SR2007: a tier minimum outside 0..total.</summary>
    public static readonly DiagnosticDescriptor TierOutOfRange = new("SR2007", Error);

    /// <summary>SR2008: the lowest tier does not start at 0.</summary>
    public static readonly DiagnosticDescriptor LowestTierNotZero = new("SR2008", Error);

    /// <summary>SR2009: a prerequisite naming an unknown check item.</summary>
    public static readonly DiagnosticDescriptor UnknownPrerequisite = new("SR2009", Error);

    /// <summary>SR2010: the lowest tier has prerequisites.</summary>
    public static readonly DiagnosticDescriptor LowestTierPrerequisites = new("SR2010", Error);

    // ---- SR21xx: rubric overlays (extends) and built-in rubrics --------------------------------------

    /// <summary>SR2101: extends names no built-in rubric.</summary>
    public static readonly DiagnosticDescriptor UnknownBaseRubric = new("SR2101", Error);

    /// <summary>SR2102: the base rubric file named by extends does not exist.</summary>
    public static readonly DiagnosticDescriptor BaseFileNotFound = new("SR2102", Error);

    /// <summary>SR2103: an extends value that may not be used.</summary>
    public static readonly DiagnosticDescriptor BaseRefused = new("SR2103", Error);

    /// <summary>SR2104: overlays that extend each other in a circle.</summary>
    public static readonly DiagnosticDescriptor OverlayCycle = new("SR2104", Error);

    /// <summary>SR2105: an overlay chain longer than the limit.</summary>
    public static readonly DiagnosticDescriptor OverlayTooDeep = new("SR2105", Error);

    /// <summary>SR2106: the base of an overlay has errors.</summary>
    public static readonly DiagnosticDescriptor BaseInvalid = new("SR2106", Error);

    /// <summary>SR2107: remove: true for an entry the base does not have.</summary>
    public static readonly DiagnosticDescriptor RemoveUnknown = new("SR2107", Error);

    /// <summary>SR2108: an overlay entry with a new id that lacks what a new entry needs.</summary>
    public static readonly DiagnosticDescriptor IncompleteNewEntry = new("SR2108", Error);

    /// <summary>SR2109: after: names no sibling.</summary>
    public static readonly DiagnosticDescriptor UnknownAfter = new("SR2109", Error);

    /// <summary>SR2110: remove: true together with other keys.</summary>
    public static readonly DiagnosticDescriptor RemoveWithValues = new("SR2110", Error);

    /// <summary>SR2111: an id written inside an overlay entry.</summary>
    public static readonly DiagnosticDescriptor OverlayEntryId = new("SR2111", Error);

    /// <summary>SR2112: a list where an overlay merges by id.</summary>
    public static readonly DiagnosticDescriptor OverlayListNotMapping = new("SR2112", Error);

    /// <summary>SR2113: indicators written inside a category entry of an overlay.</summary>
    public static readonly DiagnosticDescriptor OverlayNestedIndicators = new("SR2113", Error);

    /// <summary>SR2114: category: names no category.</summary>
    public static readonly DiagnosticDescriptor UnknownTargetCategory = new("SR2114", Error);

    /// <summary>SR2115: an overlay removes an item that a tier requires.</summary>
    public static readonly DiagnosticDescriptor PrerequisiteRemoved = new("SR2115", Error);

    /// <summary>SR2116: an overlay with the same id and version as its base.</summary>
    public static readonly DiagnosticDescriptor OverlaySameVersion = new("SR2116", Warning);

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

    // ---- SR32xx: rubric version pins ----------------------------------------------------------------------

    /// <summary>SR3200: the evidence pins another version of the rubric than the one scoring it.</summary>
    public static readonly DiagnosticDescriptor RubricVersionMismatch = new("SR3200", Warning);

    /// <summary>SR3201: as SR3200, refused because strict version checking is on.</summary>
    public static readonly DiagnosticDescriptor RubricVersionRefused = new("SR3201", Error);

    /// <summary>SR3202: a rubric reference that is not ID or ID@VERSION.</summary>
    public static readonly DiagnosticDescriptor InvalidRubricReference = new("SR3202", Error);

    /// <summary>SR3203: audits scored with different but related rubrics compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRelatedRubrics = new("SR3203", Warning);

    // ---- SR4xxx: report templates ---------------------------------------------------------------------

    /// <summary>SR4001: a template that does not parse.</summary>
    public static readonly DiagnosticDescriptor TemplateSyntax = new("SR4001", Error);

    /// <summary>SR4002: a template that fails while rendering.</summary>
    public static readonly DiagnosticDescriptor TemplateRuntime = new("SR4002", Error);

    /// <summary>SR4003: a loop beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateLoopLimit = new("SR4003", Error);

    /// <summary>SR4004: recursion beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateRecursionLimit = new("SR4004", Error);

    /// <summary>SR4005: output beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateOutputLimit = new("SR4005", Error);

    /// <summary>SR4006: rendering beyond the time limit.</summary>
    public static readonly DiagnosticDescriptor TemplateTimeout = new("SR4006", Error);

    /// <summary>SR4007: an include of anything but another template of the set.</summary>
    public static readonly DiagnosticDescriptor TemplateIncludeRefused = new("SR4007", Error);

    /// <summary>SR4008: a template set without the template a format needs.</summary>
    public static readonly DiagnosticDescriptor TemplateMissing = new("SR4008", Error);

    /// <summary>SR4009: a template calling a function that is removed in the sandbox.</summary>
    public static readonly DiagnosticDescriptor TemplateFunctionRefused = new("SR4009", Error);

    /// <summary>SR4010: a template file that is a link leading out of its folder.</summary>
    public static readonly DiagnosticDescriptor TemplateLinkOutside = new("SR4010", Error);

    /// <summary>SR4011: a template path that is not a regular file (device, pipe, socket).</summary>
    public static readonly DiagnosticDescriptor TemplateNotRegularFile = new("SR4011", Error);

    /// <summary>SR4012: a template file that cannot be read or is not UTF-8.</summary>
    public static readonly DiagnosticDescriptor TemplateUnreadable = new("SR4012", Error);

    /// <summary>SR4013: a template file larger than the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateTooLarge = new("SR4013", Error);

    /// <summary>SR4014: a regular expression in a template beyond its time limit.</summary>
    public static readonly DiagnosticDescriptor TemplateRegexTimeout = new("SR4014", Error);

    // ---- SR41xx: Word templates, markup and reference documents ----------------------------------------

    /// <summary>SR4100: a Word template whose output is not valid Word markup.</summary>
    public static readonly DiagnosticDescriptor WordMarkupInvalid = new("SR4100", Error);

    /// <summary>SR4101: a style name that neither the built-in styles nor the reference document define.</summary>
    public static readonly DiagnosticDescriptor WordStyleUnknown = new("SR4101", Error);

    /// <summary>SR4110: a reference document that is not a Word document.</summary>
    public static readonly DiagnosticDescriptor ReferenceDocumentInvalid = new("SR4110", Error);

    /// <summary>SR4111: a reference document larger than the limit.</summary>
    public static readonly DiagnosticDescriptor ReferenceDocumentTooLarge = new("SR4111", Error);

    // ---- SR5xxx: command line and output files ---------------------------------------------------------

    /// <summary>SR5001: an output file cannot be written.</summary>
    public static readonly DiagnosticDescriptor OutputWriteFailed = new("SR5001", Error);

    /// <summary>SR5002: an output path that is one of the inputs.</summary>
    public static readonly DiagnosticDescriptor OutputIsInput = new("SR5002", Error);

    /// <summary>SR5003: a file that is neither a rubric nor evidence.</summary>
    public static readonly DiagnosticDescriptor UnknownFileKind = new("SR5003", Error);

    /// <summary>SR5004: a folder with no evidence files.</summary>
    public static readonly DiagnosticDescriptor NoEvidenceFiles = new("SR5004", Error);

    /// <summary>SR5005: a folder that does not exist.</summary>
    public static readonly DiagnosticDescriptor FolderNotFound = new("SR5005", Error);

    /// <summary>SR5006: a tier id that the rubric does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownTier = new("SR5006", Error);

    /// <summary>SR5007: a path given as a folder names a file.</summary>
    public static readonly DiagnosticDescriptor NotAFolder = new("SR5007", Error);

    /// <summary>SR5008: --jobs that is not a whole number in range.</summary>
    public static readonly DiagnosticDescriptor InvalidJobs = new("SR5008", Error);

    /// <summary>SR5009: --templates with a format that uses no templates.</summary>
    public static readonly DiagnosticDescriptor TemplatesUnused = new("SR5009", Warning);

    /// <summary>SR5010: an empty output path.</summary>
    public static readonly DiagnosticDescriptor OutputPathEmpty = new("SR5010", Error);

    /// <summary>SR5011: templates export would replace an existing file.</summary>
    public static readonly DiagnosticDescriptor ExportWouldReplace = new("SR5011", Error);

    /// <summary>SR5012: batch skips a folder entry that is not a regular file (a pipe, a device, a broken link).</summary>
    public static readonly DiagnosticDescriptor BatchSkipsSpecialFile = new("SR5012", Warning);

    // ---- SR52xx: rubric commands ------------------------------------------------------------------------

    /// <summary>SR5200: --rubric names neither a file nor a built-in rubric.</summary>
    public static readonly DiagnosticDescriptor RubricNotFound = new("SR5200", Error);

    // ---- SR53xx: checklist, convert and portfolio (audit workbook) ---------------------------------------

    /// <summary>SR5300: a file extension convert does not know.</summary>
    public static readonly DiagnosticDescriptor ConvertUnknownFormat = new("SR5300", Error);

    // SR5301 (a workbook asked for on standard output) was retired when the Word and workbook streams merged,
    // before any release: every binary document without -o is SR5402. Do not reuse the code.

    /// <summary>SR5302: evidence the workbook cannot hold exactly.</summary>
    public static readonly DiagnosticDescriptor WorkbookLossy = new("SR5302", Warning);

    // ---- SR54xx: Word, PDF and nonconformity-form output ---------------------------------------------------

    /// <summary>SR5400: a PDF asked for, and no Chromium to print it.</summary>
    public static readonly DiagnosticDescriptor PdfNeedsChromium = new("SR5400", Error);

    /// <summary>SR5401: Chromium ran and did not print the PDF.</summary>
    public static readonly DiagnosticDescriptor PdfFailed = new("SR5401", Error);

    /// <summary>SR5402: a binary format asked for without an output file.</summary>
    public static readonly DiagnosticDescriptor BinaryNeedsOutputFile = new("SR5402", Error);

    /// <summary>SR5403: a format the command does not produce.</summary>
    public static readonly DiagnosticDescriptor FormatNotSupported = new("SR5403", Error);

    // ---- SR60xx: reading audit workbooks (.xlsx) ------------------------------------------------------------

    /// <summary>SR6001: a file that is not an .xlsx workbook.</summary>
    public static readonly DiagnosticDescriptor NotAWorkbook = new("SR6001", Error);

    /// <summary>SR6002: a workbook with macros.</summary>
    public static readonly DiagnosticDescriptor WorkbookMacros = new("SR6002", Error);

    /// <summary>SR6003: a workbook that unpacks to more than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookTooLarge = new("SR6003", Error);

    /// <summary>SR6004: a part compressed far more than real workbooks are.</summary>
    public static readonly DiagnosticDescriptor WorkbookCompressionRatio = new("SR6004", Error);

    /// <summary>SR6005: more parts or sheets than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookTooManyParts = new("SR6005", Error);

    /// <summary>SR6006: a sheet larger than the limit.</summary>
    public static readonly DiagnosticDescriptor SheetTooLarge = new("SR6006", Error);

    /// <summary>SR6007: XML with a DTD or entities.</summary>
    public static readonly DiagnosticDescriptor WorkbookDtd = new("SR6007", Error);

    /// <summary>SR6008: a part that is not well-formed XML.</summary>
    public static readonly DiagnosticDescriptor WorkbookXml = new("SR6008", Error);

    /// <summary>SR6009: links to other files.</summary>
    public static readonly DiagnosticDescriptor WorkbookExternalLink = new("SR6009", Error);

    /// <summary>SR6010: a sheet the reader needs is missing.</summary>
    public static readonly DiagnosticDescriptor WorkbookSheetMissing = new("SR6010", Error);

    /// <summary>SR6011: a column the reader needs is missing.</summary>
    public static readonly DiagnosticDescriptor WorkbookColumnMissing = new("SR6011", Error);

    /// <summary>SR6012: a formula in an input cell.</summary>
    public static readonly DiagnosticDescriptor WorkbookFormula = new("SR6012", Error);

    /// <summary>SR6013: more shared strings than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookSharedStrings = new("SR6013", Error);

    /// <summary>SR6014: an error value in a cell.</summary>
    public static readonly DiagnosticDescriptor WorkbookErrorValue = new("SR6014", Error);

    /// <summary>SR6015: an adjustment row without a type.</summary>
    public static readonly DiagnosticDescriptor AdjustmentTypeMissing = new("SR6015", Error);

    /// <summary>SR6016: an adjustment type that is neither deduction nor bonus.</summary>
    public static readonly DiagnosticDescriptor AdjustmentTypeUnknown = new("SR6016", Error);

    /// <summary>SR6017: a workbook file larger than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookFileTooLarge = new("SR6017", Error);

    // ---- the workbook's cycle and team records, stage 1 (SR3130–SR3139, SR6040–SR6059) ----------------------

    /// <summary>SR3130: a finding written with the old 'assessed_by' key, read as 'by'.</summary>
    public static readonly DiagnosticDescriptor AssessedByRenamed = new("SR3130", Warning);

    /// <summary>SR3131: a stage 1 (document review) finding that claims a site-visit method.</summary>
    public static readonly DiagnosticDescriptor StageOneSiteMethod = new("SR3131", Warning);

    /// <summary>SR3132: a certification decision on a stage 1 (document review) audit.</summary>
    public static readonly DiagnosticDescriptor StageOneDecision = new("SR3132", Error);

    /// <summary>SR6040: a workbook row (nonconformity record) naming an item with no finding on the check items sheet.</summary>
    public static readonly DiagnosticDescriptor WorkbookRecordWithoutFinding = new("SR6040", Error);

    /// <summary>SR6041: a workbook row (nonconformity record or assessment) that names no item or indicator.</summary>
    public static readonly DiagnosticDescriptor WorkbookRecordWithoutId = new("SR6041", Error);

    /// <summary>SR6042: a second nonconformity record for one finding in a workbook.</summary>
    public static readonly DiagnosticDescriptor WorkbookNcTwice = new("SR6042", Error);

    // ---- SR56xx: audit team commands (merge, agreement) ----------------------------------------------------

    /// <summary>SR5600: merge -o names a file the team's evidence cannot be written as (YAML, JSON or a workbook).</summary>
    public static readonly DiagnosticDescriptor TeamOutputFormat = new("SR5600", Error);

    /// <summary>SR5601: agreement over a folder with an audit for another rubric than the one in use.</summary>
    public static readonly DiagnosticDescriptor AgreementRubricMismatch = new("SR5601", Error);

    private static readonly Lazy<ImmutableArray<DiagnosticDescriptor>> AllDescriptors = new(() =>
        typeof(DiagnosticCatalog)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToImmutableArray());

    /// <summary>Every descriptor, ordered by code.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All => AllDescriptors.Value;

    /// <summary>Finds a descriptor by its code.</summary>
    /// <param name="code">A code such as <c>SR1101</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when the code is unknown.</returns>
    public static DiagnosticDescriptor? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code, StringComparison.Ordinal));
}
