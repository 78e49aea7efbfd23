using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StarRating.Reports;
using StarRating.Rules;
using StarRating.Server.Evidence;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>Why a request was refused: a code of <see cref="ServiceText"/> with its arguments, and what the problem carries.</summary>
internal sealed record Refusal(
    string Code,
    (string Name, object? Value)[] Arguments,
    IReadOnlyList<Diagnostic>? Diagnostics = null,
    int? Status = null,
    long? CurrentVersion = null,
    string? CurrentJson = null);

/// <summary>The outcome of one finding save: what the store did (if it got that far), the library's warnings, or why it was refused.</summary>
internal sealed record SaveAttempt(SaveResult? Saved, IReadOnlyList<Diagnostic> Warnings, Refusal? Problem)
{
    public static SaveAttempt Refused(Refusal problem) => new(null, [], problem);
}

/// <summary>Audits: create, list, evidence, findings, result, report, history, finalise, team.</summary>
internal static class AuditEndpoints
{
    /// <summary>Report formats, each made as <c>starrating score --format F</c> makes it (<see cref="ReportFiles"/>).</summary>
    private static readonly string[] RenderedFormats = ["html", "md", "json", "docx", "xlsx", "pdf"];

    /// <summary>The report formats <see cref="Report"/> serves: the pages list their downloads from this, so a new format needs no page change.</summary>
    public static IReadOnlyList<string> ReportFormats => RenderedFormats;

    public static async Task Create(Call call)
    {
        var http = call.Http;
        if (await Uploads.ReadAsync(call, "evidence", "json", workbooks: true).ConfigureAwait(false) is not { } upload)
        {
            return;
        }

        var (bytes, sourceName) = upload;

        // The evidence names its rubric (rubric: ID@VERSION): a built-in one, or one an admin uploaded; none: the default.
        var pin = call.Service.Scoring.PinOf(bytes, sourceName);
        var rubric = await call.Service.Scoring.Rubrics.ResolveAsync(pin.Id, pin.Version, call.Aborted).ConfigureAwait(false);
        if (rubric is null)
        {
            await Http.Problem(http, "SR7033", [("rubric", pin.Id + (pin.Version is null ? "" : "@" + pin.Version))]).ConfigureAwait(false);
            return;
        }

        Http.UseTerminology(http, rubric.Rubric.Terminology);
        var (validated, diagnostics) = call.Service.Scoring.ValidateUpload(bytes, sourceName, rubric);
        if (validated is null)
        {
            await Http.Problem(http, "SR7004", diagnostics: diagnostics, status: AuditScoring.IsReadingProblem(diagnostics) ? 400 : 422).ConfigureAwait(false);
            return;
        }

        var (head, findings) = EvidenceDocument.Split(validated.Root);
        var summary = EvidenceDocument.Summarize(validated.Evidence, validated.Root) with { RubricId = rubric.Rubric.Id, RubricVersion = rubric.Rubric.Version };
        var result = validated.Result;
        var id = await call.Service.Store.CreateAuditAsync(summary, head, findings, call.User,
            result is null ? null : AuditScoring.ScoreText(result), result?.Tier.Id, call.Aborted).ConfigureAwait(false);
        var location = "/api/audits/" + id.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers.Location = location;
        await Http.Json(http, 201, new CreatedDto(id, location, validated.Warnings.Select(d => Http.ToDto(d, Http.Language(http))).ToArray()), ApiJson.Web.CreatedDto).ConfigureAwait(false);
    }

