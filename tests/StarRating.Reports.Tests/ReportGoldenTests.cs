using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Every case is rendered as Markdown and HTML in Chinese and English, as JSON, and as a gap analysis; each output
/// must match its golden file byte for byte (a mismatch is written to *.received.*; review it, then tools/approve-golden.sh).
/// Samples added to samples/ are picked up automatically.
/// </summary>
public sealed class ReportGoldenTests
{
    public static TheoryData<string> All => Cases.All();

    [Theory]
    [MemberData(nameof(All))]
    public void Reports_match_the_golden_files(string id)
    {
        var scored = Cases.Score(id);
        if (scored.Value is not { } result)
        {
            // An input that does not score (a sample meant to show errors) has its diagnostics golden instead.
            Golden.Check(Cases.ExpectedPath(id, "errors.txt"), string.Join("\n", scored.Diagnostics.Select(d => d.Format(includeHint: true))) + "\n");
            return;
        }

        // One model per language, rendered in every format: the report and the gap analysis share its analysis.
        var renderer = ReportRenderer.Default;
        var failures = new List<string>();
        void Check(string suffix, LoadResult<RenderedReport> rendered)
        {
            rendered.Diagnostics.Should().BeEmpty();
            try
            {
                Golden.Check(Cases.ExpectedPath(id, suffix), rendered.Value!.Content);
            }
            catch (Exception ex) when (ex.GetType().Name.Contains("Exception", StringComparison.Ordinal))
            {
                // Every golden of the case is compared (and a mismatch written as *.received.*) before failing.
                failures.Add(suffix);
            }
        }

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var model = AuditReport.Create(result, language);
            foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html })
            {
                Check(Cases.Lang(language) + "." + Cases.Ext(format), renderer.Render(model, format));
                Check("gap." + Cases.Lang(language) + "." + Cases.Ext(format), renderer.RenderGap(model, format));
            }
        }

        var chinese = AuditReport.Create(result);
        Check("json", renderer.Render(chinese, ReportFormat.Json));
        Check("gap.json", renderer.RenderGap(chinese, ReportFormat.Json));
        failures.Should().BeEmpty("each output should match its golden file (the actual output is beside it as *.received.*)");
    }

    [Theory]
    [InlineData(ReportFormat.Markdown, "zh")]
    [InlineData(ReportFormat.Markdown, "en")]
    [InlineData(ReportFormat.Html, "zh")]
    [InlineData(ReportFormat.Html, "en")]
    [InlineData(ReportFormat.Json, "zh")]
    public void Comparison_matches_the_golden_file(ReportFormat format, string tag)
    {
        var language = Language.Parse(tag);
        var comparison = AuditEngine.Compare(Cases.Result("mock-partial-assessment"), Cases.Result("formal-complete")).GetValueOrThrow();

        var report = ReportRenderer.Default.RenderComparison(comparison, format, language);

        report.Diagnostics.Should().BeEmpty();
        var suffix = format == ReportFormat.Json ? "json" : Cases.Lang(language) + "." + Cases.Ext(format);
        Golden.Check(Path.Combine(Cases.ReportFolder, "comparison.expected." + suffix), report.Value!.Content);
    }

    [Fact]
    public void Rendered_reports_carry_their_file_extension_and_media_type()
    {
        var result = Cases.Result("formal-complete");

        var md = ReportRenderer.Default.Render(result, ReportFormat.Markdown).Value!;
        var html = ReportRenderer.Default.Render(result, ReportFormat.Html).Value!;
        var json = ReportRenderer.Default.Render(result, ReportFormat.Json).Value!;

        (md.FileExtension, md.MediaType, md.Format).Should().Be((".md", "text/markdown; charset=utf-8", ReportFormat.Markdown));
        (html.FileExtension, html.MediaType, html.Format).Should().Be((".html", "text/html; charset=utf-8", ReportFormat.Html));
        (json.FileExtension, json.MediaType, json.Format).Should().Be((".json", "application/json; charset=utf-8", ReportFormat.Json));
        md.Content.Should().NotContain("\r");
        html.Content.Should().NotContain("\r");
    }

    [Fact]
    public void The_report_shows_the_figures_of_the_result()
    {
        var result = Cases.Result("formal-complete");

        var md = ReportRenderer.Default.Render(result, ReportFormat.Markdown).Value!.Content;

        md.Should().Contain("91.05 ÷ 94 × 100 ≈ 96.8617 − 1 + 1 = 96.8617 → 96.9", "the formula shows figures a calculator turns into the score");
        md.Should().Contain("五星级 ★★★★★");
        md.Should().Contain("| 5.2.3 | 配送 | 0 | 0 | 6 | 已删减 |");
        md.Should().Contain("## 6 整改清单");
        md.Should().Contain("超范围收费");
    }
}
