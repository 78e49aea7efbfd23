using Newtonsoft.Json.Linq;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// The audit team's agreement in the reports (Markdown, HTML, Word, JSON): figures worked out by hand in the comments,
/// the degenerate cases worded as "not applicable" (never NaN), and no section for an audit one assessor recorded.
/// </summary>
public sealed class TeamReportTests
{
    private const string Head = """
        rubric: gbt27922-2011
        company:
          name: 测试电器有限公司
        audit:
          kind: mock
          dates: [2026-09-15]
          team:
            - { name: 王敏, role: lead }
            - { name: 陈思远, role: member }
            - { name: 周蕾, role: expert }
        findings:

        """;

    /// <summary>A finding the lead resolved: the team's result and each assessor's record under assessments.</summary>
    private static string Resolved(string item, string team, params (string By, string Result)[] assessments) =>
        $"  - item: \"{item}\"\n    {team}\n    by: [{string.Join(", ", assessments.Select(a => a.By))}]\n    assessments:\n"
        + string.Concat(assessments.Select(a => $"      - {{ by: {a.By}, {a.Result} }}\n"));

    /// <summary>A finding the assessors disagree on that nobody resolved (a mock audit scores it by its consensus rule).</summary>
    private static string Unresolved(string item, params (string By, string Result)[] assessments) =>
        $"  - item: \"{item}\"\n    by: [{string.Join(", ", assessments.Select(a => a.By))}]\n    assessments:\n"
        + string.Concat(assessments.Select(a => $"      - {{ by: {a.By}, {a.Result} }}\n"));

    private static string One(string item, string by, string result) => $"  - {{ item: \"{item}\", by: {by}, {result} }}\n";

    private const string C = "result: conforming";
    private const string N = "result: nonconforming";

    private static AuditResult Score(string findings) =>
        AuditEngine.Default.Score(Head + findings, "team.yaml").GetValueOrThrow();

    private static string Render(AuditResult result, ReportFormat format, Language language = default)
    {
        var rendered = ReportRenderer.Default.Render(result, format, language);
        rendered.Diagnostics.Should().BeEmpty();
        return rendered.Value!.Content;
    }

    /// <summary>
    /// The three-rater case of the engine's tests (王敏 W, 陈思远 S, 周蕾 Z): 5.1.1.1 C C C · 5.1.1.2 C C N ·
    /// 5.1.2.1 N N N · 5.1.2.2 C P N. 5.1.1.2 was resolved by the lead; 5.1.2.2 is left to the consensus rule.
    /// </summary>
    private static AuditResult ThreeRaters() => Score(
        Resolved("5.1.1.1", C, ("王敏", C), ("陈思远", C), ("周蕾", C))
        + Resolved("5.1.1.2", "result: partial\n    points: 1", ("王敏", C), ("陈思远", C), ("周蕾", N))
        + Resolved("5.1.2.1", N, ("王敏", N), ("陈思远", N), ("周蕾", N))
        + Unresolved("5.1.2.2", ("王敏", C), ("陈思远", "result: partial, points: 1"), ("周蕾", N)));

    [Fact]
    public void The_report_works_kappa_out_so_it_adds_up_by_hand()
    {
        // P_i = Σ n_ij(n_ij − 1) / (3·2): 1, 1/3, 1, 0; Po = (1 + 1/3 + 1 + 0) ÷ 4 = 7/12.
        // Ratings: C 6, P 1, N 5 of 12; Pe = (36 + 1 + 25) ÷ 144 = 31/72. κ = (7/12 − 31/72) ÷ (41/72) = 11/41 ≈ 0.268.
        var md = Render(ThreeRaters(), ReportFormat.Markdown);

        md.Should().Contain("### 审核组评价一致性");
        md.Should().Contain("评价人 3 名；4 个检查项由两名及以上评价人评价，其中 2 个结论一致（50.0%）。");
        md.Should().Contain("实际一致率 Po = （1 + 1/3 + 1 + 0）÷ 4 = 7/12");
        md.Should().Contain("偶然一致率 Pe = Σ（各类评价数 ÷ 评价总数）² = （6² + 1² + 5²）÷ 12² = 31/72（符合 6、部分符合 1、不符合 5）");
        md.Should().Contain("κ = （Po − Pe）÷（1 − Pe）= （7/12 − 31/72）÷（1 − 31/72）= 11/41 ≈ 0.268。");
        // Per indicator: 5.1.1 (C C C, C C N) κ = −1/5; 5.1.2 (N N N, C P N) κ = 0 (worked out in TeamAgreementTests).
        md.Should().Contain("| 5.1.1 组织架构 | 2 | 1 / 2（50.0%） | −0.200 |");
        md.Should().Contain("| 5.1.2 人员配置 | 2 | 1 / 2（50.0%） | 0.000 |");
        md.Should().Contain("| **总体** | **4** | **2 / 4（50.0%）** | **0.268** |");
        md.Should().NotContain("NaN");
    }

