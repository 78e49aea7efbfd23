using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// Renders report models (<see cref="AuditReport"/>, <see cref="ComparisonReport"/>) as Markdown, HTML or JSON; it only
/// formats what the model holds (no score, tier or gap is computed here). Markdown and HTML come from the
/// templates of a <see cref="TemplateSet"/>, run in a sandbox under <see cref="ReportLimits"/>; every value a
/// template writes is escaped for the format (HTML-encoded in HTML), so text from the evidence always stays text.
/// JSON is written by <see cref="ResultJson"/>. Renders never throw for a bad template: they return located
/// diagnostics (SR4xxx) and no report. Immutable and safe to share between threads.
/// </summary>
public sealed class ReportRenderer
{
    private static readonly Lazy<ReportRenderer> DefaultRenderer = new(() => new ReportRenderer());

    /// <summary>Creates a renderer.</summary>
    /// <param name="templates">The templates; <see cref="TemplateSet.BuiltIn"/> when null.</param>
    /// <param name="limits">The limits for every render; those the set was loaded with, else <see cref="ReportLimits.Default"/>, when null.</param>
    public ReportRenderer(TemplateSet? templates = null, ReportLimits? limits = null)
    {
        Templates = templates ?? TemplateSet.BuiltIn;
        Limits = limits ?? Templates.Limits ?? ReportLimits.Default;
        Limits.Validate();
    }

    /// <summary>A renderer with the built-in templates and the default limits.</summary>
    public static ReportRenderer Default => DefaultRenderer.Value;

    /// <summary>The templates used.</summary>
    public TemplateSet Templates { get; }

    /// <summary>The limits applied to every render.</summary>
    public ReportLimits Limits { get; }

    /// <summary>
    /// Renders the audit report: cover, result and score formula, category and indicator tables, charts (HTML),
    /// findings per item, rectification list, exclusions, adjustments, items not assessed, gap analysis (the model's),
    /// notes, conclusion and signature block. JSON is the result format of <see cref="ResultJson"/>.
    /// </summary>
    /// <param name="report">The report model, from <see cref="AuditReport.Create(AuditResult, Language, Terminology?, Tier?)"/>.</param>
    /// <param name="format">The format.</param>
    /// <param name="cancellationToken">Stops the render; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public LoadResult<RenderedReport> Render(AuditReport report, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format == ReportFormat.Json
            ? Json(ResultJson.Write(report.Result, report.Wording.Terminology))
            : Sandbox.Render(Templates, Name("report", format), Views.Report(report), format, Limits, cancellationToken);
    }

    /// <summary>Renders the audit report of a result: <see cref="Render(AuditReport, ReportFormat, CancellationToken)"/> of its model in <paramref name="language"/>.</summary>
    /// <param name="result">The scored audit.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The report's language; Chinese by default (texts from the rubric fall back to Chinese where they have no English).</param>
    /// <param name="cancellationToken">Stops the render.</param>
    public LoadResult<RenderedReport> Render(AuditResult result, ReportFormat format, Language language = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return Render(AuditReport.Create(result, language), format, cancellationToken);
    }

    /// <summary>Renders the model's gap analysis: the target tier, the points missing, the ranked items and the smallest plan.</summary>
    /// <param name="report">The report model; its <see cref="AuditReport.Gap"/> is rendered.</param>
    /// <param name="format">The format.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    public LoadResult<RenderedReport> RenderGap(AuditReport report, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format == ReportFormat.Json
            ? Json(ResultJson.Write(report.Gap, report.Wording.Terminology))
            : Sandbox.Render(Templates, Name("gap", format), Views.Gap(report), format, Limits, cancellationToken);
    }

    /// <summary>Renders a gap analysis: <see cref="RenderGap(AuditReport, ReportFormat, CancellationToken)"/> of its model in <paramref name="language"/>.</summary>
    /// <param name="gap">The analysis, from <see cref="AuditEngine.AnalyzeGap"/>.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The report's language.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    public LoadResult<RenderedReport> RenderGap(GapAnalysis gap, ReportFormat format, Language language = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gap);
        return RenderGap(AuditReport.Create(gap, language), format, cancellationToken);
    }

    /// <summary>Renders a comparison of two audits: score and tier change, category and indicator deltas, changed items.</summary>
    /// <param name="report">The comparison's report model.</param>
    /// <param name="format">The format.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    public LoadResult<RenderedReport> RenderComparison(ComparisonReport report, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return format == ReportFormat.Json
            ? Json(ResultJson.Write(report.Comparison))
            : Sandbox.Render(Templates, Name("comparison", format), Views.Comparison(report), format, Limits, cancellationToken);
    }

    /// <summary>Renders a comparison: <see cref="RenderComparison(ComparisonReport, ReportFormat, CancellationToken)"/> of its model in <paramref name="language"/>.</summary>
    /// <param name="comparison">The comparison, from <see cref="AuditEngine.Compare"/>.</param>
    /// <param name="format">The format.</param>
    /// <param name="language">The report's language.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    public LoadResult<RenderedReport> RenderComparison(AuditComparison comparison, ReportFormat format, Language language = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return RenderComparison(ComparisonReport.Create(comparison, language), format, cancellationToken);
    }

    /// <summary>
    /// Renders the audit report into <paramref name="writer"/> (a response body, a file the caller opened). The report
    /// is rendered in full first and written only when the render succeeded, so a failed render writes nothing.
    /// </summary>
    /// <param name="report">The report model.</param>
    /// <param name="format">The format.</param>
    /// <param name="writer">Where the text goes; not flushed or closed.</param>
    /// <param name="cancellationToken">Stops the render or the write.</param>
    /// <returns>The diagnostics of the render; nothing was written when one is an error.</returns>
    public async Task<IReadOnlyList<Diagnostic>> RenderAsync(AuditReport report, ReportFormat format, TextWriter writer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var rendered = Render(report, format, cancellationToken);
        if (rendered.Value is { } value)
        {
            await writer.WriteAsync(value.Content.AsMemory(), cancellationToken).ConfigureAwait(false);
        }

        return rendered.Diagnostics;
    }

    /// <summary>
    /// Renders the audit report into <paramref name="stream"/> as UTF-8 without a byte-order mark; like
    /// <see cref="RenderAsync(AuditReport, ReportFormat, TextWriter, CancellationToken)"/>, nothing is written when the render fails.
    /// </summary>
    /// <param name="report">The report model.</param>
    /// <param name="format">The format.</param>
    /// <param name="stream">Where the bytes go; not flushed or closed.</param>
    /// <param name="cancellationToken">Stops the render or the write.</param>
    /// <returns>The diagnostics of the render; nothing was written when one is an error.</returns>
    public async Task<IReadOnlyList<Diagnostic>> RenderAsync(AuditReport report, ReportFormat format, Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var rendered = Render(report, format, cancellationToken);
        if (rendered.Value is { } value)
        {
            await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(value.Content), cancellationToken).ConfigureAwait(false);
        }

        return rendered.Diagnostics;
    }

    private static string Name(string report, ReportFormat format) =>
        report + (format == ReportFormat.Html ? ".html" : ".md") + ".sbn";

    private static LoadResult<RenderedReport> Json(string content) =>
        LoadResult.From(RenderedReport.Of(content, ReportFormat.Json), new DiagnosticBag());
}
