namespace StarRating.Server.Storage;

/// <summary>The roles of the service (docs/service.md#roles).</summary>
internal static class Roles
{
    public const string Admin = "admin";
    public const string Lead = "lead";
    public const string Auditor = "auditor";
    public const string Viewer = "viewer";

    public static readonly string[] All = [Admin, Lead, Auditor, Viewer];

    public static bool IsKnown(string role) => Array.IndexOf(All, role) >= 0;
}

/// <summary>A signed-in user, as the request sees it.</summary>
internal sealed record UserRecord(long Id, string Name, string Role, long? CompanyId)
{
    /// <summary>Admins see and manage every audit; leads and auditors only those they are on; viewers final ones of their company.</summary>
    public bool SeesAllAudits => Role is Roles.Admin;
}

internal sealed record AuditRow(
    long Id,
    long CompanyId,
    string CompanyName,
    string Kind,
    int? Stage,
    string? Reference,
    string? FirstDate,
    string? LastDate,
    string? RubricId,
    string Status,
    string HeadJson,
    long HeadVersion,
    long Revision,
    string? Score,
    string? Tier,
    long CreatedAt,
    long UpdatedAt,
    long? FinalisedAt,
    string? RubricVersion = null)
{
    public bool IsFinal => Status == AuditStatus.Final;
}

internal static class AuditStatus
{
    public const string Open = "open";
    public const string Final = "final";
}

internal sealed record FindingRow(string Target, long Position, long Version, string BodyJson, string SavedBy, long SavedAt);

internal sealed record LogRow(long Id, long At, string User, string Action, string? Target, long? Version, string? BodyJson);

internal sealed record CompanyRow(long Id, string Name, string? CreditCode, long CreatedAt);

internal sealed record TeamRow(string User, string Role);

internal sealed record AttachmentRow(long Id, string Sha256, string FileName, string ContentType, long Size, string? Target, string UploadedBy, long UploadedAt);

/// <summary>The audit list's filters; <c>Mine</c> keeps only audits whose team the user is on (the pages list those first).</summary>
internal sealed record AuditFilter(long? CompanyId, string? Kind, string? Tier, string? Status, string? From, string? To, int Page, int PageSize, bool Mine = false);

/// <summary>The outcome of saving one finding.</summary>
internal enum SaveOutcome
{
    Saved,
    NotFound,
    Final,
    VersionMismatch,
    VersionRequired,
}

internal sealed record SaveResult(SaveOutcome Outcome, long Version, long Revision, string? CurrentJson);

/// <summary>An uploaded rubric as stored: its bytes as uploaded, and what the list shows of it.</summary>
internal sealed record RubricRow(
    string RubricId,
    string Version,
    string SourceName,
    byte[] Source,
    string SourceSha256,
    string Sha256,
    string? Extends,
    string Terminology,
    string TitleZh,
    string? TitleEn,
    string CreatedBy,
    long CreatedAt,
    long Audits);

/// <summary>What storing an uploaded rubric did.</summary>
internal enum RubricSaveOutcome
{
    Created,
    Unchanged,
    Replaced,
    InUse,
}

/// <summary>The outcome of an edit of an audit-level part (adjustments, conclusion, decision, certificate).</summary>
internal sealed record PartSaveResult(SaveOutcome Outcome, long HeadVersion, long Revision, string? CurrentHeadJson);
