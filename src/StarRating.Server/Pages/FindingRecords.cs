using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;
using StarRating.Server.Storage;

namespace StarRating.Server.Pages;

/// <summary>
/// The two records a finding of the checklist can carry besides its result (docs/evidence-format.md): the
/// nonconformity record (<c>nc:</c>, issue 17) of a graded finding, and the assessors' own records
/// (<c>assessments:</c>, issue 18) behind a team's finding. Both are edited through the one finding save (the API's
/// <c>PUT</c> with <c>If-Match</c>, or the item's form), so the library judges them and the history keeps every revision.
/// </summary>
internal static class FindingRecords
{
    /// <summary>The keys of an <c>nc:</c> record in the evidence format's order; the form's fields are <c>nc_KEY</c>.</summary>
    public static readonly string[] NcKeys = ["id", "confirmed_by", "root_cause", "action", "due", "status", "verified_by", "verified_on"];

    public static readonly string[] NcStatuses = ["open", "corrected", "verified"];

    /// <summary>The reports' label of each field (<c>label.ncr_*</c>): the form names what the nonconformity report prints.</summary>
    private static readonly Dictionary<string, string> NcLabels = new(StringComparer.Ordinal)
    {
        ["id"] = "label.ncr_number",
        ["confirmed_by"] = "label.ncr_confirmation",
        ["root_cause"] = "label.ncr_root_cause",
        ["action"] = "label.ncr_action",
        ["due"] = "label.ncr_due",
        ["status"] = "label.ncr_status",
        ["verified_by"] = "label.ncr_verified_by",
        ["verified_on"] = "label.ncr_verified_on",
    };

    /// <summary>The catalogue key of a record field's label.</summary>
    public static string NcLabel(string key) => NcLabels[key];

    /// <summary>Grades that make a nonconformity (an observation is not one: docs/evidence-format.md, SR3016).</summary>
    public static bool IsNonconformity(string? grade) => grade is "major" or "minor";

    /// <summary>Whether the page shows the item's nonconformity record: a graded nonconformity, or a record already there.</summary>
    public static bool ShowsNc(JsonObject? finding) => IsNonconformity(Str(finding, "grade")) || finding?["nc"] is JsonObject;

    /// <summary>
    /// The nonconformity record's fields. With <paramref name="item"/> null it is the page's one template, which the
    /// script copies into an item whose grade becomes major or minor (ids get the item's id appended).
    /// </summary>
    public static void NcFields(Html h, Page page, string? item, JsonObject? nc)
    {
        var suffix = item ?? "";
        h.Open("fieldset", ("class", "nc"), ("data-nc", "")).Element("legend", page.Catalogue("label.ncr_title"));
        h.Element("p", page.T("nc.hint"), ("class", "muted hint"));
        h.Open("div", ("class", "nc-grid"));
        foreach (var key in NcKeys)
        {
            var id = "nc_" + key + "-" + suffix;
            var value = Str(nc, key);
            var wide = key is "root_cause" or "action";
            h.Open("div", ("class", wide ? "field wide" : "field"), ("data-field", "nc." + key));
            h.Element("label", page.Catalogue(NcLabels[key]), ("for", id));
            switch (key)
            {
                case "status":
                    h.Open("select", ("id", id), ("name", "nc_status"));
                    foreach (var status in NcStatuses)
                    {
                        h.Element("option", page.Catalogue("correction_status." + status), ("value", status), ("selected", Html.Flag((value ?? "open") == status)));
                    }

                    h.Close("select");
                    break;
                case "root_cause" or "action":
                    h.Open("textarea", ("id", id), ("name", "nc_" + key), ("rows", "2"), ("maxlength", "4000")).Value(value).Close("textarea");
                    break;
                case "due" or "verified_on":
                    h.Void("input", ("id", id), ("name", "nc_" + key), ("type", "date"), ("value", value));
                    break;
                default:
                    h.Void("input", ("id", id), ("name", "nc_" + key), ("type", "text"), ("maxlength", "200"), ("value", value),
                        ("autocomplete", "off"), ("placeholder", key == "id" && item is not null ? "NC-" + item : null));
                    break;
            }

            h.Close("div");
        }

        h.Close("div").Close("fieldset");
    }

    /// <summary>
    /// The <c>nc:</c> record the form describes (null when every field is empty; status alone, at its default, is
    /// not a record). The script builds the same (app.js: <c>collectNc</c>). Values are kept as typed: the library
    /// judges them and its diagnostics point at the field.
    /// </summary>
    public static JsonObject? NcFromForm(Func<string, StringValues> form)
    {
        var values = NcKeys.ToDictionary(k => k, k => form("nc_" + k).ToString().Replace("\r\n", "\n", StringComparison.Ordinal).Trim(), StringComparer.Ordinal);
        if (values.All(v => v.Value.Length == 0 || (v.Key == "status" && v.Value == "open")))
        {
            return null;
        }

        var nc = new JsonObject();
        foreach (var key in NcKeys)
        {
            var value = key == "status" && values[key].Length == 0 ? "open" : values[key];
            if (value.Length > 0)
            {
                nc[key] = value;
            }
        }

        return nc;
    }

