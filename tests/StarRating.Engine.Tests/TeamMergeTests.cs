using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>Merging assessors' files into the team's evidence: agreement, disagreement, pooling, conflicts, adjustments.</summary>
public sealed class TeamMergeTests
{
    private const string Team = "[ { name: 王敏, role: lead }, { name: 陈思远 }, { name: 周蕾, role: expert } ]";

    private static string File(string assessor, string findings, string kind = "initial", string company = "测试电器有限公司", string dates = "[2026-10-12]", string adjustments = "") => $"""
        rubric: gbt27922-2011
        assessor: {assessor}
        company: {"{"} name: {company} {"}"}
        audit:
          kind: {kind}
          dates: {dates}
          team: {Team}
        findings:
        {findings}
        {adjustments}
        """;

    private static AuditEvidence Load(string yaml, string name)
    {
        var result = new EvidenceLoader().Parse(yaml, name);
        result.Errors.Should().BeEmpty();
        return result.Value!;
    }

    private static LoadResult<TeamMergeResult> Merge(bool pool, params (string Yaml, string Name)[] files) =>
        TeamMerge.Merge(files.Select(f => Load(f.Yaml, f.Name)).ToArray(), Rubric.Default, pool, "team.yaml");

    private static readonly string Wang = File("王敏", """
          - { item: "5.1.1.1", result: conforming, note: 王的记录, evidence: [组织机构图] }
          - { item: "5.1.1.2", result: conforming }
          - { indicator: "5.3.2", result: conforming }
        """, dates: "[2026-10-13, 2026-10-12]");

    private static readonly string Chen = File("陈思远", """
          - { item: "5.1.1.1", result: conforming, note: 陈的记录, evidence: [组织机构图, 任命文件] }
          - { item: "5.1.1.2", result: nonconforming, grade: minor, note: 岗位职责未覆盖网点 }
          - { item: "5.2.4.1", sample: { size: 10, conforming: 9 }, grade: minor }
        """, dates: "[2026-10-12]");

    private static readonly string Zhou = File("周蕾", """
          - { item: "5.2.4.1", sample: { size: 10, conforming: 8 }, grade: major }
          - { item: "5.1.2.1", result: partial, points: 1 }
        """, dates: "[2026-10-14]");

