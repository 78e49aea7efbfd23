using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>What the engine knows of the previous audit before this one is scored (read from evidence or a JSON result).</summary>
internal sealed record LoadedPrevious(
    string Source,
    SourceLocation At,
    string CompanyName,
    string? CreditCode,
    string RubricId,
    string RubricVersion,
    AuditKind Kind,
    IReadOnlyList<DateOnly> Dates,
    decimal Score,
    string ScoreText,
    string TierId,
    LocalizedText TierLabel,
    IReadOnlyList<LoadedNonconformity> Nonconformities,
    SurveillanceSchedule? Surveillance);

/// <summary>A nonconformity of the previous audit as it stood then.</summary>
internal sealed record LoadedNonconformity(string Item, NonconformityGrade Grade, string? Id, CorrectionStatus? Status, DateOnly? Due);

/// <summary>
/// The rules of the certification cycle: which major nonconformities are still open, when surveillance audits are due,
/// and what became of the previous audit's nonconformities.
/// </summary>
internal static class CycleRules
{
    /// <summary>A formal audit's major nonconformities whose record is not verified (or that have none).</summary>
    public static IReadOnlyList<string> OpenMajors(AuditEvidence evidence, IReadOnlyList<ItemResult> items) => evidence.Audit.IsFormal
        ? items.Where(i => i.Grade == NonconformityGrade.Major && i.Finding?.Nc?.Status != CorrectionStatus.Verified).Select(i => i.Item.Id).ToArray()
        : [];

    /// <summary>
    /// The surveillance schedule: counted from the certificate's issue date, else from the previous audit's anchor, else
    /// from the last day of an initial or recertification audit. A surveillance audit was due on the previous audit's
    /// next due date, or (without one) on the anniversary of the anchor in the year before it began.
    /// </summary>
    public static SurveillanceSchedule? Schedule(AuditEvidence evidence, Rubric rubric, LoadedPrevious? previous)
    {
        var audit = evidence.Audit;
        if (!audit.IsFormal || audit.Dates.Count == 0)
        {
            return null;
        }

        var months = rubric.Scoring.SurveillanceIntervalMonths;
        var start = audit.Dates.Min();
        var end = audit.Dates.Max();
        var renewal = audit.Kind is AuditKind.Initial or AuditKind.Recertification;
        DateOnly? anchor = evidence.Certificate?.Issued
            ?? (renewal ? end : previous?.Surveillance?.Anchor);
        if (anchor is not { } from)
        {
            return null;
        }

        if (renewal)
        {
            return new SurveillanceSchedule(from, months, null, false, from.AddMonths(months));
        }

        DateOnly due;
        if (previous?.Surveillance is { } before && evidence.Certificate?.Issued is null)
        {
            due = before.Next;
        }
        else
        {
            var k = 1;
            while (from.AddMonths(k * months) < start.AddMonths(-months) && k < 1000)
            {
                k++;
            }

            due = from.AddMonths(k * months);
        }

        return new SurveillanceSchedule(from, months, due, start > due, due.AddMonths(months));
    }

    /// <summary>What became of each previous nonconformity by this audit: repeated, closed or open.</summary>
    public static PreviousAudit FollowUp(LoadedPrevious previous, AuditEvidence evidence, IReadOnlyList<ItemResult> items)
    {
        var byId = items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        var start = evidence.Audit.Dates.Count > 0 ? evidence.Audit.Dates.Min() : (DateOnly?)null;
        var list = new List<PreviousNonconformity>();
        foreach (var nc in previous.Nonconformities)
        {
            var now = byId.GetValueOrDefault(nc.Item);
            var overdue = nc.Status == CorrectionStatus.Open && nc.Due is { } due && start is { } first && due < first;
            PreviousStatus status;
            if (now?.Grade is NonconformityGrade.Major or NonconformityGrade.Minor)
            {
                status = PreviousStatus.Repeated;
            }
            else if (now?.Status == ItemStatus.Conforming)
            {
                status = PreviousStatus.Closed;
            }
            else
            {
                // Not re-assessed: closed only on the record of a verified correction.
                status = nc.Status == CorrectionStatus.Verified ? PreviousStatus.Closed : PreviousStatus.Open;
            }

            list.Add(new PreviousNonconformity(nc.Id, nc.Item, nc.Grade, status, nc.Status, nc.Due, overdue, now?.Status));
        }

        return new PreviousAudit
        {
            Source = previous.Source,
            Kind = previous.Kind,
            Dates = previous.Dates,
            Score = previous.Score,
            ScoreText = previous.ScoreText,
            TierId = previous.TierId,
            TierLabel = previous.TierLabel,
            RubricVersion = previous.RubricVersion,
            Nonconformities = list,
            Surveillance = previous.Surveillance,
        };
    }
}
