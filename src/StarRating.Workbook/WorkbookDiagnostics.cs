using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook;

/// <summary>
/// The diagnostics of StarRating.Workbook: evidence an audit workbook cannot hold (SR53xx) and reading audit
/// workbooks (SR60xx). Texts live in the vocabulary under <c>diagnostic.CODE</c>; codes are stable.
/// </summary>
public static class WorkbookDiagnostics
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- SR53xx: audit workbook output (convert, checklist, portfolio) -----------------------------------

    /// <summary>SR5302: evidence the workbook cannot hold exactly.</summary>
    public static readonly DiagnosticDescriptor WorkbookLossy = new("SR5302", Warning);

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

    // ---- SR6040-SR6059: the nonconformity and assessment rows of a workbook (records branch) ------------------

    /// <summary>SR6040: a workbook row (nonconformity record) naming an item with no finding on the check items sheet.</summary>
    public static readonly DiagnosticDescriptor WorkbookRecordWithoutFinding = new("SR6040", Error);

    /// <summary>SR6041: a workbook row (nonconformity record or assessment) that names no item or indicator.</summary>
    public static readonly DiagnosticDescriptor WorkbookRecordWithoutId = new("SR6041", Error);

    /// <summary>SR6042: a second nonconformity record for one finding in a workbook.</summary>
    public static readonly DiagnosticDescriptor WorkbookNcTwice = new("SR6042", Error);

    /// <summary>The descriptors of this layer and the layers below it, ordered by code.</summary>
    public static DiagnosticDescriptorSet Descriptors { get; } = new(typeof(WorkbookDiagnostics), EngineDiagnostics.Descriptors);
}