    public static async Task List(Call call)
    {
        var http = call.Http;
        var page = ParseInt(Http.Query(http, "page"), 1, 1, 1_000_000);
        var size = ParseInt(Http.Query(http, "page_size"), 50, 1, 500);
        var company = Http.Query(http, "company");
        long? companyId = company is null ? null : long.TryParse(company, NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : -1;
        var from = Http.Query(http, "from");
        var to = Http.Query(http, "to");
        if (page is null || size is null || companyId == -1 || !IsDate(from) || !IsDate(to))
        {
            await Http.Problem(http, "SR7016", [("detail", "page and page_size are whole numbers (page_size up to 500), company an id, from and to dates (YYYY-MM-DD)")]).ConfigureAwait(false);
            return;
        }

        var filter = new AuditFilter(companyId, Http.Query(http, "kind"), Http.Query(http, "tier"), Http.Query(http, "status"), from, to, page.Value, size.Value);
        var (items, total) = await call.Service.Store.ListAuditsAsync(filter, call.User, call.Aborted).ConfigureAwait(false);
        await Http.Json(http, 200, new AuditPageDto(items.Select(ToDto).ToArray(), page.Value, size.Value, total), ApiJson.Web.AuditPageDto).ConfigureAwait(false);
    }

    public static async Task Get(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var scored = await call.Service.Scoring.ScoreAsync(call.Service.Store, audit.Id, call.Aborted).ConfigureAwait(false);
        call.Http.Response.Headers.ETag = Revision(scored!.Revision);
        call.Http.Response.Headers.ContentDisposition = "inline; filename=\"" + EvidenceDocument.FileName(audit.Id) + "\"";
        await Http.Bytes(call.Http, 200, "application/json; charset=utf-8", scored.Evidence).ConfigureAwait(false);
    }

    public static async Task Findings(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var rows = await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 200, rows.Select(f => new FindingDto(f.Target, f.Version, f.SavedBy, Clock.Iso(f.SavedAt), JsonNode.Parse(f.BodyJson))).ToArray(),
            ApiJson.Web.IReadOnlyListFindingDto).ConfigureAwait(false);
    }

    public static Task SaveFinding(Call call) => SaveOrDelete(call, delete: false);

    public static Task DeleteFinding(Call call) => SaveOrDelete(call, delete: true);

