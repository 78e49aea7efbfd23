using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StarRating.Server.Api;

// The service's own JSON shapes (not the evidence or result documents, which are the library's formats). Written and
// read only through the source-generated ApiJson context: no reflection, so the Native AOT tool stays warning-free.

/// <summary>A library diagnostic: in a text file <c>line</c>/<c>column</c>; in a workbook also <c>sheet</c> and <c>cell</c> (<c>F12</c>), with the row as line.</summary>
internal sealed record DiagnosticDto(string Code, string Severity, string Message, string? Hint, string? File, int? Line, int? Column, string? Sheet = null, string? Cell = null);

internal sealed record ProblemDto(
    string Type,
    string Title,
    int Status,
    string? Detail,
    string Code,
    string? Instance,
    IReadOnlyList<DiagnosticDto>? Errors,
    IReadOnlyList<DiagnosticDto>? Warnings,
    long? CurrentVersion,
    JsonNode? Current);

internal sealed record CreatedDto(long Id, string Location, IReadOnlyList<DiagnosticDto> Warnings);

internal sealed record CompanyRef(long Id, string Name);

internal sealed record AuditSummaryDto(
    long Id,
    CompanyRef Company,
    string Kind,
    int? Stage,
    string? Reference,
    string? FirstDate,
    string? LastDate,
    string? Rubric,
    string Status,
    long Revision,
    string? Score,
    string? Tier,
    string CreatedAt,
    string UpdatedAt,
    string? FinalisedAt);

internal sealed record AuditPageDto(IReadOnlyList<AuditSummaryDto> Items, int Page, int PageSize, long Total);

internal sealed record FindingSavedDto(string Item, long Version, long Revision, IReadOnlyList<DiagnosticDto> Warnings);

internal sealed record FindingDto(string Item, long Version, string SavedBy, string SavedAt, JsonNode? Finding);

internal sealed record HistoryEntryDto(long Seq, string At, string User, string Action, string? Item, long? Version, JsonNode? Finding, string? Detail);

internal sealed record CompanyDto(long Id, string Name, string? CreditCode, string CreatedAt);

internal sealed record CompanyCreateDto(string? Name, string? CreditCode);

internal sealed record UserDto(long Id, string Name, string Role, long? CompanyId);

internal sealed record UserCreateDto(string? Name, string? Role, string? Password, long? CompanyId);

internal sealed record TeamMemberDto(string User, string Role);

internal sealed record TeamAssignDto(string? Role);

internal sealed record AttachmentDto(long Id, string Sha256, string FileName, string ContentType, long Size, string? Item, string UploadedBy, string UploadedAt, string Url);

internal sealed record LoginDto(string? Username, string? Password);

internal sealed record SessionDto(string User, string Role, long? CompanyId, string? CsrfToken);

internal sealed record TokenDto(string Name, string Token);

internal sealed record TokenCreateDto(string? Name);

internal sealed record HealthDto(string Status, string Database, int Schema);

internal sealed record FinalisedDto(long Id, string Status, string Score, string Tier);

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false)]
[JsonSerializable(typeof(ProblemDto))]
[JsonSerializable(typeof(CreatedDto))]
[JsonSerializable(typeof(AuditPageDto))]
[JsonSerializable(typeof(AuditSummaryDto))]
[JsonSerializable(typeof(FindingSavedDto))]
[JsonSerializable(typeof(FindingDto))]
[JsonSerializable(typeof(IReadOnlyList<FindingDto>))]
[JsonSerializable(typeof(IReadOnlyList<HistoryEntryDto>))]
[JsonSerializable(typeof(CompanyDto))]
[JsonSerializable(typeof(IReadOnlyList<CompanyDto>))]
[JsonSerializable(typeof(CompanyCreateDto))]
[JsonSerializable(typeof(UserDto))]
[JsonSerializable(typeof(IReadOnlyList<UserDto>))]
[JsonSerializable(typeof(UserCreateDto))]
[JsonSerializable(typeof(IReadOnlyList<TeamMemberDto>))]
[JsonSerializable(typeof(TeamAssignDto))]
[JsonSerializable(typeof(AttachmentDto))]
[JsonSerializable(typeof(IReadOnlyList<AttachmentDto>))]
[JsonSerializable(typeof(LoginDto))]
[JsonSerializable(typeof(SessionDto))]
[JsonSerializable(typeof(TokenDto))]
[JsonSerializable(typeof(TokenCreateDto))]
[JsonSerializable(typeof(HealthDto))]
[JsonSerializable(typeof(FinalisedDto))]
[JsonSerializable(typeof(JsonNode))]
internal sealed partial class ApiJson : JsonSerializerContext
{
    /// <summary>The context the API writes with: as generated, but Chinese stays readable instead of \uXXXX escapes.</summary>
    public static ApiJson Web { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
