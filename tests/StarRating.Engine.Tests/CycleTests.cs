using FluentAssertions;
using StarRating.Rules;
using Xunit;

namespace StarRating.Engine.Tests;

/// <summary>
/// The certification cycle: a chain of audits followed through <c>previous:</c>, the status of each earlier
/// nonconformity, surveillance due dates, open majors, and every way a chain can be wrong.
/// </summary>
public sealed class CycleTests
{
    private static readonly string ChainFolder = Path.Combine(RepoPaths.Root, "samples", "chain");

    private static AuditResult ScoreChain(string name)
    {
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(ChainFolder, name));
        outcome.Diagnostics.Should().BeEmpty();
        return outcome.GetValueOrThrow();
    }

    /// <summary>A minimal formal audit of the default rubric: every indicator conforming unless <paramref name="findings"/> adds item findings.</summary>
    private static string Audit(string company = "测试电器有限公司", string kind = "surveillance", string dates = "[2027-05-10]", string? previous = null, string findings = "", string rubric = "gbt27922-2011", string extra = "")
    {
        var text = new System.Text.StringBuilder();
        text.Append("rubric: ").Append(rubric).Append('\n');
        text.Append("company: { name: ").Append(company).Append(" }\n");
        text.Append("audit:\n  kind: ").Append(kind).Append("\n  dates: ").Append(dates).Append("\n  team: [ { name: 王敏, role: lead } ]\n");
        if (previous is not null)
        {
            text.Append("  previous: ").Append(previous).Append('\n');
        }

        text.Append("findings:\n");
        foreach (var indicator in Rubric.Default.Indicators)
        {
            text.Append("  - { indicator: \"").Append(indicator.Id).Append("\", result: conforming }\n");
        }

        text.Append(findings).Append(extra);
        return text.ToString();
    }

    [Fact]
    public void Three_audit_chain_follows_each_nonconformity_to_closure()
    {
        var initial = ScoreChain("2026-initial.yaml");
        initial.Previous.Should().BeNull();
        initial.OpenMajors.Should().BeEmpty("NC-2026-01 is recorded verified");
        initial.DecisionTier!.Id.Should().Be("compliant");
        initial.Tier.Id.Should().Be("five-star", "the team recommends five stars; the body decided otherwise");
        initial.Surveillance.Should().Be(new SurveillanceSchedule(new DateOnly(2026, 4, 20), 12, null, false, new DateOnly(2027, 4, 20)));

        // Surveillance 1: the major on 5.2.4.3 conforms now (closed); 5.3.2.2 is graded minor again (repeated).
        var first = ScoreChain("2027-surveillance-1.yaml");
        first.Previous!.Source.Should().Be("2026-initial.yaml");
        first.Previous.Score.Should().Be(97.9m);
        first.Previous.TierId.Should().Be("five-star");
        first.Previous.Nonconformities.Select(n => (n.Id, n.Item, n.Grade, n.Status)).Should().Equal(
            ("NC-2026-01", "5.2.4.3", NonconformityGrade.Major, PreviousStatus.Closed),
            ("NC-2026-02", "5.3.2.2", NonconformityGrade.Minor, PreviousStatus.Repeated));
        first.Nonconformities.Single(n => n.Id == "5.3.2.2").Repeated.Should().BeTrue();
        first.Notices.Select(n => n.Code).Should().Contain("repeat-findings");
        first.Surveillance.Should().Be(new SurveillanceSchedule(new DateOnly(2026, 4, 20), 12, new DateOnly(2027, 4, 20), false, new DateOnly(2028, 4, 20)));

        // Surveillance 2: the repeat finding conforms now. Its record was still open past its due date (2027-05-08).
        var second = ScoreChain("2028-surveillance-2.yaml");
        second.Previous!.Score.Should().Be(99.7m);
        var repeat = second.Previous.Nonconformities.Should().ContainSingle().Subject;
        repeat.Should().Be(new PreviousNonconformity("NC-2027-01", "5.3.2.2", NonconformityGrade.Minor, PreviousStatus.Closed, CorrectionStatus.Open, new DateOnly(2027, 5, 8), true, ItemStatus.Conforming));
        second.Nonconformities.Should().OnlyContain(n => !n.Repeated, "5.1.2.2 is a new finding");
        second.Surveillance!.Due.Should().Be(new DateOnly(2028, 4, 20));
        second.Surveillance.Next.Should().Be(new DateOnly(2029, 4, 20));
    }

    [Fact]
    public void Nonconformity_not_reassessed_is_open_unless_verified()
    {
        using var folder = new TempFolder(
            ("initial.yaml", Audit(kind: "initial", dates: "[2026-05-10]", findings: """
                  - item: "5.1.1.1"
                    result: nonconforming
                    grade: major
                    nc: { id: NC-1, action: 补充职责, status: verified, verified_by: 王敏, verified_on: 2026-06-01 }
                  - item: "5.1.1.2"
                    result: nonconforming
                    grade: minor
                    nc: { id: NC-2, due: 2026-06-01 }
                """)),
            ("mock.yaml", Audit(kind: "mock", dates: "[2027-05-10]", previous: "initial.yaml").Replace("  - { indicator: \"5.1.1\", result: conforming }\n", "")));
        var result = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("mock.yaml")).GetValueOrThrow();
        result.Previous!.Nonconformities.Select(n => (n.Item, n.Status, n.Overdue)).Should().Equal(
            ("5.1.1.1", PreviousStatus.Closed, false),
            ("5.1.1.2", PreviousStatus.Open, true));
    }

    [Fact]
    public void Missing_previous_is_located_at_the_previous_key()
    {
        using var folder = new TempFolder(("s.yaml", Audit(previous: "nowhere.yaml")));
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s.yaml"));
        var error = outcome.Diagnostics.Should().ContainSingle(d => d.Code == "SR3120").Subject;
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        (error.Location.Line, error.Location.Column).Should().Be((7, 13), "line 7 is \"  previous: nowhere.yaml\"");
        outcome.Value.Should().BeNull();
    }

    [Fact]
    public void Cycle_of_previous_audits_is_an_error()
    {
        using var folder = new TempFolder(
            ("a.yaml", Audit(dates: "[2027-05-10]", previous: "b.yaml")),
            ("b.yaml", Audit(dates: "[2026-05-10]", previous: "a.yaml")));
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("a.yaml"));
        var cycle = outcome.Diagnostics.Should().Contain(d => d.Code == "SR3121").Subject;
        cycle.Location.File.Should().EndWith("b.yaml", "the previous: that closes the loop is in b.yaml");
        cycle.Message.Should().Contain("a.yaml → b.yaml → a.yaml");
        outcome.Diagnostics.Should().Contain(d => d.Code == "SR3126", "a.yaml's previous cannot be scored");
    }

    [Fact]
    public void Previous_audit_of_another_company_is_an_error()
    {
        using var folder = new TempFolder(
            ("initial.yaml", Audit(company: "别家电器有限公司", kind: "initial", dates: "[2026-05-10]")),
            ("s.yaml", Audit(previous: "initial.yaml")));
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s.yaml"));
        outcome.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3123");
        outcome.Value.Should().BeNull();
    }

    [Fact]
    public void Previous_audit_of_another_rubric_version_is_a_warning()
    {
        using var folder = new TempFolder(
            ("initial.yaml", Audit(kind: "initial", dates: "[2026-05-10]", rubric: "gbt27922-2011@2025.9")),
            ("s.yaml", Audit(previous: "initial.yaml")));
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s.yaml"));
        var warning = outcome.Diagnostics.Should().ContainSingle().Subject;
        (warning.Code, warning.Severity).Should().Be(("SR3125", DiagnosticSeverity.Warning));
        outcome.GetValueOrThrow().Previous!.RubricVersion.Should().Be("2025.9");
    }

    [Fact]
    public void Previous_audit_for_another_rubric_is_an_error()
    {
        using var folder = new TempFolder(
            ("initial.yaml", Audit(kind: "initial", dates: "[2026-05-10]").Replace("rubric: gbt27922-2011", "rubric: gbt27925-2011")),
            ("s.yaml", Audit(previous: "initial.yaml")));
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3124");
    }

    [Fact]
    public void Chain_is_followed_to_the_depth_limit()
    {
        using var folder = new TempFolder(
            ("a.yaml", Audit(kind: "initial", dates: "[2024-05-10]")),
            ("b.yaml", Audit(dates: "[2025-05-10]", previous: "a.yaml")),
            ("c.yaml", Audit(dates: "[2026-05-10]", previous: "b.yaml")),
            ("d.yaml", Audit(dates: "[2027-05-10]", previous: "c.yaml")));
        new AuditEngine(Rubric.Default) { MaxPreviousDepth = 3 }.ScoreFile(folder.File("d.yaml")).Diagnostics.Should().BeEmpty();
        var outcome = new AuditEngine(Rubric.Default) { MaxPreviousDepth = 2 }.ScoreFile(folder.File("d.yaml"));
        outcome.Diagnostics.Should().Contain(d => d.Code == "SR3122" && d.Location.File.EndsWith("b.yaml", StringComparison.Ordinal));
        new AuditEngine(Rubric.Default) { FollowPrevious = false }.ScoreFile(folder.File("d.yaml")).GetValueOrThrow().Previous.Should().BeNull();
    }

    [Theory]
    [InlineData("../outside.yaml")]
    [InlineData("/etc/passwd")]
    public void Previous_outside_the_folder_is_refused(string path)
    {
        using var folder = new TempFolder(("s.yaml", Audit(previous: path)));
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3129");
    }

    [Fact]
    public void Previous_audit_must_come_first_and_surveillance_must_be_on_time()
    {
        using var folder = new TempFolder(
            ("initial.yaml", Audit(kind: "initial", dates: "[2026-05-10]")),
            ("late.yaml", Audit(dates: "[2027-06-01]", previous: "initial.yaml")),
            ("early.yaml", Audit(dates: "[2026-05-10]", previous: "initial.yaml")));
        var late = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("late.yaml"));
        late.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3113", "due on 2027-05-10, begun 2027-06-01");
        late.GetValueOrThrow().Surveillance!.Overdue.Should().BeTrue();
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("early.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3127");
    }

    [Fact]
    public void Open_major_is_a_notice_and_withholds_the_tier_only_when_the_rubric_says_so()
    {
        var yaml = Audit(kind: "initial", dates: "[2026-05-10]", findings: """
              - item: "5.1.1.1"
                result: nonconforming
                grade: major
                nc: { id: NC-1, action: 补充, status: corrected }
            """);
        var plain = AuditEngine.Default.Score(yaml, "a.yaml").GetValueOrThrow();
        plain.OpenMajors.Should().Equal("5.1.1.1");
        plain.Notices.Should().Contain(n => n.Code == "major-nonconformities-open");
        plain.Tier.Id.Should().Be("five-star");

        var text = System.Text.Encoding.UTF8.GetString(RubricLoader.BuiltInBytes("gbt27922-2011")!)
            .Replace("  max_special_deductions: 4", "  max_special_deductions: 4\n  withhold_tier_on_open_major: true", StringComparison.Ordinal);
        var strict = Rubric.Parse(text, "strict.yaml").GetValueOrThrow();
        strict.Scoring.WithholdTierOnOpenMajor.Should().BeTrue();
        var withheld = new AuditEngine(strict).Score(yaml, "a.yaml").GetValueOrThrow();
        withheld.Tier.Id.Should().Be("fail");
        withheld.TierBlocks.Should().HaveCount(4).And.OnlyContain(b => b.Items.SequenceEqual(new[] { "5.1.1.1" }));

        var verified = yaml.Replace("status: corrected", "status: verified, verified_by: 王敏, verified_on: 2026-06-01", StringComparison.Ordinal);
        new AuditEngine(strict).Score(verified, "a.yaml").GetValueOrThrow().Tier.Id.Should().Be("five-star");
    }
}
