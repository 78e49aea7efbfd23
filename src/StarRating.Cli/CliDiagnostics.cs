using StarRating.Reports;
using StarRating.Rules;
using StarRating.Workbook;

namespace StarRating.Cli;

/// <summary>
/// The diagnostics of the command-line tool (SR50xx, SR52xx, SR5300, SR5402–SR5403, SR56xx). Its
/// <see cref="Descriptors"/> rest on every layer below, so they enumerate every descriptor StarRating has (the
/// service's codes, which are not descriptors, are in <c>StarRating.Server.ServiceText</c>).
/// </summary>
internal static class CliDiagnostics
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

    // ---- SR5xxx: command line and output files ---------------------------------------------------------

    /// <summary>SR5001: an output file cannot be written.</summary>
    public static readonly DiagnosticDescriptor OutputWriteFailed = new("SR5001", Error);

    /// <summary>SR5002: an output path that is one of the inputs.</summary>
    public static readonly DiagnosticDescriptor OutputIsInput = new("SR5002", Error);

    /// <summary>SR5003: a file that is neither a rubric nor evidence.</summary>
    public static readonly DiagnosticDescriptor UnknownFileKind = new("SR5003", Error);

    /// <summary>SR5004: a folder with no evidence files.</summary>
    public static readonly DiagnosticDescriptor NoEvidenceFiles = new("SR5004", Error);

    /// <summary>SR5006: a tier id that the rubric does not define.</summary>
    public static readonly DiagnosticDescriptor UnknownTier = new("SR5006", Error);

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

    // ---- SR54xx: Word, PDF and nonconformity-form output ---------------------------------------------------

    /// <summary>SR5402: a binary format asked for without an output file.</summary>
    public static readonly DiagnosticDescriptor BinaryNeedsOutputFile = new("SR5402", Error);

    /// <summary>SR5403: a format the command does not produce.</summary>
    public static readonly DiagnosticDescriptor FormatNotSupported = new("SR5403", Error);

    // ---- SR56xx: audit team commands (merge, agreement) ----------------------------------------------------

    /// <summary>SR5600: merge -o names a file the team's evidence cannot be written as (YAML, JSON or a workbook).</summary>
    public static readonly DiagnosticDescriptor TeamOutputFormat = new("SR5600", Error);

    /// <summary>SR5601: agreement over a folder with an audit for another rubric than the one in use.</summary>
    public static readonly DiagnosticDescriptor AgreementRubricMismatch = new("SR5601", Error);

    /// <summary>The descriptors of this layer and the layers below it, ordered by code.</summary>
    public static DiagnosticDescriptorSet Descriptors { get; } = new(typeof(CliDiagnostics), ReportDiagnostics.Descriptors, WorkbookDiagnostics.Descriptors);
}
