using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// A stage 1 audit (document review) recommends no tier: its cover says which stage it is, and no output shows the
/// tier as the big star banner of a recommendation (the golden case reports/stage-one-review pins the full text).
/// </summary>
public sealed class StageOneReportTests
{
    private static string Render(AuditReport report, ReportFormat format) => ReportRenderer.Default.Render(report, format).Value!.Content;

    [Fact]
    public void The_cover_says_stage_one_and_plays_the_tier_down_in_every_format()
    {
        var result = Cases.Result("stage-one-review");
        var report = AuditReport.Create(result);
        report.IsStageOne.Should().BeTrue();

        var html = Render(report, ReportFormat.Html);
        var cover = html[html.IndexOf("<section class=\"page cover\">", StringComparison.Ordinal)..html.IndexOf("</section>", StringComparison.Ordinal)];
        cover.Should().Contain("<div class=\"stage-one\">第一阶段（文件审查）：审核企业提交的文件和记录，不推荐等级</div>")
            .And.Contain("<div class=\"modest\">五星级</div>").And.Contain("等级在第二阶段现场审核后推荐")
            .And.NotContain("class=\"stars\"").And.NotContain("class=\"big\">五星级");

        var md = Render(report, ReportFormat.Markdown);
        md.Should().Contain("> **第一阶段（文件审查）：审核企业提交的文件和记录，不推荐等级**").And.NotContain("五星级 ★★★★★**");

        var word = Docx.Part(ReportRenderer.Default.Render(report, ReportFormat.Docx).Value!.Bytes, "word/document.xml");
        word.Should().Contain("第一阶段（文件审查）：审核企业提交的文件和记录，不推荐等级").And.Contain("等级在第二阶段现场审核后推荐");
    }

    [Fact]
    public void The_heading_follows_the_terminology_and_the_language()
    {
        var result = Cases.Result("stage-one-review");
        Render(AuditReport.Create(result, Language.Chinese, Terminology.Review), ReportFormat.Markdown)
            .Should().Contain("第一阶段（文件审查）：审查企业提交的文件和记录，不推荐等级").And.Contain("等级在第二阶段现场审查后推荐");
        Render(AuditReport.Create(result, Language.English), ReportFormat.Markdown)
            .Should().Contain("> **Stage 1 (document review): the documents and records the company sent were reviewed; no rating is recommended**");
    }

    [Fact]
    public void A_stage_two_report_keeps_the_star_banner_and_says_nothing_of_stage_one()
    {
        var report = AuditReport.Create(Cases.Result("formal-complete"));
        report.IsStageOne.Should().BeFalse();
        report.StageOneHeading.Should().BeNull();
        report.StageOneTierNote.Should().BeNull();
        var html = Render(report, ReportFormat.Html);
        html.Should().NotContain("stage-one").And.NotContain("not-recommended").And.Contain("<div class=\"stars\">");
    }
}
