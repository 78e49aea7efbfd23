using CsCheck;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>Properties that hold for every audit, checked on thousands of generated ones.</summary>
public sealed class PropertyTests
{
    private static readonly Rubric Rubric = Rubric.Default;

    /// <summary>An outcome per item: 0 conforming, 1 partial, 2 nonconforming, 3 not applicable, 4 sample, 5 unassessed.</summary>
    private static readonly Gen<(int Kind, int A, int B)[]> Outcomes =
        Gen.Select(Gen.Int[0, 5], Gen.Int[1, 99], Gen.Int[1, 30]).Array[Rubric.Items.Count];

    private static readonly Gen<(int Kind, int A, int B)[]> FormalOutcomes =
        Gen.Select(Gen.Int[0, 4], Gen.Int[1, 99], Gen.Int[1, 30]).Array[Rubric.Items.Count];

    private static readonly Gen<(int Deductions, int Tenths, bool Bonus)> Adjustments =
        Gen.Select(Gen.Int[0, 6], Gen.Int[1, 20], Gen.Bool);

    private static Finding? FindingFor(CheckItem item, (int Kind, int A, int B) outcome) => outcome.Kind switch
    {
        0 => new Finding { Item = item.Id, Result = FindingResult.Conforming },
        // Partial points strictly inside (0, points): A% of the item, in hundredths.
        1 => new Finding { Item = item.Id, Result = FindingResult.Partial, Points = Math.Round(item.Points * outcome.A / 100m, 2) is var p && p > 0 && p < item.Points ? p : item.Points / 2 },
        2 => new Finding { Item = item.Id, Result = FindingResult.Nonconforming },
        3 => new Finding { Item = item.Id, Result = FindingResult.NotApplicable, Reason = "不适用" },
        4 => new Finding { Item = item.Id, Sample = new Sample(outcome.B, Math.Min(outcome.B, outcome.A % (outcome.B + 1))) },
        _ => null,
    };

    private static AuditEvidence Evidence((int Kind, int A, int B)[] outcomes, (int Deductions, int Tenths, bool Bonus) adjustments, AuditKind kind = AuditKind.Mock)
    {
        var findings = Rubric.Items.Select((item, i) => FindingFor(item, outcomes[i])).OfType<Finding>().ToList();
        if (findings.All(f => f.Result == FindingResult.NotApplicable))
        {
            findings[0] = new Finding { Item = findings[0].Item, Result = FindingResult.Conforming };
        }

        return new AuditEvidence
        {
            Company = new Company { Name = "属性测试公司" },
            Audit = new AuditInfo { Kind = kind, Team = [new TeamMember { Name = "王敏", Role = "lead" }] },
            Findings = findings,
            Deductions = Enumerable.Range(0, adjustments.Deductions).Select(i => new Deduction { Points = adjustments.Tenths / 10m, Reason = "扣分" + i }).ToArray(),
            Bonuses = adjustments.Bonus ? [new Bonus { Points = 1m, Reason = "加分" }] : [],
        };
    }

    [Fact]
    public void Score_stays_within_zero_and_total_and_the_tier_matches_the_printed_score()
    {
        Gen.Select(Outcomes, Adjustments).Sample((outcomes, adjustments) =>
        {
            var result = AuditEngine.Default.Score(Evidence(outcomes, adjustments)).GetValueOrThrow();

            result.Score.Should().BeInRange(0m, Rubric.TotalPoints);
            decimal.Round(result.Score, 1).Should().Be(result.Score);
            result.ScoreTier.Should().BeSameAs(Rubric.TierForScore(result.Score));
            result.Tier.Rank.Should().BeLessThanOrEqualTo(result.ScoreTier.Rank);
            if (adjustments.Deductions > Rubric.Scoring.MaxSpecialDeductions)
            {
                result.Tier.Should().BeSameAs(Rubric.LowestTier);
            }
            else
            {
                result.Tier.Should().BeSameAs(result.ScoreTier, "the default rubric has no prerequisites");
            }

            result.Items.Sum(i => i.Applicable).Should().Be(result.ApplicablePoints);
            result.Items.Should().OnlyContain(i => i.Earned >= 0 && i.Earned <= i.Applicable);
        }, iter: 2000);
    }

