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
