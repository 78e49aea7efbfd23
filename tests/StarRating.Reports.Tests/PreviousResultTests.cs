using FluentAssertions;
using Newtonsoft.Json.Linq;
using StarRating.Engine;
using StarRating.Testing;
using Xunit;

namespace StarRating.Reports.Tests;

/// <summary>
/// A previous audit given as the JSON result of <c>--format json</c> works as its evidence file does: the chain's
/// statuses and due dates come out the same, and the keys of the <c>previous</c> section are the documented ones.
/// </summary>
public sealed class PreviousResultTests
{
    private static readonly string Chain = Path.Combine(RepoPaths.Root, "samples", "chain");

    [Fact]
    public void Json_result_as_previous_gives_the_same_follow_up_as_its_evidence()
    {
        var initial = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, "2026-initial.yaml")).GetValueOrThrow();
        var surveillance = File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml"));
        using var folder = new TempFolder(
            ("2026-initial.json", ResultJson.Write(initial)),
            ("s1.yaml", surveillance.Replace("previous: 2026-initial.yaml", "previous: 2026-initial.json", StringComparison.Ordinal)));

        var fromJson = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s1.yaml"));
        fromJson.Diagnostics.Should().BeEmpty();
        var fromEvidence = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, "2027-surveillance-1.yaml")).GetValueOrThrow();
        var result = fromJson.GetValueOrThrow();
        result.Previous!.Nonconformities.Should().Equal(fromEvidence.Previous!.Nonconformities);
        (result.Previous.Score, result.Previous.ScoreText, result.Previous.TierId).Should().Be((97.9m, "97.9", "five-star"));
        result.Surveillance.Should().Be(fromEvidence.Surveillance);

        var json = JObject.Parse(ResultJson.Write(result));
        json.SelectToken("previous.score")!.Value<decimal>().Should().Be(97.9m);
        json.SelectToken("previous.tier")!.Value<string>().Should().Be("five-star");
        json.SelectToken("previous.nonconformities")!.Select(n => $"{n["id"]} {n["item"]} {n["grade"]} {n["status"]}")
            .Should().Equal("NC-2026-01 5.2.4.3 major closed", "NC-2026-02 5.3.2.2 minor repeated");
        json.SelectToken("nonconformities[0].repeated")!.Value<bool>().Should().BeTrue();
    }

    [Fact]
    public void Json_that_is_not_a_result_is_refused_at_the_previous_key()
    {
        using var folder = new TempFolder(
            ("gap.json", """{ "format": "starrating-gap/1" }"""),
            ("broken.json", """{ "format": "starrating-result/1", "rubric": 3 }"""),
            ("a.yaml", File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml")).Replace("2026-initial.yaml", "gap.json", StringComparison.Ordinal)),
            ("b.yaml", File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml")).Replace("2026-initial.yaml", "broken.json", StringComparison.Ordinal)));
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("a.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3128");
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("b.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3128");
    }
}

/// <summary>What a reader of the chain's reports sees: the recommendation, the body's decision beside it, the follow-up.</summary>
public sealed class CycleReportTests
{
    private static readonly string Chain = Path.Combine(RepoPaths.Root, "samples", "chain");

    private static string Render(string file, Rules.Language language, ReportFormat format) =>
        ReportRenderer.Default.Render(
            AuditReport.Create(AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, file)).GetValueOrThrow(), language),
            format).Value!.Content;

    [Fact]
    public void A_decision_that_differs_from_the_recommendation_shows_both()
    {
        var zh = Render("2026-initial.yaml", Rules.Language.Chinese, ReportFormat.Markdown);
        zh.Should().Contain("**推荐等级：五星级 ★★★★★**");
        zh.Should().Contain("**认证决定：达标级（技术委员会，2026-04-20）；与审核组推荐等级五星级不同**");
        zh.Should().Contain("| 证书 | CHFW-SC-26-0117（有效期 2026-04-20 至 2029-04-19） |");
        zh.Should().Contain("| 未覆盖的区域 | 张家港门店（本次未抽到，下次监督审查覆盖） |");

        var en = Render("2026-initial.yaml", Rules.Language.English, ReportFormat.Html);
        en.Should().Contain("<b>Certification decision: </b>Compliant (技术委员会, 2026-04-20); differs from the team&#39;s recommended rating, Five-star");
    }

    [Fact]
    public void A_repeat_finding_is_flagged_in_the_rectification_list_and_the_follow_up()
    {
        var md = Render("2027-surveillance-1.yaml", Rules.Language.Chinese, ReportFormat.Markdown);
        md.Should().Contain("| 1 | 一般不符合**（重复）** NC-2027-01 | 5.3.2.2 |");
        md.Should().Contain("| NC-2026-01 | 5.2.4.3 | 严重不符合 | 已验证 | 2026-04-10 | 已关闭 |");
        md.Should().Contain("| NC-2026-02 | 5.3.2.2 | 一般不符合 | 已纠正，待验证 | 2026-05-10 | **重复发现** |");

        var last = Render("2028-surveillance-2.yaml", Rules.Language.English, ReportFormat.Markdown);
        last.Should().Contain("| NC-2027-01 | 5.3.2.2 | Minor nonconformity | Open | 2027-05-08 (overdue) | Closed |");
        last.Should().Contain("| Surveillance audit | this audit was due by 2028-04-20; next one due by 2029-04-20 |");
    }

    [Fact]
    public void A_stage_one_result_recommends_no_tier_in_every_output()
    {
        // The chain's initial audit as its stage 1 (document review): no decision or certificate yet.
        using var temp = new TempFolder();
        var text = File.ReadAllText(Path.Combine(Chain, "2026-initial.yaml")).Replace("  stage: 2\n", "  stage: 1\n", StringComparison.Ordinal);
        text = string.Join("\n", text.Split('\n').Where(line => !line.StartsWith("decision:", StringComparison.Ordinal) && !line.StartsWith("certificate:", StringComparison.Ordinal)));
        var path = Path.Combine(temp.Path, "2026-stage-1.yaml");
        File.WriteAllText(path, text);
        var result = AuditEngine.ScoreFileWithBuiltInRubric(path).GetValueOrThrow();
        string Render(Rules.Language language, ReportFormat format) => ReportRenderer.Default.Render(AuditReport.Create(result, language), format).Value!.Content;

        result.Notices.Select(n => n.Code).Should().Contain("stage-one-no-recommendation");
        var zh = Render(Rules.Language.Chinese, ReportFormat.Markdown);
        zh.Should().Contain("按得分对应的等级（不作推荐）").And.Contain("（第一阶段文件审查：不推荐等级，见提示）").And.NotContain("推荐等级：");
        zh.Should().Contain("第一阶段（文件审查）结果：不推荐等级。");
        var en = Render(Rules.Language.English, ReportFormat.Html);
        en.Should().Contain("Tier the score would give (not recommended)").And.Contain("Stage 1 (document review) result: no rating is recommended.");
        ResultJson.Write(result).Should().Contain("\"code\": \"stage-one-no-recommendation\"");
        var docx = ReportRenderer.Default.Render(AuditReport.Create(result), ReportFormat.Docx).Value!;
        Docx.Part(docx.Bytes, "word/document.xml").Should().Contain("第一阶段（文件审查）结果：不推荐等级。");
    }

    [Fact]
    public void Nonconformity_forms_are_filled_from_the_nc_record()
    {
        var result = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, "2026-initial.yaml")).GetValueOrThrow();
        var md = ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Markdown).Value!.Content;
        md.Should().Contain("NC-2026-01");
        md.Should().Contain("| 顾晓岚 |", "the company's representative confirmed it");
        md.Should().Contain("2025 年价格表更新后未同步发布到服务台，收费依赖工程师经验。");
        md.Should().Contain("| 2026-04-10 |");
        md.Should().Contain("| 已验证 |");
        md.Should().Contain("| 2026-04-15 |");
        md.Should().Contain("| 已纠正，待验证 |", "NC-2026-02 is corrected, not yet verified");
    }
}
