using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// Scoring with rubrics that are not the default: an overlay with a seven-star tier, the 1000-point GB/T 27925 rubric,
/// version pins in evidence, the choice of a built-in rubric by the evidence's <c>rubric:</c>, and comparisons of
/// audits scored under two versions or two rubrics of one family.
/// </summary>
public sealed class OverlayScoringTests
{
    private static readonly Rubric Acme = new RubricLoader().LoadFile(Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml")).GetValueOrThrow();
    private static readonly Rubric Brand = Rubric.BuiltIn("gbt27925-2011")!;

    [Fact]
    public void A_seven_star_overlay_scoring_97_or_more_grants_seven_stars()
    {
        var full = new AuditBuilder(Acme).ScoreOrThrow();
        var exactly97 = new AuditBuilder(Acme).Nonconforming("5.3.2.2").ScoreOrThrow();
        var below = new AuditBuilder(Acme).Nonconforming("5.3.2.2").Partial("5.1.1.1", 2.3m).ScoreOrThrow();

        full.Score.Should().Be(100m);
        full.Tier.Label.Zh.Should().Be("七星级");
        full.Tier.Stars.Should().Be(7);
        full.NextTier.Should().BeNull();
        exactly97.Score.Should().Be(97.0m);
        exactly97.Tier.Id.Should().Be("seven-star");
        below.Score.Should().Be(96.9m);
        below.Tier.Label.Zh.Should().Be("五星级", "the overlay moved five stars to 96");
        below.NextTier!.Id.Should().Be("seven-star");
        below.PointsToNextTier.Should().Be(0.1m);
    }

    [Fact]
    public void The_overlay_scores_with_its_own_points()
    {
        var result = new AuditBuilder(Acme).Nonconforming("5.1.1.1").ScoreOrThrow();

        result.Items.Single(i => i.Item.Id == "5.1.1.1").Lost.Should().Be(2.4m);
        result.Score.Should().Be(97.6m);
        result.Items.Should().NotContain(i => i.Item.Id == "5.3.1.5", "the overlay removed it");
        result.Rubric.Base!.Id.Should().Be("gbt27922-2011");
    }

    [Fact]
    public void Evidence_for_a_removed_item_is_refused_with_a_suggestion()
    {
        var yaml = new AuditBuilder(Acme).Yaml() + "  - item: \"5.3.1.5\"\n    result: conforming\n";

        var outcome = new AuditEngine(Acme).Score(yaml, "audit.yaml");

        outcome.Errors.Should().ContainSingle(d => d.Code == "SR3002").Which.Message.Should().Be("unknown check item '5.3.1.5'");
    }

    [Fact]
    public void A_thousand_point_rubric_scores_and_grades_on_its_own_scale()
    {
        var full = new AuditBuilder(Brand).Kind("surveillance").ScoreOrThrow();
        var twoStar = new AuditBuilder(Brand)
            .Nonconforming("5.2.3.1").Nonconforming("5.2.2.1").Nonconforming("5.3.1.1").Nonconforming("5.4.1.1").Nonconforming("5.4.2.1")
            .Nonconforming("5.1.1.1").Partial("5.5.1.1", 12.5m)
            .ScoreOrThrow();
        var notRated = new AuditBuilder(Brand).Indicator("5.2.3", "result: nonconforming").Indicator("5.2.2", "result: nonconforming").Indicator("5.3.1", "result: nonconforming").ScoreOrThrow();

        full.Score.Should().Be(1000m);
        full.Tier.Id.Should().Be("five-star");
        twoStar.EarnedPoints.Should().Be(1000m - 40 - 30 - 20 - 25 - 25 - 20 - 7.5m);
        twoStar.Score.Should().Be(832.5m);
        twoStar.Tier.Label.Zh.Should().Be("三星品牌");
        twoStar.NextTier!.Id.Should().Be("four-star");
        twoStar.PointsToNextTier.Should().Be(67.5m);
        notRated.Score.Should().Be(720m);
        notRated.Tier.Id.Should().Be("two-star");
        var atThreshold = new AuditBuilder(Brand).Indicator("5.2.3", "result: nonconforming").Indicator("5.2.2", "result: nonconforming").Indicator("5.2.1", "result: nonconforming");
        atThreshold.ScoreOrThrow().Should().Match<AuditResult>(r => r.Score == 700m && r.Tier.Id == "two-star", "700 itself reaches two stars");
        atThreshold.Indicator("5.3.1", "result: nonconforming").ScoreOrThrow()
            .Tier.Should().Match<Tier>(t => t.Id == "not-rated" && t.Stars == 0 && t.Rank == 0);
    }

    [Fact]
    public void The_gap_on_a_thousand_point_rubric_counts_points_of_that_scale()
    {
        var result = new AuditBuilder(Brand).Nonconforming("5.2.3.1").Nonconforming("5.2.3.4").ScoreOrThrow();

        var gap = AuditEngine.AnalyzeGap(result);

        result.Score.Should().Be(930m);
        gap.Target!.Id.Should().Be("five-star");
        gap.PointsMissing.Should().Be(20m);
        gap.Plan.Select(p => p.Item.Item.Id).Should().Equal("5.2.3.1");
        gap.Plan[0].ScoreGain.Should().Be(40m);
        gap.ProjectedScore.Should().Be(970m);
    }

    [Fact]
    public void A_special_deduction_without_points_takes_the_rubrics_default_and_no_bonus_is_allowed()
    {
        new AuditBuilder(Brand).Deduction().ScoreOrThrow().Score.Should().Be(990m);
        new AuditBuilder(Brand).Bonus(1m).Score().Errors.Should().Contain(d => d.Code == "SR3017");
    }

    [Theory]
    [InlineData("gbt27922-2011@2026.1", null)]
    [InlineData("gbt27922-2011", null)]
    [InlineData("gbt27922-2011@2025.2", "SR3200")]
    public void A_version_pin_warns_when_another_version_scores(string pin, string? code)
    {
        var yaml = new AuditBuilder().Yaml().Replace("rubric: gbt27922-2011\n", "rubric: " + pin + "\n", StringComparison.Ordinal);

        var outcome = AuditEngine.Default.Score(yaml, "pinned.yaml");

        outcome.Succeeded.Should().BeTrue();
        outcome.Diagnostics.Select(d => d.Code).Should().Equal(code is null ? [] : [code]);
        outcome.Value!.Warnings.Select(d => d.Code).Should().Equal(code is null ? [] : [code]);
        if (code is not null)
        {
            var warning = outcome.Diagnostics[0];
            warning.Location.Should().Be(new SourceLocation("pinned.yaml", 1, 9));
            warning.Message.Should().Be("the evidence is for version '2025.2' of rubric 'gbt27922-2011', but version '2026.1' is scoring it");
        }
    }

    [Fact]
    public void Strict_version_turns_the_pin_into_an_error_and_leaves_unpinned_evidence_alone()
    {
        var pinned = new AuditBuilder().Yaml().Replace("rubric: gbt27922-2011\n", "rubric: gbt27922-2011@2025.2\n", StringComparison.Ordinal);
        var strict = new AuditEngine(Rubric.Default) { StrictVersion = true };

        var refused = strict.Score(pinned, "pinned.yaml");

        refused.Succeeded.Should().BeFalse();
        refused.Errors.Should().ContainSingle().Which.Code.Should().Be("SR3201");
        strict.Score(new AuditBuilder().Yaml(), "unpinned.yaml").Succeeded.Should().BeTrue();
        AuditEngine.ScoreWithBuiltInRubric(System.Text.Encoding.UTF8.GetBytes(pinned), "pinned.yaml", strictVersion: true).Errors.Should().ContainSingle(d => d.Code == "SR3201");
    }

    [Theory]
    [InlineData("gbt27922-2011@")]
    [InlineData("@2026.1")]
    [InlineData("gbt 27922")]
    public void A_malformed_rubric_reference_is_an_error_at_its_value(string value)
    {
        var yaml = new AuditBuilder().Yaml().Replace("rubric: gbt27922-2011\n", "rubric: \"" + value + "\"\n", StringComparison.Ordinal);

        var outcome = AuditEngine.Default.Score(yaml, "bad.yaml");

        outcome.Errors.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "SR3202" && d.Location.Line == 1 && d.Location.Column == 9);
    }