    /// <summary>
    /// Issue 13, item 15: the formula a report prints gives the printed score on a calculator. Each step is checked
    /// with the figures as printed: earned ÷ applicable × total is the printed item score (exactly, or rounded to its
    /// printed decimals when marked ≈), minus deductions plus bonus is the printed sum, and the sum rounded as the
    /// rubric says (held within 0..total) is the score.
    /// </summary>
    [Fact]
    public void The_printed_formula_gives_the_printed_score_on_a_calculator()
    {
        Gen.Select(Outcomes, Adjustments).Sample((outcomes, adjustments) =>
        {
            var result = AuditEngine.Default.Score(Evidence(outcomes, adjustments)).GetValueOrThrow();
            var f = result.Formula;

            var quotient = f.Earned / f.Applicable * f.Total;
            var printedDecimals = Math.Max(4, (int)f.ItemScore.Scale);
            if (f.ItemScoreRounded)
            {
                decimal.Round(quotient, printedDecimals, MidpointRounding.AwayFromZero).Should().Be(f.ItemScore);
            }
            else
            {
                quotient.Should().Be(f.ItemScore);
            }

            (f.ItemScore - f.Deductions + f.Bonus).Should().Be(f.Sum);
            f.Clamped.Should().Be(f.Sum < 0 || f.Sum > f.Total);
            var bounded = Math.Clamp(f.Sum, 0m, f.Total);
            decimal.Round(bounded, Rubric.Scoring.Decimals, MidpointRounding.AwayFromZero).Should().Be(result.Score);
            f.Score.Should().Be(result.Score);
            f.Deductions.Should().Be(result.DeductionPoints);
            f.Applicable.Should().Be(result.ApplicablePoints);
        }, iter: 2000);
    }

    /// <summary>Issue 13, item 15: a loss and the gain of fixing it round the same way when the applicable points are the total.</summary>
    [Fact]
    public void A_loss_and_its_gain_round_alike()
    {
        Gen.Select(FormalOutcomes, Adjustments).Sample((outcomes, adjustments) =>
        {
            // No exclusions: applicable = total, so a loss of L item points gains exactly L score points.
            var noExclusions = outcomes.Select(o => o.Kind == 3 ? (0, o.A, o.B) : o).ToArray();
            var result = AuditEngine.Default.Score(Evidence(noExclusions, adjustments)).GetValueOrThrow();
            var gap = AuditEngine.AnalyzeGap(result);

            gap.Ranked.Should().OnlyContain(g => Numbers.Normalize(g.ScoreGain) == Numbers.Normalize(g.LostPoints));
        }, iter: 500);
    }

    [Fact]
    public void Score_never_falls_when_a_finding_improves()
    {
        Gen.Select(Outcomes, Adjustments, Gen.Int[0, Rubric.Items.Count - 1]).Sample((outcomes, adjustments, index) =>
        {
            var before = AuditEngine.Default.Score(Evidence(outcomes, adjustments)).GetValueOrThrow();
            var better = outcomes.ToArray();
            var (kind, a, b) = better[index];
            better[index] = kind switch
            {
                1 or 2 or 5 => (0, a, b),                          // partial, nonconforming, unassessed → conforming
                4 => (4, Math.Min(b, (a % (b + 1)) + 1), b),        // one more conforming sample
                _ => (kind, a, b),                                  // conforming stays, N/A is not an improvement
            };

            var after = AuditEngine.Default.Score(Evidence(better, adjustments)).GetValueOrThrow();

            after.Score.Should().BeGreaterThanOrEqualTo(before.Score);
            after.Tier.Rank.Should().BeGreaterThanOrEqualTo(before.Tier.Rank);
        }, iter: 2000);
    }

    [Fact]
    public void Tiers_are_monotonic_in_the_score()
    {
        Gen.Select(Gen.Int[0, 1000], Gen.Int[0, 1000]).Sample((x, y) =>
        {
            var (low, high) = x <= y ? (x / 10m, y / 10m) : (y / 10m, x / 10m);
            Rubric.TierForScore(low).Rank.Should().BeLessThanOrEqualTo(Rubric.TierForScore(high).Rank);
        }, iter: 5000);
    }

    [Fact]
    public void Adjustments_move_the_score_by_exactly_their_points_when_not_clamped()
    {
        Gen.Select(FormalOutcomes, Adjustments).Sample((outcomes, adjustments) =>
        {
            var plain = AuditEngine.Default.Score(Evidence(outcomes, (0, 1, false), AuditKind.Initial)).GetValueOrThrow();
            var adjusted = AuditEngine.Default.Score(Evidence(outcomes, adjustments, AuditKind.Initial)).GetValueOrThrow();
            var expected = plain.UnroundedScore - adjusted.DeductionPoints + adjusted.BonusPoints;

            if (expected > 0 && expected < Rubric.TotalPoints)
            {
                adjusted.UnroundedScore.Should().Be(expected);
                adjusted.Clamped.Should().BeFalse();
            }
        }, iter: 1000);
    }
}
