using System.Globalization;
using System.Text.Json.Nodes;
using StarRating.Rules;
using StarRating.Server.Evidence;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>
/// The audit-level parts of the evidence that are not findings — <c>adjustments</c> (special deductions, bonus),
/// <c>conclusion</c>, the cycle's <c>decision</c> and <c>certificate</c> (docs/evidence-format.md) — read by the team,
/// edited by leads and admins with <c>If-Match</c> on the audit's head version, judged by the library with the audit's
/// rubric (diagnostics located in the request body), kept in the history like findings; read-only once final.
/// </summary>
internal static class AuditPartEndpoints
{
    /// <summary>The parts this route edits; the others (company, audit, rubric) are the audit's identity.</summary>
    public static readonly string[] Parts = ["adjustments", "conclusion", "decision", "certificate"];

    public static async Task Get(Call call)
    {
        if (await AuditEndpoints.VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var head = (JsonObject)JsonNode.Parse(audit.HeadJson)!;
        call.Http.Response.Headers.ETag = Quoted(audit.HeadVersion);
        await Http.Json(call.Http, 200, new AuditPartsDto(audit.HeadVersion, Clone(head, "adjustments"), Clone(head, "conclusion"), Clone(head, "decision"), Clone(head, "certificate")),
            ApiJson.Web.AuditPartsDto).ConfigureAwait(false);
    }

    public static Task Save(Call call) => Edit(call, delete: false);

    public static Task Delete(Call call) => Edit(call, delete: true);

    private static async Task Edit(Call call, bool delete)
    {
        var http = call.Http;
        var part = http.Request.RouteValues["part"] as string ?? "";
        if (await AuditEndpoints.OpenAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        if (!Parts.Contains(part))
        {
            await Http.Problem(http, "SR7038", [("part", part), ("parts", string.Join(", ", Parts))]).ConfigureAwait(false);
            return;
        }

        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        ifMatch = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
        if (ifMatch.Length == 0)
        {
            http.Response.Headers.ETag = Quoted(audit.HeadVersion);
            await Http.Problem(http, "SR7036", [("version", audit.HeadVersion)], currentVersion: audit.HeadVersion).ConfigureAwait(false);
            return;
        }

        if (!long.TryParse(ifMatch.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var expected))
        {
            await Http.Problem(http, "SR7016", [("detail", "If-Match carries the audit's head version from GET /api/audits/{id}/parts, e.g. \"3\"")]).ConfigureAwait(false);
            return;
        }

        var rubric = await call.Service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false);
        if (rubric is null)
        {
            await Http.Problem(http, "SR7033", [("rubric", audit.RubricId + "@" + audit.RubricVersion)]).ConfigureAwait(false);
            return;
        }

        string? valueJson = null;
        IReadOnlyList<Diagnostic> warnings = [];
        if (!delete)
        {
            var body = await Http.BodyAsync(http, call.Service.Options.MaxFindingBytes).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }

            var findings = await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false);
            var (value, diagnostics) = call.Service.Scoring.ValidatePart(rubric, audit.HeadJson, findings, part, body, part + ".json");
            if (diagnostics.Any(d => d.IsError) || value is null)
            {
                await Http.Problem(http, "SR7037", [("part", part)], diagnostics, status: AuditScoring.IsReadingProblem(diagnostics) ? 400 : 422).ConfigureAwait(false);
                return;
            }

            valueJson = EvidenceDocument.Compact(value);
            warnings = diagnostics;
        }

        var saved = await call.Service.Store.SaveHeadAsync(audit.Id, expected, part, head => (EvidenceDocument.WithPart(head, part, valueJson), valueJson), call.User,
            (revision, head, findings) => call.Service.Scoring.ScoreAndTier(rubric, audit.Id, revision, head, findings), call.Aborted).ConfigureAwait(false);
        switch (saved.Outcome)
        {
            case SaveOutcome.NotFound:
                await Http.Problem(http, "SR7003").ConfigureAwait(false);
                return;
            case SaveOutcome.Final:
                await Http.Problem(http, "SR7009").ConfigureAwait(false);
                return;
            case SaveOutcome.VersionMismatch:
                http.Response.Headers.ETag = Quoted(saved.HeadVersion);
                var current = saved.CurrentHeadJson is null ? null : ((JsonObject)JsonNode.Parse(saved.CurrentHeadJson)!)[part]?.DeepClone();
                await Http.Problem(http, "SR7026", [("version", saved.HeadVersion)], currentVersion: saved.HeadVersion, current: current).ConfigureAwait(false);
                return;
        }

        http.Response.Headers.ETag = Quoted(saved.HeadVersion);
        await Http.Json(http, 200, new PartSavedDto(part, saved.HeadVersion, saved.Revision, warnings.Select(d => Http.ToDto(d, Http.Language(http))).ToArray()),
            ApiJson.Web.PartSavedDto).ConfigureAwait(false);
    }

    private static JsonNode? Clone(JsonObject head, string key) => head[key]?.DeepClone();

    private static string Quoted(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";
}
