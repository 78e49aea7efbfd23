using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

public sealed class GapAnalysisTests
{
    [Fact]
    public void Ranks_lost_points_by_score_gain_and_finds_the_fewest_items_to_the_next_tier()
    {
        // Lost: 5.3.2 indicator (13) nonconforming, 5.2.4.4 (1.5) nonconforming, 5.1.1.1 (2) nonconforming.
        // Score 83.5 (three-star); four-star needs 90 → 6.5 more: fixing 5.3.2.2 (3) + 5.3.2.3 (3) = 89.5, not enough;
        // the plan takes 5.3.2.2, 5.3.2.3, 5.3.2.5 (3 each) = 92.5 → three items, the minimum.
        var result = new AuditBuilder()
            .Indicator("5.3.2", "result: nonconforming")
            .Nonconforming("5.2.4.4")
            .Nonconforming("5.1.1.1")
            .ScoreOrThrow();

        var gap = AuditEngine.AnalyzeGap(result);

        result.Score.Should().Be(83.5m);
        gap.Target!.Id.Should().Be("four-star");
        gap.PointsMissing.Should().Be(6.5m);
        gap.Ranked.Select(g => (g.Item.Item.Id, g.ScoreGain)).Should().Equal(
            ("5.3.2.2", 3m), ("5.3.2.3", 3m), ("5.3.2.5", 3m),
            ("5.1.1.1", 2m), ("5.3.2.1", 2m), ("5.3.2.4", 2m), ("5.2.4.4", 1.5m));
        gap.Plan.Select(g => g.Item.Item.Id).Should().Equal("5.3.2.2", "5.3.2.3", "5.3.2.5");
        gap.ProjectedScore.Should().Be(92.5m);
        gap.Reachable.Should().BeTrue();
    }

    [Fact]
    public void Gains_are_rescaled_when_items_are_excluded()
    {
        // 94 applicable: fixing a 2-point item adds 2 × 100/94 = 2.13 score points.
        var result = new AuditBuilder()
            .Indicator("5.2.3", "result: not_applicable\n    reason: 不配送")
            .Nonconforming("5.1.1.1")
            .ScoreOrThrow();

        AuditEngine.AnalyzeGap(result, Rubric.Default.FindTier("five-star")).Ranked.Single().ScoreGain.Should().Be(2.13m);
    }

    [Fact]
    public void Prerequisites_of_the_target_come_first()
    {
        // Dial: 94.0 with D.1.2 nonconforming → four-star. Five-star requires D.1.2: fixing it (+1) gives 95.0.
        var result = new AuditBuilder(TestRubrics.Dial).Partial("D.1.1", 94m).Nonconforming("D.1.2").ScoreOrThrow();

        var gap = AuditEngine.AnalyzeGap(result);

        gap.Target!.Id.Should().Be("five-star");
        gap.Plan.Select(g => (g.Item.Item.Id, g.Prerequisite)).Should().Equal(("D.1.2", true));
        gap.ProjectedScore.Should().Be(95.0m);
    }

    [Fact]
    public void Says_when_deductions_make_the_target_unreachable()
    {
        // Dial at 97 with three 1-point deductions → 94.0 four-star. Fixing everything gives 100 − 3 = 97 → five-star is
        // reachable; with seven deductions (over the cap of 4) no grade is possible at all.
        var builder = TestRubrics.At(97m);
        for (var i = 0; i < 7; i++)
        {
            builder.Deduction(1m);
        }

        var gap = AuditEngine.AnalyzeGap(builder.ScoreOrThrow());

        gap.Target!.Id.Should().Be("compliant");
        gap.Reachable.Should().BeFalse();
        gap.Blockers.Should().ContainSingle().Which.Zh.Should().Contain("特别扣分项 7 项");
    }

    [Fact]
    public void Says_when_even_fixing_everything_falls_short()
    {
        // Dial at 60 with 4 deductions of 2 → 52 fail; fixing everything: 100 − 8 = 92, four-star reachable but not five.
        var builder = TestRubrics.At(60m);
        for (var i = 0; i < 4; i++)
        {
            builder.Deduction(2m);
        }

        var gap = AuditEngine.AnalyzeGap(builder.ScoreOrThrow(), TestRubrics.Dial.FindTier("five-star"));

        gap.Reachable.Should().BeFalse();
        gap.ProjectedScore.Should().Be(92.0m);
        gap.Blockers.Should().ContainSingle().Which.En.Should().Contain("reaches only 92");
    }

    [Fact]
    public void At_the_top_tier_there_is_nothing_to_reach()
    {
        var gap = AuditEngine.AnalyzeGap(new AuditBuilder().ScoreOrThrow());

        gap.Target.Should().BeNull();
        gap.Plan.Should().BeEmpty();
        gap.Reachable.Should().BeTrue();
    }
}

