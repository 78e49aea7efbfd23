using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>An item whose outcome changed between two results.</summary>
/// <param name="Id">The item id.</param>
/// <param name="Requirement">The item's requirement.</param>
/// <param name="Before">Status before (null when absent from the earlier rubric).</param>
/// <param name="After">Status after (null when absent from the later rubric).</param>
/// <param name="BeforeEarned">Earned before.</param>
/// <param name="AfterEarned">Earned after.</param>
public sealed record ItemChange(string Id, LocalizedText Requirement, ItemStatus? Before, ItemStatus? After, decimal? BeforeEarned, decimal? AfterEarned)
{
    /// <summary>After minus before earned points.</summary>
    public decimal? EarnedDelta => AfterEarned - BeforeEarned;

    /// <summary>The item's points in the earlier rubric (null when absent from it).</summary>
    public decimal? BeforePoints { get; init; }

    /// <summary>The item's points in the later rubric (null when absent from it).</summary>
    public decimal? AfterPoints { get; init; }

    /// <summary>True when the two rubrics define the item differently (added, removed, moved, points, requirement or methods).</summary>
    public bool RubricChanged { get; init; }
}
