namespace StarRating.Rules;

/// <summary>
/// The scoring rules a rubric may set: rounding, adjustment caps and grading conditions. Everything here is
/// data in the rubric file, so a certification body changes a rule by editing one line, not code.
/// </summary>
public sealed class ScoringPolicy
{
    internal ScoringPolicy()
    {
    }

    /// <summary>Decimals of the final score (default 1). The tier is decided on the rounded score.</summary>
    public int Decimals { get; internal init; } = 1;

    /// <summary>Rounding of the final score (default half away from zero).</summary>
    public ScoreRounding Rounding { get; internal init; } = ScoreRounding.HalfAwayFromZero;

    /// <summary>Decimals shown for earned points of items, indicators and categories (default 2).</summary>
    public int DetailDecimals { get; internal init; } = 2;

    /// <summary>Points of a special deduction whose points are not given (default 1).</summary>
    public decimal DefaultDeduction { get; internal init; } = 1m;

    /// <summary>Most points one bonus may add (default 1).</summary>
    public decimal MaxBonusPoints { get; internal init; } = 1m;

    /// <summary>Most bonuses per audit (default 1).</summary>
    public int MaxBonusCount { get; internal init; } = 1;

    /// <summary>
    /// Most special deductions a company may have and still be graded above the lowest tier, or
    /// <see langword="null"/> for no such condition.
    /// </summary>
    public int? MaxSpecialDeductions { get; internal init; }

    /// <summary>
    /// The point spread above which team agreement statistics flag a check item: assessors whose points for one item
    /// differ by more than this (default 1 point, <c>agreement_spread</c>). Calibration, not scoring: no score depends on it.
    /// </summary>
    public decimal AgreementSpread { get; internal init; } = 1m;

    /// <summary>
    /// A grading condition: when true, a formal audit with a major nonconformity not verified closed is granted only the
    /// lowest tier (the recommendation waits for the verified closure). False by default: the result then carries the
    /// notice <c>major-nonconformities-open</c> and keeps its tier.
    /// </summary>
    public bool WithholdTierOnOpenMajor { get; internal init; }

    /// <summary>Months between surveillance audits, counted from the certificate's issue or the initial audit (default 12).</summary>
    public int SurveillanceIntervalMonths { get; internal init; } = 12;
}
