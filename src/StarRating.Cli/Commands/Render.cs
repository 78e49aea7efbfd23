using StarRating.Cli.Output;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Chooses the renderer for a format: the terminal summary here, full reports from StarRating.Reports. Both render the same report model.</summary>
internal static class Render
{
    public static ReportFormat ToFormat(string format) => format switch
    {
        "md" => ReportFormat.Markdown,
        "html" => ReportFormat.Html,
        _ => ReportFormat.Json,
    };

    /// <summary>
    /// The renderer for --templates DIR, or the built-in one; null (diagnostics printed) when the folder is bad. A
    /// folder given with a format that uses no templates is still checked, and warned about (SR5009).
    /// </summary>
    public static ReportRenderer? Renderer(CliContext context, string? templates, string format)
    {
        if (templates is null)
        {
            return ReportRenderer.Default;
        }

        if (format is "text" or "json")
        {
            DiagnosticPrinter.Print(context, [DiagnosticCatalog.TemplatesUnused.Create(SourceLocation.WholeFile(templates), ("format", format))]);
        }

        var set = TemplateSet.LoadFolder(templates);
        if (set.Value is null)
        {
            DiagnosticPrinter.Report(context, set.Diagnostics);
            return null;
        }

        return new ReportRenderer(set.Value);
    }

    /// <summary>The report in a format; <paramref name="renderer"/> is used for every format but text (the built-in one when null).</summary>
    public static string? Result(CliContext context, AuditReport report, string format, ReportRenderer? renderer) =>
        format == "text" ? TerminalText.Score(report) : Content(context, (renderer ?? ReportRenderer.Default).Render(report, ToFormat(format)));

    /// <summary>The report's gap analysis in a format.</summary>
    public static string? Gap(CliContext context, AuditReport report, string format, ReportRenderer renderer) =>
        format == "text" ? TerminalText.Gap(report) : Content(context, renderer.RenderGap(report, ToFormat(format)));

    public static string? Comparison(CliContext context, ComparisonReport comparison, string format, ReportRenderer renderer) =>
        format == "text" ? TerminalText.Diff(comparison) : Content(context, renderer.RenderComparison(comparison, ToFormat(format)));

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
