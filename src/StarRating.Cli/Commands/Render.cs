using StarRating.Cli.Output;
using StarRating.Reports;
using StarRating.Reports.Pdf;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Chooses the renderer for a format: the terminal summary here, full reports from StarRating.Reports. Both render the same report model.</summary>
internal static class Render
{
    public static ReportFormat ToFormat(string format) => format switch
    {
        "md" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        "docx" => ReportFormat.Docx,
        _ => ReportFormat.Json,
    };

    /// <summary>
    /// The renderer for --templates DIR and --reference-doc FILE, or the built-in one; null (diagnostics printed)
    /// when the folder or the reference document is bad. A folder given with a format that uses no templates is
    /// still checked, and warned about (SR5009).
    /// </summary>
    public static ReportRenderer? Renderer(CliContext context, string? templates, string? referenceDoc, string format)
    {
        ReferenceDocument? reference = null;
        if (referenceDoc is not null)
        {
            var loaded = ReferenceDocument.Load(referenceDoc);
            if (loaded.Value is null)
            {
                DiagnosticPrinter.Report(context, loaded.Diagnostics);
                return null;
            }

            reference = loaded.Value;
        }

        if (templates is null)
        {
            return reference is null ? ReportRenderer.Default : new ReportRenderer { ReferenceDocument = reference };
        }

        if (format is not ("md" or "html" or "docx" or "pdf"))
        {
            DiagnosticPrinter.Print(context, [CliDiagnostics.TemplatesUnused.Create(SourceLocation.WholeFile(templates), ("format", format))]);
        }

        var set = TemplateSet.LoadFolder(templates);
        if (set.Value is null)
        {
            DiagnosticPrinter.Report(context, set.Diagnostics);
            return null;
        }

        return new ReportRenderer(set.Value) { ReferenceDocument = reference };
    }

    /// <summary>
    /// The report in a format: the terminal summary, the scored workbook (its warnings printed), or a document, for
    /// which <paramref name="renderer"/> is used (the built-in one when null).
    /// </summary>
    public static OutputContent? Result(CliContext context, AuditReport report, string format, ReportRenderer? renderer, string? output)
    {
        switch (format)
        {
            case "text":
                return OutputContent.OfText(TerminalText.Score(report));
            case "xlsx":
                var workbook = Workbook.AuditWorkbook.Scored(report.Result, report.Wording.Language);
                DiagnosticPrinter.Print(context, workbook.Warnings);
                return OutputContent.OfBinary(workbook.Content, format);
            default:
                return Document(context, format, output, f => (renderer ?? ReportRenderer.Default).Render(report, f));
        }
    }

    /// <summary>The report's gap analysis in a format.</summary>
    public static OutputContent? Gap(CliContext context, AuditReport report, string format, ReportRenderer renderer, string? output) =>
        format == "text" ? OutputContent.OfText(TerminalText.Gap(report)) : Document(context, format, output, f => renderer.RenderGap(report, f));

    public static OutputContent? Comparison(CliContext context, ComparisonReport comparison, string format, ReportRenderer renderer, string? output) =>
        format == "text" ? OutputContent.OfText(TerminalText.Diff(comparison)) : Document(context, format, output, f => renderer.RenderComparison(comparison, f));

    /// <summary>
    /// A rendered document, or null (diagnostics printed): Markdown, HTML or JSON as text, Word as its package, and
    /// a PDF printed by Chromium from the HTML (<paramref name="output"/> names it in messages).
    /// </summary>
    public static OutputContent? Document(CliContext context, string format, string? output, Func<ReportFormat, LoadResult<RenderedReport>> render)
    {
        if (format == "pdf")
        {
            var html = Rendered(context, render(ReportFormat.Html));
            if (html is null)
            {
                return null;
            }

            var (pdf, failure) = PdfPrinter.Print(html.Content, output ?? "--output", CancellationToken.None);
            if (pdf is null)
            {
                DiagnosticPrinter.Report(context, failure is null ? [] : [failure]);
                return null;
            }

            return OutputContent.OfBinary(pdf, format);
        }

        var rendered = Rendered(context, render(ToFormat(format)));
        return rendered is null ? null
            : rendered.IsBinary ? OutputContent.OfBinary(rendered.Bytes.ToArray(), format)
            : OutputContent.OfText(rendered.Content, format);
    }

    private static RenderedReport? Rendered(CliContext context, LoadResult<RenderedReport> rendered)
    {
        if (rendered.Value is null)
        {
            DiagnosticPrinter.Report(context, rendered.Diagnostics);
            return null;
        }

        return rendered.Value;
    }
}
