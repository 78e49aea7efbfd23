using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>The team keys of the evidence format: assessor, by, assessments, and how unresolved findings are scored.</summary>
public sealed class TeamEvidenceTests
{
    private const string Team = "[ { name: 王敏, role: lead }, { name: 陈思远 }, { name: 周蕾, role: expert } ]";

    /// <summary>5.1.1.1 is worth 2 points: 王敏 (lead) conforming = 2, 陈思远 partial 1, 周蕾 nonconforming = 0.</summary>
    private const string ThreeWay = """
        assessments:
              - { by: 陈思远, result: partial, points: 1, note: 分管领导未书面任命 }
              - { by: 王敏, result: conforming, evidence: [任命文件] }
              - { by: 周蕾, result: nonconforming }
        """;

    private static AuditBuilder Audit(string kind = "initial") => new AuditBuilder().Kind(kind).Team(Team);

    private static int LineOf(string yaml, string text) =>
        yaml.Split('\n').Select((line, i) => (line, i)).First(l => l.line.Contains(text, StringComparison.Ordinal)).i + 1;

    [Fact]
    public void Assessor_by_and_assessments_are_read()
    {
        var yaml = Audit().Top("assessor: 陈思远").Item("5.1.1.2", "result: conforming\n    by: [王敏, 陈思远]").Item("5.1.1.1", ThreeWay).Yaml();

        var evidence = new EvidenceLoader().Parse(yaml, "a.yaml").Value!;

        evidence.Assessor.Should().Be("陈思远");
        evidence.Findings.Single(f => f.Item == "5.1.1.2").By.Should().Equal("王敏", "陈思远");
        var unresolved = evidence.Findings.Single(f => f.Item == "5.1.1.1");
        unresolved.IsUnresolved.Should().BeTrue();
        unresolved.Assessments.Select(a => a.By.Single()).Should().Equal("陈思远", "王敏", "周蕾");
        unresolved.Assessments[0].Points.Should().Be(1m);
        unresolved.Assessments[0].Note.Should().Be("分管领导未书面任命");
        unresolved.Assessments[1].Evidence.Should().Equal("任命文件");
        evidence.Findings.Single(f => f.Item == "5.1.1.2").IsUnresolved.Should().BeFalse();
    }

    [Fact]
    public void An_assessor_outside_the_team_is_an_error_at_the_name()
    {
        var yaml = Audit().Top("assessor: 陈思源").Item("5.1.1.2", "result: conforming\n    by: [王敏, 李四]").Yaml();

        var errors = AuditEngineFor(yaml).Errors.Where(d => d.Code == "SR3150").ToArray();

        errors.Should().HaveCount(2);
        errors[0].Location.Line.Should().Be(LineOf(yaml, "assessor:"));
        errors[0].MessageIn(Language.English).Should().Contain("'陈思源' is not a member of audit.team");
        errors[0].HintIn(Language.English).Should().Contain("陈思远");
        errors[1].Location.Line.Should().Be(LineOf(yaml, "by: [王敏, 李四]"));
        errors[1].MessageIn(Language.English).Should().Contain("'李四'");
    }

    [Fact]
    public void An_assessment_names_exactly_one_assessor_once()
    {
        var yaml = Audit("mock").Item("5.1.1.1", """
            assessments:
                  - { by: [王敏, 陈思远], result: conforming }
                  - { by: 周蕾, result: conforming }
                  - { by: 周蕾, result: nonconforming }
            """).Yaml();

        var codes = AuditEngineFor(yaml).Errors.Select(d => (d.Code, d.Location.Line)).ToArray();

        codes.Should().Contain(("SR3151", LineOf(yaml, "by: [王敏, 陈思远]")));
        codes.Should().Contain(("SR3153", LineOf(yaml, "by: 周蕾, result: nonconforming")));
    }

    [Theory]
    [InlineData("initial")]
    [InlineData("surveillance")]
    [InlineData("recertification")]
    public void A_formal_audit_with_an_unresolved_finding_is_refused_at_it(string kind)
    {
        var yaml = Audit(kind).Item("5.1.1.1", ThreeWay).Yaml();

        var result = AuditEngineFor(yaml);

        result.Succeeded.Should().BeFalse();
        var error = result.Errors.Should().ContainSingle().Subject;
        error.Code.Should().Be("SR3152");
        error.Location.Line.Should().Be(LineOf(yaml, "assessments:") - 1, "the error is at the finding, whose first line names the item");
        error.MessageIn(Language.English).Should().Be($"the 3 assessments of item 5.1.1.1 disagree and the team has not resolved them; this {kind} audit cannot be scored so");
    }

