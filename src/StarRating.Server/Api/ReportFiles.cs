using System.Collections.Concurrent;
using StarRating.Reports;
using StarRating.Reports.Pdf;
using StarRating.Rules;
using StarRating.Server.Evidence;
using StarRating.Workbook;

namespace StarRating.Server.Api;

/// <summary>A rendered report's bytes, or the problem code and the library's diagnostics saying why there are none.</summary>
internal sealed record RenderedFile(byte[]? Bytes, string? Problem, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static RenderedFile Of(byte[] bytes) => new(bytes, null, []);

    public static RenderedFile Refused(string problem, IReadOnlyList<Diagnostic> diagnostics) => new(null, problem, diagnostics);
}

/// <summary>
/// The report of a scored audit in each format, made exactly as <c>starrating score --format F</c> makes it from the
/// same evidence: the same report model (<see cref="AuditReport.Create(Engine.AuditResult, Language, Terminology?, Rules.Tier?)"/>,
/// the rubric's own terminology), the built-in renderer for Markdown, HTML, JSON and Word, the scored workbook of
/// StarRating.Workbook, and the PDF printed by Chromium from the HTML through the command line's own printer. Word
/// and workbook bytes are deterministic, so a download equals the command's file byte for byte.
/// </summary>
internal sealed class ReportFiles(ServiceOptions options)
{
    /// <summary>At most this many Chromium processes print at once; more requests wait (each is a whole browser).</summary>
    private const int ConcurrentPrints = 2;

    /// <summary>Printed PDFs kept, per audit revision and language: a second download does not start a browser.</summary>
    private const int PdfCacheLimit = 64;

    private readonly SemaphoreSlim printing = new(ConcurrentPrints, ConcurrentPrints);
    private readonly ConcurrentDictionary<(long Id, long Revision, Language Language), byte[]> printed = new();

    public static bool IsBinary(string format) => format is "docx" or "xlsx" or "pdf";

    /// <summary>The content type a format is served with (text with its charset; binary documents by their registered types).</summary>
    public static string ContentType(string format) => format switch
    {
        "md" => "text/markdown; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "pdf" => "application/pdf",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>The browser PDFs are printed with: <see cref="ServiceOptions.ChromiumPath"/>, else as the command line finds it.</summary>
    public string? Browser => options.ChromiumPath ?? PdfPrinter.FindBrowser();

    /// <summary>Renders the report of <paramref name="scored"/> (which must have a result) in <paramref name="format"/>.</summary>
    public async Task<RenderedFile> RenderAsync(long auditId, ScoredAudit scored, string format, Language language, string fileName, CancellationToken ct)
    {
        var result = scored.Outcome.Value!;
        switch (format)
        {
            case "xlsx":
                // The workbook's warnings (what a scored workbook cannot show) are the command's stderr lines; the
                // file is the same either way.
                return RenderedFile.Of(AuditWorkbook.Scored(result, language).Content);
            case "pdf":
                return await PrintAsync(auditId, scored, language, fileName, ct).ConfigureAwait(false);
        }

        var reportFormat = format switch { "md" => ReportFormat.Markdown, "json" => ReportFormat.Json, "docx" => ReportFormat.Docx, _ => ReportFormat.Html };
        var rendered = ReportRenderer.Default.Render(AuditReport.Create(result, language), reportFormat, ct);
        if (rendered.Value is not { } report)
        {
            return RenderedFile.Refused("SR7013", rendered.Diagnostics);
        }

        return RenderedFile.Of(report.Bytes.ToArray());
    }

    private async Task<RenderedFile> PrintAsync(long auditId, ScoredAudit scored, Language language, string fileName, CancellationToken ct)
    {
        var key = (auditId, scored.Revision, language);
        if (printed.TryGetValue(key, out var cached))
        {
            return RenderedFile.Of(cached);
        }

        var browser = Browser;
        if (browser is null || !File.Exists(browser))
        {
            // Not a 500: the server works without a browser, only this format needs one. Say what to install.
            return RenderedFile.Refused("SR7030", [ReportDiagnostics.PdfNeedsChromium.Create(SourceLocation.WholeFile(fileName))]);
        }

        var html = ReportRenderer.Default.Render(AuditReport.Create(scored.Outcome.Value!, language), ReportFormat.Html, ct);
        if (html.Value is null)
        {
            return RenderedFile.Refused("SR7013", html.Diagnostics);
        }

        await printing.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            // The printer waits for the browser process synchronously: keep that off the request's thread.
            var (pdf, failure) = await Task.Run(() => PdfPrinter.Print(html.Value.Content, fileName, browser, ct), ct).ConfigureAwait(false);
            if (pdf is null)
            {
                return RenderedFile.Refused("SR7031", failure is null ? [] : [failure]);
            }

            if (printed.Count >= PdfCacheLimit)
            {
                printed.Clear();
            }

            printed[key] = pdf;
            return RenderedFile.Of(pdf);
        }
        finally
        {
            printing.Release();
        }
    }
}
