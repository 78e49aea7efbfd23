using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// The diagnostics of StarRating.Reports: report templates (SR40xx), Word templates and reference documents
/// (SR41xx), printing PDF (SR5400, SR5401), and the folder codes SR5005/SR5007 that template folders share with the
/// tool. Texts live in the
/// vocabulary under <c>diagnostic.CODE</c>; codes are stable.
/// </summary>
public static class ReportDiagnostics
{
    private const DiagnosticSeverity Error = DiagnosticSeverity.Error;
    private const DiagnosticSeverity Warning = DiagnosticSeverity.Warning;

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

    // ---- SR50xx: folders (the tool reports these too, for its own folder arguments) ----------------------

    /// <summary>SR5005: a folder that does not exist.</summary>
    public static readonly DiagnosticDescriptor FolderNotFound = new("SR5005", Error);

    /// <summary>SR5007: a path given as a folder names a file.</summary>
    public static readonly DiagnosticDescriptor NotAFolder = new("SR5007", Error);

    // ---- SR54xx: PDF output (Chromium prints the HTML report) ------------------------------------------------

    /// <summary>SR5400: a PDF asked for, and no Chromium to print it.</summary>
    public static readonly DiagnosticDescriptor PdfNeedsChromium = new("SR5400", Error);

    /// <summary>SR5401: Chromium ran and did not print the PDF.</summary>
    public static readonly DiagnosticDescriptor PdfFailed = new("SR5401", Error);

    /// <summary>The descriptors of this layer and the layers below it, ordered by code.</summary>
    public static DiagnosticDescriptorSet Descriptors { get; } = new(typeof(ReportDiagnostics), EngineDiagnostics.Descriptors);
}
