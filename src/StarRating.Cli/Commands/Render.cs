using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Chooses the renderer for a format: the terminal summary here, full reports from StarRating.Reports.</summary>
internal static class Render
{
    public static ReportFormat ToFormat(string format) => format switch
    {
        "md" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        "docx" => ReportFormat.Docx,
        _ => ReportFormat.Json,
    };

    /// <summary>The renderer for --templates DIR, or the built-in one; null (diagnostics printed) when the folder is bad.</summary>
    public static ReportRenderer? Renderer(CliContext context, string? templates) => Renderer(context, templates, null);

    /// <summary>
    /// The renderer for --templates DIR and --reference-doc FILE, or the built-in one; null (diagnostics printed)
    /// when the folder or the reference document is bad.
    /// </summary>
    public static ReportRenderer? Renderer(CliContext context, string? templates, string? referenceDoc)
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

        var set = TemplateSet.LoadFolder(templates);
        if (set.Value is null)
        {
            DiagnosticPrinter.Report(context, set.Diagnostics);
            return null;
        }

        return new ReportRenderer(set.Value) { ReferenceDocument = reference };
    }

    /// <summary>The bytes of a rendered document (a Word package, or text as UTF-8); null (diagnostics printed) on errors.</summary>
    public static byte[]? Bytes(CliContext context, LoadResult<RenderedReport> rendered)
    {
        if (rendered.Value is null)
        {
            DiagnosticPrinter.Report(context, rendered.Diagnostics);
            return null;
        }

        return rendered.Value.Bytes.ToArray();
    }

    /// <summary>The result in a format; <paramref name="renderer"/> is used for every format but text (the built-in one when null).</summary>
    public static string? Result(CliContext context, AuditResult result, string format, Language language, ReportRenderer? renderer) =>
        format == "text" ? TerminalText.Score(result, language) : Content(context, (renderer ?? ReportRenderer.Default).Render(result, ToFormat(format), language));

    public static string? Gap(CliContext context, GapAnalysis gap, string format, Language language) =>
        format == "text" ? TerminalText.Gap(gap, language) : Content(context, ReportRenderer.Default.RenderGap(gap, ToFormat(format), language));

    public static string? Comparison(CliContext context, AuditComparison comparison, string format, Language language) =>
        format == "text" ? TerminalText.Diff(comparison, language) : Content(context, ReportRenderer.Default.RenderComparison(comparison, ToFormat(format), language));

    /// <summary>
    /// gap and diff: a Word document for docx (with --reference-doc), SR5403 for pdf (inferred from -o FILE.pdf); null
    /// for the text formats, which the caller renders. Returns the exit code otherwise.
    /// </summary>
    public static int? WordDocument(CliContext context, string command, string format, string? output, string? referenceDoc, IEnumerable<string> inputs, Func<ReportRenderer, ReportFormat, LoadResult<RenderedReport>> render)
    {
        if (format == "pdf")
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.FormatNotSupported.Create(SourceLocation.WholeFile("--format"), command, "pdf", "text, json, md, html, docx")]);
            return ExitCodes.InvalidInput;
        }

        if (format != "docx")
        {
            return null;
        }

        var renderer = Renderer(context, null, referenceDoc);
        return renderer is null ? ExitCodes.InvalidInput : Binary(context, format, output, inputs, f => render(renderer, f));
    }

    /// <summary>
    /// Writes a Word document (or a PDF printed from the HTML report) to <paramref name="output"/>; <paramref name="render"/>
    /// renders the document in the format given. Returns the exit code.
    /// </summary>
    public static int Binary(CliContext context, string format, string? output, IEnumerable<string> inputs, Func<ReportFormat, LoadResult<RenderedReport>> render)
    {
        if (output is null)
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.BinaryNeedsOutputFile.Create(SourceLocation.WholeFile("--output"), format)]);
            return ExitCodes.InvalidInput;
        }

        byte[]? bytes;
        if (format == "pdf")
        {
            var html = Content(context, render(ReportFormat.Html));
            if (html is null)
            {
                return ExitCodes.InvalidInput;
            }

            var (pdf, failure) = PdfPrinter.Print(html, output, CancellationToken.None);
            if (failure is not null)
            {
                DiagnosticPrinter.Report(context, [failure]);
                return ExitCodes.InvalidInput;
            }

            bytes = pdf;
        }
        else
        {
            bytes = Bytes(context, render(ReportFormat.Docx));
        }

        return bytes is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, bytes, output, inputs);
    }

    private static string? Content(CliContext context, LoadResult<RenderedReport> rendered)
    {
        if (rendered.Value is null)
        {
            DiagnosticPrinter.Report(context, rendered.Diagnostics);
            return null;
        }

        return rendered.Value.Content;
    }
}
