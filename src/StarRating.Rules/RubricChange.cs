using System.Globalization;

namespace StarRating.Rules;

/// <summary>
/// One difference between two rubrics. Values are written as in rubric files: numbers without trailing zeros,
/// texts as <c>zh / en</c>, lists joined by <c>, </c>. For an added or removed entry, <see cref="Key"/> is its points
/// (<c>min</c> for a tier) and the value that comes or goes.
/// </summary>
/// <param name="Part">The part of the rubric.</param>
/// <param name="Id">The entry's id (empty for the top level and scoring).</param>
/// <param name="Kind">What changed.</param>
/// <param name="Key">The key whose value changed (<c>points</c>, <c>min</c>, <c>requires</c>, <c>position</c>...).</param>
/// <param name="Before">The value in the earlier rubric, or null when absent.</param>
/// <param name="After">The value in the later rubric, or null when absent.</param>
public sealed record RubricChange(RubricPart Part, string Id, RubricChangeKind Kind, string Key, string? Before, string? After)
{
    /// <summary>True for a change of points: of an entry, the total, or a tier's minimum.</summary>
    public bool IsPoints => Key is "points" or "total" or "min";

    /// <summary>True for a change of a grading condition: a tier's prerequisites or the special-deduction cap.</summary>
    public bool IsCondition => Key is "requires" or "max_special_deductions" or "withhold_tier_on_open_major";
}
