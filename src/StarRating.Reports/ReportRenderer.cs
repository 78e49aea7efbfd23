using Scriban.Runtime;
using StarRating.Engine;
using StarRating.Reports.Word;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// Renders audit results, gap analyses, comparisons and nonconformity forms as Markdown, HTML, Word (DOCX) or JSON.
/// Markdown, HTML and Word come from the templates of a <see cref="TemplateSet"/>, run in a sandbox under
/// <see cref="ReportLimits"/>; every value a template writes is escaped for the format (HTML-encoded in HTML,
/// XML-escaped in the Word markup), so text from the evidence always stays text.
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
    /// The certification body's Word file whose styles, page setup, header and footer Word reports take (as pandoc's
    /// <c>--reference-doc</c>); null for the built-in look. Used by <see cref="ReportFormat.Docx"/> only.
    /// </summary>
    public ReferenceDocument? ReferenceDocument { get; init; }

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
            : Templated("report", format, Views.Report(report), cancellationToken);
    }

    /// <summary>
    /// Renders the nonconformity forms (不符合项报告) alone: one numbered form per major or minor nonconformity and per
    /// special deduction, each with the report number, company, item and clause, requirement, facts found (note and
    /// evidence), grade, auditor and date, and the fields the company and the team fill in (confirmation and
    /// signature, root cause, corrective action, due date, verification); observations are listed apart.
    /// </summary>
    /// <param name="report">The report model.</param>
    /// <param name="format">Markdown, HTML or Word; JSON is not a form (the JSON result holds the rectification list).</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is <see cref="ReportFormat.Json"/>.</exception>
    public LoadResult<RenderedReport> RenderNonconformities(AuditReport report, ReportFormat format, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentOutOfRangeException.ThrowIfEqual(format, ReportFormat.Json);
        return Templated("ncr", format, Views.Nonconformities(report), cancellationToken);
    }

    /// <summary>Renders the nonconformity forms of a result: <see cref="RenderNonconformities(AuditReport, ReportFormat, CancellationToken)"/> of its model in <paramref name="language"/>.</summary>
    /// <param name="result">The scored audit.</param>
    /// <param name="format">Markdown, HTML or Word.</param>
    /// <param name="language">The forms' language.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is <see cref="ReportFormat.Json"/>.</exception>
    public LoadResult<RenderedReport> RenderNonconformities(AuditResult result, ReportFormat format, Language language = default, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return RenderNonconformities(AuditReport.Create(result, language), format, cancellationToken);
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
            : Templated("gap", format, Views.Gap(report), cancellationToken);
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
            : Templated("comparison", format, Views.Comparison(report), cancellationToken);
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

    private static string Name(string report, ReportFormat format) => report + format switch
    {
        ReportFormat.Html => ".html.sbn",
        ReportFormat.Docx => ".docx.sbn",
        _ => ".md.sbn",
    };

    private LoadResult<RenderedReport> Templated(string report, ReportFormat format, ScriptObject model, CancellationToken cancellationToken)
    {
        var name = Name(report, format);
        if (format != ReportFormat.Docx)
        {
            return Sandbox.Render(Templates, name, model, format, Limits, cancellationToken);
        }

        // Word: the template writes the structured markup; the markup becomes the package.
        var (markup, bag) = Sandbox.RenderText(Templates, name, model, format, Limits, cancellationToken);
        if (markup is null)
        {
            return LoadResult.From<RenderedReport>(null, bag);
        }

        var document = WordMarkup.Parse(markup, name, bag);
        var package = document is null ? null : DocxWriter.Write(document, ReferenceDocument?.Parts, name, bag);
        return LoadResult.From(package is null ? null : RenderedReport.Docx(markup, package), bag);
    }

    private static LoadResult<RenderedReport> Json(string content) =>
        LoadResult.From(RenderedReport.Of(content, ReportFormat.Json), new DiagnosticBag());
}
