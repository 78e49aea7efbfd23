using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// When surveillance audits are due: every <see cref="IntervalMonths"/> from <see cref="Anchor"/> (the certificate's
/// issue date, or the last day of the initial or recertification audit).
/// </summary>
/// <param name="Anchor">The date the interval is counted from.</param>
/// <param name="IntervalMonths">Months between surveillance audits (the rubric's <c>surveillance_interval_months</c>).</param>
/// <param name="Due">For a surveillance audit, the date it was due; null for other audits or when unknown.</param>
/// <param name="Overdue">True when this surveillance audit began after <paramref name="Due"/> (warning SR3113).</param>
/// <param name="Next">The date the next surveillance audit is due.</param>
public sealed record SurveillanceSchedule(DateOnly Anchor, int IntervalMonths, DateOnly? Due, bool Overdue, DateOnly Next);
