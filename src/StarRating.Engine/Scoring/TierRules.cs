using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// Which tier a rounded score earns: the highest tier it reaches, unless a grading condition refuses it —
/// more special deductions than the rubric allows (then only the lowest tier), or prerequisite items not
/// conforming (then the highest tier whose prerequisites hold).
/// </summary>
internal static class TierRules
{
    public static Decision Decide(Rubric rubric, decimal score, IReadOnlyList<ItemResult> items, int specialDeductions, IReadOnlyList<string>? openMajors = null)
    {
        var byScore = rubric.TierForScore(score);
        var statusById = items.ToDictionary(i => i.Item.Id, i => i.Status, StringComparer.Ordinal);
        var blocks = new List<TierBlock>();
        var granted = byScore;

        if (ScoreRules.RefusesGrade(rubric, specialDeductions))
        {
            var reason = new Message("tier_block.deductions", ("count", specialDeductions), ("max", rubric.Scoring.MaxSpecialDeductions!.Value));
            for (var rank = byScore.Rank; rank > 0; rank--)
            {
                blocks.Add(new TierBlock(rubric.Tiers[rank], reason, []));
            }

            granted = rubric.LowestTier;
        }
        else if (rubric.Scoring.WithholdTierOnOpenMajor && openMajors is { Count: > 0 })
        {
            // A grading condition of the rubric: no tier while a major nonconformity awaits verified closure.
            var reason = new Message("tier_block.open_majors", ("count", openMajors.Count), ("items", openMajors));
            for (var rank = byScore.Rank; rank > 0; rank--)
            {
                blocks.Add(new TierBlock(rubric.Tiers[rank], reason, openMajors));
            }

            granted = rubric.LowestTier;
        }
        else
        {
            while (granted.Rank > 0)
            {
                var failing = granted.Prerequisites
                    .Where(id => statusById.GetValueOrDefault(id) is not (ItemStatus.Conforming or ItemStatus.NotApplicable))
                    .ToArray();
                if (failing.Length == 0)
                {
                    break;
                }

                blocks.Add(new TierBlock(granted, new Message("tier_block.prerequisites", ("count", failing.Length), ("items", failing)), failing));
                granted = rubric.Tiers[granted.Rank - 1];
            }
        }

        var next = granted.Rank + 1 < rubric.Tiers.Count ? rubric.Tiers[granted.Rank + 1] : null;
        return new Decision(granted, byScore, blocks, next);
    }

    internal sealed record Decision(Tier Granted, Tier ByScore, IReadOnlyList<TierBlock> Blocks, Tier? Next);
}
