using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using StarRating.Rules;
using StarRating.Server.Api;
using StarRating.Server.Evidence;
using StarRating.Server.Storage;

namespace StarRating.Server.Pages;

/// <summary>
/// <c>/audits/new</c> (leads and admins): company, kind, audit days, reference, team and rubric. The form becomes an
/// evidence document with no findings yet, judged and stored exactly as <c>POST /api/audits</c> does; the team members
/// chosen from the service's users are put on the audit's team (who may work on it) and named in the evidence.
/// </summary>
internal static class NewAuditPage
{
    private sealed record Entry(string Company, string CreditCode, string Kind, string First, string Last, string Reference, string Lead, IReadOnlyList<string> Members, string Rubric = "");

    public static async Task Form(Call call)
    {
        if (call.User.Role is not (Roles.Admin or Roles.Lead))
        {
            await PageRoutes.Refuse(call, "SR7002", StatusCodes.Status403Forbidden, ("role", call.User.Role)).ConfigureAwait(false);
            return;
        }

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Render(call, new Entry("", "", "initial", today, today, "", call.User.Name, []), [], 200).ConfigureAwait(false);
    }

    public static async Task Submit(Call call)
    {
        if (call.User.Role is not (Roles.Admin or Roles.Lead))
        {
            await PageRoutes.Refuse(call, "SR7002", StatusCodes.Status403Forbidden, ("role", call.User.Role)).ConfigureAwait(false);
            return;
        }

        var page = Page.For(call);
        var form = await call.Http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
        string F(string name) => form[name].ToString().Trim();
        var users = await TeamCandidatesAsync(call).ConfigureAwait(false);
        var entry = new Entry(F("company"), F("credit_code"), F("kind"), F("first"), F("last"), F("reference"), F("lead"),
            form["member"].Select(m => m ?? "").Where(m => users.Any(u => u.Name == m)).Distinct(StringComparer.Ordinal).ToArray(), F("rubric"));

        var problems = new List<string>();
        if (entry.Company.Length == 0)
        {
            problems.Add(ServiceText.Format("SR7101", page.English, ("field", page.T("field.company"))));
        }

        if (entry.Lead.Length == 0)
        {
            problems.Add(ServiceText.Format("SR7101", page.English, ("field", page.T("field.lead"))));
        }

        if (!AuditListPage.Kinds.Contains(entry.Kind))
        {
            problems.Add(ServiceText.Format("SR7101", page.English, ("field", page.T("field.kind"))));
        }

        foreach (var (value, field) in new[] { (entry.First, "field.first"), (entry.Last, "field.last") })
        {
            if (value.Length > 0 && !DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                problems.Add(ServiceText.Format("SR7102", page.English, ("field", page.T(field)), ("value", value)));
            }
        }

        if (problems.Count > 0)
        {
            await Render(call, entry, problems, StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        // The rubric chosen (a built-in id, or ID@VERSION of one an admin uploaded; none: the default), resolved as an
        // uploaded evidence file's pin is, so a page-made audit and an API-made one name their rubric the same way.
        var choice = entry.Rubric.Length == 0 ? call.Service.Scoring.Rubrics.Default.Rubric.Id : entry.Rubric;
        var chosen = RubricReference.TryParse(choice, out var pin)
            ? await call.Service.Scoring.Rubrics.ResolveAsync(pin.Id, pin.Version, call.Aborted).ConfigureAwait(false)
            : null;
        if (chosen is null)
        {
            await Render(call, entry, [ServiceText.Format("SR7101", page.English, ("field", page.T("field.rubric")))], StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        var bytes = Evidence(entry, chosen.BuiltIn ? chosen.Rubric.Id : chosen.Pin);
        var (validated, diagnostics) = call.Service.Scoring.ValidateUpload(bytes, "evidence.json", chosen);
        if (validated is null)
        {
            // The library's own words, with their codes: what the evidence built from the form lacks.
            await Render(call, entry, diagnostics.Where(d => d.IsError).Select(d => d.Code + ": " + d.Message).ToArray(), StatusCodes.Status422UnprocessableEntity).ConfigureAwait(false);
            return;
        }

        var (head, findings) = EvidenceDocument.Split(validated.Root);
        var summary = EvidenceDocument.Summarize(validated.Evidence, validated.Root) with { RubricId = chosen.Rubric.Id, RubricVersion = chosen.BuiltIn ? null : chosen.Rubric.Version };
        var id = await call.Service.Store.CreateAuditAsync(summary, head, findings, call.User, null, null, call.Aborted).ConfigureAwait(false);
        foreach (var member in entry.Members.Where(m => m != call.User.Name))
        {
            await call.Service.Store.SetTeamMemberAsync(id, member, "member", call.User, call.Aborted).ConfigureAwait(false);
        }

        PageRoutes.SeeOther(call.Http, "/audits/" + Page.N(id) + "/checklist");
    }

    /// <summary>The evidence document of a new audit: the file format's keys, no findings yet.</summary>
    private static byte[] Evidence(Entry entry, string rubricId)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("rubric", rubricId);
            w.WriteStartObject("company");
            w.WriteString("name", entry.Company);
            if (entry.CreditCode.Length > 0)
            {
                w.WriteString("credit_code", entry.CreditCode);
            }

            w.WriteEndObject();
            w.WriteStartObject("audit");
            w.WriteString("kind", entry.Kind);
            var dates = new[] { entry.First, entry.Last }.Where(d => d.Length > 0).Distinct(StringComparer.Ordinal).ToArray();
            if (dates.Length > 0)
            {
                w.WriteStartArray("dates");
                foreach (var date in dates)
                {
                    w.WriteStringValue(date);
                }

                w.WriteEndArray();
            }

            w.WriteStartArray("team");
            w.WriteStartObject();
            w.WriteString("name", entry.Lead);
            w.WriteString("role", "lead");
            w.WriteEndObject();
            foreach (var member in entry.Members.Where(m => m != entry.Lead))
            {
                w.WriteStartObject();
                w.WriteString("name", member);
                w.WriteString("role", "member");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (entry.Reference.Length > 0)
            {
                w.WriteString("reference", entry.Reference);
            }

            w.WriteEndObject();
            w.WriteStartArray("findings");
            w.WriteEndArray();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static async Task<IReadOnlyList<UserRecord>> TeamCandidatesAsync(Call call) =>
        (await call.Service.Store.ListUsersAsync(call.Aborted).ConfigureAwait(false)).Where(u => u.Role is Roles.Auditor or Roles.Lead).ToArray();

    private static async Task Render(Call call, Entry entry, IReadOnlyList<string> problems, int status)
    {
        var page = Page.For(call);
        var users = await TeamCandidatesAsync(call).ConfigureAwait(false);
        // Every rubric an audit may be scored with: the built-in ones, then those admins uploaded (each version).
        var rubrics = RubricLoader.BuiltInIds.Select(id => call.Service.Scoring.Rubrics.BuiltIn(id)!.Rubric)
            .Select(r => (Value: r.Id, Text: r.Standard + " · " + page.T(r.Title) + " (" + r.Id + ")"))
            .Concat((await call.Service.Store.ListRubricsAsync(call.Aborted).ConfigureAwait(false))
                .Select(r => (Value: r.RubricId + "@" + r.Version, Text: (page.English && r.TitleEn is { Length: > 0 } en ? en : r.TitleZh) + " (" + r.RubricId + "@" + r.Version + ")")))
            .ToArray();
        var selected = entry.Rubric.Length == 0 ? rubrics[0].Value : entry.Rubric;
        await page.WriteAsync(page.T("new.title"), h =>
        {
            h.Element("h1", page.T("new.title")).Line();
            if (problems.Count > 0)
            {
                h.Open("div", ("class", "msg err"), ("role", "alert")).Open("ul");
                foreach (var problem in problems)
                {
                    h.Element("li", problem);
                }

                h.Close("ul").Close("div").Line();
            }

            h.Open("form", ("method", "post"), ("action", "/audits/new"), ("class", "card stack")).Line();
            page.CsrfField(h);
            Input(h, "company", page.T("field.company"), entry.Company, required: true);
            Input(h, "credit_code", page.T("field.credit-code"), entry.CreditCode, hint: page.T("field.credit-code.hint"));
            h.Element("label", page.T("field.kind"), ("for", "kind"));
            h.Open("select", ("id", "kind"), ("name", "kind"));
            foreach (var kind in AuditListPage.Kinds)
            {
                h.Element("option", page.T("kind." + kind), ("value", kind), ("selected", Html.Flag(kind == entry.Kind)));
            }

            h.Close("select").Line();
            h.Open("div", ("class", "pair"));
            h.Open("div").Element("label", page.T("field.first"), ("for", "first")).Void("input", ("id", "first"), ("name", "first"), ("type", "date"), ("value", entry.First)).Close("div");
            h.Open("div").Element("label", page.T("field.last"), ("for", "last")).Void("input", ("id", "last"), ("name", "last"), ("type", "date"), ("value", entry.Last)).Close("div");
            h.Close("div").Line();
            Input(h, "reference", page.T("field.reference"), entry.Reference);
            Input(h, "lead", page.T("field.lead"), entry.Lead, required: true);
            h.Open("fieldset", ("class", "checks")).Element("legend", page.T("field.team"));
            var candidates = users.Where(u => u.Name != call.User.Name).ToArray();
            if (candidates.Length == 0)
            {
                h.Element("p", page.T("new.no-users"), ("class", "muted"));
            }

            foreach (var user in candidates)
            {
                h.Open("label", ("class", "check")).Void("input", ("type", "checkbox"), ("name", "member"), ("value", user.Name), ("checked", Html.Flag(entry.Members.Contains(user.Name))))
                    .Element("span", user.Name + " (" + page.T("role." + user.Role) + ")").Close("label");
            }

            h.Close("fieldset").Line();
            h.Element("label", page.T("field.rubric"), ("for", "rubric"));
            h.Open("select", ("id", "rubric"), ("name", "rubric"));
            foreach (var (value, text) in rubrics)
            {
                h.Element("option", text, ("value", value), ("selected", Html.Flag(value == selected)));
            }

            h.Close("select").Line();
            h.Element("button", page.T("new.submit"), ("type", "submit"), ("class", "primary"));
            h.Close("form").Line();
        }, status).ConfigureAwait(false);
    }

    private static void Input(Html h, string name, string label, string value, bool required = false, string? hint = null)
    {
        h.Element("label", label, ("for", name));
        h.Void("input", ("id", name), ("name", name), ("value", value), ("required", Html.Flag(required)), ("maxlength", "200"), ("aria-describedby", hint is null ? null : name + "-hint"));
        if (hint is not null)
        {
            h.Element("small", hint, ("id", name + "-hint"), ("class", "muted"));
        }

        h.Line();
    }
}