    /// <summary>Open and past its due date (a corrected one waits for verification, not for the company).</summary>
    public static bool IsOverdue(JsonObject nc, DateOnly today) =>
        (Str(nc, "status") ?? "open") == "open"
        && DateOnly.TryParseExact(Str(nc, "due"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var due)
        && due < today;

    public static DateOnly Today() => DateOnly.FromDateTime(DateTime.UtcNow);

    // ---- the assessors' own records ---------------------------------------------------------------------------

    /// <summary>A finding with the assessors' own records: the team's finding (resolved) or their disagreement (unresolved).</summary>
    public static bool HasAssessments(JsonObject? finding) => finding?["assessments"] is JsonArray { Count: > 0 };

    /// <summary>Unresolved: assessments and no team result yet (SR3152 in a formal audit).</summary>
    public static bool IsUnresolved(JsonObject? finding) => HasAssessments(finding) && finding!["result"] is null && finding["sample"] is null;

    /// <summary>
    /// Whether the user may change a finding that holds the assessors' records: the audit's lead or an admin (docs/team.md:
    /// the lead resolves; the other assessors see it). The API refuses others with SR7105.
    /// </summary>
    public static async Task<bool> MayResolveAsync(Api.Call call, long auditId)
    {
        if (call.User.Role == Roles.Admin)
        {
            return true;
        }

        var team = await call.Service.Store.TeamAsync(auditId, call.Aborted).ConfigureAwait(false);
        return team.Any(t => t.User == call.User.Name && t.Role == "lead");
    }

    /// <summary>
    /// Each assessor's record side by side; for the lead, a button per record that makes it the team's finding (the
    /// item form posts it to <c>…/adopt</c>; the script fills the controls and saves through the one save path).
    /// </summary>
    public static void Assessments(Html h, Page page, string auditId, string item, JsonObject finding, bool mayResolve, bool readOnly)
    {
        var assessments = (JsonArray)finding["assessments"]!;
        var unresolved = IsUnresolved(finding);
        // A plain block, not a region: one landmark per item would repeat one name down the page.
        h.Open("div", ("class", unresolved ? "team unresolved" : "team"), ("data-team", unresolved ? "unresolved" : "resolved")).Line();
        h.Element("h5", page.T("team.title"), ("id", "tm-" + item));
        // Both states' words: the script flips data-team when the lead's save resolves the item.
        h.Element("p", page.T("team.unresolved"), ("class", "msg warn when-unresolved"));
        h.Element("p", page.T("team.resolved"), ("class", "msg info when-resolved"));
        h.Open("div", ("class", "assessments"));
        var index = 0;
        foreach (var node in assessments)
        {
            if (node is not JsonObject a)
            {
                index++;
                continue;
            }

            var by = Names(a["by"]);
            h.Open("div", ("class", "assessment"), ("data-assessment", index.ToString(CultureInfo.InvariantCulture)), ("data-by", by),
                ("data-json", a.ToJsonString()));
            h.Open("p", ("class", "who")).Element("span", page.Catalogue("label.col_assessor") + page.Colon, ("class", "label")).Element("strong", by).Close("p");
            h.Element("p", Describe(page, a), ("class", "what"));
            if (Str(a, "grade") is { } grade && ChecklistPage.Grades.Contains(grade))
            {
                h.Element("p", page.T("grade." + grade), ("class", "grade"));
            }

            var methods = List(a["methods"]).Where(ChecklistPage.Methods.Contains).Select(m => page.T("method." + m)).ToArray();
            if (methods.Length > 0)
            {
                h.Element("p", string.Join(page.ListSeparator, methods), ("class", "muted"));
            }

            foreach (var text in List(a["evidence"]))
            {
                h.Element("p", "· " + text, ("class", "muted"));
            }

            foreach (var key in new[] { "reason", "note" })
            {
                if (Str(a, key) is { } text)
                {
                    h.Element("p", text, ("class", "note"));
                }
            }

            if (mayResolve && !readOnly)
            {
                h.Element("button", page.T("team.adopt", ("name", by)), ("type", "submit"), ("name", "adopt"), ("value", index.ToString(CultureInfo.InvariantCulture)),
                    ("formaction", "/audits/" + auditId + "/checklist/" + item + "/adopt"), ("formnovalidate", ""), ("data-adopt", index.ToString(CultureInfo.InvariantCulture)));
            }

            h.Close("div");
            index++;
        }

        h.Close("div");
        if (!readOnly)
        {
            h.Element("p", page.T(mayResolve ? "team.write-own" : "team.lead-only"), ("class", "muted"));
        }

        h.Close("div").Line();
    }

    /// <summary>The team's finding made of one assessment: its result and details, over the stored finding (by, nc and the records stay).</summary>
    public static JsonObject? Adopt(JsonObject stored, int index)
    {
        if (stored["assessments"] is not JsonArray list || index < 0 || index >= list.Count || list[index] is not JsonObject chosen)
        {
            return null;
        }

        var finding = new JsonObject();
        foreach (var (key, value) in stored)
        {
            if (!ChecklistPage.EditedKeys.Contains(key) || key == "nc")
            {
                finding[key] = value?.DeepClone();
            }
        }

        foreach (var (key, value) in chosen)
        {
            if (key != "by" && ChecklistPage.EditedKeys.Contains(key) && key != "nc")
            {
                finding[key] = value?.DeepClone();
            }
        }

        return finding;
    }

    private static string Describe(Page page, JsonObject a)
    {
        if (a["sample"] is JsonObject sample)
        {
            return page.T("result.sample") + " " + sample["conforming"]?.ToJsonString() + " / " + sample["size"]?.ToJsonString();
        }

        var result = Str(a, "result");
        var word = result is not null && ChecklistPage.Results.Contains(result) ? page.T("result." + result) : "?";
        return a["points"] is JsonValue points ? word + " · " + page.T("checklist.points", ("points", points.ToJsonString())) : word;
    }

    private static string Names(JsonNode? node) => string.Join(", ", List(node));

    public static string? Str(JsonObject? o, string key) => o?[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static IEnumerable<string> List(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : x?.ToJsonString() ?? ""),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
