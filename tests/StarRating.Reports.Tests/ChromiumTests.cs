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

                var (exit, log) = ProcessRunner.Run("bash", [Path.Combine(RepoPaths.Root, "tools", "render-html.sh"), html, prefix]);

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
}
