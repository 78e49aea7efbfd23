using System.Text;

namespace StarRating.Reports;

/// <summary>A rendered report: its text (or, for a binary format, its bytes) and how to store or serve it.</summary>
/// <param name="Content">
/// The report text, with <c>\n</c> line endings; write it as UTF-8 without a byte-order mark. For a binary format
/// (<see cref="ReportFormat.Docx"/>) it is the structured markup the template produced, kept for review and tests:
/// store <see cref="Bytes"/> instead.
/// </param>
/// <param name="Format">The format rendered.</param>
/// <param name="FileExtension">The usual file extension, with its dot: <c>.md</c>, <c>.html</c>, <c>.json</c> or <c>.docx</c>.</param>
/// <param name="MediaType">The media type (with charset for text), e.g. <c>text/html; charset=utf-8</c>.</param>
public sealed record RenderedReport(string Content, ReportFormat Format, string FileExtension, string MediaType)
{
    private readonly ReadOnlyMemory<byte>? binary;

    private RenderedReport(string content, ReportFormat format, string extension, string mediaType, ReadOnlyMemory<byte> binary)
        : this(content, format, extension, mediaType)
    {
        this.binary = binary;
    }

    /// <summary>True for a binary format (DOCX): store <see cref="Bytes"/>, not <see cref="Content"/>.</summary>
    public bool IsBinary => binary is not null;

    /// <summary>
    /// The bytes to store or serve: the package of a binary format, else <see cref="Content"/> as UTF-8 without a
    /// byte-order mark. The same inputs always give the same bytes.
    /// </summary>
    public ReadOnlyMemory<byte> Bytes => binary ?? Encoding.UTF8.GetBytes(Content);

    internal static RenderedReport Of(string content, ReportFormat format) => format switch
    {
        ReportFormat.Markdown => new(content, format, ".md", "text/markdown; charset=utf-8"),
        ReportFormat.Html => new(content, format, ".html", "text/html; charset=utf-8"),
        _ => new(content, format, ".json", "application/json; charset=utf-8"),
    };

    internal static RenderedReport Docx(string markup, byte[] package) =>
        new(markup, ReportFormat.Docx, ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", package);
}
