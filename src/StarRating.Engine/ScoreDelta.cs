using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>Earned, applicable and percentage of one category or indicator in two results.</summary>
/// <param name="Id">The category or indicator id.</param>
/// <param name="Name">Its name.</param>
/// <param name="BeforeEarned">Earned before (null when the id is absent from the earlier rubric).</param>
/// <param name="AfterEarned">Earned after (null when absent from the later rubric).</param>
/// <param name="BeforeApplicable">Applicable points before.</param>
/// <param name="AfterApplicable">Applicable points after.</param>
/// <param name="BeforePercent">Percentage before.</param>
/// <param name="AfterPercent">Percentage after.</param>
public sealed record ScoreDelta(
    string Id,
    LocalizedText Name,
    decimal? BeforeEarned,
    decimal? AfterEarned,
    decimal? BeforeApplicable,
    decimal? AfterApplicable,
    decimal? BeforePercent,
    decimal? AfterPercent)
{
    /// <summary>After minus before earned points (null when either side is missing).</summary>
    public decimal? EarnedDelta => AfterEarned - BeforeEarned;

    /// <summary>After minus before percentage points (null when either is missing or excluded).</summary>
    public decimal? PercentDelta => AfterPercent - BeforePercent;
}
