using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StarRating.Rules;
using StarRating.Server.Evidence;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>
/// Rubrics: the built-in ones and those admins upload (docs/rubric-format.md) — a plain rubric, or an overlay on a
/// built-in base. Uploads are judged by the library's rubric loader with the same diagnostics as
/// <c>starrating rubric show --rubric FILE</c>, stored by ID@VERSION as uploaded, and a version an audit uses never
/// changes. Evidence chooses its rubric with <c>rubric: ID@VERSION</c>.
/// </summary>
internal static class RubricEndpoints
{
    public static async Task List(Call call)
    {
        var builtIn = RubricLoader.BuiltInIds.Select(id => call.Service.Scoring.Rubrics.BuiltIn(id)!.Rubric)
            .Select(r => new RubricDto(r.Id, r.Version, r.Title.Zh, r.Title.En, Words(r.Terminology), r.Sha256, r.Base is { } b ? b.Id + "@" + b.Version : null, true, null, null, null, Url(r.Id, r.Version)));
        var stored = (await call.Service.Store.ListRubricsAsync(call.Aborted).ConfigureAwait(false)).Select(ToDto);
        await Http.Json(call.Http, 200, builtIn.Concat(stored).ToArray(), ApiJson.Web.IReadOnlyListRubricDto).ConfigureAwait(false);
    }

    public static async Task Get(Call call)
    {
        var http = call.Http;
        var id = http.Request.RouteValues["rubricId"] as string ?? "";
        var version = http.Request.RouteValues["version"] as string ?? "";
        byte[]? bytes;
        string name;
        if (call.Service.Scoring.Rubrics.BuiltIn(id) is { } builtIn)
        {
            bytes = builtIn.Rubric.Version == version ? RubricLoader.BuiltInBytes(id) : null;
            name = id + ".yaml";
        }
        else
        {
            var row = await call.Service.Store.GetRubricAsync(id, version, call.Aborted).ConfigureAwait(false);
            bytes = row?.Source;
            name = row is null ? "" : AuditEndpoints.SafeFileName(row.SourceName, id + ".yaml");
        }

        if (bytes is null)
        {
            await Http.Problem(http, "SR7003").ConfigureAwait(false);
            return;
        }

        var disposition = new ContentDispositionHeaderValue("inline");
        disposition.SetHttpFileName(name);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        await Http.Bytes(http, 200, name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json; charset=utf-8" : "application/yaml; charset=utf-8", bytes).ConfigureAwait(false);
    }

    public static async Task Upload(Call call)
    {
        var http = call.Http;
        if (await Uploads.ReadAsync(call, "rubric", "yaml", workbooks: false).ConfigureAwait(false) is not { } upload)
        {
            return;
        }

        var (bytes, sourceName) = upload;

        var loaded = RubricRegistry.Loader.Parse(bytes, sourceName);
        if (loaded.Value is not { } rubric)
        {
            await Http.Problem(http, "SR7032", diagnostics: loaded.Diagnostics, status: AuditScoring.IsReadingProblem(loaded.Diagnostics) ? 400 : 422).ConfigureAwait(false);
            return;
        }

        if (RubricLoader.BuiltInIds.Contains(rubric.Id))
        {
            await Http.Problem(http, "SR7035", [("id", rubric.Id)]).ConfigureAwait(false);
            return;
        }

        var row = new RubricRow(
            rubric.Id, rubric.Version, sourceName, bytes, Convert.ToHexStringLower(SHA256.HashData(bytes)), rubric.Sha256,
            rubric.Base is { } b ? b.Id + "@" + b.Version : null, Words(rubric.Terminology), rubric.Title.Zh, rubric.Title.En, call.User.Name, 0, 0);
        var (outcome, audits) = await call.Service.Store.SaveRubricAsync(row, call.User, call.Aborted).ConfigureAwait(false);
        if (outcome == RubricSaveOutcome.InUse)
        {
            await Http.Problem(http, "SR7034", [("rubric", rubric.Id + "@" + rubric.Version), ("count", audits)]).ConfigureAwait(false);
            return;
        }

        var url = Url(rubric.Id, rubric.Version);
        http.Response.Headers.Location = url;
        var status = outcome switch { RubricSaveOutcome.Created => "created", RubricSaveOutcome.Replaced => "replaced", _ => "unchanged" };
        var warnings = loaded.Diagnostics.Where(d => !d.IsError).Select(d => Http.ToDto(d, Http.Language(http))).ToArray();
        await Http.Json(http, outcome == RubricSaveOutcome.Created ? 201 : 200,
            new RubricSavedDto(rubric.Id, rubric.Version, rubric.Sha256, status, url, warnings), ApiJson.Web.RubricSavedDto).ConfigureAwait(false);
    }

    public static async Task Delete(Call call)
    {
        var http = call.Http;
        var id = http.Request.RouteValues["rubricId"] as string ?? "";
        var version = http.Request.RouteValues["version"] as string ?? "";
        var (deleted, audits) = await call.Service.Store.DeleteRubricAsync(id, version, call.Aborted).ConfigureAwait(false);
        if (audits > 0)
        {
            await Http.Problem(http, "SR7034", [("rubric", id + "@" + version), ("count", audits)]).ConfigureAwait(false);
            return;
        }

        if (!deleted)
        {
            await Http.Problem(http, "SR7003").ConfigureAwait(false);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static RubricDto ToDto(RubricRow r) => new(
        r.RubricId, r.Version, r.TitleZh, r.TitleEn, r.Terminology, r.Sha256, r.Extends, false, r.Audits, r.CreatedBy, Clock.Iso(r.CreatedAt), Url(r.RubricId, r.Version));

    private static string Words(Terminology terminology) => terminology == Terminology.Review ? "review" : "audit";

    private static string Url(string id, string version) =>
        "/api/rubrics/" + Uri.EscapeDataString(id) + "/" + Uri.EscapeDataString(version);
}
