using System.Collections.Immutable;
using System.Reflection;

namespace StarRating.Rules;

/// <summary>
/// Every diagnostic StarRating can report, in one table. Codes are stable: a code is never reused for a
/// different problem. <c>docs/errors.md</c> is checked against this table by a test.
/// </summary>
/// <remarks>
/// Ranges: SR1xxx reading files and their structure (rubric and evidence alike), SR2xxx rubric rules,
/// SR3xxx evidence and scoring rules, SR4xxx report templates, SR5xxx the command-line tool and output files,
/// SR60xx reading audit workbooks.
/// </remarks>
public static class DiagnosticCatalog
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- SR10xx: reading a file -------------------------------------------------------------------

    /// <summary>SR1001: the file does not exist.</summary>
    public static readonly DiagnosticDescriptor FileNotFound = new(
        "SR1001", Error, "File not found",
        "file not found",
        "Check the path; relative paths are resolved from the current directory.");

    /// <summary>SR1002: the file exists but cannot be read.</summary>
    public static readonly DiagnosticDescriptor FileUnreadable = new(
        "SR1002", Error, "File cannot be read",
        "the file cannot be read: {reason}",
        "Check that the path names a file (not a folder) and that you may read it.");

    /// <summary>SR1003: the file is larger than the input limit.</summary>
    public static readonly DiagnosticDescriptor FileTooLarge = new(
        "SR1003", Error, "File too large",
        "the file is {size} bytes, over the limit of {limit} bytes",
        "Rubric and evidence files are small text files (real ones are under 200 KB); check that this is the right file.");

    /// <summary>SR1004: the bytes are not valid UTF-8 (or UTF-16 with a byte-order mark).</summary>
    public static readonly DiagnosticDescriptor NotUtf8 = new(
        "SR1004", Error, "Not UTF-8 text",
        "the file is not valid UTF-8 text (invalid byte 0x{byte} at byte offset {offset})",
        "Save the file as UTF-8. A file saved as GBK/GB18030 can be converted with: iconv -f GB18030 -t UTF-8 in.yaml > out.yaml");

    /// <summary>SR1005: YAML syntax error.</summary>
    public static readonly DiagnosticDescriptor YamlSyntax = new(
        "SR1005", Error, "YAML syntax error",
        "YAML syntax error: {detail}",
        "Check indentation (spaces, not tabs), the colon after each key, and matching quotes and brackets near this position.");

    /// <summary>SR1006: JSON syntax error.</summary>
    public static readonly DiagnosticDescriptor JsonSyntax = new(
        "SR1006", Error, "JSON syntax error",
        "JSON syntax error: {detail}",
        "Check brackets, commas and quotes near this position.");

    /// <summary>SR1007: a YAML alias that refers to no anchor written (and closed) before it.</summary>
    public static readonly DiagnosticDescriptor AnchorOrAlias = new(
        "SR1007", Error, "Alias without its anchor",
        "the alias {alias} refers to no anchor written before it",
        "Write the anchor (&name) on a value before the alias (*name) that repeats it, and not around the alias itself; or write the value out in full. Aliases count as the values they repeat against the limit on values.");

    /// <summary>SR1008: nesting deeper than the limit.</summary>
    public static readonly DiagnosticDescriptor NestingTooDeep = new(
        "SR1008", Error, "Nesting too deep",
        "the document nests deeper than {limit} levels",
        "Rubric and evidence files need only a few levels; look for runaway brackets or indentation.");

    /// <summary>SR1009: more values than the limit.</summary>
    public static readonly DiagnosticDescriptor TooManyNodes = new(
        "SR1009", Error, "Too many values",
        "the document holds more than {limit} values",
        "Check that this is a rubric or an evidence file; genuine files hold a few thousand values at most.");

    /// <summary>SR1010: a single value longer than the limit.</summary>
    public static readonly DiagnosticDescriptor ValueTooLong = new(
        "SR1010", Error, "Value too long",
        "a value of {length} characters exceeds the limit of {limit}",
        "Shorten the text; keep long material in the audit's documents and cite it in 'evidence'.");

    /// <summary>SR1011: a line longer than the limit.</summary>
    public static readonly DiagnosticDescriptor LineTooLong = new(
        "SR1011", Error, "Line too long",
        "line {line} is {length} characters long, over the limit of {limit}",
        "Break the line; long texts can use a YAML block scalar ('|' followed by indented lines).");

    /// <summary>SR1012: more than one YAML document in the file.</summary>
    public static readonly DiagnosticDescriptor MultipleDocuments = new(
        "SR1012", Error, "More than one document",
        "the file holds more than one YAML document",
        "Keep one rubric or one audit per file; remove the second '---' and what follows, or move it to its own file.");

    /// <summary>SR1013: the file holds no document.</summary>
    public static readonly DiagnosticDescriptor EmptyDocument = new(
        "SR1013", Error, "Empty file",
        "the file has no content",
        "Write the document into the file; 'starrating checklist' prints a blank evidence file to start from.");

    /// <summary>SR1014: an explicit YAML tag.</summary>
    public static readonly DiagnosticDescriptor TagNotAllowed = new(
        "SR1014", Error, "YAML tag refused",
        "YAML tag '{tag}' is not allowed",
        "Remove the tag; put the value in quotes if it must be read as text.");

    /// <summary>SR1015: a mapping key that is not a plain scalar.</summary>
    public static readonly DiagnosticDescriptor ComplexKey = new(
        "SR1015", Error, "Key is not text",
        "a mapping key must be plain text, not a list or mapping",
        "Write keys as 'name: value'.");

    /// <summary>SR1016: a control character in the text.</summary>
    public static readonly DiagnosticDescriptor ControlCharacter = new(
        "SR1016", Error, "Control character",
        "the text contains the control character U+{code}",
        "Remove it. Only tabs and line breaks are allowed among control characters; others would reach reports and terminals unseen (an ESC can rewrite a terminal line).");

    /// <summary>SR1017: a bidirectional formatting character in the text.</summary>
    public static readonly DiagnosticDescriptor BidiCharacter = new(
        "SR1017", Error, "Bidirectional control character",
        "the text contains the bidirectional formatting character {codePoint}",
        "Remove it: embeddings, overrides and isolates (U+202A to U+202E, U+2066 to U+2069) make a report or a terminal show the text in another order than the file holds.");

    /// <summary>SR1018: a control character written as an escape in a quoted value or key.</summary>
    public static readonly DiagnosticDescriptor EscapedControlCharacter = new(
        "SR1018", Error, "Control character in a value",
        "this {place} contains the control character {codePoint} (written as an escape such as \\e, \\0, \\x85 or \\u001b)",
        "Remove the escape. Only tabs and line breaks are allowed in text, and none in keys; other control characters would reach reports and terminals unseen.");

    /// <summary>SR1019: a flow mapping or list whose closing bracket is missing.</summary>
    public static readonly DiagnosticDescriptor UnclosedBracket = new(
        "SR1019", Error, "Bracket not closed",
        "the '{bracket}' opened at line {line}, column {column} is not closed",
        "Add '{closer}' here, where the mapping or list ends; a '{{ ... }}' or '[ ... ]' must close before the next key at its own indentation.");

    /// <summary>SR1020: something Newtonsoft would accept but strict JSON does not.</summary>
    public static readonly DiagnosticDescriptor NotStrictJson = new(
        "SR1020", Error, "Not strict JSON",
        "JSON does not allow {what}",
        "{fix}");

    /// <summary>SR1021: UTF-16 text without a byte-order mark.</summary>
    public static readonly DiagnosticDescriptor Utf16WithoutBom = new(
        "SR1021", Error, "UTF-16 without a byte-order mark",
        "the file looks like UTF-16 text ({order}) without a byte-order mark",
        "Save the file as UTF-8 (in most editors: Save as, encoding UTF-8); UTF-16 is read only with its byte-order mark.");

    /// <summary>SR1022: full-width punctuation where YAML needs ASCII.</summary>
    public static readonly DiagnosticDescriptor FullWidthPunctuation = new(
        "SR1022", Error, "Full-width punctuation",
        "{name} '{character}' ({codePoint}) where YAML needs '{ascii}'",
        "Type the ASCII '{ascii}'{after} instead: switch the input method to half-width (English) punctuation for the structure. Inside quotes, and in plain text after 'key: ', full-width punctuation is fine.");

    /// <summary>SR1023: an ASCII comma inside unquoted text in a flow mapping, which splits the text into a key.</summary>
    public static readonly DiagnosticDescriptor CommaInFlowText = new(
        "SR1023", Error, "Comma inside unquoted text",
        "'{key}' reads as a key of its own: the comma before it ends the text of '{previous}'",
        "Put text that contains a comma in quotes: {previous}: \"..., {key}\" (inside '{{ ... }}' a comma separates entries).");

    // ---- SR11xx: structure ----------------------------------------------------------------------

    /// <summary>SR1101: a key the format does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownKey = new(
        "SR1101", Error, "Unknown key",
        "unknown key '{key}' in {context}",
        "{suggestion}Allowed keys here: {allowed}. Keys starting with 'x-' are ignored, for your own data.");

    /// <summary>SR1102: a required key is missing.</summary>
    public static readonly DiagnosticDescriptor MissingKey = new(
        "SR1102", Error, "Missing key",
        "missing required key '{key}' in {context}",
        "Add '{key}:' here; see {doc} for the format.");

    /// <summary>SR1103: a key appears twice in one mapping.</summary>
    public static readonly DiagnosticDescriptor DuplicateKey = new(
        "SR1103", Error, "Duplicate key",
        "key '{key}' appears again in {context} (first at line {line})",
        "Keep one of the two entries; keys must be unique within a mapping.");

    /// <summary>SR1104: a value of the wrong kind (text, number, list, mapping).</summary>
    public static readonly DiagnosticDescriptor WrongType = new(
        "SR1104", Error, "Wrong type",
        "'{key}' must be {expected}, but is {actual}",
        "See {doc} for the shape of '{key}'.");

    /// <summary>SR1105: text that is not a number where a number is required.</summary>
    public static readonly DiagnosticDescriptor InvalidNumber = new(
        "SR1105", Error, "Not a number",
        "'{value}' is not a number (in '{key}')",
        "Write a plain decimal number such as 2 or 1.5, without quotes, units, an exponent or a comma as decimal separator.");

    /// <summary>SR1106: a value outside an enumeration.</summary>
    public static readonly DiagnosticDescriptor InvalidEnum = new(
        "SR1106", Error, "Not an allowed value",
        "'{value}' is not an allowed value for '{key}'",
        "{suggestion}Use one of: {allowed}.");

    /// <summary>SR1107: text that is not a date.</summary>
    public static readonly DiagnosticDescriptor InvalidDate = new(
        "SR1107", Error, "Not a date",
        "'{value}' is not a valid date (in '{key}')",
        "Write dates as YYYY-MM-DD, for example 2026-10-12.");

    /// <summary>SR1108: a required value or list is empty.</summary>
    public static readonly DiagnosticDescriptor EmptyValue = new(
        "SR1108", Error, "Empty value",
        "'{key}' must not be empty",
        "Give '{key}' a value; see {doc}.");

    /// <summary>SR1109: an id with characters outside the allowed set.</summary>
    public static readonly DiagnosticDescriptor InvalidId = new(
        "SR1109", Error, "Invalid id",
        "'{value}' is not a valid id",
        "Ids are 1 to 64 characters: letters, digits, '.', '-' and '_' (for example 5.1.2.3 or three-star).");

    /// <summary>SR1110: a number outside its allowed range.</summary>
    public static readonly DiagnosticDescriptor NumberOutOfRange = new(
        "SR1110", Error, "Number out of range",
        "'{key}' is {value}, outside the allowed range {range}",
        "Use a value in the range {range}.");

    /// <summary>SR1111: text that is not true or false.</summary>
    public static readonly DiagnosticDescriptor InvalidBoolean = new(
        "SR1111", Error, "Not true or false",
        "'{value}' is not true or false (in '{key}')",
        "Write true or false, without quotes.");

    /// <summary>SR1112: a list with more entries than the limit.</summary>
    public static readonly DiagnosticDescriptor TooManyEntries = new(
        "SR1112", Error, "Too many entries",
        "'{key}' has {count} entries, over the limit of {limit}",
        "Check that this is a genuine file: a real rubric or audit has far fewer entries.");

    /// <summary>SR1113: a number with more decimals than the formats keep.</summary>
    public static readonly DiagnosticDescriptor TooManyDecimals = new(
        "SR1113", Error, "Too many decimals",
        "'{value}' has more than {max} decimals (in '{key}')",
        "Round the number to at most {max} decimals; points and scores need far fewer.");

    /// <summary>SR1114: a number too large for the formats.</summary>
    public static readonly DiagnosticDescriptor NumberTooLarge = new(
        "SR1114", Error, "Number too large",
        "'{value}' is too large (in '{key}'): at most {max} digits before the decimal point",
        "Check the number: points, counts and sample sizes in an audit are small numbers.");

    /// <summary>SR1115: a fraction where a whole number is required.</summary>
    public static readonly DiagnosticDescriptor NotWholeNumber = new(
        "SR1115", Error, "Not a whole number",
        "'{key}' must be a whole number, not {value}",
        "Write a whole number without a decimal point, such as 16.");

    /// <summary>SR1116: a file of the other kind (a rubric where evidence is expected, or the reverse), or with none of the keys.</summary>
    public static readonly DiagnosticDescriptor WrongKindOfFile = new(
        "SR1116", Error, "Wrong kind of file",
        "this file is {found}, not {expected}",
        "{fix}");

    // ---- SR2xxx: rubric rules --------------------------------------------------------------------

    /// <summary>SR2001: an id used twice.</summary>
    public static readonly DiagnosticDescriptor DuplicateId = new(
        "SR2001", Error, "Duplicate id",
        "id '{id}' is already used at line {line}",
        "Give every category, indicator and check item an id of its own (they share one namespace), and every tier an id different from the other tiers.");

    /// <summary>SR2002: check items do not add up to their indicator's points.</summary>
    public static readonly DiagnosticDescriptor ItemSumMismatch = new(
        "SR2002", Error, "Item points do not add up",
        "the check items of indicator {id} add up to {sum} points, but the indicator has {points}",
        "Change item points so they add up to {points}, or change the indicator's points (and then its category's).");

    /// <summary>SR2003: indicators do not add up to their category's points.</summary>
    public static readonly DiagnosticDescriptor IndicatorSumMismatch = new(
        "SR2003", Error, "Indicator points do not add up",
        "the indicators of category {id} add up to {sum} points, but the category has {points}",
        "Change indicator points so they add up to {points}, or change the category's points.");

    /// <summary>SR2004: categories do not add up to the rubric total.</summary>
    public static readonly DiagnosticDescriptor CategorySumMismatch = new(
        "SR2004", Error, "Category points do not add up",
        "the categories add up to {sum} points, but the rubric total is {total}",
        "Change category points so they add up to {total}, or change 'total'.");

    /// <summary>SR2005: points that are zero or negative.</summary>
    public static readonly DiagnosticDescriptor PointsNotPositive = new(
        "SR2005", Error, "Points not positive",
        "points must be greater than 0, not {value}",
        "Give every category, indicator and check item a positive number of points.");

    /// <summary>SR2006: tiers not in strictly ascending order of minimum score.</summary>
    public static readonly DiagnosticDescriptor TiersNotAscending = new(
        "SR2006", Error, "Tiers not ascending",
        "tier '{id}' starts at {min}, not above the previous tier '{previous}' at {previousMin}",
        "List tiers from lowest to highest, each with a higher 'min' than the one before.");

    /// <summary>SR2007: a tier minimum outside 0..total.</summary>
    public static readonly DiagnosticDescriptor TierOutOfRange = new(
        "SR2007", Error, "Tier outside the score range",
        "tier '{id}' starts at {min}, outside the score range 0..{total}",
        "Tier minimums must lie between 0 and the rubric total.");

    /// <summary>SR2008: the lowest tier does not start at 0.</summary>
    public static readonly DiagnosticDescriptor LowestTierNotZero = new(
        "SR2008", Error, "Lowest tier not at 0",
        "the lowest tier '{id}' starts at {min}, not at 0",
        "Every score needs a tier: start the first tier at min: 0 (the failing tier).");

    /// <summary>SR2009: a prerequisite naming an unknown check item.</summary>
    public static readonly DiagnosticDescriptor UnknownPrerequisite = new(
        "SR2009", Error, "Unknown prerequisite",
        "tier '{tier}' requires unknown check item '{item}'",
        "{suggestion}Prerequisites name check items defined in this rubric.");

    /// <summary>SR2010: the lowest tier has prerequisites.</summary>
    public static readonly DiagnosticDescriptor LowestTierPrerequisites = new(
        "SR2010", Error, "Lowest tier has prerequisites",
        "the lowest tier '{id}' cannot have prerequisites",
        "Every result must be able to fall back to the lowest tier; move the prerequisites to a higher tier.");

    // ---- SR3xxx: evidence and scoring --------------------------------------------------------------

    /// <summary>SR3001: the evidence names another rubric than the one in use.</summary>
    public static readonly DiagnosticDescriptor RubricMismatch = new(
        "SR3001", Error, "Wrong rubric",
        "the evidence is for rubric '{id}', but the rubric in use is '{loaded}'",
        "Pass the matching rubric file (--rubric), or correct 'rubric:' in the evidence.");

    /// <summary>SR3002: a finding names an unknown check item.</summary>
    public static readonly DiagnosticDescriptor UnknownItem = new(
        "SR3002", Error, "Unknown check item",
        "unknown check item '{id}'",
        "{suggestion}'starrating rubric show' lists the check items.");

    /// <summary>SR3003: a finding names an unknown indicator.</summary>
    public static readonly DiagnosticDescriptor UnknownIndicator = new(
        "SR3003", Error, "Unknown indicator",
        "unknown indicator '{id}'",
        "{suggestion}'starrating rubric show' lists the indicators.");

    /// <summary>SR3004: a finding names both an item and an indicator.</summary>
    public static readonly DiagnosticDescriptor ItemAndIndicator = new(
        "SR3004", Error, "Both item and indicator",
        "a finding names both item '{item}' and indicator '{indicator}'",
        "Keep one of the two keys, or split the finding in two.");

    /// <summary>SR3005: a finding names neither an item nor an indicator.</summary>
    public static readonly DiagnosticDescriptor NoTarget = new(
        "SR3005", Error, "No item or indicator",
        "a finding must name an 'item' or an 'indicator'",
        "Add item: \"5.1.1.1\" (a check item id) or indicator: \"5.1.1\" (a whole indicator).");

    /// <summary>SR3006: a finding with neither result nor sample.</summary>
    public static readonly DiagnosticDescriptor NoResult = new(
        "SR3006", Error, "No result",
        "the finding for {target} has neither 'result' nor 'sample'",
        "Add result: conforming | partial | nonconforming | not_applicable, or sample: {{ size: N, conforming: M }}.");

    /// <summary>SR3007: a partial result without points.</summary>
    public static readonly DiagnosticDescriptor PartialWithoutPoints = new(
        "SR3007", Error, "Partial without points",
        "the partial finding for {target} needs 'points'",
        "Add points: the points awarded, more than 0 and less than the item's {max}.");

    /// <summary>SR3008: partial points not strictly between 0 and the item's points.</summary>
    public static readonly DiagnosticDescriptor PartialPointsOutOfRange = new(
        "SR3008", Error, "Partial points out of range",
        "points {points} for {target} must be more than 0 and less than the item's {max}",
        "A partial result awards part of the item's points; record all or none as conforming or nonconforming.");

    /// <summary>SR3009: points given with a result other than partial.</summary>
    public static readonly DiagnosticDescriptor PointsWithoutPartial = new(
        "SR3009", Error, "Points without partial",
        "'points' is only used with result: partial, but the result for {target} is {result}",
        "Remove 'points', or change the result to partial.");

    /// <summary>SR3010: a sample of size 0.</summary>
    public static readonly DiagnosticDescriptor SampleSizeZero = new(
        "SR3010", Error, "Empty sample",
        "the sample for {target} has size {size}; it must be at least 1",
        "Record how many records, staff or sites were checked in 'size'.");

    /// <summary>SR3011: more conforming samples than checked.</summary>
    public static readonly DiagnosticDescriptor SampleConformingOutOfRange = new(
        "SR3011", Error, "Sample count out of range",
        "the sample for {target} has {conforming} conforming out of {size}",
        "'conforming' counts the conforming samples: a whole number from 0 to 'size'.");

    /// <summary>SR3012: a sample together with a result.</summary>
    public static readonly DiagnosticDescriptor SampleWithResult = new(
        "SR3012", Error, "Sample and result together",
        "the finding for {target} has both 'sample' and 'result'",
        "A sampled item's credit comes from its counts: remove 'result' (or the sample).");

    /// <summary>SR3013: a not_applicable finding without a reason.</summary>
    public static readonly DiagnosticDescriptor NotApplicableWithoutReason = new(
        "SR3013", Error, "Exclusion without reason",
        "the not_applicable finding for {target} needs a 'reason'",
        "State why it does not apply, e.g. reason: 企业不从事商品配送.");

    /// <summary>SR3014: two findings for the same item or indicator.</summary>
    public static readonly DiagnosticDescriptor DuplicateFinding = new(
        "SR3014", Error, "Duplicate finding",
        "{target} already has a finding at line {line}",
        "Keep one finding per check item and per indicator; merge the evidence into one.");

    /// <summary>SR3015: an applicable item with no finding in a formal audit.</summary>
    public static readonly DiagnosticDescriptor MissingFinding = new(
        "SR3015", Error, "Item not assessed",
        "check items without a finding ({count}): {items}",
        "A {kind} audit must assess every applicable check item: record a finding for each (or not_applicable with a reason). Only mock and self assessments may leave items out.");

    /// <summary>SR3016: a grade that does not fit the result.</summary>
    public static readonly DiagnosticDescriptor GradeMismatch = new(
        "SR3016", Error, "Grade does not fit the result",
        "grade '{grade}' does not fit the {result} finding for {target}",
        "Grades major and minor classify what is not fully conforming; 'observation' may also note a conforming item; an excluded item takes no grade.");

    /// <summary>SR3017: more bonuses than the rubric allows.</summary>
    public static readonly DiagnosticDescriptor TooManyBonuses = new(
        "SR3017", Error, "Too many bonuses",
        "bonuses given: {count}; the rubric allows at most {max}",
        "Keep the single most outstanding strength as the bonus.");

    /// <summary>SR3018: a bonus above the rubric's cap.</summary>
    public static readonly DiagnosticDescriptor BonusOverCap = new(
        "SR3018", Error, "Bonus over the cap",
        "a bonus of {points} points exceeds the rubric's cap of {max}",
        "Give the bonus at most {max} points.");

    /// <summary>SR3019: partial or sample at indicator level.</summary>
    public static readonly DiagnosticDescriptor IndicatorFindingNotItemLevel = new(
        "SR3019", Error, "Item-level result on an indicator",
        "a finding for indicator {id} cannot use {what}",
        "Partial points are given per check item: use item: instead of indicator:. (A sample may be recorded on a whole indicator: each of its items earns its points in proportion.)");

    /// <summary>SR3020: nothing applicable is left to score.</summary>
    public static readonly DiagnosticDescriptor NothingApplicable = new(
        "SR3020", Error, "Nothing to score",
        "every check item is excluded as not applicable, so there is nothing to score",
        "At most some indicators can be excluded; check the not_applicable findings.");

    /// <summary>SR3021: a unified social credit code with a wrong form or check character.</summary>
    public static readonly DiagnosticDescriptor InvalidCreditCode = new(
        "SR3021", Warning, "Suspicious credit code",
        "'{code}' is not a valid unified social credit code (统一社会信用代码)",
        "The code has 18 characters and ends with a check character (GB 32100-2015); compare it with the business licence.");

    /// <summary>SR3022: a formal audit team without a lead.</summary>
    public static readonly DiagnosticDescriptor NoTeamLead = new(
        "SR3022", Warning, "No lead auditor",
        "the audit team has no member with role 'lead'",
        "Mark the lead auditor with role: lead; reports name the lead in the signature block.");

    /// <summary>SR3023: results scored with different rubrics compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRubricMismatch = new(
        "SR3023", Error, "Different rubrics compared",
        "cannot compare results of rubric '{before}' with results of rubric '{after}'",
        "Compare audits scored with the same rubric.");

    /// <summary>SR3024: results scored with different versions of one rubric compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonRubricChanged = new(
        "SR3024", Warning, "Rubric changed between audits",
        "the two audits used different versions of rubric '{id}' ({before} and {after})",
        "Deltas may come from the rubric change as well as from the company; say so when reporting them.");

    /// <summary>SR3025: audit dates out of order.</summary>
    public static readonly DiagnosticDescriptor DatesOutOfOrder = new(
        "SR3025", Warning, "Dates out of order",
        "audit date {date} comes before the previous date {previous}",
        "List the audit days in calendar order.");

    /// <summary>SR3026: an indicator excluded as not applicable while its items have findings.</summary>
    public static readonly DiagnosticDescriptor ExcludedIndicatorWithItemFindings = new(
        "SR3026", Error, "Excluded indicator with item findings",
        "indicator {id} is not_applicable, but its items {items} have findings of their own",
        "An indicator that does not apply has no assessed items: remove the item findings, or remove the indicator's not_applicable finding (and its reason) if the items were assessed.");

    /// <summary>SR3027: an indicator finding that every item of the indicator overrides.</summary>
    public static readonly DiagnosticDescriptor IndicatorFindingOverridden = new(
        "SR3027", Warning, "Indicator finding overridden",
        "the finding for indicator {id} applies to none of its items: {items} each have a finding of their own",
        "An item's own finding wins over its indicator's: remove the indicator finding, or the item findings it was meant to cover.");

    /// <summary>SR3028: two audits of different companies compared.</summary>
    public static readonly DiagnosticDescriptor ComparisonDifferentCompanies = new(
        "SR3028", Warning, "Different companies compared",
        "the two audits are of different companies: {before} and {after}",
        "Compare audits of one company (same name and unified social credit code); check that the right two files were given.");

    /// <summary>SR3029: the later audit dated before the earlier one.</summary>
    public static readonly DiagnosticDescriptor ComparisonWrongOrder = new(
        "SR3029", Warning, "Audits in the wrong order",
        "the 'after' audit starts on {after}, before the 'before' audit ends on {before}",
        "Give the earlier audit first: starrating diff BEFORE AFTER. The deltas read as changes from the first file to the second.");

    /// <summary>SR3030: one evidence file compared with itself.</summary>
    public static readonly DiagnosticDescriptor ComparisonSameEvidence = new(
        "SR3030", Warning, "Audit compared with itself",
        "both audits are the same evidence ({before} and {after} have the same content), so nothing can change",
        "Give two different audits of the company, e.g. the initial audit and a surveillance audit.");

    // ---- SR4xxx: report templates ---------------------------------------------------------------------

    /// <summary>SR4001: a template that does not parse.</summary>
    public static readonly DiagnosticDescriptor TemplateSyntax = new(
        "SR4001", Error, "Template syntax error",
        "template error: {detail}",
        "Fix the template near this position; see docs/templates.md for the variables and functions available.");

    /// <summary>SR4002: a template that fails while rendering.</summary>
    public static readonly DiagnosticDescriptor TemplateRuntime = new(
        "SR4002", Error, "Template failed",
        "template failed: {detail}",
        "Check variable names and functions against docs/templates.md; templates may read the report data only.");

    /// <summary>SR4003: a loop beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateLoopLimit = new(
        "SR4003", Error, "Template loop limit",
        "the template exceeded the loop limit of {limit} iterations",
        "Loops in report templates walk the report data; an endless or runaway loop is stopped.");

    /// <summary>SR4004: recursion beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateRecursionLimit = new(
        "SR4004", Error, "Template recursion limit",
        "the template exceeded the recursion limit of {limit} nested calls",
        "Remove the recursion from the template's functions.");

    /// <summary>SR4005: output beyond the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateOutputLimit = new(
        "SR4005", Error, "Report too large",
        "the report exceeds the output limit of {limit} characters",
        "A report of one audit is far smaller; check the template for runaway output.");

    /// <summary>SR4006: rendering beyond the time limit.</summary>
    public static readonly DiagnosticDescriptor TemplateTimeout = new(
        "SR4006", Error, "Template time limit",
        "the template did not finish within {limit} ms",
        "Check the template for runaway loops or expensive regular expressions.");

    /// <summary>SR4007: an include of anything but another template of the set.</summary>
    public static readonly DiagnosticDescriptor TemplateIncludeRefused = new(
        "SR4007", Error, "Include refused",
        "include of '{name}' is refused",
        "Templates can include only other templates of the same set, by file name ({available}); they cannot read files.");

    /// <summary>SR4008: a template set without the template a format needs.</summary>
    public static readonly DiagnosticDescriptor TemplateMissing = new(
        "SR4008", Error, "Template missing",
        "no template '{name}' in {folder}",
        "Add the file, or leave the folder out to use the built-in templates ({available}).");

    /// <summary>SR4009: a template calling a function that is removed in the sandbox.</summary>
    public static readonly DiagnosticDescriptor TemplateFunctionRefused = new(
        "SR4009", Error, "Function refused",
        "function '{name}' is not available in report templates",
        "Templates render report data only: evaluating text as code, reading files, the clock and random numbers are not available, so the same result always gives the same report (see docs/templates.md).");

    /// <summary>SR4010: a template file that is a link leading out of its folder.</summary>
    public static readonly DiagnosticDescriptor TemplateLinkOutside = new(
        "SR4010", Error, "Template link leaves the folder",
        "the template file is a link to {target}, outside the templates folder",
        "Copy the template into the folder instead of linking to it: templates are read only from their own folder, so a report can never carry another file's contents.");

    /// <summary>SR4011: a template path that is not a regular file (device, pipe, socket).</summary>
    public static readonly DiagnosticDescriptor TemplateNotRegularFile = new(
        "SR4011", Error, "Template is not a regular file",
        "the template is {kind}, not a regular file",
        "Templates are text files: replace it with a regular file, or remove it from the folder.");

    /// <summary>SR4012: a template file that cannot be read or is not UTF-8.</summary>
    public static readonly DiagnosticDescriptor TemplateUnreadable = new(
        "SR4012", Error, "Template cannot be read",
        "the template cannot be read: {reason}",
        "Check that the template is a UTF-8 text file you may read; 'starrating templates export DIR' writes the built-in templates to start from.");

    /// <summary>SR4013: a template file larger than the limit.</summary>
    public static readonly DiagnosticDescriptor TemplateTooLarge = new(
        "SR4013", Error, "Template too large",
        "the template file is larger than {limit} characters",
        "Report templates are small text files (the built-in ones are under 40,000 characters); check that this is the right file, or split it into parts joined with include.");

    /// <summary>SR4014: a regular expression in a template beyond its time limit.</summary>
    public static readonly DiagnosticDescriptor TemplateRegexTimeout = new(
        "SR4014", Error, "Regular expression time limit",
        "a regular expression in the template did not finish within {limit} ms",
        "Simplify the pattern (nested repetition such as (a+)+ can take exponential time), or match on shorter text.");

    // ---- SR41xx: Word templates, markup and reference documents ----------------------------------------

    /// <summary>SR4100: a Word template whose output is not valid Word markup.</summary>
    public static readonly DiagnosticDescriptor WordMarkupInvalid = new(
        "SR4100", Error, "Word markup error",
        "the Word markup the template wrote is not valid at line {line}, column {column} of its output: {detail}",
        "Check the template's own text against the markup in docs/reports.md (values are escaped, so they cannot cause this); render with --format md or html to see the data.");

    /// <summary>SR4101: a style name that neither the built-in styles nor the reference document define.</summary>
    public static readonly DiagnosticDescriptor WordStyleUnknown = new(
        "SR4101", Error, "Unknown Word style",
        "no {kind} style named '{name}' in the built-in styles or the reference document",
        "Use a built-in style ({available}) or a style the reference document defines, by the name Word shows.");

    /// <summary>SR4110: a reference document that is not a Word document.</summary>
    public static readonly DiagnosticDescriptor ReferenceDocumentInvalid = new(
        "SR4110", Error, "Not a Word document",
        "the reference document cannot be used: {reason}",
        "Give a .docx (or .dotx) file saved by Word, WPS or LibreOffice; its styles, page setup, header and footer are used, its text is not.");

    /// <summary>SR4111: a reference document larger than the limit.</summary>
    public static readonly DiagnosticDescriptor ReferenceDocumentTooLarge = new(
        "SR4111", Error, "Reference document too large",
        "the reference document holds {size} bytes, over the limit of {limit} bytes",
        "A letterhead needs styles, a header and a footer with a logo: remove large pictures or other content from the file.");

    // ---- SR5xxx: command line and output files ---------------------------------------------------------

    /// <summary>SR5001: an output file cannot be written.</summary>
    public static readonly DiagnosticDescriptor OutputWriteFailed = new(
        "SR5001", Error, "Cannot write output",
        "cannot write the output file: {reason}",
        "Check that the folder exists and is writable; an existing file is left as it was.");

    /// <summary>SR5002: an output path that is one of the inputs.</summary>
    public static readonly DiagnosticDescriptor OutputIsInput = new(
        "SR5002", Error, "Output would overwrite an input",
        "the output path is also an input file ({input})",
        "Choose another output path: StarRating never modifies its input files.");

    /// <summary>SR5003: a file that is neither a rubric nor evidence.</summary>
    public static readonly DiagnosticDescriptor UnknownFileKind = new(
        "SR5003", Error, "Unknown kind of file",
        "cannot tell whether this is a rubric or an evidence file",
        "A rubric has 'categories:'; an evidence file has 'findings:' and 'audit:'.");

    /// <summary>SR5004: a folder with no evidence files.</summary>
    public static readonly DiagnosticDescriptor NoEvidenceFiles = new(
        "SR5004", Error, "No evidence files",
        "no evidence files (*.yaml, *.yml, *.json, *.xlsx) in this folder",
        "Point 'batch' at the folder that holds the audits' evidence files.");

    /// <summary>SR5005: a folder that does not exist.</summary>
    public static readonly DiagnosticDescriptor FolderNotFound = new(
        "SR5005", Error, "Folder not found",
        "folder not found",
        "Check the path; relative paths are resolved from the current directory.");

    /// <summary>SR5006: a tier id that the rubric does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownTier = new(
        "SR5006", Error, "Unknown tier",
        "unknown tier '{id}'",
        "Use one of the rubric's tiers: {allowed}.");

    /// <summary>SR5007: a path given as a folder names a file.</summary>
    public static readonly DiagnosticDescriptor NotAFolder = new(
        "SR5007", Error, "Not a folder",
        "{path} is a file, not a folder",
        "Give the folder that holds the files (for a single file, use the command that takes a file, such as 'score').");

    /// <summary>SR5008: --jobs that is not a whole number in range.</summary>
    public static readonly DiagnosticDescriptor InvalidJobs = new(
        "SR5008", Error, "Invalid --jobs",
        "--jobs must be a whole number from 1 to {max}, not '{value}'",
        "Give the number of audits to score at once, e.g. --jobs 4, or leave the option out to use every core.");

    /// <summary>SR5009: --templates with a format that uses no templates.</summary>
    public static readonly DiagnosticDescriptor TemplatesUnused = new(
        "SR5009", Warning, "Templates not used",
        "--templates is not used by the {format} format",
        "Templates shape the Markdown, HTML and Word reports (and the PDF printed from the HTML) only: add --format md, html or docx (or an -o FILE ending in .md, .html or .docx), or leave --templates out.");

    /// <summary>SR5010: an empty output path.</summary>
    public static readonly DiagnosticDescriptor OutputPathEmpty = new(
        "SR5010", Error, "Empty output path",
        "the output path is empty",
        "Give a file name after -o (for example -o report.html), or leave -o out to print to standard output.");

    /// <summary>SR5011: templates export would replace an existing file.</summary>
    public static readonly DiagnosticDescriptor ExportWouldReplace = new(
        "SR5011", Error, "Export would replace a file",
        "the folder already has {name}; 'templates export' never replaces a file",
        "Export into a new or empty folder, or move the existing templates away first.");

    // ---- SR53xx: checklist, convert and portfolio (audit workbook) ---------------------------------------

    /// <summary>SR5300: a file extension convert does not know.</summary>
    public static readonly DiagnosticDescriptor ConvertUnknownFormat = new(
        "SR5300", Error, "Unknown file format",
        "cannot tell the format of '{name}' from its extension",
        "convert reads and writes evidence as .yaml, .yml, .json or .xlsx, chosen by the file extension.");

    // SR5301 (a workbook asked for on standard output) was retired when the Word and workbook streams merged,
    // before any release: every binary document without -o is SR5402. Do not reuse the code.

    /// <summary>SR5302: evidence the workbook cannot hold exactly.</summary>
    public static readonly DiagnosticDescriptor WorkbookLossy = new(
        "SR5302", Warning, "Not carried exactly",
        "the workbook cannot hold these exactly: {what}",
        "Evidence references and sites are one per line in the workbook, so an entry with a line break or surrounding spaces, or an empty one, reads back changed; a finding naming both an item and an indicator keeps only the item.");

    // ---- SR54xx: Word, PDF and nonconformity-form output ---------------------------------------------------

    /// <summary>SR5400: a PDF asked for, and no Chromium to print it.</summary>
    public static readonly DiagnosticDescriptor PdfNeedsChromium = new(
        "SR5400", Error, "Chromium not found",
        "printing a PDF needs Chromium (or Google Chrome), and none was found on the PATH",
        "Install it (Debian/Ubuntu: sudo apt-get install chromium; Windows or macOS: Google Chrome) and put it on the PATH, or set STARRATING_CHROMIUM to its path; or write --format html and print that.");

    /// <summary>SR5401: Chromium ran and did not print the PDF.</summary>
    public static readonly DiagnosticDescriptor PdfFailed = new(
        "SR5401", Error, "PDF not printed",
        "Chromium did not print the PDF: {reason}",
        "Run the same command with --format html and open the file in the browser; check that Chromium starts on this machine.");

    /// <summary>SR5402: a binary format asked for without an output file.</summary>
    public static readonly DiagnosticDescriptor BinaryNeedsOutputFile = new(
        "SR5402", Error, "Output file needed",
        "{format} output cannot be written to the terminal",
        "Add -o FILE (for example -o report.{format}).");

    /// <summary>SR5403: a format the command does not produce.</summary>
    public static readonly DiagnosticDescriptor FormatNotSupported = new(
        "SR5403", Error, "Format not available",
        "'{command}' cannot write {format}",
        "Use one of: {allowed}.");

    // ---- SR60xx: reading audit workbooks (.xlsx) ------------------------------------------------------------

    /// <summary>SR6001: a file that is not an .xlsx workbook.</summary>
    public static readonly DiagnosticDescriptor NotAWorkbook = new(
        "SR6001", Error, "Not an .xlsx workbook",
        "the file is not an .xlsx workbook: {reason}",
        "Save it in Excel or LibreOffice as 'Excel Workbook (.xlsx)' without a password; old .xls files and encrypted workbooks cannot be read.");

    /// <summary>SR6002: a workbook with macros.</summary>
    public static readonly DiagnosticDescriptor WorkbookMacros = new(
        "SR6002", Error, "Macros refused",
        "workbooks with macros are refused ({what})",
        "Save it as 'Excel Workbook (.xlsx)', which holds no macros; StarRating never runs or keeps them.");

    /// <summary>SR6003: a workbook that unpacks to more than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookTooLarge = new(
        "SR6003", Error, "Workbook too large unpacked",
        "the workbook unpacks to more than {limit} bytes",
        "An audit workbook unpacks to well under a megabyte; this looks like a different or a hostile file (raise WorkbookLimits if it is genuine).");

    /// <summary>SR6004: a part compressed far more than real workbooks are.</summary>
    public static readonly DiagnosticDescriptor WorkbookCompressionRatio = new(
        "SR6004", Error, "Suspicious compression",
        "part '{part}' is compressed more than {limit} to 1",
        "Real workbooks compress far less; this looks like a compression bomb and is not unpacked.");

    /// <summary>SR6005: more parts or sheets than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookTooManyParts = new(
        "SR6005", Error, "Too many parts",
        "the workbook has {count} {what}, over the limit of {limit}",
        "An audit workbook has a handful of sheets; remove the extra ones or use the checklist the tool writes.");

    /// <summary>SR6006: a sheet larger than the limit.</summary>
    public static readonly DiagnosticDescriptor SheetTooLarge = new(
        "SR6006", Error, "Sheet too large",
        "the sheet has more than {limit} {what}",
        "Keep the audit on the sheets the checklist has; data far below the table (for example a stray value in row 1,000,000) also counts.");

    /// <summary>SR6007: XML with a DTD or entities.</summary>
    public static readonly DiagnosticDescriptor WorkbookDtd = new(
        "SR6007", Error, "DTD refused",
        "part '{part}' declares a DTD or entities, which are refused",
        "Workbooks saved by Excel or LibreOffice have none; entity declarations can expand a small file into an enormous one or read other files.");

    /// <summary>SR6008: a part that is not well-formed XML.</summary>
    public static readonly DiagnosticDescriptor WorkbookXml = new(
        "SR6008", Error, "Damaged workbook part",
        "part '{part}' is not well-formed XML: {detail}",
        "The workbook is damaged; open it in Excel or LibreOffice and save it again.");

    /// <summary>SR6009: links to other files.</summary>
    public static readonly DiagnosticDescriptor WorkbookExternalLink = new(
        "SR6009", Error, "External link refused",
        "the workbook links to another file or address ({what})",
        "Evidence must be in the workbook itself: break the links (Excel: Data → Edit Links → Break Link) and save again.");

    /// <summary>SR6010: a sheet the reader needs is missing.</summary>
    public static readonly DiagnosticDescriptor WorkbookSheetMissing = new(
        "SR6010", Error, "Sheet missing",
        "the workbook has no '{sheet}' sheet",
        "Use the workbook 'starrating checklist --format xlsx' writes; its sheets may be renamed or moved (a hidden name finds them), but not deleted.");

    /// <summary>SR6011: a column the reader needs is missing.</summary>
    public static readonly DiagnosticDescriptor WorkbookColumnMissing = new(
        "SR6011", Error, "Column missing",
        "the sheet has no '{column}' column",
        "Columns may be moved, hidden or added to the right, but each of the checklist's own must stay; copy it back from a fresh checklist.");

    /// <summary>SR6012: a formula in an input cell.</summary>
    public static readonly DiagnosticDescriptor WorkbookFormula = new(
        "SR6012", Error, "Formula in an input cell",
        "the cell holds a formula ({formula}); input cells take values only",
        "Type the value itself, or copy and paste values only: StarRating does not take a formula's stored result on trust.");

    /// <summary>SR6013: more shared strings than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookSharedStrings = new(
        "SR6013", Error, "Too much text",
        "the workbook's shared strings hold more than {limit} {what}",
        "An audit workbook holds far less text; this looks like a different or a hostile file.");

    /// <summary>SR6014: an error value in a cell.</summary>
    public static readonly DiagnosticDescriptor WorkbookErrorValue = new(
        "SR6014", Error, "Error value",
        "the cell holds the error value {value}",
        "Replace it with the value meant.");

    /// <summary>SR6015: an adjustment row without a type.</summary>
    public static readonly DiagnosticDescriptor AdjustmentTypeMissing = new(
        "SR6015", Error, "Adjustment without a type",
        "this row has an adjustment but no type",
        "Choose {deduction} (a special deduction) or {bonus} (the special bonus) in the type column.");

    /// <summary>SR6016: an adjustment type that is neither deduction nor bonus.</summary>
    public static readonly DiagnosticDescriptor AdjustmentTypeUnknown = new(
        "SR6016", Error, "Unknown adjustment type",
        "'{value}' is not a type of adjustment",
        "Choose {deduction} (a special deduction) or {bonus} (the special bonus).");

    /// <summary>SR6017: a workbook file larger than the limit.</summary>
    public static readonly DiagnosticDescriptor WorkbookFileTooLarge = new(
        "SR6017", Error, "Workbook file too large",
        "the workbook file is {size} bytes, over the limit of {limit} bytes",
        "An audit workbook is a few dozen kilobytes; check that this is the right file (pictures pasted into it count too), or raise WorkbookLimits.");

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
