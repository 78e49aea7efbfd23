using StarRating.Engine.Scoring;

namespace StarRating.Engine
{
    /// <summary>
    /// How a mock or self assessment scores a finding its assessors did not agree on (an unresolved finding). A formal
    /// audit never uses one: its lead writes the team's finding instead.
    /// </summary>
    public enum ConsensusRule
    {
        /// <summary>The assessment that gives the fewest points (<c>lowest</c>, the default): the cautious reading.</summary>
        Lowest = 0,

        /// <summary>The median assessment by points; with an even number the lower of the two middle ones (<c>median</c>).</summary>
        Median = 1,

        /// <summary>The lead assessor's assessment, or the lowest where the lead did not assess the item (<c>lead</c>).</summary>
        Lead = 2,
    }
}

namespace StarRating.Engine.Scoring
{
    /// <summary>
    /// Picks the assessment a consensus rule scores an unresolved finding by. Assessments are compared by the share of the
    /// item's points they give (conforming 1, nonconforming 0, partial points ÷ item points, a sample its conforming
    /// share), exactly; not-applicable assessments count only when every assessor found the item not applicable.
    /// </summary>
    internal static class Consensus
    {
        /// <summary>The words of the rules, as the command line and notices write them.</summary>
        public static readonly Rules.Documents.EnumMap<ConsensusRule> Words = new(
            ("lowest", ConsensusRule.Lowest),
            ("median", ConsensusRule.Median),
            ("lead", ConsensusRule.Lead));

        /// <summary>The finding that scores <paramref name="unresolved"/>: the chosen assessment, placed where the finding is.</summary>
        public static Finding Resolve(Finding unresolved, ConsensusRule rule, decimal? itemPoints, IReadOnlyCollection<string> leads)
        {
            var applicable = unresolved.Assessments.Where(a => a.Result != FindingResult.NotApplicable).ToArray();
            Finding chosen;
            if (applicable.Length == 0)
            {
                chosen = unresolved.Assessments[0];
            }
            else
            {
                // OrderBy is stable: among equal shares the assessment written first wins, so the choice is deterministic.
                var ranked = applicable.OrderBy(a => Share(a, itemPoints)).ToArray();
                var lead = rule == ConsensusRule.Lead ? applicable.FirstOrDefault(a => a.By.Any(leads.Contains)) : null;
                chosen = rule switch
                {
                    ConsensusRule.Median => ranked[(ranked.Length - 1) / 2],
                    ConsensusRule.Lead when lead is not null => lead,
                    _ => ranked[0],
                };
            }

            return chosen with
            {
                Item = unresolved.Item,
                Indicator = unresolved.Indicator,
                By = unresolved.By,
                Assessments = unresolved.Assessments,
                Location = unresolved.Location,
                KeyLocations = unresolved.KeyLocations,
            };
        }

        /// <summary>The share of the item's points a finding gives, exactly (0 for what cannot be read; such a file has errors and is not scored).</summary>
        public static Rational Share(Finding finding, decimal? itemPoints)
        {
            if (finding.Sample is { Size: > 0 } sample)
            {
                return Rational.Ratio(Math.Clamp(sample.Conforming, 0, sample.Size), sample.Size);
            }

            return finding.Result switch
            {
                FindingResult.Conforming => Rational.FromInt(1),
                FindingResult.Partial when finding.Points is { } points && itemPoints is > 0 => Rational.FromDecimal(points) / Rational.FromDecimal(itemPoints.Value),
                _ => Rational.Zero,
            };
        }
    }
}