    [Fact]
    public void The_lead_resolves_by_writing_the_result_and_the_assessments_stay_as_the_record()
    {
        var yaml = Audit().Item("5.1.1.1", "result: partial\n    points: 1.5\n    by: [王敏, 陈思远, 周蕾]\n    " + ThreeWay).Yaml();

        var result = AuditEngineFor(yaml).GetValueOrThrow();

        // 100 − 2 + 1.5 = 99.5 of 100 applicable points.
        result.Score.Should().Be(99.5m);
        result.Notices.Should().NotContain(n => n.Code == "consensus");
    }

    [Theory]
    // lowest: 周蕾's nonconforming, 0 of 2 points → 98 of 100.
    [InlineData(ConsensusRule.Lowest, 98.0, "nonconforming")]
    // median of 0, 1, 2 points is 陈思远's partial 1 → 99.
    [InlineData(ConsensusRule.Median, 99.0, "partial")]
    // lead: 王敏's conforming → 100.
    [InlineData(ConsensusRule.Lead, 100.0, "conforming")]
    public void A_mock_audit_scores_an_unresolved_finding_by_the_consensus_rule_and_says_so(ConsensusRule rule, decimal score, string status)
    {
        var yaml = Audit("mock").Item("5.1.1.1", ThreeWay).Yaml();

        var result = new AuditEngine(Rubric.Default) { Consensus = rule }.Score(yaml, "mock.yaml").GetValueOrThrow();

        result.Score.Should().Be(score);
        EvidenceWords.Of(result.Items.Single(i => i.Item.Id == "5.1.1.1").Status).Should().Be(status);
        var notice = result.Notices.Single(n => n.Code == "consensus");
        var word = rule.ToString().ToLowerInvariant();
        notice.Text.ToString(Wording.English).Should().Contain($"(--consensus {word}): 5.1.1.1");
        notice.Text.ToString(Wording.Chinese).Should().Contain($"（--consensus {word}）：5.1.1.1");
    }

    [Fact]
    public void Median_of_an_even_number_is_the_lower_middle_and_lead_falls_back_to_lowest()
    {
        // 5.1.1.1 (2 points): 陈思远 2, 周蕾 0. No assessment by the lead 王敏.
        var yaml = Audit("self").Item("5.1.1.1", """
            assessments:
                  - { by: 陈思远, result: conforming }
                  - { by: 周蕾, result: nonconforming }
            """).Yaml();

        foreach (var rule in new[] { ConsensusRule.Median, ConsensusRule.Lead, ConsensusRule.Lowest })
        {
            new AuditEngine(Rubric.Default) { Consensus = rule }.Score(yaml, "self.yaml").GetValueOrThrow().Score.Should().Be(98.0m, rule.ToString());
        }
    }

    [Fact]
    public void Not_applicable_counts_only_when_every_assessor_says_so()
    {
        // 陈思远 excludes the item, 周蕾 gives 1 of 2: the applicable reading wins → 99 of 100.
        var mixed = Audit("mock").Item("5.1.1.1", """
            assessments:
                  - { by: 陈思远, result: not_applicable, reason: 无 }
                  - { by: 周蕾, result: partial, points: 1 }
            """).Yaml();
        new AuditEngine(Rubric.Default).Score(mixed, "m.yaml").GetValueOrThrow().Score.Should().Be(99.0m);

        var both = Audit("mock").Item("5.1.1.1", """
            assessments:
                  - { by: 陈思远, result: not_applicable, reason: 无 }
                  - { by: 周蕾, result: not_applicable, reason: 无 }
            """).Yaml();
        new AuditEngine(Rubric.Default).Score(both, "m.yaml").GetValueOrThrow().ApplicablePoints.Should().Be(98m);
    }

    [Fact]
    public void Each_assessment_is_checked_like_a_finding()
    {
        var yaml = Audit("mock").Item("5.1.1.1", """
            assessments:
                  - { by: 陈思远, result: partial }
                  - { by: 周蕾, result: partial, points: 3 }
                  - { by: 王敏 }
            """).Yaml();

        var codes = AuditEngineFor(yaml).Errors.Select(d => (d.Code, d.Location.Line)).ToArray();

        codes.Should().Contain(("SR3007", LineOf(yaml, "by: 陈思远")));
        codes.Should().Contain(("SR3008", LineOf(yaml, "points: 3")));
        codes.Should().Contain(("SR3006", LineOf(yaml, "by: 王敏 }")));
    }

    [Fact]
    public void An_assessment_cannot_name_an_item_or_hold_assessments()
    {
        var yaml = Audit("mock").Item("5.1.1.1", """
            assessments:
                  - { by: 陈思远, item: "5.1.1.2", result: conforming }
            """).Yaml();

        AuditEngineFor(yaml).Errors.Should().Contain(d => d.Code == "SR1101" && d.Location.Line == LineOf(yaml, "item: \"5.1.1.2\", result"));
    }

    private static LoadResult<AuditResult> AuditEngineFor(string yaml) => new AuditEngine(Rubric.Default).Score(yaml, "team.yaml");
}
