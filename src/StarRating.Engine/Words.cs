using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>The evidence format's words for enum values, in documentation order.</summary>
internal static class Words
{
    public static readonly EnumMap<AuditKind> AuditKinds = new(
        ("initial", AuditKind.Initial),
        ("surveillance", AuditKind.Surveillance),
        ("recertification", AuditKind.Recertification),
        ("mock", AuditKind.Mock),
        ("self", AuditKind.Self));

    public static readonly EnumMap<FindingResult> Results = new(
        ("conforming", FindingResult.Conforming),
        ("partial", FindingResult.Partial),
        ("nonconforming", FindingResult.Nonconforming),
        ("not_applicable", FindingResult.NotApplicable));

    public static readonly EnumMap<NonconformityGrade> Grades = new(
        ("major", NonconformityGrade.Major),
        ("minor", NonconformityGrade.Minor),
        ("observation", NonconformityGrade.Observation));

    public static readonly EnumMap<CorrectionStatus> CorrectionStatuses = new(
        ("open", CorrectionStatus.Open),
        ("corrected", CorrectionStatus.Corrected),
        ("verified", CorrectionStatus.Verified));

    public static readonly EnumMap<PreviousStatus> PreviousStatuses = new(
        ("closed", PreviousStatus.Closed),
        ("repeated", PreviousStatus.Repeated),
        ("open", PreviousStatus.Open));

    public static readonly EnumMap<ItemStatus> Statuses = new(
        ("conforming", ItemStatus.Conforming),
        ("partial", ItemStatus.Partial),
        ("nonconforming", ItemStatus.Nonconforming),
        ("not_applicable", ItemStatus.NotApplicable),
        ("not_assessed", ItemStatus.NotAssessed));
}