    private static async Task SaveOrDelete(Call call, bool delete)
    {
        var http = call.Http;
        if (await OpenAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var item = http.Request.RouteValues["itemId"] as string ?? "";
        var ifMatch = http.Request.Headers.IfMatch.ToString();
        long? expected = null;
        if (ifMatch.Length > 0)
        {
            var text = ifMatch.Trim();
            text = text.StartsWith("W/", StringComparison.Ordinal) ? text[2..] : text;
            if (!long.TryParse(text.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
            {
                await Http.Problem(http, "SR7016", [("detail", "If-Match carries the finding's version, e.g. \"3\" (\"0\": it must not exist yet)")]).ConfigureAwait(false);
                return;
            }

            expected = version;
        }

        byte[]? body = null;
        if (!delete)
        {
            body = await Http.BodyAsync(http, call.Service.Options.MaxFindingBytes).ConfigureAwait(false);
            if (body is null)
            {
                return;
            }
        }

        var attempt = await SaveAsync(call, audit, item, expected, body).ConfigureAwait(false);
        if (attempt.Saved is { Outcome: SaveOutcome.VersionMismatch or SaveOutcome.VersionRequired } refused)
        {
            http.Response.Headers.ETag = Quoted(refused.Version);
        }

        if (attempt.Problem is { } problem)
        {
            await Http.Problem(http, problem.Code, problem.Arguments, problem.Diagnostics, currentVersion: problem.CurrentVersion,
                current: problem.CurrentJson is null ? null : JsonNode.Parse(problem.CurrentJson), status: problem.Status).ConfigureAwait(false);
            return;
        }

        var saved = attempt.Saved!;
        http.Response.Headers.ETag = Quoted(saved.Version);
        await Http.Json(http, 200, new FindingSavedDto(item, saved.Version, saved.Revision, attempt.Warnings.Select(d => Http.ToDto(d, Http.Language(http))).ToArray()), ApiJson.Web.FindingSavedDto).ConfigureAwait(false);
    }

    /// <summary>
    /// Saves (or, with a null body, deletes) one finding of an open audit the caller may work on: the one save path of
    /// the API and the checklist page. Validates the body through the library against the audit's head, scores the
    /// outcome, then writes it if <paramref name="expected"/> is still the item's version.
    /// </summary>
    public static async Task<SaveAttempt> SaveAsync(Call call, AuditRow audit, string item, long? expected, byte[]? body)
    {
        var auditRubric = await call.Service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false);
        if (auditRubric is null)
        {
            return SaveAttempt.Refused(new("SR7033", [("rubric", audit.RubricId + "@" + audit.RubricVersion)]));
        }

        var rubric = auditRubric.Rubric;
        if (rubric.FindItem(item) is null && rubric.FindIndicator(item) is null)
        {
            return SaveAttempt.Refused(new("SR7012", [("item", item)]));
        }

        string? bodyJson = null;
        IReadOnlyList<Diagnostic> warnings = [];
        if (body is not null)
        {
            var sourceName = "finding-" + item + ".json";
            var (finding, diagnostics) = call.Service.Scoring.ValidateFinding(auditRubric, audit.HeadJson, body, sourceName);
            if (diagnostics.Any(d => d.IsError))
            {
                return SaveAttempt.Refused(new("SR7010", [], diagnostics, Status: AuditScoring.IsReadingProblem(diagnostics) ? 400 : 422));
            }

            if (finding is null)
            {
                return SaveAttempt.Refused(new("SR7024", []));
            }

            var named = EvidenceDocument.TargetOf(finding);
            if (named != item)
            {
                return SaveAttempt.Refused(new("SR7011", [("url", item), ("body", named)]));
            }

            bodyJson = EvidenceDocument.Compact(finding);
            warnings = diagnostics;
        }

        // Score the save's outcome before writing it: the write transaction (one writer at a time on SQLite) then
        // only stores it, unless another save on this audit slipped in between.
        var snapshot = await call.Service.Store.SnapshotAsync(audit.Id, call.Aborted).ConfigureAwait(false);
        if (snapshot is not { } state)
        {
            return SaveAttempt.Refused(new("SR7003", []));
        }

        // The assessors' own records are the lead's to resolve (docs/team.md): the lead or an admin changes such a finding.
        var current = state.Findings.FirstOrDefault(f => f.Target == item);
        if ((current is not null && Pages.FindingRecords.HasAssessments(JsonNode.Parse(current.BodyJson) as JsonObject)
                || (bodyJson is not null && Pages.FindingRecords.HasAssessments(JsonNode.Parse(bodyJson) as JsonObject)))
            && !await Pages.FindingRecords.MayResolveAsync(call, audit.Id).ConfigureAwait(false))
        {
            return SaveAttempt.Refused(new("SR7105", [("item", item)]));
        }

        var prediction = call.Service.Scoring.Predict(auditRubric, audit.Id, state, item, bodyJson);
        var predicted = prediction.Outcome.Value is { } predictedResult ? (AuditScoring.ScoreText(predictedResult), predictedResult.Tier.Id) : ((string?)null, (string?)null);
        var saved = await call.Service.Store.SaveFindingAsync(audit.Id, item, expected, bodyJson, call.User, (state.Revision, predicted.Item1, predicted.Item2),
            (revision, head, findings) => call.Service.Scoring.ScoreAndTier(auditRubric, audit.Id, revision, head, findings), call.Aborted).ConfigureAwait(false);
        switch (saved.Outcome)
        {
            case SaveOutcome.NotFound:
                return SaveAttempt.Refused(new("SR7003", []));
            case SaveOutcome.Final:
                return SaveAttempt.Refused(new("SR7009", []));
            case SaveOutcome.VersionMismatch:
                return new SaveAttempt(saved, [], new("SR7007", [("item", item), ("version", saved.Version)], CurrentVersion: saved.Version, CurrentJson: saved.CurrentJson));
            case SaveOutcome.VersionRequired:
                return new SaveAttempt(saved, [], new("SR7008", [("item", item), ("version", saved.Version)], CurrentVersion: saved.Version, CurrentJson: saved.CurrentJson));
        }

        if (saved.Revision == prediction.Revision)
        {
            call.Service.Scoring.Remember(audit.Id, prediction);
        }

        return new SaveAttempt(saved, warnings, null);
    }

    public static async Task Result(Call call)
    {
        // ?preview=1: a formal audit still being recorded is scored as a preview (its missing items as 0, notice
        // "preview") instead of 422 — the live score of the checklist. A complete audit gives the same bytes either way.
        var preview = Http.Query(call.Http, "preview") is "1" or "true";
        if (await ScoredAsync(call, preview).ConfigureAwait(false) is not { } scored)
        {
            return;
        }

        await Http.Bytes(call.Http, 200, "application/json; charset=utf-8", preview ? scored.PreviewBytes : scored.ResultBytes).ConfigureAwait(false);
    }

    public static async Task Report(Call call)
    {
        var http = call.Http;
        var format = (Http.Query(http, "format") ?? "html").ToLowerInvariant();
        var lang = Http.Query(http, "lang") ?? (Http.English(http) ? "en" : "zh");
        if (!RenderedFormats.Contains(format) || lang is not ("zh" or "en"))
        {
            var formats = string.Join(", ", RenderedFormats);
            await Http.Problem(http, "SR7014", [("format", format + (lang is "zh" or "en" ? "" : " / lang=" + lang)), ("formats", formats + "; lang=zh|en")]).ConfigureAwait(false);
            return;
        }

        if (await ScoredAsync(call).ConfigureAwait(false) is not { } scored)
        {
            return;
        }

        var language = lang == "en" ? Language.English : Language.Chinese;
        var auditId = Http.RouteId(http)!.Value.ToString(CultureInfo.InvariantCulture);
        var fileName = "audit-" + auditId + "-report." + format;
        var rendered = await call.Service.Reports.RenderAsync(Http.RouteId(http)!.Value, scored, format, language, fileName, call.Aborted).ConfigureAwait(false);
        if (rendered.Bytes is null)
        {
            await Http.Problem(http, rendered.Problem!, diagnostics: rendered.Diagnostics).ConfigureAwait(false);
            return;
        }

        if (format == "html")
        {
            // The report is self-contained (inline CSS and SVG, no scripts): allow exactly that, and nothing else.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        }
        else if (ReportFiles.IsBinary(format))
        {
            // A document to save, never to open in the browser's origin: a PDF viewer runs scripts a PDF may carry.
            http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        }

        var inline = !ReportFiles.IsBinary(format) && Http.Query(http, "download") is not ("1" or "true");
        http.Response.Headers.ContentDisposition = (inline ? "inline" : "attachment") + "; filename=\"" + fileName + "\"";
        await Http.Bytes(http, 200, ReportFiles.ContentType(format), rendered.Bytes).ConfigureAwait(false);
    }

    public static async Task History(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var rows = await call.Service.Store.HistoryAsync(audit.Id, call.Aborted).ConfigureAwait(false);
        var entries = rows.Select(r => r.Action is "part" or "part-deleted"
            ? new HistoryEntryDto(r.Id, Clock.Iso(r.At), r.User, r.Action, null, r.Version, null, null, r.Target, r.BodyJson is null ? null : JsonNode.Parse(r.BodyJson))
            : new HistoryEntryDto(
                r.Id, Clock.Iso(r.At), r.User, r.Action, r.Target, r.Version,
                r.Action is "finding" or "create" && r.BodyJson is not null ? JsonNode.Parse(r.BodyJson) : null,
                r.Action is "finding" or "create" ? null : r.BodyJson)).ToArray();
        await Http.Json(call.Http, 200, entries, ApiJson.Web.IReadOnlyListHistoryEntryDto).ConfigureAwait(false);
    }

    public static async Task Finalise(Call call)
    {
        var http = call.Http;
        if (await OpenAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var (finalised, refusal) = await FinaliseAsync(call, audit).ConfigureAwait(false);
        if (refusal is not null)
        {
            await Http.Problem(http, refusal.Code, refusal.Arguments, refusal.Diagnostics).ConfigureAwait(false);
            return;
        }

        await Http.Json(http, 200, finalised!, ApiJson.Web.FinalisedDto).ConfigureAwait(false);
    }

    /// <summary>Finalises an open audit if its whole outcome scores (the API's and the checklist page's one path).</summary>
    public static async Task<(FinalisedDto? Finalised, Refusal? Refusal)> FinaliseAsync(Call call, AuditRow audit)
    {
        var scored = await call.Service.Scoring.ScoreAsync(call.Service.Store, audit.Id, call.Aborted).ConfigureAwait(false);
        var result = scored!.Outcome.Value;
        if (result is null)
        {
            return (null, new Refusal("SR7013", [], scored.Outcome.Diagnostics));
        }

        var score = AuditScoring.ScoreText(result);
        if (!await call.Service.Store.FinaliseAsync(audit.Id, scored.Revision, score, result.Tier.Id, call.User, call.Aborted).ConfigureAwait(false))
        {
            return (null, new Refusal("SR7026", [("version", "?")]));
        }

        return (new FinalisedDto(audit.Id, AuditStatus.Final, score, result.Tier.Id), null);
    }

    public static async Task Team(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var team = await call.Service.Store.TeamAsync(audit.Id, call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 200, team.Select(t => new TeamMemberDto(t.User, t.Role)).ToArray(), ApiJson.Web.IReadOnlyListTeamMemberDto).ConfigureAwait(false);
    }

    public static async Task AssignTeam(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var request = await Http.ReadJsonAsync(call.Http, ApiJson.Web.TeamAssignDto, 4096).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        if (request.Role is not ("lead" or "member"))
        {
            await Http.Problem(call.Http, "SR7016", [("detail", "role is lead or member")], status: 422).ConfigureAwait(false);
            return;
        }

        await ChangeTeam(call, audit, request.Role).ConfigureAwait(false);
    }

    public static async Task UnassignTeam(Call call)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is { } audit)
        {
            await ChangeTeam(call, audit, null).ConfigureAwait(false);
        }
    }

    private static async Task ChangeTeam(Call call, AuditRow audit, string? role)
    {
        var user = call.Http.Request.RouteValues["user"] as string ?? "";
        if (!await call.Service.Store.SetTeamMemberAsync(audit.Id, user, role, call.User, call.Aborted).ConfigureAwait(false))
        {
            await Http.Problem(call.Http, "SR7025", [("name", user)]).ConfigureAwait(false);
            return;
        }

        await Team(call).ConfigureAwait(false);
    }

    /// <summary>The audit named by the route, if the caller may see it; otherwise answers 404 and returns null.</summary>
    public static async Task<AuditRow?> VisibleAsync(Call call)
    {
        var id = Http.RouteId(call.Http);
        var audit = id is null ? null : await call.Service.Store.GetVisibleAuditAsync(id.Value, call.User, call.Aborted).ConfigureAwait(false);
        if (audit is null)
        {
            await Http.Problem(call.Http, "SR7003").ConfigureAwait(false);
            return null;
        }

        // From here on the request's texts speak the audit's rubric's words (审核 or 审查).
        if (await call.Service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false) is { } rubric)
        {
            Http.UseTerminology(call.Http, rubric.Rubric.Terminology);
        }

        return audit;
    }

    /// <summary>The visible audit if it is still open; otherwise answers 404 or 409 (final: read-only) and returns null.</summary>
    public static async Task<AuditRow?> OpenAsync(Call call)
    {
        var audit = await VisibleAsync(call).ConfigureAwait(false);
        if (audit is { IsFinal: true })
        {
            await Http.Problem(call.Http, "SR7009").ConfigureAwait(false);
            return null;
        }

        return audit;
    }

    /// <summary>The visible audit, scored; answers 304 for an unchanged revision, 422 with the diagnostics when it cannot be scored.</summary>
    private static async Task<ScoredAudit?> ScoredAsync(Call call, bool preview = false)
    {
        if (await VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return null;
        }

        var scored = await call.Service.Scoring.ScoreAsync(call.Service.Store, audit.Id, call.Aborted).ConfigureAwait(false);
        var etag = preview ? "\"r" + scored!.Revision.ToString(CultureInfo.InvariantCulture) + "p\"" : Revision(scored!.Revision);
        call.Http.Response.Headers.ETag = etag;
        if (call.Http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            call.Http.Response.StatusCode = StatusCodes.Status304NotModified;
            return null;
        }

        var outcome = preview ? scored.Preview : scored.Outcome;
        if (outcome.Value is null)
        {
            await Http.Problem(call.Http, "SR7013", diagnostics: outcome.Diagnostics).ConfigureAwait(false);
            return null;
        }

        return scored;
    }

    private static AuditSummaryDto ToDto(AuditRow a) => new(
        a.Id, new CompanyRef(a.CompanyId, a.CompanyName), a.Kind, a.Stage, a.Reference, a.FirstDate, a.LastDate, a.RubricId, a.Status, a.Revision,
        a.Score, a.Tier, Clock.Iso(a.CreatedAt), Clock.Iso(a.UpdatedAt), a.FinalisedAt is { } f ? Clock.Iso(f) : null, a.RubricVersion);

    private static string Quoted(long version) => "\"" + version.ToString(CultureInfo.InvariantCulture) + "\"";

    private static string Revision(long revision) => "\"r" + revision.ToString(CultureInfo.InvariantCulture) + "\"";

    private static int? ParseInt(string? text, int fallback, int min, int max) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value : null;

    private static bool IsDate(string? text) =>
        text is null || DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The name part of an uploaded file's name, for diagnostics; never a path.</summary>
    public static string SafeFileName(string? name, string fallback)
    {
        var file = Path.GetFileName((name ?? "").Replace('\\', '/'));
        return file.Length is > 0 and <= 120 && file.All(ch => !char.IsControl(ch)) ? file : fallback;
    }
}
