namespace StarRating.Reports;

/// <summary>A rendered report: its text and how to store or serve it.</summary>
/// <param name="Content">The report text, with <c>\n</c> line endings; write it as UTF-8 without a byte-order mark.</param>
/// <param name="Format">The format rendered.</param>
/// <param name="FileExtension">The usual file extension, with its dot: <c>.md</c>, <c>.html</c> or <c>.json</c>.</param>
/// <param name="MediaType">The media type with charset, e.g. <c>text/html; charset=utf-8</c>.</param>
public sealed record RenderedReport(string Content, ReportFormat Format, string FileExtension, string MediaType)
{
    internal static RenderedReport Of(string content, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => new(content, format, ".md", "text/markdown; charset=utf-8"),
        ReportFormat.Html => new(content, format, ".html", "text/html; charset=utf-8"),
        _ => new(content, format, ".json", "application/json; charset=utf-8"),
    };
}
