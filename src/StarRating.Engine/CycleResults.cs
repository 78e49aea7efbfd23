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

/// <summary>The audit this one follows (<c>audit.previous</c>), and what became of its nonconformities.</summary>
public sealed class PreviousAudit
{
    internal PreviousAudit()
    {
    }

    /// <summary>The path as written in <c>previous:</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The previous audit's kind.</summary>
    public required AuditKind Kind { get; init; }

    /// <summary>Its audit days.</summary>
    public IReadOnlyList<DateOnly> Dates { get; init; } = [];

    /// <summary>Its final score.</summary>
    public required decimal Score { get; init; }

    /// <summary>Its score as printed (with its rubric's decimals), e.g. <c>97.8</c>.</summary>
    public required string ScoreText { get; init; }

    /// <summary>The id of the tier it was recommended.</summary>
    public required string TierId { get; init; }

    /// <summary>The name of that tier.</summary>
    public required LocalizedText TierLabel { get; init; }

    /// <summary>Its rubric's id and version.</summary>
    public required string RubricVersion { get; init; }

    /// <summary>Each nonconformity (major or minor) of the previous audit, in its rubric order, with its status now.</summary>
    public IReadOnlyList<PreviousNonconformity> Nonconformities { get; init; } = [];

    internal SurveillanceSchedule? Surveillance { get; init; }
}

/// <summary>A nonconformity of the previous audit and what became of it.</summary>
/// <param name="Id">Its record's number (<c>nc.id</c>), or null when it had no record.</param>
/// <param name="Item">The check item.</param>
/// <param name="Grade">Its grade then.</param>
/// <param name="Status">Its status now: closed, repeated or open.</param>
/// <param name="RecordStatus">Its record's correction status then (<c>nc.status</c>), or null without a record.</param>
/// <param name="Due">Its record's due date, or null.</param>
/// <param name="Overdue">True when its record was still open and its due date passed before this audit.</param>
/// <param name="Now">The item's status in this audit, or null when this audit's rubric has no such item.</param>
public sealed record PreviousNonconformity(
    string? Id,
    string Item,
    NonconformityGrade Grade,
    PreviousStatus Status,
    CorrectionStatus? RecordStatus,
    DateOnly? Due,
    bool Overdue,
    ItemStatus? Now);
