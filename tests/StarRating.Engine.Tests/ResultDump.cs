using System.Globalization;
using System.Text;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>A plain-text dump of a scoring outcome for golden files: every figure the engine produced.</summary>
internal static class ResultDump
{
    public static string Render(LoadResult<AuditResult> outcome)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in outcome.Diagnostics)
        {
            text.Append(diagnostic.Format(includeHint: true)).Append('\n');
        }

        if (outcome.Value is not { } r)
        {
            return text.Append("not scored\n").ToString();
        }

        text.Append(CultureInfo.InvariantCulture, $"score {r.Score} (unrounded {r.UnroundedScore}, items {r.ItemScore}, earned {r.EarnedPoints} of {r.ApplicablePoints} applicable, deductions {r.DeductionPoints}, bonus {r.BonusPoints})\n");
        text.Append(CultureInfo.InvariantCulture, $"tier {r.Tier.Id} (by score {r.ScoreTier.Id}); next {r.NextTier?.Id ?? "-"}, missing {r.PointsToNextTier?.ToString(CultureInfo.InvariantCulture) ?? "-"}\n");
        foreach (var block in r.TierBlocks)
        {
            text.Append(CultureInfo.InvariantCulture, $"  blocked {block.Tier.Id}: {block.Reason.En}\n");
        }

        foreach (var category in r.Categories)
        {
            text.Append(CultureInfo.InvariantCulture, $"{category.Category.Id} {category.Earned}/{category.Applicable}/{category.Possible} {category.Percent?.ToString(CultureInfo.InvariantCulture) ?? "-"}%\n");
            foreach (var indicator in category.Indicators)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {indicator.Indicator.Id} {indicator.Earned}/{indicator.Applicable}/{indicator.Possible} {indicator.Percent?.ToString(CultureInfo.InvariantCulture) ?? "-"}%\n");
                foreach (var item in indicator.Items.Where(i => i.Status != ItemStatus.Conforming || i.Grade is not null))
                {
                    var grade = item.Grade is { } g ? " " + EvidenceWords.Of(g) : "";
                    text.Append(CultureInfo.InvariantCulture, $"    {item.Item.Id} {EvidenceWords.Of(item.Status)}{grade} {item.Earned}/{item.Applicable}: {item.Explanation.Zh} | {item.Explanation.En}\n");
                }
            }
        }

        foreach (var exclusion in r.Exclusions)
        {
            text.Append(CultureInfo.InvariantCulture, $"excluded {exclusion.Id} ({exclusion.Points}): {exclusion.Reason}\n");
        }

        foreach (var item in r.NotAssessed)
        {
            text.Append(CultureInfo.InvariantCulture, $"not assessed {item.Item.Id}\n");
        }

        foreach (var nc in r.Nonconformities)
        {
            text.Append(CultureInfo.InvariantCulture, $"rectify {nc.Kind} {nc.Grade?.ToString() ?? "-"} {nc.Id ?? "-"} -{nc.LostPoints}: {nc.Description}\n");
        }

        foreach (var notice in r.Notices)
        {
            text.Append(CultureInfo.InvariantCulture, $"notice {notice.Code}\n");
        }

        return text.ToString();
    }
}
