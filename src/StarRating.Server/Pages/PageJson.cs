using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace StarRating.Server.Pages;

/// <summary>The checklist's live state: the score (a preview while a formal audit is incomplete), the bars and every finding with its version.</summary>
internal sealed record LiveDto(
    long Revision,
    bool Final,
    bool Preview,
    bool Complete,
    string? Score,
    TierDto? Tier,
    string? Gap,
    string Recorded,
    IReadOnlyList<string> Errors,
    IReadOnlyList<BarDto> Bars,
    IReadOnlyList<LiveFindingDto> Findings);

internal sealed record TierDto(string Id, string Label);

internal sealed record BarDto(string Id, string Earned, string Applicable);

internal sealed record LiveFindingDto(string Item, long Version, string SavedBy, string SavedAt, JsonNode? Finding, string? Status, string? Earned);

/// <summary>The pages' JSON, source-generated (no reflection: the Native AOT tool stays warning-free).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LiveDto))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class PageJson : JsonSerializerContext
{
    /// <summary>As generated, but Chinese stays readable (served as JSON, or inside an encoded attribute, never as HTML).</summary>
    public static PageJson Web { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
