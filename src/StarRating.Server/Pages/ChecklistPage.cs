using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Server.Api;
using StarRating.Server.Evidence;
using StarRating.Server.Storage;

namespace StarRating.Server.Pages;

/// <summary>
/// <c>/audits/{id}/checklist</c>: every check item by category and indicator with its requirement, points, expected
/// methods and documents, and the controls that record a finding. Without JavaScript each item is a form that posts
/// to the server (the same save as the API, with the version it showed); with it, <c>app.js</c> saves each change at
/// once through <c>PUT /api/audits/{id}/findings/{item}</c> with <c>If-Match</c>, queues what cannot be sent, and polls
/// <c>live</c> for the score and the other assessors' saves.
/// </summary>
/// <remarks>
/// Hooks for outside scripts (fixed): each item's container has <c>data-item</c>; its result controls carry
/// <c>data-result</c>; the live score element has <c>data-score</c>, the tier element <c>data-tier</c> (the tier id).
/// Keys of a finding the page does not edit (later <c>nc:</c>, <c>assessments:</c>, <c>x-…</c>) are kept on every
/// save, so an item can grow those blocks without this page losing them.
/// </remarks>
internal static class ChecklistPage
{
    public static readonly string[] Results = ["conforming", "partial", "nonconforming", "not_applicable"];
    public static readonly string[] Grades = ["major", "minor", "observation"];
    public static readonly string[] Methods = ["document", "interview", "observation", "customer"];

    /// <summary>The finding keys this page edits; every other key of a stored finding passes through a save untouched.</summary>
    public static readonly string[] EditedKeys = ["result", "points", "sample", "grade", "methods", "evidence", "note", "reason", "nc"];

    private sealed record Stored(long Version, string By, long At, JsonObject Finding);

    public static Task Render(Call call) => RenderAsync(call, null, null, 200);