    [Fact]
    public void An_overlay_id_pin_matches_the_overlay_and_not_its_base()
    {
        var yaml = new AuditBuilder(Acme).Yaml().Replace("rubric: acme-gbt27922\n", "rubric: acme-gbt27922@2026.1-acme.1\n", StringComparison.Ordinal);

        new AuditEngine(Acme).Score(yaml, "a.yaml").Diagnostics.Should().BeEmpty();
        AuditEngine.Default.Score(yaml, "a.yaml").Errors.Should().ContainSingle(d => d.Code == "SR3001");
    }

    [Fact]
    public void Evidence_is_scored_with_the_built_in_rubric_it_names()
    {
        var brand = AuditEngine.ScoreWithBuiltInRubric(System.Text.Encoding.UTF8.GetBytes(new AuditBuilder(Brand).Yaml()), "brand.yaml");
        var unnamed = AuditEngine.ScoreWithBuiltInRubric(System.Text.Encoding.UTF8.GetBytes(new AuditBuilder().Yaml().Replace("rubric: gbt27922-2011\n", "", StringComparison.Ordinal)), "plain.yaml");
        var overlay = AuditEngine.ScoreWithBuiltInRubric(System.Text.Encoding.UTF8.GetBytes(new AuditBuilder(Acme).Yaml()), "acme.yaml");

        brand.GetValueOrThrow().Rubric.Should().BeSameAs(Brand);
        unnamed.GetValueOrThrow().Rubric.Should().BeSameAs(Rubric.Default);
        overlay.Errors.Should().ContainSingle(d => d.Code == "SR3001", "an overlay is not built in: pass it to an engine");
    }