    [Fact]
    public void Disagreements_show_each_assessor_and_who_resolved_them()
    {
        var result = ThreeRaters();
        var md = Render(result, ReportFormat.Markdown);
        var en = Render(result, ReportFormat.Markdown, Language.English);

        // 5.1.1.2: the lead wrote the team's finding; 5.1.2.2: unresolved, the mock scores it by the lowest assessment (周蕾's N).
        md.Should().Contain("| 5.1.1.2 | 王敏：符合<br>陈思远：符合<br>周蕾：不符合 | 部分符合，1 分 | 审核组长王敏 |");
        md.Should().Contain("| 5.1.2.2 | 王敏：符合<br>陈思远：部分符合，1 分<br>周蕾：不符合 | 不符合 | 未解决；按共识规则计分（见说明） |");
        en.Should().Contain("| 5.1.1.2 | 王敏: Conforming<br>陈思远: Conforming<br>周蕾: Nonconforming | Partly conforming, 1 point | the lead auditor, 王敏 |");
        // The spreads: 5.1.1.2 is worth 1.5 (1.5, 1.5, 0: spread 1.5, flagged above 1); 5.1.2.2 also 1.5 (1.5, 1, 0).
        md.Should().Contain("| 5.1.1.2 | 王敏：1.5、陈思远：1.5、周蕾：0 | 1.5 | ⚑ |");
        md.Should().Contain("| 5.1.2.2 | 王敏：1.5、陈思远：1、周蕾：0 | 1.5 | ⚑ |");
    }

    [Fact]
    public void The_json_result_carries_the_same_figures_with_exact_fractions()
    {
        var json = JObject.Parse(Render(ThreeRaters(), ReportFormat.Json));
        var overall = json["team"]!["overall"]!;

        ((int)overall["items"]!, (int)overall["alike"]!, (decimal)overall["alike_percent"]!, (string)overall["alike_fraction"]!).Should().Be((4, 2, 50.0m, "1/2"));
        ((string)overall["observed"]!, (string)overall["expected"]!, (string)overall["kappa_fraction"]!, (decimal)overall["kappa"]!).Should().Be(("7/12", "31/72", "11/41", 0.268m));
        overall["ratings"]!.ToString(Newtonsoft.Json.Formatting.None).Should().Be("""{"conforming":6,"partial":1,"nonconforming":5,"not_applicable":0}""");
        ((string?)overall["kappa_undefined"]).Should().BeNull();
        json["team"]!["assessors"]!.Select(a => (string)a!).Should().Equal("王敏", "陈思远", "周蕾");
        json["team"]!["indicators"]!.Select(i => (string)i["kappa_fraction"]!).Should().Equal("-1/5", "0");
        var disagreements = json["team"]!["disagreements"]!;
        disagreements.Select(d => ((string)d["id"]!, (bool)d["resolved"]!, (string?)d["result"])).Should().Equal(("5.1.1.2", true, "partial"), ("5.1.2.2", false, null));
        disagreements[1]!["assessments"]!.Select(a => ((string)a["by"]!, (string)a["result"]!)).Should().Equal(("王敏", "conforming"), ("陈思远", "partial"), ("周蕾", "nonconforming"));
    }