    [Fact]
    public void Agreeing_findings_become_one_with_every_assessor_and_their_records_kept()
    {
        var team = Merge(false, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        var finding = team.Evidence.Findings.Single(f => f.Item == "5.1.1.1");
        finding.Result.Should().Be(FindingResult.Conforming);
        finding.IsUnresolved.Should().BeFalse();
        finding.By.Should().Equal("王敏", "陈思远");
        finding.Note.Should().Be("王的记录", "the lead's note speaks for the team");
        finding.Evidence.Should().Equal("组织机构图", "任命文件");
        finding.Assessments.Select(a => (a.By.Single(), a.Note)).Should().Equal(("王敏", "王的记录"), ("陈思远", "陈的记录"));
        team.Coverage.Agreed.Should().Equal("5.1.1.1");
    }

    [Fact]
    public void Single_assessor_findings_are_taken_as_they_are_with_their_assessor()
    {
        var team = Merge(false, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        var finding = team.Evidence.Findings.Single(f => f.Item == "5.1.2.1");
        (finding.Result, finding.Points).Should().Be((FindingResult.Partial, 1m));
        finding.By.Should().Equal("周蕾");
        finding.Assessments.Should().BeEmpty();
        team.Evidence.Findings.Single(f => f.Indicator == "5.3.2").By.Should().Equal("王敏");
    }

    [Fact]
    public void Disagreements_become_unresolved_with_every_assessment_and_a_formal_audit_refuses_them()
    {
        var team = Merge(false, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        var unresolved = team.Evidence.Findings.Where(f => f.IsUnresolved).ToArray();
        unresolved.Select(f => f.Item).Should().Equal("5.1.1.2", "5.2.4.1");
        unresolved[0].Assessments.Select(a => (a.By.Single(), a.Result)).Should().Equal(("王敏", FindingResult.Conforming), ("陈思远", FindingResult.Nonconforming));
        unresolved[1].Assessments.Select(a => a.Sample).Should().Equal(new Sample(10, 9), new Sample(10, 8));
        team.Coverage.Unresolved.Should().Equal("5.1.1.2", "5.2.4.1");

        var scored = AuditEngine.Default.Score(team.Evidence);
        scored.Errors.Where(e => e.Code == "SR3152").Should().HaveCount(2);
    }

    [Fact]
    public void Pooled_samples_add_sizes_and_conforming_counts()
    {
        var team = Merge(true, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        var pooled = team.Evidence.Findings.Single(f => f.Item == "5.2.4.1");
        // 10 + 10 records, 9 + 8 conforming.
        pooled.Sample.Should().Be(new Sample(20, 17));
        pooled.Grade.Should().Be(NonconformityGrade.Major, "the most serious grade given stays");
        pooled.By.Should().Equal("陈思远", "周蕾");
        pooled.Assessments.Should().HaveCount(2);
        team.Coverage.Pooled.Should().Equal("5.2.4.1");
        team.Coverage.Unresolved.Should().Equal("5.1.1.2");
    }

    [Fact]
    public void Coverage_says_who_covered_which_indicators_and_what_nobody_assessed()
    {
        var team = Merge(false, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        team.Coverage.Assessors.Select(a => (a.Name, a.Role, string.Join(" ", a.Indicators), a.Findings)).Should().Equal(
            ("王敏", "lead", "5.1.1 5.3.2", 3),
            ("陈思远", "member", "5.1.1 5.2.4", 3),
            ("周蕾", "expert", "5.1.2 5.2.4", 2));
        var rubric = Rubric.Default;
        var covered = new[] { "5.1.1.1", "5.1.1.2", "5.1.2.1", "5.2.4.1" }.Concat(rubric.FindIndicator("5.3.2")!.Items.Select(i => i.Id));
        team.Coverage.Unassessed.Should().Equal(rubric.Items.Select(i => i.Id).Except(covered));
    }

    [Fact]
    public void Dates_unite_and_the_team_is_everyone()
    {
        var team = Merge(false, (Wang, "wang.yaml"), (Chen, "chen.yaml"), (Zhou, "zhou.yaml")).GetValueOrThrow();

        team.Evidence.Audit.Dates.Should().Equal(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 13), new DateOnly(2026, 10, 14));
        team.Evidence.Audit.Team.Select(m => m.Name).Should().Equal("王敏", "陈思远", "周蕾");
        team.Evidence.Assessor.Should().BeNull();
        team.Evidence.SourceName.Should().Be("team.yaml");
    }

    [Fact]
    public void Company_kind_and_rubric_conflicts_are_located_in_the_file_that_differs()
    {
        var other = File("陈思远", "  - { item: \"5.1.1.1\", result: conforming }", kind: "surveillance", company: "另一家公司").Replace("rubric: gbt27922-2011", "rubric: gbt27922-2011@1999", StringComparison.Ordinal);

        var result = Merge(false, (Wang, "wang.yaml"), (other, "chen.yaml"));

        result.Succeeded.Should().BeFalse();
        var errors = result.Errors.Select(e => (e.Code, e.Location.File, e.Location.Line)).ToArray();
        errors.Should().Contain(("SR3156", "chen.yaml", 3));
        errors.Should().Contain(("SR3157", "chen.yaml", 5));
        result.Errors.Single(e => e.Code == "SR3156").MessageIn(Language.English).Should().Be("company name is '另一家公司', but '测试电器有限公司' in wang.yaml");
        result.Errors.Single(e => e.Code == "SR3157").MessageIn(Language.English).Should().Be("the audit kind is surveillance, but initial in wang.yaml");
    }

    [Fact]
    public void A_different_rubric_version_is_an_error_at_the_pin()
    {
        var pinned = Wang.Replace("rubric: gbt27922-2011", "rubric: gbt27922-2011@1", StringComparison.Ordinal);
        var other = Chen.Replace("rubric: gbt27922-2011", "rubric: gbt27922-2011@2", StringComparison.Ordinal);

        var result = Merge(false, (pinned, "wang.yaml"), (other, "chen.yaml"));

        var error = result.Errors.Single(e => e.Code == "SR3158");
        (error.Location.File, error.Location.Line).Should().Be(("chen.yaml", 1));
        error.MessageIn(Language.English).Should().Be("the rubric is 'gbt27922-2011@2', but 'gbt27922-2011@1' in wang.yaml");
    }

    [Fact]
    public void Each_file_names_its_assessor_once()
    {
        var anonymous = Chen.Replace("assessor: 陈思远\n", "", StringComparison.Ordinal);
        var twice = Zhou.Replace("assessor: 周蕾", "assessor: 王敏", StringComparison.Ordinal);

        var result = Merge(false, (Wang, "wang.yaml"), (anonymous, "chen.yaml"), (twice, "zhou.yaml"));

        result.Errors.Select(e => (e.Code, e.Location.File)).Should().Contain([("SR3154", "chen.yaml"), ("SR3155", "zhou.yaml")]);
        TeamMerge.Merge([Load(Wang, "wang.yaml")], Rubric.Default).Errors.Single().Code.Should().Be("SR3162");
    }

    [Fact]
    public void One_member_with_two_roles_is_an_error_in_the_file_that_differs()
    {
        var other = Chen.Replace("{ name: 周蕾, role: expert }", "{ name: 周蕾, role: member }", StringComparison.Ordinal);

        var error = Merge(false, (Wang, "wang.yaml"), (other, "chen.yaml")).Errors.Single();

        (error.Code, error.Location.File, error.Location.Line).Should().Be(("SR3159", "chen.yaml", 5));
        error.MessageIn(Language.English).Should().Be("'周蕾' has the role member, but expert in wang.yaml");
    }

    [Fact]
    public void An_assessor_outside_the_team_is_refused_at_the_name()
    {
        var stranger = Chen.Replace("assessor: 陈思远", "assessor: 李四", StringComparison.Ordinal);

        var error = Merge(false, (Wang, "wang.yaml"), (stranger, "chen.yaml")).Errors.Single();

        (error.Code, error.Location.File, error.Location.Line).Should().Be(("SR3150", "chen.yaml", 2));
    }

    [Fact]
    public void Special_deductions_unite_and_the_same_reason_counts_once()
    {
        const string deductions = """
            adjustments:
              deductions:
                - { reason: 未按规定公示收费标准 }
            """;
        var wang = File("王敏", "  - { item: \"5.1.1.1\", result: conforming }", adjustments: deductions);
        var chen = File("陈思远", "  - { item: \"5.1.1.2\", result: conforming }", adjustments: deductions.Replace("- {", "- { reason: 超期使用计量器具 }\n    - {", StringComparison.Ordinal));

        var result = Merge(false, (wang, "wang.yaml"), (chen, "chen.yaml"));

        result.Value!.Evidence.Deductions.Select(d => d.Reason).Should().Equal("未按规定公示收费标准", "超期使用计量器具");
        var warning = result.Diagnostics.Single(d => d.Code == "SR3160");
        warning.Location.File.Should().Be("chen.yaml");
        warning.MessageIn(Language.English).Should().Contain("already in wang.yaml; it counts once");
    }

    [Fact]
    public void The_bonus_needs_the_leads_file_or_everyones_agreement()
    {
        const string bonus = "adjustments:\n  bonus: { points: 1, reason: 安全关怀计划 }";
        const string finding = "  - { item: \"5.1.1.1\", result: conforming }";

        var byMember = Merge(false, (File("王敏", finding), "wang.yaml"), (File("陈思远", finding, adjustments: bonus), "chen.yaml"));
        byMember.Value!.Evidence.Bonuses.Should().BeEmpty();
        byMember.Diagnostics.Single(d => d.Code == "SR3161").Location.File.Should().Be("chen.yaml");

        var byLead = Merge(false, (File("王敏", finding, adjustments: bonus), "wang.yaml"), (File("陈思远", finding), "chen.yaml"));
        byLead.Value!.Evidence.Bonuses.Single().Reason.Should().Be("安全关怀计划");
        byLead.Diagnostics.Should().BeEmpty();

        // Without the lead's file, a bonus every assessor wrote alike stands.
        var agreed = Merge(false, (File("陈思远", finding, adjustments: bonus), "chen.yaml"), (File("周蕾", finding, adjustments: bonus), "zhou.yaml"));
        agreed.Value!.Evidence.Bonuses.Should().ContainSingle();
        agreed.Diagnostics.Should().BeEmpty();
    }

    [Fact]
    public void A_mock_team_file_scores_by_consensus()
    {
        var files = new[] { (File("王敏", "  - { item: \"5.1.1.1\", result: conforming }", kind: "mock"), "w.yaml"), (File("陈思远", "  - { item: \"5.1.1.1\", result: partial, points: 1 }", kind: "mock"), "c.yaml") };
        var team = Merge(false, files).GetValueOrThrow();

        var lowest = AuditEngine.Default.Score(team.Evidence).GetValueOrThrow();
        var lead = new AuditEngine(Rubric.Default) { Consensus = ConsensusRule.Lead }.Score(team.Evidence).GetValueOrThrow();

        // 5.1.1.1 is worth 2: lowest takes 陈思远's 1, lead takes 王敏's 2; the other items are not assessed (0).
        lowest.EarnedPoints.Should().Be(1m);
        lead.EarnedPoints.Should().Be(2m);
        lowest.Notices.Should().Contain(n => n.Code == "consensus");
    }

    [Fact]
    public void A_json_file_merges_with_a_yaml_one()
    {
        const string json = """
            {
              "rubric": "gbt27922-2011",
              "assessor": "陈思远",
              "company": { "name": "测试电器有限公司" },
              "audit": { "kind": "initial", "dates": ["2026-10-12"], "team": [ { "name": "王敏", "role": "lead" }, { "name": "陈思远" }, { "name": "周蕾", "role": "expert" } ] },
              "findings": [ { "item": "5.1.1.1", "result": "conforming", "by": "陈思远" } ]
            }
            """;

        var team = TeamMerge.Merge([Load(Wang, "wang.yaml"), Load(json, "chen.json")], Rubric.Default).GetValueOrThrow();

        team.Evidence.Findings.Single(f => f.Item == "5.1.1.1").By.Should().Equal("王敏", "陈思远");
        team.Coverage.Agreed.Should().Equal("5.1.1.1");
    }
}
