using Newtonsoft.Json.Linq;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Reports on results of a rubric overlay: the result names its base rubric, and a comparison of audits scored under
/// the base and under the overlay matches items by id and lists the rubric changes. Golden files under
/// Golden/reports (rubric-change.*).
/// </summary>
public sealed class RubricChangeReportTests
{
    private static readonly Rubric Acme = new RubricLoader().LoadFile(Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml")).GetValueOrThrow();

    private static AuditResult UnderAcme()
    {
        var text = File.ReadAllText(Cases.InputPath("reports/formal-complete.yaml"))
            .Replace("rubric: gbt27922-2011", "rubric: acme-gbt27922@2026.1-acme.1", StringComparison.Ordinal);
        // 5.2.4.6 is the overlay's own item; 5.3.1.5 is gone from it.
        text = text.Replace("findings:\n", "findings:\n  - { item: \"5.2.4.6\", result: nonconforming, grade: minor, note: 未出具书面维修报告。 }\n", StringComparison.Ordinal);
        // Drop the finding for 5.3.1.5: its "- item:" line and the lines of the same finding below it.
        var kept = new List<string>();
        var skipping = false;
        foreach (var line in text.Split('\n'))
        {
            skipping = line.Contains("\"5.3.1.5\"", StringComparison.Ordinal) || (skipping && line.StartsWith("    ", StringComparison.Ordinal));
            if (!skipping)
            {
                kept.Add(line);
            }
        }

        return new AuditEngine(Acme).Score(string.Join("\n", kept), "formal-complete-acme.yaml").GetValueOrThrow();
    }

    [Theory]
    [InlineData(ReportFormat.Markdown, "zh")]
    [InlineData(ReportFormat.Markdown, "en")]
    [InlineData(ReportFormat.Html, "zh")]
    [InlineData(ReportFormat.Json, "zh")]
    public void A_comparison_across_rubrics_lists_the_rubric_changes(ReportFormat format, string tag)
    {
        var language = Language.Parse(tag);
        var outcome = AuditEngine.Compare(Cases.Result("formal-complete"), UnderAcme());

        outcome.Diagnostics.Select(d => d.Code).Should().Equal("SR3203");
        var report = ReportRenderer.Default.RenderComparison(outcome.Value!, format, language);

        report.Diagnostics.Should().BeEmpty();
        var suffix = format == ReportFormat.Json ? "json" : Cases.Lang(language) + "." + Cases.Ext(format);
        Golden.Check(Path.Combine(Cases.ReportFolder, "rubric-change.expected." + suffix), report.Value!.Content);
    }

    [Fact]
    public void A_result_of_an_overlay_names_its_base_in_every_format()
    {
        var result = UnderAcme();

        var md = ReportRenderer.Default.Render(result, ReportFormat.Markdown).Value!.Content;
        var html = ReportRenderer.Default.Render(result, ReportFormat.Html, Language.English).Value!.Content;
        var json = JObject.Parse(ReportRenderer.Default.Render(result, ReportFormat.Json).Value!.Content);

        md.Should().Contain($"| 基础细则 | gbt27922-2011 版本 2026.1 · SHA-256 `{Rubric.Default.Sha256}` |");
        md.Should().Contain($"| 细则 SHA-256 | `{Acme.Sha256}` |");
        html.Should().Contain("<th>Base rubric</th><td>gbt27922-2011 · version 2026.1");
        json["rubric"]!["id"]!.Value<string>().Should().Be("acme-gbt27922");
        json["rubric"]!["sha256"]!.Value<string>().Should().Be(Acme.Sha256);
        json["rubric"]!["base"]!["id"]!.Value<string>().Should().Be("gbt27922-2011");
        json["rubric"]!["base"]!["sha256"]!.Value<string>().Should().Be(Rubric.Default.Sha256);
        json["rubric"]!["base"]!["base"]!.Type.Should().Be(JTokenType.Null);
    }

    [Fact]
    public void Stars_are_drawn_on_the_overlays_seven_star_scale()
    {
        var full = new AuditEngine(Acme).Score(
            File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml")).Replace("rubric: gbt27922-2011", "rubric: acme-gbt27922", StringComparison.Ordinal),
            "sample-01-acme.yaml");

        // Sample 1 cites 5.3.1.5, which the overlay removed: it does not score under the overlay.
        full.Errors.Should().Contain(d => d.Code == "SR3002");
        var result = UnderAcme();
        var html = ReportRenderer.Default.Render(result, ReportFormat.Html).Value!.Content;

        result.Score.Should().Be(95.4m);
        result.Tier.Id.Should().Be("four-star", "95.4 is below the overlay's five stars at 96");
        html.Should().Contain("<div class=\"stars\">★★★★<span class=\"empty\">☆☆☆</span></div>", "the scale goes up to seven stars");
        html.Should().Contain("七星级 <span class=\"stars\">★★★★★★★</span>");
    }
}
