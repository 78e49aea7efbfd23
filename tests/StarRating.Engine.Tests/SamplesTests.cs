using StarRating.Engine;

namespace StarRating.Engine.Tests;

/// <summary>
/// The audits under <c>samples/</c> are documentation users copy from: each must score with no diagnostic at all
/// and land on the tier its README promises.
/// </summary>
public sealed class SamplesTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "samples");

    public static TheoryData<string> Files => Golden.Cases(Folder, ".yaml");

    private static string[] FileNames => Directory.EnumerateFiles(Folder, "*.yaml").Select(f => Path.GetFileName(f)).ToArray();

    /// <summary>Scores a sample with the built-in rubric it names, as the tool does without --rubric.</summary>
    private static AuditResult Score(string fileName) =>
        AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Folder, fileName)).GetValueOrThrow();

    [Fact]
    public void There_are_at_least_six_samples()
    {
        FileNames.Should().HaveCountGreaterThanOrEqualTo(6);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Sample_scores_without_any_diagnostic(string fileName)
    {
        var outcome = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Folder, fileName));

        outcome.Diagnostics.Select(d => d.Format(includeHint: false)).Should().BeEmpty();
        outcome.Succeeded.Should().BeTrue();
        outcome.Value!.Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("01-five-star-appliance-maker.yaml", AuditKind.Initial, "five-star", "97.8")]
    [InlineData("02-three-star-regional-retailer.yaml", AuditKind.Recertification, "three-star", "85.2")]
    [InlineData("03-failing-small-service-company.yaml", AuditKind.Initial, "fail", "61.5")]
    [InlineData("04-no-delivery-no-takeback.yaml", AuditKind.Initial, "four-star", "93.1")]
    [InlineData("05-appliance-maker-surveillance-2027.yaml", AuditKind.Surveillance, "five-star", "99.4")]
    [InlineData("06-mock-self-assessment.yaml", AuditKind.Mock, "compliant", "75.8")]
    [InlineData("07-brand-evaluation-department-store.yaml", AuditKind.Initial, "four-star", "902.9")]
    public void Sample_reaches_its_documented_tier(string fileName, AuditKind kind, string tier, string score)
    {
        var result = Score(fileName);

        result.Audit.Kind.Should().Be(kind);
        result.Tier.Id.Should().Be(tier);
        result.ScoreTier.Id.Should().Be(tier, "no sample is held below its score tier by a grading condition");
        result.Score.Should().Be(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_sample_has_a_row_in_the_tier_table()
    {
        var documented = typeof(SamplesTests).GetMethod(nameof(Sample_reaches_its_documented_tier))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).Single()[0]);

        documented.Should().BeEquivalentTo(FileNames);
    }

    [Fact]
    public void Surveillance_sample_is_the_same_company_as_the_initial_audit()
    {
        var initial = Score("01-five-star-appliance-maker.yaml");
        var surveillance = Score("05-appliance-maker-surveillance-2027.yaml");

        surveillance.Company.Name.Should().Be(initial.Company.Name);
        surveillance.Company.CreditCode.Should().NotBeNullOrEmpty().And.Be(initial.Company.CreditCode);
        surveillance.Audit.Dates.Should().OnlyContain(d => d.Year == 2027 && d.Month >= 9);
        surveillance.Audit.Dates.Min().Should().BeAfter(initial.Audit.Dates.Max().AddYears(1));
    }

    [Fact]
    public void Surveillance_sample_compares_cleanly_with_the_initial_audit()
    {
        var comparison = AuditEngine.Compare(
            Score("01-five-star-appliance-maker.yaml"),
            Score("05-appliance-maker-surveillance-2027.yaml"));

        comparison.Diagnostics.Should().BeEmpty();
        var changes = comparison.GetValueOrThrow().ChangedItems.ToDictionary(c => c.Id, c => (c.Before, c.After));
        changes["5.1.3.2"].Should().Be((ItemStatus.Partial, ItemStatus.Conforming), "the expired calibration was closed");
        changes["5.3.2.2"].Should().Be((ItemStatus.Conforming, ItemStatus.Partial), "the new finding of the surveillance audit");
    }

    [Fact]
    public void Exclusions_sample_is_scored_on_the_rescaled_denominator()
    {
        var result = Score("04-no-delivery-no-takeback.yaml");

        result.ApplicablePoints.Should().Be(90m);
        result.Exclusions.Select(e => (e.Id, e.IsIndicator)).Should().BeEquivalentTo(new[] { ("5.2.3", true), ("5.2.6", true) });
        result.Exclusions.Should().OnlyContain(e => !string.IsNullOrWhiteSpace(e.Reason));
    }

    [Fact]
    public void Mock_sample_lists_its_unassessed_items()
    {
        var result = Score("06-mock-self-assessment.yaml");

        result.NotAssessed.Select(i => i.Item.Id).Should().Equal("5.1.6.3", "5.2.6.1", "5.2.6.2", "5.3.1.3");
        result.Notices.Select(n => n.Code).Should().Contain(["mock", "not-assessed"]);
    }

    [Fact]
    public void Brand_sample_is_scored_on_the_thousand_point_rubric_it_names()
    {
        var result = Score("07-brand-evaluation-department-store.yaml");

        result.Rubric.Id.Should().Be("gbt27925-2011");
        result.Evidence.RubricVersion.Should().Be(result.Rubric.Version, "the sample pins the version it was written for");
        result.PossiblePoints.Should().Be(1000m);
        result.ApplicablePoints.Should().Be(975m);
        result.EarnedPoints.Should().Be(880.31m);
        result.Tier.Label.Zh.Should().Be("四星品牌");
        result.NextTier!.MinScore.Should().Be(950m);
        result.PointsToNextTier.Should().Be(47.1m);
        result.Nonconformities.Count(n => n.Grade == NonconformityGrade.Minor).Should().Be(12, "the conclusion names 12 minor findings");
    }

    [Fact]
    public void Failing_sample_has_major_nonconformities_and_special_deductions()
    {
        var result = Score("03-failing-small-service-company.yaml");

        result.Nonconformities.Should().Contain(n => n.Kind == NonconformityKind.Item && n.Grade == NonconformityGrade.Major);
        result.Deductions.Should().HaveCount(2);
    }
}
