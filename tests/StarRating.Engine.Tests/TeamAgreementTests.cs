using StarRating.Engine;
using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>Agreement statistics, checked against values worked out by hand (each in the comment above it).</summary>
public sealed class TeamAgreementTests
{
    private static Finding Rated(string by, FindingResult result, decimal? points = null) => new() { By = [by], Result = result, Points = points };

    private static Finding Item(string id, params Finding[] assessments) =>
        new() { Item = id, By = assessments.Select(a => a.By[0]).ToArray(), Assessments = assessments };

    private static AuditEvidence Audit(string name, params Finding[] findings) => new()
    {
        Company = new Company { Name = "测试" },
        Audit = new AuditInfo { Kind = AuditKind.Initial },
        Findings = findings,
        SourceName = name,
    };

    private const FindingResult C = FindingResult.Conforming;
    private const FindingResult P = FindingResult.Partial;
    private const FindingResult N = FindingResult.Nonconforming;

    /// <summary>
    /// Three assessors (王敏 W, 陈思远 S, 周蕾 Z) on four items of indicator 5.1.1 and 5.1.2:
    /// I1 C C C · I2 C C N · I3 N N N · I4 C P N.
    /// </summary>
    private static AuditEvidence ThreeRaters() => Audit(
        "a.yaml",
        Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", C), Rated("周蕾", C)),
        Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", C), Rated("周蕾", N)),
        Item("5.1.2.1", Rated("王敏", N), Rated("陈思远", N), Rated("周蕾", N)),
        Item("5.1.2.2", Rated("王敏", C), Rated("陈思远", P, 1m), Rated("周蕾", N)));

    [Fact]
    public void Two_raters_two_items_kappa_is_minus_one_third()
    {
        // I1: C C (P1 = 1); I2: C N (P2 = 0); P̄ = 1/2. p_C = 3/4, p_N = 1/4; P̄e = 9/16 + 1/16 = 5/8.
        // κ = (1/2 − 5/8) / (1 − 5/8) = (−1/8) / (3/8) = −1/3.
        var audit = Audit("a.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", C)), Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", N)));

        var overall = TeamAgreement.Of([audit], Rubric.Default).Overall;

