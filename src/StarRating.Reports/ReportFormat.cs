namespace StarRating.Reports;

/// <summary>The output formats of a report.</summary>
public enum ReportFormat
{
    /// <summary>Markdown (<c>.md</c>, <c>text/markdown</c>), rendered from a Scriban template.</summary>
    Markdown = 0,

    /// <summary>
    /// One self-contained HTML file (<c>.html</c>, <c>text/html</c>): inline CSS and SVG charts, no scripts, no
    /// external resources, a restrictive Content-Security-Policy, and print CSS for A4.
    /// </summary>
    Html = 1,

    /// <summary>The JSON result format (<c>.json</c>, <c>application/json</c>) of <see cref="ResultJson"/>; not templated.</summary>
    Json = 2,

    /// <summary>
    /// A Word document (<c>.docx</c>, WordprocessingML): the template writes a small structured markup (see
    /// <c>docs/reports.md</c>) that the renderer turns into paragraphs, tables, native charts, header and footer,
    /// with the built-in styles or those of a <see cref="ReferenceDocument"/>. A binary format: see <see cref="RenderedReport.Bytes"/>.
    /// </summary>
    Docx = 3,
}
