using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Issue 13, items 14, 17 and 18, and the terminology choice, on the reports: each assertion failed on the code
/// before the vocabulary and the report model (2026-12).
/// </summary>
public sealed class ReportItemsTests
{
    private static readonly string FormalComplete = File.ReadAllText(Path.Combine(Cases.ReportFolder, "formal-complete.yaml"));

    private static AuditResult Score(string yaml) => AuditEngine.Default.Score(yaml, "case.yaml").GetValueOrThrow();

    private static string Render(AuditResult result, ReportFormat format, Language language = default, Terminology? terminology = null) =>
        ReportRenderer.Default.Render(AuditReport.Create(result, language, terminology), format).GetValueOrThrow().Content;

    [Theory]
    [InlineData("组长")]
    [InlineData("审核组长")]
    [InlineData("审查组长")]
    [InlineData("Lead")]
    public void The_lead_written_any_way_signs_as_the_lead_and_is_not_listed_as_a_member(string role)
    {
        var result = Score(FormalComplete.Replace("team: [ { name: 王敏, role: lead } ]", $"team: [ {{ name: 王敏, role: {role} }}, {{ name: 李强, role: 组员 }} ]", StringComparison.Ordinal));

        var md = Render(result, ReportFormat.Markdown);
        var html = Render(result, ReportFormat.Html);
        var json = Render(result, ReportFormat.Json);

        md.Should().Contain("| 审核组长：王敏 | | |").And.Contain("| 审核员：李强 | | |").And.NotContain("组长：王敏 | | |\n| 组长");
        md.Should().Contain("王敏（审核组长）、李强（审核员）");
        html.Should().Contain("<td class=\"role\">审核组长：王敏</td>");
        json.Should().Contain("\"name\": \"王敏\",\n        \"role\": \"lead\"");
    }

    [Fact]
    public void A_mock_assessment_says_so_on_the_cover_in_the_title_block_and_in_the_print_header()
    {
        var mock = Cases.Result("mock-partial-assessment");

        var html = Render(mock, ReportFormat.Html);
        var md = Render(mock, ReportFormat.Markdown);

        html.Should().Contain("<div class=\"mock-mark\">模拟审核 — 非认证结论</div>");
        html.Should().Contain("@top-right { content: \"" + Views.CssString("模拟审核 — 非认证结论") + "\"; color: #a8192e; font-weight: 700; }", "every printed page carries the mark");
        md.Split('\n').Take(4).Should().Contain("> **模拟审核 — 非认证结论**");
        Render(Cases.Result("formal-complete"), ReportFormat.Html).Should().NotContain("mock-mark\">");
    }

    [Fact]
    public void A_self_assessment_is_named_as_one()
    {
        var self = Score(FormalComplete.Replace("kind: initial", "kind: self", StringComparison.Ordinal));

        Render(self, ReportFormat.Markdown).Should().Contain("> **自我评价 — 非认证结论**").And.Contain("本结果来自自我评价，不是认证结论。");
        Render(self, ReportFormat.Markdown, Language.English).Should().Contain("> **Self-assessment — not a certification decision**");
    }

    [Fact]
    public void The_report_number_is_in_the_print_header_of_every_page()
    {
        var result = Score(FormalComplete.Replace("  kind: initial", "  kind: initial\n  reference: RZ-2026-001", StringComparison.Ordinal));

        var html = Render(result, ReportFormat.Html);

        html.Should().Contain("@top-left { content: \"" + Views.CssString("商品售后服务评价审核报告 · 报告编号：RZ-2026-001") + "\"; }");
    }

    [Fact]
    public void The_print_header_cannot_break_out_of_its_css_string()
    {
        var hostile = Views.CssString("\"; } body { display: none } @page { content: \"<script>\\");

        hostile.Should().NotContainAny("\"", "'", "<", ">", "&", "}", "{", ";");
        Views.CssString("a·b c").Should().Be("a\\0000B7 b c", "the space after an escape ends it, so the real space stays");
    }

    [Fact]
    public void Line_breaks_the_auditors_wrote_are_kept()
    {
        var result = Score(FormalComplete.Replace("note: 未设售后服务部门", "note: \"未设售后服务部门。\\n第二行:职责未书面规定。\"", StringComparison.Ordinal)
            + "conclusion: |\n  第一段。\n  第二段。\n");

        var md = Render(result, ReportFormat.Markdown);
        var html = Render(result, ReportFormat.Html);

        md.Should().Contain("审核组意见：第一段。<br>第二段。").And.Contain("未设售后服务部门。<br>第二行:职责未书面规定。");
        html.Should().Contain("<p class=\"lines\"><b>审核组意见：</b>第一段。\n第二段。");
        html.Should().Contain("<div class=\"detail lines\"><b>审核记录：</b>未设售后服务部门。\n第二行:职责未书面规定。</div>");
        html.Should().Contain(".lines { white-space: pre-line; }");
    }

    [Fact]
    public void The_client_report_says_the_points_are_provisional_without_configuration_jargon()
    {
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html })
            {
                var report = Render(Cases.Result("formal-complete"), format, language);

                report.Should().Contain(language.IsChinese ? "分值为暂定" : "provisional");
                report.Should().NotContain("points 并").And.NotContain("修改各指标").And.NotContain("edit each indicator's points")
                    .And.NotContain("re-split");
            }
        }
    }

    [Fact]
    public void The_rubric_or_a_caller_chooses_shen_cha_wording()
    {
        var result = Cases.Result("formal-complete");

        var review = Render(result, ReportFormat.Markdown, terminology: Terminology.Review);
        var audit = Render(result, ReportFormat.Markdown);

        review.Should().StartWith("# 商品售后服务评价审查报告").And.Contain("| 审查组长：王敏 |").And.Contain("| 审查类型 | 初次认证审查 |");
        // 审核 is left only where the rubric's own text says it (内部审核, an internal audit the company runs).
        review.Replace("内部审核", "", StringComparison.Ordinal).Should().NotContain("审核");
        audit.Should().StartWith("# 商品售后服务评价审核报告").And.NotContain("审查");

        var rubric = Rubric.Parse(System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes()).Replace("total: 100\n", "total: 100\nterminology: review\n", StringComparison.Ordinal)).GetValueOrThrow();
        rubric.Terminology.Should().Be(Terminology.Review);
        var byRubric = new AuditEngine(rubric).Score(FormalComplete, "case.yaml").GetValueOrThrow();
        ReportRenderer.Default.Render(byRubric, ReportFormat.Markdown).GetValueOrThrow().Content.Should().StartWith("# 商品售后服务评价审查报告");
    }

    [Fact]
    public void The_score_and_the_gap_report_share_one_analysis()
    {
        var report = AuditReport.Create(Cases.Result("mock-partial-assessment"));

        var html = ReportRenderer.Default.Render(report, ReportFormat.Html).GetValueOrThrow().Content;
        var gap = ReportRenderer.Default.RenderGap(report, ReportFormat.Html).GetValueOrThrow().Content;

        report.Gap.Plan.Should().NotBeEmpty();
        html.Should().Contain(report.PlanText!);
        gap.Should().Contain(report.PlanText!);
    }
}
