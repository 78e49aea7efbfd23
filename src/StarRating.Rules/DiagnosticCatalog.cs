namespace StarRating.Rules;

/// <summary>
/// The diagnostics of StarRating.Rules: reading files and their structure (SR1xxx, rubric and evidence alike) and
/// rubric rules (SR2xxx, SR21xx overlays). Codes are stable: a code is never reused for a different problem.
/// </summary>
/// <remarks>
/// Each layer owns the codes it reports, in one static class; a code two layers report belongs to the lower one.
/// SR1xxx–SR2xxx here; SR3xxx (evidence, scoring, comparison, audit cycle and teams) in
/// <c>StarRating.Engine.EngineDiagnostics</c>; SR4xxx (templates, Word), SR5005/SR5007 (folders) and SR5400/SR5401
/// (PDF) in <c>StarRating.Reports.ReportDiagnostics</c>; SR5302 workbook output and SR60xx reading workbooks in
/// <c>StarRating.Workbook.WorkbookDiagnostics</c>; the tool's SR50xx, SR52xx, SR5300, SR5402/SR5403, SR56xx in
/// <c>StarRating.Cli.CliDiagnostics</c>. The service's codes (SR55xx commands, SR70xx problems, SR71xx pages) are
/// not descriptors: see <c>StarRating.Server.ServiceText</c>. The texts of every code stay in the one zh/en
/// vocabulary. <c>docs/errors.md</c> is generated from all of them by a test.
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

    /// <summary>The descriptors of this layer, ordered by code; the layers above add theirs to it.</summary>
    public static DiagnosticDescriptorSet Descriptors { get; } = new(typeof(DiagnosticCatalog));
}
