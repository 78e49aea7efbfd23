using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// Issue 13, items 11, 14 and 15: figures an auditor checks by hand, the lead auditor in any of its spellings, and
/// English grammar in what the engine says. Each failed on the code before the vocabulary (2026-12).
/// </summary>
public sealed class ReportFiguresTests
{
    [Fact]
    public void Percentages_come_from_the_exact_points_not_the_rounded_ones()
    {
        // 5.1.2 has four items of 1.5 points: 1.5 × 2/9 + 1.5 + 1.5 + 0 = 3⅓ of 6 points. A calculator gives 55.6 %;
        // the 3.33 points shown would give 55.5 %.
        var result = new AuditBuilder()
            .Sample("5.1.2.1", 9, 2)
            .Nonconforming("5.1.2.4")
            .ScoreOrThrow();
        var indicator = result.Indicators.Single(i => i.Indicator.Id == "5.1.2");

        indicator.Items.Select(i => i.Item.Points).Should().Equal(1.5m, 1.5m, 1.5m, 1.5m);
        indicator.Earned.Should().Be(3.33m);
        indicator.Percent.Should().Be(55.6m);
        result.Categories[0].Percent.Should().Be(Math.Round((40m - 1.5m - 1.5m + (1.5m * 2 / 9)) / 40 * 100, 1, MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void The_formula_of_the_failing_sample_adds_up_on_a_calculator()
    {
        var result = AuditEngine.Default.ScoreFile(Path.Combine(RepoPaths.Root, "samples", "03-failing-small-service-company.yaml")).GetValueOrThrow();
        var f = result.Formula;

        // Before: "62.58 ÷ 98.5 × 100 = 63.5364" (a calculator gives 63.533); now every printed step is what a calculator gives.
        (f.Earned, f.Applicable, f.ItemScore, f.ItemScoreRounded, f.Sum, f.Score).Should().Be((62.58m, 98.5m, 63.533m, true, 61.533m, 61.5m));
        result.ItemScore.Should().Be(63.5364m, "the engine keeps its exact value");
    }

    [Theory]
    [InlineData("lead")]
    [InlineData("Lead")]
    [InlineData(" LEAD ")]
    [InlineData("组长")]
    [InlineData("审核组长")]
    [InlineData("审查组长")]
    [InlineData("lead auditor")]
    public void Every_spelling_of_the_lead_auditor_is_one_role(string written)
    {
        var evidence = new AuditBuilder().Yaml().Replace("role: lead", "role: \"" + written + "\"", StringComparison.Ordinal);

        var result = AuditEngine.Default.Score(evidence, "lead.yaml").GetValueOrThrow();

        result.Audit.Team[0].Role.Should().Be("lead");
        result.Audit.Team[0].IsLead.Should().BeTrue();
        result.Warnings.Should().NotContain(w => w.Code == "SR3022", "the team has its lead");
    }

    [Theory]
    [InlineData("组员", "member")]
    [InlineData("审查员", "member")]
    [InlineData("技术专家", "expert")]
    [InlineData("实习审核员", "trainee")]
    [InlineData("质量顾问", "质量顾问")]
    public void Other_roles_are_normalised_when_known_and_kept_as_written_otherwise(string written, string role)
    {
        new TeamMember { Name = "李强", Role = written }.Role.Should().Be(role);
    }

    [Fact]
    public void English_says_an_initial_audit_and_one_point()
    {
        var missing = new AuditBuilder().Kind("initial").Skip("5.1.1.1").Score();
        missing.Errors.Single().Hint.Should().StartWith("An initial audit must assess");

        var oneItem = new AuditBuilder().Nonconforming("5.2.4.5").ScoreOrThrow();
        oneItem.Items.Single(i => i.Item.Id == "5.2.4.5").Explanation.En.Should().Be("Nonconforming: 1 point lost.");

        var notAssessed = new AuditBuilder().Kind("mock").Skip("5.2.4.5").ScoreOrThrow();
        notAssessed.Notices.Single(n => n.Code == "not-assessed").Text.En.Should().Be("1 check item was not assessed and counts as 0; the score may rise once it is.");

        var bonus = new AuditBuilder().Bonus(1.5m).Score();
        bonus.Errors.Single(e => e.Code == "SR3018").Hint.Should().Be("Give the bonus at most 1 point.");
    }
}