public sealed class ComparisonTests
{
    [Fact]
    public void Gives_per_indicator_deltas_and_the_tier_change()
    {
        var initial = new AuditBuilder().Indicator("5.3.2", "result: nonconforming").Nonconforming("5.1.1.1").ScoreOrThrow();
        var surveillance = new AuditBuilder().Kind("surveillance").Nonconforming("5.3.2.4").ScoreOrThrow();

        var comparison = AuditEngine.Compare(initial, surveillance).GetValueOrThrow();

        initial.Score.Should().Be(85.0m);
        surveillance.Score.Should().Be(98.0m);
        comparison.ScoreDelta.Should().Be(13.0m);
        comparison.TierChange.Should().Be(2);
        var complaints = comparison.Indicators.Single(i => i.Id == "5.3.2");
        (complaints.BeforeEarned, complaints.AfterEarned, complaints.EarnedDelta, complaints.PercentDelta).Should().Be((0m, 11m, 11m, 84.6m));
        comparison.Indicators.Single(i => i.Id == "5.1.1").EarnedDelta.Should().Be(2m);
        comparison.Indicators.Single(i => i.Id == "5.2.1").EarnedDelta.Should().Be(0m);
        comparison.ChangedItems.Select(c => c.Id).Should().Equal("5.1.1.1", "5.3.2.1", "5.3.2.2", "5.3.2.3", "5.3.2.5");
    }

    [Fact]
    public void Refuses_results_of_different_rubrics()
    {
        var a = new AuditBuilder().ScoreOrThrow();
        var b = TestRubrics.At(90m).ScoreOrThrow();

        var comparison = AuditEngine.Compare(a, b);

        comparison.Succeeded.Should().BeFalse();
        comparison.Errors.Single().Code.Should().Be("SR3023");
    }
}

public sealed class ConcurrencyTests
{
    [Fact]
    public void Scoring_from_eight_threads_gives_identical_results()
    {
        var yaml = new AuditBuilder()
            .Sample("5.3.2.2", 19, 17)
            .Partial("5.1.4.4", 0.7m)
            .Indicator("5.2.6", "result: not_applicable\n    reason: 不适用")
            .Deduction()
            .Yaml();
        var engine = new AuditEngine(Rubric.Default);
        var serial = ResultDump.Render(engine.Score(yaml, "e.yaml"));

        var parallel = new string[64];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            parallel[i] = ResultDump.Render(engine.Score(yaml, "e.yaml"));
        });

        parallel.Should().OnlyContain(p => p == serial);
        serial.Should().StartWith("score ");
    }
}

public sealed class EnginePublicApiTests
{
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        PublicApi.Approve(typeof(AuditEngine).Assembly, Golden.Folder("PublicApi/StarRating.Engine.approved.txt"));
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        typeof(AuditEngine).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName)
            .Should().BeEmpty();
    }

    [Fact]
    public void Scoring_code_never_uses_floating_point()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => f.Contains("StarRating.Engine", StringComparison.Ordinal) || f.Contains("StarRating.Rules", StringComparison.Ordinal));

        foreach (var file in sources)
        {
            var text = File.ReadAllText(file);
            text.Should().NotMatchRegex(@"\b(double|float|Single|Double)\b", file);
        }
    }
}

public sealed class MoreDiagnosticsTests
{
    [Fact]
    public void Comparing_across_rubric_versions_warns()
    {
        var text = System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes()).Replace("version: \"2026.1\"", "version: \"2027.1\"", StringComparison.Ordinal);
        var revised = Rubric.Parse(text, "gbt27922-2027.yaml").GetValueOrThrow();
        var before = new AuditBuilder().ScoreOrThrow();
        var after = new AuditBuilder(revised).Kind("surveillance").ScoreOrThrow();

        var comparison = AuditEngine.Compare(before, after);

        comparison.Succeeded.Should().BeTrue();
        var warning = comparison.Diagnostics.Should().ContainSingle().Subject;
        warning.Code.Should().Be("SR3024");
        warning.Severity.Should().Be(DiagnosticSeverity.Warning);
        warning.Message.Should().StartWith("the two audits used different versions of rubric 'gbt27922-2011' (2026.1 ");
    }

    [Fact]
    public void Lists_longer_than_the_limit_are_refused()
    {
        var engine = new AuditEngine(Rubric.Default, InputLimits.Default with { MaxListEntries = 3 });

        var outcome = engine.Score(new AuditBuilder().Kind("mock").Yaml(), "long.yaml");

        outcome.Errors.Select(e => (e.Code, e.Message)).Should().Contain(("SR1112", "'findings' has 54 entries, over the limit of 3"));
    }
}

public sealed class RubricVariantTests
{
    private static Rubric Variant(Func<string, string> edit) =>
        Rubric.Parse(edit(System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes())), "variant.yaml").GetValueOrThrow();

    [Fact]
    public void A_zero_point_bonus_cap_allows_no_bonus()
    {
        var rubric = Variant(t => t.Replace("  max_bonus: 1\n", "  max_bonus: 0\n", StringComparison.Ordinal));

        var outcome = new AuditBuilder(rubric).Bonus(0.5m).Score();

        outcome.Errors.Select(e => e.Message).Should().Contain("bonuses given: 1; the rubric allows at most 0");
    }

    [Fact]
    public void Provisional_points_are_noticed_even_without_a_note()
    {
        var rubric = Variant(t => t[..t.IndexOf("provisional:\n  zh:", StringComparison.Ordinal)] + t[t.IndexOf("scoring:", StringComparison.Ordinal)..]);

        rubric.ProvisionalNote.Should().BeNull();
        var notice = new AuditBuilder(rubric).ScoreOrThrow().Notices.Single(n => n.Code == "provisional-points");
        notice.Text.En.Should().StartWith("The indicator points used in this report are provisional");
    }

    [Fact]
    public void The_rubric_keeps_its_description()
    {
        Rubric.Default.Description!.Zh.Should().StartWith("按 GB/T 27922-2011");
    }
}
