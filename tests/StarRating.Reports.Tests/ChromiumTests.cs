using System.Diagnostics;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Runs tools/render-html.sh on a rendered report: headless Chromium must load it without console errors or CSP
/// violations, take a screenshot and print a PDF. Chromium is installed by tools/setup-system.sh when missing; the test
/// is skipped, with the reason, only on a machine that can neither find nor install it.
/// </summary>
public sealed class ChromiumTests
{
    [SystemFact("browser", "pdf")]
    public void The_html_report_renders_in_chromium_without_console_errors()
    {
        SystemTools.Ensure("browser", "pdf");
        var output = Path.Combine(Path.GetTempPath(), "starrating-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            foreach (var (name, language) in new[] { ("formal-complete", Language.Chinese), ("hostile-text", Language.English) })
            {
                var html = Path.Combine(output, name + ".html");
                File.WriteAllText(html, ReportRenderer.Default.Render(Cases.Result(name), ReportFormat.Html, language).Value!.Content);
                var prefix = Path.Combine(output, name);

                var (exit, log) = Run(Path.Combine(RepoPaths.Root, "tools", "render-html.sh"), html, prefix);

                exit.Should().Be(0, log);
                new FileInfo(prefix + ".png").Length.Should().BeGreaterThan(10_000, log);
                File.ReadAllBytes(prefix + ".pdf").Take(5).Should().Equal("%PDF-"u8.ToArray());
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>
    /// Issue 13, items 17 and 18: printed by Chromium, every page of a mock assessment's report carries the mark
    /// 模拟审核 — 非认证结论 and the report number, in its header (read back from the PDF with pdftotext).
    /// </summary>
    [SystemFact("browser", "pdf")]
    public void Every_printed_page_of_a_mock_report_carries_the_mark_and_the_report_number()
    {
        SystemTools.Ensure("browser", "pdf");
        var output = Path.Combine(Path.GetTempPath(), "starrating-chromium-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(output);
        try
        {
            var result = Engine.AuditEngine.Default.ScoreFile(Path.Combine(Cases.SampleFolder, "06-mock-self-assessment.yaml")).GetValueOrThrow();
            var html = Path.Combine(output, "mock.html");
            File.WriteAllText(html, ReportRenderer.Default.Render(result, ReportFormat.Html).Value!.Content);
            var prefix = Path.Combine(output, "mock");

            var (exit, log) = Run(Path.Combine(RepoPaths.Root, "tools", "render-html.sh"), html, prefix);
            exit.Should().Be(0, log);

            var pages = PageTexts(prefix + ".pdf");
            pages.Should().HaveCountGreaterThan(10);
            for (var i = 0; i < pages.Count; i++)
            {
                var text = string.Concat(pages[i].Where(c => !char.IsWhiteSpace(c)));
                text.Should().Contain("模拟审核—非认证结论", $"page {i + 1} should carry the mock mark");
                text.Should().Contain("报告编号：QH-ZX-2026-047", $"page {i + 1} should carry the report number");
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    /// <summary>The text of each page of a PDF (pdftotext separates pages with a form feed).</summary>
    private static IReadOnlyList<string> PageTexts(string pdf)
    {
        var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(pdf);
        start.ArgumentList.Add("-");
        using var process = Process.Start(start)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.Should().Be(0);
        return text.Split('\f').Where(p => p.Trim().Length > 0).ToArray();
    }

    private static (int Exit, string Log) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