    [Fact]
    public void One_result_category_only_says_kappa_does_not_apply()
    {
        // Both items rated conforming by both: Po = 1, Pe = 1, κ = 0 ÷ 0 — not applicable, never NaN.
        var result = Score(Resolved("5.1.1.1", C, ("王敏", C), ("陈思远", C)) + Resolved("5.1.1.2", C, ("王敏", C), ("周蕾", C)));

        var md = Render(result, ReportFormat.Markdown);
        var html = Render(result, ReportFormat.Html, Language.English);
        var json = JObject.Parse(Render(result, ReportFormat.Json))["team"]!["overall"]!;

        md.Should().Contain("| **总体** | **2** | **2 / 2（100.0%）** | **不适用（只有一种结论）** |");
        md.Should().Contain("κ 不适用：所有评价的结论相同（Pe = 1，κ 为 0 ÷ 0）。");
        md.Should().Contain("评价人对共同评价的检查项结论全部一致。");
        md.Should().Contain("评价人对共同评价的检查项给分全部相同。");
        html.Should().Contain("n/a (one result only)").And.NotContain("NaN");
        ((string?)json["kappa"], (string?)json["kappa_fraction"], (string)json["kappa_undefined"]!, (string)json["expected"]!).Should().Be((null, null, "one_category", "1"));
    }

    [Fact]
    public void One_assessor_per_item_says_agreement_does_not_apply()
    {
        var result = Score(One("5.1.1.1", "王敏", C) + One("5.1.1.2", "陈思远", N) + One("5.1.2.1", "周蕾", C));

        var md = Render(result, ReportFormat.Markdown);
        var en = Render(result, ReportFormat.Html, Language.English);
        var json = JObject.Parse(Render(result, ReportFormat.Json))["team"]!;

        md.Should().Contain("评价人 3 名；没有检查项由两名及以上评价人评价。");
        md.Should().Contain("没有检查项由两名及以上评价人评价，评价一致性不适用：每个检查项只有一名评价人的结论。");
        md.Should().NotContain("| **总体** |", "there are no figures to tabulate");
        en.Should().Contain("No check item was rated by two or more assessors, so agreement does not apply").And.NotContain("NaN");
        ((int)json["overall"]!["items"]!, (string?)json["overall"]!["alike_percent"], (string)json["overall"]!["kappa_undefined"]!).Should().Be((0, null, "no_pairs"));
        json["disagreements"]!.Should().BeEmpty();
    }

    [Fact]
    public void An_audit_one_assessor_recorded_has_no_agreement_section()
    {
        var sample = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml")).GetValueOrThrow();
        // Findings naming one assessor only are one person's audit, not a team's to compare.
        var alone = Score(One("5.1.1.1", "王敏", C) + One("5.1.1.2", "王敏", N));

        foreach (var result in new[] { sample, alone })
        {
            Render(result, ReportFormat.Markdown).Should().NotContain("审核组评价一致性");
            Render(result, ReportFormat.Html, Language.English).Should().NotContain("Agreement of the audit team");
            JObject.Parse(Render(result, ReportFormat.Json)).ContainsKey("team").Should().BeFalse();
            Docx.Part(Docx.Report(result).Bytes, "word/document.xml").Should().NotContain("审核组评价一致性");
            AuditReport.Create(result).Agreement.Should().BeNull();
        }
    }

    [Fact]
    public void The_word_report_carries_the_section_and_stays_valid()
    {
        var docx = Docx.Report(ThreeRaters()).Bytes;

        Docx.Errors(docx).Should().BeEmpty();
        var body = Docx.Part(docx, "word/document.xml");
        body.Should().Contain("审核组评价一致性").And.Contain("评价分歧及处理").And.Contain("11/41 ≈ 0.268");
        body.IndexOf("审核组评价一致性", StringComparison.Ordinal).Should().BeLessThan(body.IndexOf("整改清单", StringComparison.Ordinal), "the section closes the findings, before the rectification list");
    }
}
