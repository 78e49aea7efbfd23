using System.Diagnostics;
using StarRating.Rules;

namespace StarRating.Reports.Pdf;

/// <summary>
/// Prints an HTML report to PDF with headless Chromium (or Google Chrome), the same engine that shows the report on
/// screen: A4, the report's own print CSS, no browser header or footer. The HTML is written to a private temporary
/// folder with a fresh browser profile, both removed afterwards; nothing is fetched from the network (the report
/// has no external resources and a Content-Security-Policy that forbids them). Shared by the command line and the
/// audit service (internal to both), so a PDF from either is printed the same way.
/// </summary>
internal static class PdfPrinter
{
    /// <summary>The browser executables looked for on the PATH, in order.</summary>
    private static readonly string[] Candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome", "msedge"];

    /// <summary>How long Chromium may take to print one report.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>The browser to print with: STARRATING_CHROMIUM when set, else the first candidate on the PATH; null when none.</summary>
    public static string? FindBrowser()
    {
        if (Environment.GetEnvironmentVariable("STARRATING_CHROMIUM") is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : null;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (var name in Candidates)
        {
            foreach (var folder in folders)
            {
                foreach (var file in OperatingSystem.IsWindows() ? [name + ".exe"] : new[] { name })
                {
                    var path = Path.Combine(folder, file);
                    if (File.Exists(path))
                    {
                        return path;
                    }
                }
            }
        }

        return null;
    }

    /// <summary>A line of the browser's log as plain text: no control characters, at most 200 characters.</summary>
    private static string Printable(string line) => new(line.Where(c => !char.IsControl(c)).Take(200).ToArray());

    /// <summary>The PDF bytes of <paramref name="html"/>, or a diagnostic (SR5400 no browser, SR5401 printing failed).</summary>
    public static (byte[]? Pdf, Diagnostic? Failure) Print(string html, string outputName, CancellationToken cancellationToken) =>
        Print(html, outputName, FindBrowser(), cancellationToken);

    /// <summary>
    /// The PDF bytes of <paramref name="html"/> printed with <paramref name="browser"/> (SR5400 when it is null or
    /// not there), or a diagnostic (SR5401 printing failed).
    /// </summary>
    public static (byte[]? Pdf, Diagnostic? Failure) Print(string html, string outputName, string? browser, CancellationToken cancellationToken)
    {
        var location = SourceLocation.WholeFile(outputName);
        if (browser is null || !File.Exists(browser))
        {
            return (null, ReportDiagnostics.PdfNeedsChromium.Create(location));
        }

        var work = Directory.CreateTempSubdirectory("starrating-pdf-");
        try
        {
            var page = Path.Combine(work.FullName, "report.html");
            var pdf = Path.Combine(work.FullName, "report.pdf");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(browser)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
                     {
                         "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync",
                         "--disable-dev-shm-usage", "--user-data-dir=" + Path.Combine(work.FullName, "profile"),
                         "--no-pdf-header-footer", "--print-to-pdf=" + pdf, new Uri(page).AbsoluteUri,
                     })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start);
            if (process is null)
            {
                return (null, ReportDiagnostics.PdfFailed.Create(location, ("reason", new Message("diagnostic.pdf.not_started", ("browser", browser)))));
            }

            var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
            _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Timeout);
            try
            {
                process.WaitForExitAsync(timeout.Token).GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                return (null, ReportDiagnostics.PdfFailed.Create(location, ("reason", new Message("diagnostic.pdf.timeout", ("seconds", (int)Timeout.TotalSeconds)))));
            }

            var bytes = File.Exists(pdf) ? File.ReadAllBytes(pdf) : [];
            if (process.ExitCode != 0 || bytes.Length < 5 || !bytes.AsSpan(0, 5).SequenceEqual("%PDF-"u8))
            {
                var log = stderr.IsCompletedSuccessfully ? stderr.Result : string.Empty;
                var line = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
                object output = line is null ? new Message("diagnostic.pdf.no_output") : Printable(line);
                var exited = new Message("diagnostic.pdf.exited", ("name", Path.GetFileName(browser)), ("code", process.ExitCode), ("output", output));
                return (null, ReportDiagnostics.PdfFailed.Create(location, ("reason", exited)));
            }

            return (bytes, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.ComponentModel.Win32Exception)
        {
            return (null, ReportDiagnostics.PdfFailed.Create(location, ("reason", new Message("diagnostic.pdf.not_run"))));
        }
        finally
        {
            try
            {
                work.Delete(recursive: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A temporary folder left behind is not worth failing the command for.
            }
        }
    }
}
