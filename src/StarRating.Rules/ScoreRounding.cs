namespace StarRating.Rules;

/// <summary>How the final score is rounded.</summary>
public enum ScoreRounding
{
    /// <summary>Half away from zero: 84.95 → 85.0, 84.94 → 84.9. The default.</summary>
    HalfAwayFromZero = 0,

    /// <summary>Banker's rounding: half to the even digit.</summary>
    HalfEven = 1,

    /// <summary>Truncation towards zero: 89.99 → 89.9.</summary>
    Down = 2,
}