    private static async Task RenderAsync(Call call, string? messageItem, string? message, int status)
    {
        if (await AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var page = Page.For(call);
        var service = call.Service;
        var scored = (await service.Scoring.ScoreAsync(service.Store, audit.Id, call.Aborted).ConfigureAwait(false))!;
        var findings = (await service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false))
            .ToDictionary(f => f.Target, f => new Stored(f.Version, f.SavedBy, f.SavedAt, (JsonObject)JsonNode.Parse(f.BodyJson)!), StringComparer.Ordinal);
        var photos = (await service.Store.AttachmentsAsync(audit.Id, null, call.Aborted).ConfigureAwait(false))
            .Where(a => a.Target is not null).ToLookup(a => a.Target!, StringComparer.Ordinal);
        var preview = scored.Preview;
        var result = preview.Value;
        var items = result?.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal) ?? [];
        var rubric = (await service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false))?.Rubric ?? service.Scoring.Engine.Rubric;
        page = page.For(rubric);
        var id = Page.N(audit.Id);
        var readOnly = audit.IsFinal;
        var mayResolve = await FindingRecords.MayResolveAsync(call, audit.Id).ConfigureAwait(false);
        var unresolved = findings.Values.Where(f => FindingRecords.IsUnresolved(f.Finding)).Select(f => f.Finding["item"]?.ToString() ?? f.Finding["indicator"]?.ToString() ?? "").ToArray();
        var nonconformities = findings.Values.Count(f => FindingRecords.ShowsNc(f.Finding));

        await page.WriteAsync(audit.CompanyName + " · " + page.T("checklist.title"), h =>
        {
            h.Open("div", ("class", "checklist"), ("data-audit", id), ("data-csrf", page.Csrf), ("data-revision", Page.N(scored.Revision)),
                ("data-lang", page.Lang), ("data-final", Html.Flag(readOnly)), ("data-user", call.User.Name)).Line();
            Texts(h, page);
            h.Open("header", ("class", "audit-head")).Line();
            h.Element("h1", audit.CompanyName).Line();
            h.Open("p", ("class", "meta")).Element("span", page.T("kind." + audit.Kind));
            if (audit.FirstDate is { Length: > 0 } first)
            {
                h.Element("span", first == audit.LastDate || string.IsNullOrEmpty(audit.LastDate) ? first : first + " – " + audit.LastDate);
            }

            if (audit.Reference is { Length: > 0 } reference)
            {
                h.Element("span", reference);
            }

            h.Element("span", "#" + id).Element("span", page.T("status." + audit.Status), ("class", "badge " + audit.Status)).Close("p").Line();
            AuditNav(h, page, id, "checklist", nonconformities);
            h.Close("header").Line();
            if (unresolved.Length > 0)
            {
                h.Open("p", ("class", "msg warn"), ("data-unresolved", Page.N(unresolved.Length))).Text(page.T("team.unresolved-count", ("count", unresolved.Length), ("items", "")));
                foreach (var item in unresolved)
                {
                    h.Text(" ").Element("a", item, ("href", "#i-" + item));
                }

                h.Close("p").Line();
            }

            if (message is not null)
            {
                h.Open("div", ("class", "msg err"), ("role", "alert")).Text(messageItem is null ? message : messageItem + ": " + message);
                if (messageItem is not null)
                {
                    h.Text(" ").Element("a", page.T("checklist.go-to-item"), ("href", "#i-" + messageItem));
                }

                h.Close("div").Line();
            }

            ScorePanel(h, page, audit, scored, result, preview);
            h.Open("nav", ("class", "toc card"), ("aria-label", page.T("checklist.toc"))).Open("details").Element("summary", page.T("checklist.toc")).Open("ul");
            foreach (var category in rubric.Categories)
            {
                foreach (var indicator in category.Indicators)
                {
                    h.Open("li").Open("a", ("href", "#ind-" + indicator.Id)).Text(indicator.Id + " " + page.T(indicator.Name)).Close("a").Close("li");
                }
            }

            h.Close("ul").Close("details").Close("nav").Line();

            var categoryResults = result?.Categories.ToDictionary(c => c.Category.Id, StringComparer.Ordinal);
            var indicatorResults = result?.Indicators.ToDictionary(i => i.Indicator.Id, StringComparer.Ordinal);
            foreach (var category in rubric.Categories)
            {
                h.Open("section", ("class", "cat"), ("aria-labelledby", "cat-" + category.Id)).Line();
                var cr = categoryResults?.GetValueOrDefault(category.Id);
                h.Open("h2", ("id", "cat-" + category.Id)).Text(category.Id + " " + page.T(category.Name)).Close("h2");
                Bar(h, page, "data-cat", category.Id, cr?.Earned, cr?.Applicable ?? category.Points);
                foreach (var indicator in category.Indicators)
                {
                    var ir = indicatorResults?.GetValueOrDefault(indicator.Id);
                    h.Open("section", ("class", "ind"), ("id", "ind-" + indicator.Id), ("aria-labelledby", "h-" + indicator.Id)).Line();
                    h.Open("h3", ("id", "h-" + indicator.Id)).Text(indicator.Id + " " + page.T(indicator.Name)).Close("h3");
                    Bar(h, page, "data-ind", indicator.Id, ir?.Earned, ir?.Applicable ?? indicator.Points);
                    if (findings.GetValueOrDefault(indicator.Id) is { } whole)
                    {
                        h.Element("p", page.T("checklist.indicator-finding", ("indicator", indicator.Id), ("result", Word(page, whole.Finding))), ("class", "msg info"));
                    }

                    foreach (var item in indicator.Items)
                    {
                        Item(h, page, id, item, findings.GetValueOrDefault(item.Id), items.GetValueOrDefault(item.Id), photos[item.Id], readOnly, mayResolve);
                    }

                    h.Close("section").Line();
                }

                h.Close("section").Line();
            }

            // The nonconformity record's fields, once: the script copies them into an item graded major or minor.
            h.Open("template", ("id", "nc-template"));
            FindingRecords.NcFields(h, page, null, null);
            h.Close("template").Line();
            h.Close("div").Line();
        }, status, "checklist-page").ConfigureAwait(false);
    }

    /// <summary>The words the script shows (saving, unsaved, conflict…), in the page's language, as a JSON data block (not code).</summary>
    private static void Texts(Html h, Page page)
    {
        var texts = ServiceText.PageTexts.Keys.Where(k => k.StartsWith("js.", StringComparison.Ordinal))
            .ToDictionary(k => k[3..], k => ServiceText.Template(k, page.Wording), StringComparer.Ordinal);
        var json = System.Text.Json.JsonSerializer.Serialize(texts, PageJson.Web.DictionaryStringString);
        h.Open("template", ("id", "sr-texts"), ("data-json", json)).Close("template").Line();
    }

    private static void ScorePanel(Html h, Page page, AuditRow audit, ScoredAudit scored, AuditResult? result, LoadResult<AuditResult> preview)
    {
        h.Open("section", ("class", "score card"), ("aria-labelledby", "score-h"), ("data-live", "")).Line();
        h.Element("h2", page.Catalogue("label.score"), ("id", "score-h"), ("class", "sr-only"));
        h.Open("div", ("class", "figures"));
        h.Open("p", ("class", "big")).Element("span", page.Catalogue("label.score"), ("class", "label"));
        h.Element("output", result is null ? "—" : Page.N(result.Score), ("data-score", result is null ? "" : Page.N(result.Score)), ("aria-live", "polite"));
        h.Close("p");
        h.Open("p", ("class", "big")).Element("span", page.Catalogue("label.tier"), ("class", "label"));
        h.Element("span", result is null ? "—" : page.T(result.Tier.Label), ("data-tier", result?.Tier.Id ?? ""), ("class", "tier"));
        h.Close("p");
        h.Close("div").Line();
        h.Element("p", Gap(page, result) ?? "", ("class", "gap"), ("data-gap", ""));
        h.Element("p", page.T("checklist.preview"), ("class", "badge preview"), ("data-preview", ""), ("hidden", Html.Flag(result is not { IsPreview: true })));
        var recorded = result is null ? 0 : result.Items.Count(i => i.Status != ItemStatus.NotAssessed);
        h.Element("p", page.T("checklist.recorded", ("done", recorded), ("total", result?.Items.Count ?? page.Call.Service.Scoring.Engine.Rubric.Items.Count)), ("data-recorded", ""), ("class", "muted"));
        h.Open("ul", ("class", "problems"), ("data-errors", ""));
        if (result is null)
        {
            foreach (var error in preview.Diagnostics.Where(d => d.IsError).Take(5))
            {
                h.Element("li", error.Code + ": " + error.MessageIn(page.Language));
            }
        }

        h.Close("ul");
        h.Element("p", "", ("class", "sync"), ("data-sync", ""), ("role", "status"), ("aria-live", "polite"));

        // Downloads: one link per format the report endpoint serves (docx, xlsx, pdf appear when it does).
        var complete = scored.Outcome.Value is not null;
        h.Open("div", ("class", "downloads"), ("data-downloads", "")).Element("span", page.T("checklist.reports"), ("class", "label"));
        h.Open("ul", ("hidden", Html.Flag(!complete)));
        var id = Page.N(audit.Id);
        foreach (var format in AuditEndpoints.ReportFormats)
        {
            h.Open("li").Element("a", format.ToUpperInvariant(), ("href", "/api/audits/" + id + "/report?format=" + format + "&lang=" + page.Lang + "&download=1"),
                ("data-format", format), ("download", "")).Close("li");
        }

        h.Close("ul");
        h.Element("p", page.T("checklist.reports-later"), ("class", "muted"), ("hidden", Html.Flag(complete)));
        h.Close("div").Line();
        if (!audit.IsFinal && page.Call.User.Role is Roles.Admin or Roles.Lead)
        {
            // Folded behind a summary so a stray tap does not finalise; a plain form (no script needed).
            h.Open("details", ("class", "finalise")).Element("summary", page.T("finalise"));
            h.Open("form", ("method", "post"), ("action", "/audits/" + id + "/finalise"));
            page.CsrfField(h);
            h.Element("p", page.T("finalise.hint"), ("class", "muted"));
            h.Element("button", page.T("finalise.confirm"), ("type", "submit"), ("class", "primary"), ("data-finalise", ""));
            h.Close("form").Close("details").Line();
        }
        h.Close("section").Line();
    }

    /// <summary>The next-tier line as the reports word it (<c>report.next_tier_missing</c>, <c>report.next_tier_top</c>).</summary>
    private static string? Gap(Page page, AuditResult? result) =>
        result is null ? null
        : result.NextTier is { } next ? page.Catalogue("report.next_tier_missing", ("tier", next.Label), ("min", next.MinScore), ("points", result.PointsToNextTier ?? 0m))
        : page.Catalogue("report.next_tier_top");

    private static void Bar(Html h, Page page, string attribute, string id, decimal? earned, decimal applicable)
    {
        h.Open("p", ("class", "bar"));
        h.Open("meter", ("min", "0"), ("max", Page.N(applicable)), ("value", Page.N(earned ?? 0m)), (attribute, id), ("aria-label", page.T("checklist.points-of", ("id", id))))
            .Close("meter");
        h.Element("span", (earned is null ? "—" : Page.N(earned.Value)) + " / " + Page.N(applicable), (attribute + "-text", id));
        h.Close("p");
    }

    /// <summary>The links between the audit's pages (checklist, nonconformities), the current one marked.</summary>
    public static void AuditNav(Html h, Page page, string auditId, string current, int nonconformities)
    {
        h.Open("nav", ("class", "subnav"), ("aria-label", page.T("audit-pages"))).Open("ul");
        h.Open("li").Element("a", page.T("checklist.title"), ("href", "/audits/" + auditId + "/checklist"), ("aria-current", current == "checklist" ? "page" : null)).Close("li");
        h.Open("li").Element("a", page.T("nc.list") + " (" + Page.N(nonconformities) + ")", ("href", "/audits/" + auditId + "/nonconformities"),
            ("aria-current", current == "nonconformities" ? "page" : null), ("data-nc-count", Page.N(nonconformities))).Close("li");
        h.Close("ul").Close("nav").Line();
    }

    private static void Item(Html h, Page page, string auditId, CheckItem item, Stored? stored, ItemResult? scored, IEnumerable<AttachmentRow> photos, bool readOnly, bool mayResolve)
    {
        var f = stored?.Finding;
        // A finding holding the assessors' own records is the lead's to change (docs/team.md); the others see it.
        var locked = readOnly || (FindingRecords.HasAssessments(f) && !mayResolve);
        var result = Str(f, "result") ?? (f?["sample"] is JsonObject ? "sample" : null);
        var id = item.Id;
        h.Open("article", ("class", "item"), ("id", "i-" + id), ("data-item", id), ("data-version", Page.N(stored?.Version ?? 0)), ("data-points", Page.N(item.Points)),
            ("data-status", scored is null ? null : EvidenceWords.Of(scored.Status)), ("aria-labelledby", "t-" + id)).Line();
        h.Open("h4", ("id", "t-" + id)).Element("span", id, ("class", "iid")).Element("span", page.T("checklist.points", ("points", Page.N(item.Points))), ("class", "pts"));
        h.Element("span", scored is null || scored.Status == ItemStatus.NotAssessed ? "" : Page.N(scored.Earned) + " / " + Page.N(scored.Applicable), ("class", "earned"), ("data-earned", ""));
        h.Close("h4");
        h.Element("p", page.T(item.Requirement), ("class", "req"));
        h.Open("p", ("class", "expect")).Element("span", page.T("checklist.methods") + page.Colon, ("class", "label"))
            .Text(string.Join(page.ListSeparator, item.Methods.Select(m => page.T(FormatWords.Describe(m))))).Close("p");
        if (item.Documents.Count > 0)
        {
            h.Open("p", ("class", "expect")).Element("span", page.T("checklist.documents") + page.Colon, ("class", "label"))
                .Text(string.Join(page.T("documents_separator"), item.Documents.Select(page.T))).Close("p");
        }

        if (scored is { FromIndicatorFinding: true })
        {
            h.Element("p", page.T("checklist.from-indicator", ("indicator", item.Indicator.Id)), ("class", "muted"));
        }

        h.Open("form", ("method", "post"), ("action", "/audits/" + auditId + "/checklist/" + id), ("class", "finding"), ("data-locked", Html.Flag(locked && !readOnly))).Line();
        page.CsrfField(h);
        h.Void("input", ("type", "hidden"), ("name", "version"), ("value", Page.N(stored?.Version ?? 0)));
        if (FindingRecords.HasAssessments(f))
        {
            FindingRecords.Assessments(h, page, auditId, id, f!, mayResolve, readOnly);
        }

        h.Open("fieldset", ("class", "body"), ("disabled", Html.Flag(locked)));
        h.Open("fieldset", ("class", "results")).Element("legend", page.T("checklist.result"), ("class", "sr-only"));
        foreach (var word in Results.Append("sample"))
        {
            h.Open("label", ("class", "opt " + word));
            h.Void("input", ("type", "radio"), ("name", "result"), ("value", word), ("data-result", word == "sample" ? null : word), ("checked", Html.Flag(result == word)));
            h.Element("span", page.T("result." + word)).Close("label");
        }

        h.Close("fieldset").Line();
        var sample = f?["sample"] as JsonObject;
        h.Open("div", ("class", "when partial")).Element("label", page.T("checklist.partial-points", ("points", Page.N(item.Points))), ("for", "points-" + id))
            .Void("input", ("id", "points-" + id), ("name", "points"), ("type", "number"), ("inputmode", "decimal"), ("min", "0"), ("max", Page.N(item.Points)), ("step", "any"),
                ("value", result == "partial" ? Raw(f, "points") : null)).Close("div");
        h.Open("div", ("class", "when sample pair"));
        h.Open("div").Element("label", page.T("checklist.sample-size"), ("for", "size-" + id))
            .Void("input", ("id", "size-" + id), ("name", "size"), ("type", "number"), ("inputmode", "numeric"), ("min", "1"), ("step", "1"), ("value", Raw(sample, "size"))).Close("div");
        h.Open("div").Element("label", page.T("checklist.sample-conforming"), ("for", "conforming-" + id))
            .Void("input", ("id", "conforming-" + id), ("name", "conforming"), ("type", "number"), ("inputmode", "numeric"), ("min", "0"), ("step", "1"), ("value", Raw(sample, "conforming"))).Close("div");
        h.Close("div").Line();
        h.Open("div", ("class", "when not_applicable")).Element("label", page.T("checklist.reason"), ("for", "reason-" + id))
            .Open("textarea", ("id", "reason-" + id), ("name", "reason"), ("rows", "2"), ("maxlength", "2000")).Value(Str(f, "reason")).Close("textarea").Close("div").Line();

        h.Open("div", ("class", "details"));
        h.Open("div", ("class", "field")).Element("label", page.T("checklist.grade"), ("for", "grade-" + id)).Open("select", ("id", "grade-" + id), ("name", "grade"));
        h.Element("option", page.T("grade.none"), ("value", ""));
        foreach (var grade in Grades)
        {
            h.Element("option", page.T("grade." + grade), ("value", grade), ("selected", Html.Flag(Str(f, "grade") == grade)));
        }

        h.Close("select").Close("div");
        var used = List(f, "methods");
        h.Open("fieldset", ("class", "methods field")).Element("legend", page.T("checklist.methods-used"));
        foreach (var method in Methods)
        {
            h.Open("label", ("class", "check")).Void("input", ("type", "checkbox"), ("name", "methods"), ("value", method), ("checked", Html.Flag(used.Contains(method))))
                .Element("span", page.T("method." + method)).Close("label");
        }

        h.Close("fieldset");
        h.Open("div", ("class", "field wide")).Element("label", page.T("checklist.evidence"), ("for", "evidence-" + id))
            .Open("textarea", ("id", "evidence-" + id), ("name", "evidence"), ("rows", "2"), ("maxlength", "8000"), ("placeholder", page.T("checklist.evidence-hint")))
            .Value(string.Join("\n", List(f, "evidence"))).Close("textarea").Close("div");
        h.Open("div", ("class", "field wide")).Element("label", page.T("checklist.note"), ("for", "note-" + id))
            .Open("textarea", ("id", "note-" + id), ("name", "note"), ("rows", "2"), ("maxlength", "8000")).Value(Str(f, "note")).Close("textarea").Close("div");
        h.Open("div", ("class", "field wide photo")).Element("label", page.T("checklist.photo"), ("for", "photo-" + id))
            .Void("input", ("id", "photo-" + id), ("name", "photo"), ("type", "file"), ("accept", "image/*"), ("capture", "environment"))
            .Element("button", page.T("checklist.upload"), ("type", "submit"), ("class", "nojs"), ("formaction", "/audits/" + auditId + "/checklist/" + id + "/photo"),
                ("formenctype", "multipart/form-data"), ("formnovalidate", ""));
        h.Open("ul", ("class", "photos"), ("data-photos", ""));
        foreach (var photo in photos)
        {
            h.Open("li").Element("a", photo.FileName, ("href", "/api/audits/" + auditId + "/attachments/" + photo.Sha256)).Close("li");
        }

        h.Close("ul").Close("div");
        h.Close("div").Line();
        if (FindingRecords.ShowsNc(f))
        {
            FindingRecords.NcFields(h, page, id, f?["nc"] as JsonObject);
        }

        h.Close("fieldset");
        h.Open("div", ("class", "state"));
        h.Element("button", page.T("checklist.save"), ("type", "submit"), ("class", "save nojs"), ("disabled", Html.Flag(locked)));
        h.Element("span", stored is null ? page.T("js.empty") : page.T("js.saved-by", ("user", stored.By), ("time", Clock.Iso(stored.At)[..16].Replace('T', ' ') + "Z")),
            ("class", "status"), ("data-state", stored is null ? "empty" : "saved"), ("role", "status"));
        h.Close("div");
        h.Close("form").Line();
        h.Open("div", ("class", "conflict"), ("hidden", ""), ("role", "alert")).Close("div").Line();
        h.Close("article").Line();
    }

    private static string Word(Page page, JsonObject finding) => Str(finding, "result") is { } r && Results.Contains(r) ? page.T("result." + r) : "?";

    private static string? Str(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A number exactly as stored (no float round trip).</summary>
    private static string? Raw(JsonObject? o, string key) => o?[key] is JsonValue v ? v.ToJsonString() : null;

    private static IReadOnlyList<string> List(JsonObject? o, string key) => o?[key] switch
    {
        JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x?.ToJsonString() ?? "").ToArray(),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    /// <summary>The audit of the route if the user may work on it (404 page otherwise, as the API answers; 403 for viewers).</summary>
    internal static async Task<AuditRow?> AuditAsync(Call call)
    {
        if (call.User.Role == Roles.Viewer)
        {
            await PageRoutes.Refuse(call, "SR7002", StatusCodes.Status403Forbidden, ("role", call.User.Role)).ConfigureAwait(false);
            return null;
        }

        var id = Api.Http.RouteId(call.Http);
        var audit = id is null ? null : await call.Service.Store.GetVisibleAuditAsync(id.Value, call.User, call.Aborted).ConfigureAwait(false);
        if (audit is null)
        {
            await PageRoutes.NotFound(call).ConfigureAwait(false);
        }

        return audit;
    }

    // ---- live: the score and every finding, for the script's poll ----------------------------------------------

    public static async Task Live(Call call)
    {
        var http = call.Http;
        var id = Api.Http.RouteId(http);
        var audit = id is null || call.User.Role == Roles.Viewer ? null : await call.Service.Store.GetVisibleAuditAsync(id.Value, call.User, call.Aborted).ConfigureAwait(false);
        if (audit is null)
        {
            await Api.Http.Problem(http, "SR7003").ConfigureAwait(false);
            return;
        }

        // The audit's own rubric (its item count and its terminology), as the checklist page itself uses.
        var rubric = (await call.Service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false))?.Rubric ?? call.Service.Scoring.Engine.Rubric;
        var page = Page.For(call).For(rubric);
        var scored = (await call.Service.Scoring.ScoreAsync(call.Service.Store, audit.Id, call.Aborted).ConfigureAwait(false))!;
        var etag = "\"r" + Page.N(scored.Revision) + "-" + page.Lang + (audit.IsFinal ? "f" : "") + "\"";
        http.Response.Headers.ETag = etag;
        if (http.Request.Headers.IfNoneMatch.ToString() == etag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        var rows = await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false);
        var preview = scored.Preview;
        var result = preview.Value;
        var statuses = result?.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        var live = new LiveDto(
            scored.Revision,
            audit.IsFinal,
            result?.IsPreview ?? false,
            scored.Outcome.Value is not null,
            result is null ? null : Page.N(result.Score),
            result is null ? null : new TierDto(result.Tier.Id, page.T(result.Tier.Label)),
            Gap(page, result),
            page.T("checklist.recorded", ("done", result?.Items.Count(i => i.Status != ItemStatus.NotAssessed) ?? 0), ("total", rubric.Items.Count)),
            result is null ? preview.Diagnostics.Where(d => d.IsError).Take(5).Select(d => d.Code + ": " + d.MessageIn(page.Language)).ToArray() : [],
            result is null ? [] : result.Categories.Select(c => new BarDto(c.Category.Id, Page.N(c.Earned), Page.N(c.Applicable)))
                .Concat(result.Indicators.Select(i => new BarDto(i.Indicator.Id, Page.N(i.Earned), Page.N(i.Applicable)))).ToArray(),
            rows.Select(r =>
            {
                var s = statuses?.GetValueOrDefault(r.Target);
                return new LiveFindingDto(r.Target, r.Version, r.SavedBy, Clock.Iso(r.SavedAt), JsonNode.Parse(r.BodyJson),
                    s is null ? null : EvidenceWords.Of(s.Status), s is null ? null : Page.N(s.Earned) + " / " + Page.N(s.Applicable));
            }).ToArray());
        http.Response.StatusCode = 200;
        http.Response.ContentType = "application/json; charset=utf-8";
        await System.Text.Json.JsonSerializer.SerializeAsync(http.Response.Body, live, PageJson.Web.LiveDto, call.Aborted).ConfigureAwait(false);
    }

    // ---- without JavaScript: each item's form posts here ------------------------------------------------------

    public static async Task SaveForm(Call call)
    {
        if (await AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var page = Page.For(call);
        var item = call.Http.Request.RouteValues["itemId"] as string ?? "";
        var form = await call.Http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
        var expected = long.TryParse(form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        if (audit.IsFinal)
        {
            await RenderAsync(call, item, ServiceText.Format("SR7009", page.English), StatusCodes.Status409Conflict).ConfigureAwait(false);
            return;
        }

        var current = (await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false)).FirstOrDefault(f => f.Target == item);
        var finding = FromForm(item, form, current is null ? null : (JsonObject)JsonNode.Parse(current.BodyJson)!);
        if (finding is null)
        {
            await RenderAsync(call, item, ServiceText.Format("SR7103", page.English), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        await SaveAndAnswerAsync(call, page, audit, item, expected, finding).ConfigureAwait(false);
    }

    /// <summary>
    /// The lead (or an admin) finalises the audit from the checklist: the API's path; a refusal (an item not yet
    /// recorded, a disagreement not resolved: SR3152) is shown on the checklist with the engine's codes.
    /// </summary>
    public static async Task FinaliseForm(Call call)
    {
        if (call.User.Role is not (Roles.Admin or Roles.Lead))
        {
            await PageRoutes.Refuse(call, "SR7002", StatusCodes.Status403Forbidden, ("role", call.User.Role)).ConfigureAwait(false);
            return;
        }

        if (await AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var page = Page.For(call);
        if (audit.IsFinal)
        {
            await RenderAsync(call, null, ServiceText.Format("SR7009", page.English), StatusCodes.Status409Conflict).ConfigureAwait(false);
            return;
        }

        var (_, refusal) = await AuditEndpoints.FinaliseAsync(call, audit).ConfigureAwait(false);
        if (refusal is not null)
        {
            await RenderAsync(call, null, Describe(page, refusal), ServiceText.Get(refusal.Code).Status).ConfigureAwait(false);
            return;
        }

        PageRoutes.SeeOther(call.Http, "/audits/" + Page.N(audit.Id) + "/checklist");
    }

    /// <summary>A refusal in the page's words: the service's text, then each of the engine's errors with its code.</summary>
    private static string Describe(Page page, Refusal refusal)
    {
        var text = ServiceText.Format(refusal.Code, page.English, refusal.Arguments);
        return refusal.Diagnostics is { } diagnostics
            ? text + " " + string.Join(" ", diagnostics.Where(d => d.IsError).Select(d => d.Code + ": " + d.MessageIn(page.Language)))
            : text;
    }

    /// <summary>
    /// Without JavaScript, the lead makes one assessor's record the team's finding: the item form's button posts its
    /// index here, and the finding is saved through the one save path (SR7105 for anyone but the lead or an admin).
    /// </summary>
    public static async Task AdoptForm(Call call)
    {
        if (await AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var page = Page.For(call);
        var item = call.Http.Request.RouteValues["itemId"] as string ?? "";
        var form = await call.Http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
        var expected = long.TryParse(form["version"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0;
        var current = (await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false)).FirstOrDefault(f => f.Target == item);
        var index = int.TryParse(form["adopt"].ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
        var finding = current is null ? null : FindingRecords.Adopt((JsonObject)JsonNode.Parse(current.BodyJson)!, index);
        if (finding is null)
        {
            await RenderAsync(call, item, ServiceText.Format("SR7103", page.English), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        await SaveAndAnswerAsync(call, page, audit, item, expected, finding).ConfigureAwait(false);
    }

    private static async Task SaveAndAnswerAsync(Call call, Page page, AuditRow audit, string item, long expected, JsonObject finding)
    {
        var attempt = await AuditEndpoints.SaveAsync(call, audit, item, expected, System.Text.Encoding.UTF8.GetBytes(finding.ToJsonString())).ConfigureAwait(false);
        if (attempt.Problem is { } problem)
        {
            await RenderAsync(call, item, Describe(page, problem), problem.Status ?? ServiceText.Get(problem.Code).Status).ConfigureAwait(false);
            return;
        }

        PageRoutes.SeeOther(call.Http, "/audits/" + Page.N(audit.Id) + "/checklist#i-" + item);
    }

    /// <summary>
    /// The finding a form describes, over the stored one (whose keys the page does not edit pass through); null when no
    /// result is chosen. The script builds the same object (app.js: <c>collect</c>).
    /// </summary>
    public static JsonObject? FromForm(string item, IFormCollection form, JsonObject? stored)
    {
        var result = form["result"].ToString();
        if (!Results.Contains(result) && result != "sample")
        {
            return null;
        }

        var finding = new JsonObject { ["item"] = item };
        if (stored is not null)
        {
            foreach (var (key, value) in stored)
            {
                if (key is not "item" and not "indicator" && !EditedKeys.Contains(key))
                {
                    finding[key] = value?.DeepClone();
                }
            }
        }

        if (result == "sample")
        {
            finding["sample"] = new JsonObject { ["size"] = Number(form["size"]), ["conforming"] = Number(form["conforming"]) };
        }
        else
        {
            finding["result"] = result;
        }

        if (result == "partial")
        {
            finding["points"] = Number(form["points"]);
        }

        if (result == "not_applicable" && Text(form["reason"]) is { } reason)
        {
            finding["reason"] = reason;
        }

        if (Grades.Contains(form["grade"].ToString()))
        {
            finding["grade"] = form["grade"].ToString();
        }

        var methods = form["methods"].Where(m => Methods.Contains(m)).Select(m => (JsonNode?)JsonValue.Create(m)).ToArray();
        if (methods.Length > 0)
        {
            finding["methods"] = new JsonArray(methods);
        }

        var evidence = form["evidence"].ToString().Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Select(l => (JsonNode?)JsonValue.Create(l)).ToArray();
        if (evidence.Length > 0)
        {
            finding["evidence"] = new JsonArray(evidence);
        }

        if (Text(form["note"]) is { } note)
        {
            finding["note"] = note;
        }

        if (FindingRecords.NcFromForm(key => form[key]) is { } nc)
        {
            finding["nc"] = nc;
        }

        return finding;
    }

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        value.ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim() is { Length: > 0 } s ? s : null;

    /// <summary>A number as typed, kept as a JSON number when it is one (the library judges its range), else as text it will refuse with a location.</summary>
    private static JsonNode? Number(Microsoft.Extensions.Primitives.StringValues value)
    {
        var text = value.ToString().Trim();
        if (text.Length == 0)
        {
            return null;
        }

        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    public static async Task PhotoForm(Call call)
    {
        if (await AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var page = Page.For(call);
        var item = call.Http.Request.RouteValues["itemId"] as string ?? "";
        var form = await call.Http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
        var file = form.Files.GetFile("photo");
        if (file is null || file.Length == 0 || file.Length > call.Service.Options.MaxAttachmentBytes)
        {
            var text = file is null || file.Length == 0 ? ServiceText.Format("SR7104", page.English) : ServiceText.Format("SR7006", page.English, ("limit", call.Service.Options.MaxAttachmentBytes));
            await RenderAsync(call, item, text, StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        using var memory = new MemoryStream();
        await file.CopyToAsync(memory, call.Aborted).ConfigureAwait(false);
        var (_, refusal) = await AttachmentEndpoints.StoreAsync(call, audit, file.ContentType, file.FileName, memory.ToArray(), item).ConfigureAwait(false);
        if (refusal is not null)
        {
            await RenderAsync(call, item, ServiceText.Format(refusal.Code, page.English, refusal.Arguments), ServiceText.Get(refusal.Code).Status).ConfigureAwait(false);
            return;
        }

        PageRoutes.SeeOther(call.Http, "/audits/" + Page.N(audit.Id) + "/checklist#i-" + item);
    }
}
