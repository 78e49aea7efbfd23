using StarRating.Rules;

namespace StarRating.Engine;

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
