namespace StarRating.Engine;

/// <summary>What the auditor found for a check item (or a whole indicator).</summary>
public enum FindingResult
{
    /// <summary>符合: the item's full points (<c>conforming</c>).</summary>
    Conforming = 0,

    /// <summary>部分符合: the points the auditor gives, between 0 and the item's points (<c>partial</c>).</summary>
    Partial = 1,

    /// <summary>不符合: no points (<c>nonconforming</c>).</summary>
    Nonconforming = 2,

    /// <summary>不适用: the item is excluded and leaves the denominator (<c>not_applicable</c>).</summary>
    NotApplicable = 3,
}