        overall.ExactKappa.Should().Be(Rational.Ratio(-1, 3));
        overall.Kappa.Should().Be(-0.333m);
        (overall.Items, overall.Alike, overall.AlikePercent).Should().Be((2, 1, 50.0m));
        overall.Gap.Should().Be(AgreementGap.None);
    }

    [Fact]
    public void Exact_fractions_read_the_same_in_every_culture()
    {
        // Swedish writes negative numbers with U+2212; the fractions of reports and JSON must not follow the machine.
        var swedish = System.Globalization.CultureInfo.GetCultureInfo("sv-SE");
        swedish.NumberFormat.NegativeSign.Should().Be("\u2212", "the test needs a culture whose minus sign is not the hyphen");
        var audit = Audit("a.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", C)), Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", N)));
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = swedish;
            var overall = TeamAgreement.Of([audit], Rubric.Default).Overall;

            (overall.KappaFraction, overall.ExpectedFraction).Should().Be(("-1/3", "5/8"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Three_raters_four_items_kappa_is_11_over_41()
    {
        // P_i = Σ n_ij(n_ij − 1) / (3·2): I1 6/6 = 1, I2 (2 + 0)/6 = 1/3, I3 1, I4 0; P̄ = (7/3)/4 = 7/12.
        // Ratings: C 6, N 5, P 1 of 12; P̄e = (36 + 25 + 1)/144 = 31/72.
        // κ = (7/12 − 31/72) / (1 − 31/72) = (11/72) / (41/72) = 11/41 ≈ 0.268. Alike: I1 and I3, 2 of 4.
        var overall = TeamAgreement.Of([ThreeRaters()], Rubric.Default).Overall;

        overall.ExactKappa.Should().Be(Rational.Ratio(11, 41));
        overall.Kappa.Should().Be(0.268m);
        overall.ExactShare.Should().Be(Rational.Ratio(1, 2));
        overall.AlikePercent.Should().Be(50.0m);
    }

    [Fact]
    public void The_figures_carry_what_checking_kappa_by_hand_needs()
    {
        // The same four items: P_i 1, 1/3, 1, 0 (in the order rated); C 6, P 1, N 5 of 12; Po = 7/12, Pe = 31/72.
        var overall = TeamAgreement.Of([ThreeRaters()], Rubric.Default).Overall;

        overall.ItemAgreementFractions.Should().Equal("1", "1/3", "1", "0");
        overall.Categories.Select(c => (c.Category, c.Count)).Should().Equal((ItemStatus.Conforming, 6), (ItemStatus.Partial, 1), (ItemStatus.Nonconforming, 5));
        overall.Ratings.Should().Be(12);
        (overall.ObservedFraction, overall.ExpectedFraction, overall.KappaFraction, overall.AlikeFraction).Should().Be(("7/12", "31/72", "11/41", "1/2"));
    }

    [Fact]
    public void Disagreements_are_the_items_not_rated_alike_in_evidence_order()
    {
        var agreement = TeamAgreement.Of([ThreeRaters()], Rubric.Default);

        agreement.Disagreements.Select(d => (d.Target, d.Resolved, d.Assessments.Count)).Should().Equal(("5.1.1.2", false, 3), ("5.1.2.2", false, 3));
        agreement.Assessors.Should().Equal("王敏", "陈思远", "周蕾");
        agreement.Pooled.Should().BeEmpty();
    }

    [Fact]
    public void A_resolved_finding_still_counts_its_assessments_and_is_listed_as_resolved()
    {
        // The lead wrote the team's result into 5.1.1.2 (C C N): the assessments are still the ratings.
        var audit = ThreeRaters();
        var resolved = audit with { Findings = audit.Findings.Select(f => f.Item == "5.1.1.2" ? f with { Result = P, Points = 1m } : f).ToArray() };

        var agreement = TeamAgreement.Of([resolved], Rubric.Default);

        agreement.Overall.ExactKappa.Should().Be(Rational.Ratio(11, 41), "resolving changes the team's finding, not what the assessors rated");
        agreement.Disagreements.Select(d => (d.Target, d.Resolved)).Should().Equal(("5.1.1.2", true), ("5.1.2.2", false));
        agreement.Disagreements[0].Finding.Result.Should().Be(P);
    }

    [Fact]
    public void An_audit_is_a_teams_when_its_findings_name_two_assessors()
    {
        var alone = Audit("a.yaml", new Finding { Item = "5.1.1.1", By = ["王敏"], Result = C }, new Finding { Item = "5.1.1.2", Result = C });
        var split = Audit("a.yaml", new Finding { Item = "5.1.1.1", By = ["王敏"], Result = C }, new Finding { Item = "5.1.1.2", By = ["陈思远"], Result = C });

        TeamAgreement.OfTeamAudit(alone, Rubric.Default).Should().BeNull();
        TeamAgreement.OfTeamAudit(split, Rubric.Default)!.Overall.Gap.Should().Be(AgreementGap.NoPairs);
        TeamAgreement.OfTeamAudit(ThreeRaters(), Rubric.Default)!.Overall.KappaFraction.Should().Be("11/41");
    }

    [Fact]
    public void Per_indicator_figures_use_only_its_items()
    {
        var indicators = TeamAgreement.Of([ThreeRaters()], Rubric.Default).Indicators;

        indicators.Select(i => i.Id).Should().Equal("5.1.1", "5.1.2");
        // 5.1.1: I1 C C C (1), I2 C C N (1/3); P̄ = 2/3. C 5, N 1 of 6: P̄e = 25/36 + 1/36 = 26/36 = 13/18.
        // κ = (2/3 − 13/18) / (1 − 13/18) = (−1/18) / (5/18) = −1/5.
        indicators[0].Figures.ExactKappa.Should().Be(Rational.Ratio(-1, 5));
        indicators[0].Figures.AlikePercent.Should().Be(50.0m);
        // 5.1.2: I3 N N N (1), I4 C P N (0); P̄ = 1/2. N 4, C 1, P 1 of 6: P̄e = 16/36 + 1/36 + 1/36 = 1/2.
        // κ = (1/2 − 1/2) / (1/2) = 0.
        indicators[1].Figures.ExactKappa.Should().Be(Rational.Zero);
    }

    [Fact]
    public void Per_pair_figures_compare_two_assessors_on_the_items_both_rated()
    {
        var pairs = TeamAgreement.Of([ThreeRaters()], Rubric.Default).Pairs;

        // Ordered by name (ordinal): 周蕾 < 王敏 < 陈思远.
        pairs.Select(p => (p.First, p.Second)).Should().Equal(("周蕾", "王敏"), ("周蕾", "陈思远"), ("王敏", "陈思远"));
        // 王敏 and 陈思远: C C · C C · N N · C P → P̄ = 3/4; C 5, N 2, P 1 of 8: P̄e = (25 + 4 + 1)/64 = 15/32.
        // κ = (3/4 − 15/32) / (17/32) = (9/32) / (17/32) = 9/17. Alike 3 of 4.
        var pair = pairs[2].Figures;
        pair.ExactKappa.Should().Be(Rational.Ratio(9, 17));
        pair.AlikePercent.Should().Be(75.0m);
        // 周蕾 and 王敏: C C · N C · N N · N C → P̄ = 2/4 = 1/2; C 4, N 4 of 8: P̄e = 1/2; κ = 0.
        pairs[0].Figures.ExactKappa.Should().Be(Rational.Zero);
    }

    [Fact]
    public void One_category_only_leaves_kappa_undefined_and_says_why()
    {
        // Every rating conforming: P̄ = 1 and P̄e = 1, κ = 0/0.
        var audit = Audit("a.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", C)), Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", C), Rated("周蕾", C)));

        var overall = TeamAgreement.Of([audit], Rubric.Default).Overall;

        overall.Kappa.Should().BeNull();
        overall.Gap.Should().Be(AgreementGap.OneCategory);
        overall.AlikePercent.Should().Be(100.0m);
    }

    [Fact]
    public void One_assessor_per_item_has_no_pairs()
    {
        var audit = Audit("a.yaml", new Finding { Item = "5.1.1.1", By = ["王敏"], Result = C }, new Finding { Item = "5.1.1.2", By = ["陈思远"], Result = N });

        var agreement = TeamAgreement.Of([audit], Rubric.Default);

        (agreement.Overall.Items, agreement.Overall.Kappa, agreement.Overall.AlikePercent, agreement.Overall.Gap).Should().Be((0, (decimal?)null, (decimal?)null, AgreementGap.NoPairs));
        agreement.Indicators.Should().BeEmpty();
        agreement.Pairs.Should().BeEmpty();
        agreement.Spreads.Should().BeEmpty();
    }

    [Fact]
    public void A_finding_agreed_without_assessments_counts_each_assessor_in_by()
    {
        // by: [王敏, 陈思远] with one result: one item rated alike by two.
        var audit = Audit("a.yaml", new Finding { Item = "5.1.1.1", By = ["王敏", "陈思远"], Result = C }, Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", N)));

        var overall = TeamAgreement.Of([audit], Rubric.Default).Overall;

        overall.ExactKappa.Should().Be(Rational.Ratio(-1, 3), "the same two items as the two-rater case");
    }

    [Fact]
    public void Spreads_are_listed_largest_first_and_flagged_above_the_rubric_threshold()
    {
        // 5.1.1.1 is worth 2 points: 2 vs 0 = spread 2 > 1 (flagged). 5.1.2.2 (1.5): 1.5, 1, 0 = spread 1.5 (flagged).
        // 5.1.1.2 (1.5): 1.5 vs 1 = 0.5, not flagged.
        var audit = Audit(
            "a.yaml",
            Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", N)),
            Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", P, 1m)),
            Item("5.1.2.2", Rated("王敏", C), Rated("陈思远", P, 1m), Rated("周蕾", N)));

        var agreement = TeamAgreement.Of([audit], Rubric.Default);

        agreement.Threshold.Should().Be(1m);
        agreement.Spreads.Select(s => (s.Target, s.Spread, s.Flagged)).Should().Equal(("5.1.1.1", 2m, true), ("5.1.2.2", 1.5m, true), ("5.1.1.2", 0.5m, false));
        agreement.Spreads[1].Points.Select(p => (p.Assessor, p.Points)).Should().Equal(("王敏", 1.5m), ("陈思远", 1m), ("周蕾", 0m));
    }

    [Fact]
    public void The_threshold_is_rubric_data()
    {
        var text = System.IO.File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml")).Replace("  max_bonus_count: 1\n", "  max_bonus_count: 1\n  agreement_spread: 2\n", StringComparison.Ordinal);
        var rubric = new RubricLoader().Parse(text, "spread.yaml").GetValueOrThrow();
        var audit = Audit("a.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", N)));

        var agreement = TeamAgreement.Of([audit], rubric);

        agreement.Threshold.Should().Be(2m);
        agreement.Spreads.Single().Flagged.Should().BeFalse("a spread of exactly 2 is not above 2");
        rubric.ExportResolved().Should().Contain("agreement_spread: 2");
    }

    [Fact]
    public void A_pooled_sample_is_not_a_rating_and_is_listed_as_pooled()
    {
        var pooled = new Finding
        {
            Item = "5.2.4.1",
            Sample = new Sample(20, 17),
            By = ["陈思远", "周蕾"],
            Assessments = [new Finding { By = ["陈思远"], Sample = new Sample(10, 9) }, new Finding { By = ["周蕾"], Sample = new Sample(10, 8) }],
        };

        var agreement = TeamAgreement.Of([Audit("a.yaml", pooled)], Rubric.Default);

        agreement.Overall.Items.Should().Be(0);
        agreement.Disagreements.Should().BeEmpty("the two samples differ because they are different records");
        agreement.Pooled.Select(p => (p.Target, p.Finding.Sample, p.Assessments.Count)).Should().Equal(("5.2.4.1", new Sample(20, 17), 2));
    }

    [Fact]
    public void Many_audits_add_up()
    {
        // The two-rater case split over two audits gives the same κ = −1/3.
        var first = Audit("a.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", C)));
        var second = Audit("b.yaml", Item("5.1.1.1", Rated("王敏", C), Rated("陈思远", N)));

        TeamAgreement.Of([first, second], Rubric.Default).Overall.ExactKappa.Should().Be(Rational.Ratio(-1, 3));
    }

    [Fact]
    public void Pairs_stop_beyond_the_assessor_limit_and_the_rest_still_counts()
    {
        var many = Enumerable.Range(0, TeamAgreement.MaxPairAssessors + 1).Select(i => Rated("A" + i, C)).ToArray();

        var agreement = TeamAgreement.Of([Audit("a.yaml", Item("5.1.1.1", many), Item("5.1.1.2", Rated("王敏", C), Rated("陈思远", N)))], Rubric.Default);

        agreement.Pairs.Should().BeEmpty();
        agreement.Overall.Items.Should().Be(2);
        TeamAgreement.Of([Audit("a.yaml", Item("5.1.1.1", many[..TeamAgreement.MaxPairAssessors]))], Rubric.Default).Pairs.Should().HaveCount(64 * 63 / 2);
    }
}
