using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// What it takes to reach a higher tier: every item that lost points ranked by how much fixing it would add to
/// the score, and the smallest set of items whose fixing reaches the target tier (its prerequisites first).
/// </summary>
public sealed class GapAnalysis
{
    internal GapAnalysis(AuditResult result, Tier? target)
    {
        Result = result;
        Target = target;
    }

    /// <summary>The result analysed.</summary>
    public AuditResult Result { get; }

    /// <summary>The tier aimed at, or null when the result already holds the top tier.</summary>
    public Tier? Target { get; }

    /// <summary>Score points missing to the target's minimum (0 when only a condition blocks it).</summary>
    public decimal? PointsMissing => Target is null ? null : Math.Max(0m, Target.MinScore - Result.Score);

    /// <summary>True when fixing items alone can reach the target.</summary>
    public bool Reachable { get; internal init; }

    /// <summary>Every item that lost points, by score gain (largest first), ties in rubric order.</summary>
    public IReadOnlyList<GapItem> Ranked { get; internal init; } = [];

    /// <summary>The smallest set of items that reaches the target: prerequisites first, then by gain.</summary>
    public IReadOnlyList<GapItem> Plan { get; internal init; } = [];

    /// <summary>The score once the plan is carried out (all else equal), or null when there is no target.</summary>
    public decimal? ProjectedScore { get; internal init; }

    /// <summary>
    /// What stands in the way beyond item points, if anything: <c>gap_blocker.deductions</c> (<c>count</c>, <c>max</c>)
    /// or <c>gap_blocker.unreachable</c> (<c>projected</c>, <c>min</c>, <c>tier</c>).
    /// </summary>
    public IReadOnlyList<Message> Blockers { get; internal init; } = [];
}

internal static class GapAnalyzer
{
    public static GapAnalysis Analyze(AuditResult result, Tier? target)
    {
        var rubric = result.Rubric;
        target ??= result.NextTier;

        Rational Lost(ItemResult item) => Rational.FromDecimal(item.Applicable) - item.ExactEarned;
        decimal Gain(Rational lost) => ScoreRules.ItemScore(lost, result.ApplicablePoints, rubric.TotalPoints).RoundHalfTowardZero(2);
        decimal ScoreWith(Rational earned) => ScoreRules.Score(earned, result.ApplicablePoints, result.DeductionPoints, result.BonusPoints, rubric);

        var losing = result.Items.Where(i => i.Status != ItemStatus.NotApplicable && Lost(i) > Rational.Zero).ToArray();
        var prerequisites = target?.Prerequisites.ToHashSet(StringComparer.Ordinal) ?? [];
        var order = rubric.Items.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var ranked = losing
            .OrderByDescending(Lost)
            .ThenBy(i => order[i.Item.Id])
            .Select(i => new GapItem(i, i.Lost, Gain(Lost(i)), prerequisites.Contains(i.Item.Id)))
            .ToArray();

        if (target is null || target.Rank <= result.Tier.Rank)
        {
            return new GapAnalysis(result, target) { Reachable = true, Ranked = ranked, ProjectedScore = target is null ? null : result.Score };
        }

        var blockers = new List<Message>();
        var deductionsBlock = ScoreRules.RefusesGrade(rubric, result.Deductions.Count);
        if (deductionsBlock)
        {
            blockers.Add(new Message("gap_blocker.deductions", ("count", result.Deductions.Count), ("max", rubric.Scoring.MaxSpecialDeductions!.Value)));
        }

        // Prerequisites of the target go first; then the largest gains, which gives the fewest items.
        var plan = ranked.Where(g => g.Prerequisite).ToList();
        var earned = result.ExactEarned + plan.Aggregate(Rational.Zero, (sum, g) => sum + Lost(g.Item));
        foreach (var candidate in ranked.Where(g => !g.Prerequisite))
        {
            if (ScoreWith(earned) >= target.MinScore)
            {
                break;
            }

            plan.Add(candidate);
            earned += Lost(candidate.Item);
        }

        var projected = ScoreWith(earned);
        var reachable = projected >= target.MinScore && !deductionsBlock;
        if (projected < target.MinScore)
        {
            blockers.Add(new Message("gap_blocker.unreachable", ("projected", projected), ("min", Numbers.Normalize(target.MinScore)), ("tier", target.Label)));
        }

        return new GapAnalysis(result, target)
        {
            Reachable = reachable,
            Ranked = ranked,
            Plan = plan,
            ProjectedScore = projected,
            Blockers = blockers,
        };
    }
}
