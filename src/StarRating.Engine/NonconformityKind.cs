using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>What kind of entry a rectification-list line is.</summary>
public enum NonconformityKind
{
    /// <summary>A check item not fully conforming, or an observation on one.</summary>
    Item = 0,

    /// <summary>A special deduction, which also requires rectification.</summary>
    SpecialDeduction = 1,
}