    [Fact]
    public void Comparing_audits_of_an_overlay_and_its_base_maps_items_by_id_and_says_which_changed()
    {
        var before = new AuditBuilder().Nonconforming("5.3.1.5").ScoreOrThrow();
        var after = new AuditBuilder(Acme).Kind("surveillance").ScoreOrThrow();

        var outcome = AuditEngine.Compare(before, after);

        outcome.Succeeded.Should().BeTrue();
        outcome.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == "SR3203" && d.Severity == DiagnosticSeverity.Warning);
        var comparison = outcome.Value!;
        comparison.RubricChanges.Should().NotBeNull();
        comparison.RubricChanges!.Changes.Should().Contain(new RubricChange(RubricPart.Item, "5.1.1.1", RubricChangeKind.Changed, "points", "2", "2.4"));
        var changed = comparison.ChangedItems.ToDictionary(c => c.Id);
        changed["5.1.1.1"].Should().Match<ItemChange>(c => c.RubricChanged && c.BeforePoints == 2m && c.AfterPoints == 2.4m && c.EarnedDelta == 0.4m);
        changed["5.2.4.6"].Should().Match<ItemChange>(c => c.RubricChanged && c.Before == null && c.BeforePoints == null && c.After == ItemStatus.Conforming);
        changed["5.3.1.5"].Should().Match<ItemChange>(c => c.RubricChanged && c.Before == ItemStatus.Nonconforming && c.After == null && c.AfterPoints == null);
        changed.Should().NotContainKey("5.1.2.1", "neither the rubric nor the result changed it");
        comparison.ChangedItems.Last().Id.Should().Be("5.3.1.5", "items only the earlier rubric has come last");
    }

    [Fact]
    public void One_audit_scored_under_two_versions_is_compared_without_the_same_file_or_wrong_order_warnings()
    {
        // The same evidence file under version 2026.1 and under a 2026.2 that changes an item's wording: what the
        // rubric change does to the audit, a comparison worth making (SR3024 says the versions differ).
        var text = System.Text.Encoding.UTF8.GetString(RubricLoader.BuiltInBytes("gbt27922-2011")!)
            .Replace("version: \"2026.1\"", "version: \"2026.2\"", StringComparison.Ordinal);
        var next = Rubric.Parse(text, "gbt27922-2011-2026.2.yaml").GetValueOrThrow();
        var path = Path.Combine(RepoPaths.Root, "samples", "02-three-star-regional-retailer.yaml");
        var before = new AuditEngine(Rubric.Default).ScoreFile(path).GetValueOrThrow();
        var after = new AuditEngine(next).ScoreFile(path).GetValueOrThrow();

        var outcome = AuditEngine.Compare(before, after);

        outcome.Diagnostics.Select(d => d.Code).Should().Equal(["SR3024"], "not SR3030 (the rubric differs) nor SR3029 (one audit's days)");

        // Under one rubric the same file is still compared with itself.
        AuditEngine.Compare(before, before).Diagnostics.Select(d => d.Code).Should().Equal("SR3030");
    }

    [Fact]
    public void Audits_of_unrelated_rubrics_do_not_compare()
    {
        var outcome = AuditEngine.Compare(new AuditBuilder().ScoreOrThrow(), new AuditBuilder(Brand).ScoreOrThrow());

        outcome.Succeeded.Should().BeFalse();
        outcome.Errors.Should().ContainSingle(d => d.Code == "SR3023");
    }

    [Fact]
    public void Audits_under_the_same_rubric_carry_no_rubric_changes()
    {
        var comparison = AuditEngine.Compare(new AuditBuilder(Acme).ScoreOrThrow(), new AuditBuilder(Acme).Nonconforming("5.1.1.2").ScoreOrThrow()).GetValueOrThrow();

        comparison.RubricChanges.Should().BeNull();
        comparison.ChangedItems.Select(c => c.Id).Should().Equal("5.1.1.2");
        comparison.ChangedItems[0].RubricChanged.Should().BeFalse();
    }
}
