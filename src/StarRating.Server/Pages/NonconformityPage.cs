using System.Text.Json.Nodes;
using StarRating.Server.Api;

namespace StarRating.Server.Pages;

/// <summary>
/// <c>/audits/{id}/nonconformities</c>: the audit's nonconformities (graded major or minor, or carrying an <c>nc:</c>
/// record) in rubric order with their record's status, the overdue ones marked; each links to its item on the
/// checklist, where the record is edited. Worded with the nonconformity report's own labels.
/// </summary>
internal static class NonconformityPage
{
    public static async Task Render(Call call)
    {
        if (await ChecklistPage.AuditAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        // The audit's own rubric (its items' order and its terminology), as on the checklist.
        var rubric = (await call.Service.Scoring.Rubrics.ForAuditAsync(audit, call.Aborted).ConfigureAwait(false))?.Rubric ?? call.Service.Scoring.Engine.Rubric;
        var page = Page.For(call).For(rubric);
        var order = rubric.Items.Select((item, index) => (item.Id, index)).ToDictionary(x => x.Id, x => x.index, StringComparer.Ordinal);
        var rows = (await call.Service.Store.GetFindingsAsync(audit.Id, call.Aborted).ConfigureAwait(false))
            .Select(f => (f.Target, Finding: (JsonObject)JsonNode.Parse(f.BodyJson)!))
            .Where(f => FindingRecords.ShowsNc(f.Finding))
            .OrderBy(f => order.GetValueOrDefault(f.Target, int.MaxValue)).ThenBy(f => f.Target, StringComparer.Ordinal)
            .ToArray();
        var today = FindingRecords.Today();
        var id = Page.N(audit.Id);
        var statuses = rows.Select(r => r.Finding["nc"] is JsonObject nc ? FindingRecords.Str(nc, "status") ?? "open" : "open").ToArray();
        var overdue = rows.Count(r => r.Finding["nc"] is JsonObject nc && FindingRecords.IsOverdue(nc, today));

        await page.WriteAsync(audit.CompanyName + " · " + page.T("nc.list-title"), h =>
        {
            h.Open("header", ("class", "audit-head")).Line();
            h.Element("h1", audit.CompanyName).Line();
            h.Open("p", ("class", "meta")).Element("span", page.T("kind." + audit.Kind)).Element("span", "#" + id)
                .Element("span", page.T("status." + audit.Status), ("class", "badge " + audit.Status)).Close("p").Line();
            ChecklistPage.AuditNav(h, page, id, "nonconformities", rows.Length);
            h.Close("header").Line();
            h.Open("section", ("class", "card"), ("aria-labelledby", "nc-h")).Line();
            h.Element("h2", page.T("nc.list-title"), ("id", "nc-h"));
            if (rows.Length == 0)
            {
                h.Element("p", page.Catalogue("label.ncr_none"), ("data-nc-summary", ""));
                h.Close("section").Line();
                return;
            }

            h.Element("p", page.T("nc.summary", ("count", rows.Length), ("open", statuses.Count(s => s == "open")), ("corrected", statuses.Count(s => s == "corrected")),
                ("verified", statuses.Count(s => s == "verified"))), ("data-nc-summary", ""));
            if (overdue > 0)
            {
                h.Element("p", page.T("nc.overdue-count", ("count", overdue)), ("class", "msg err"), ("data-overdue-count", Page.N(overdue)));
            }

            h.Close("section").Line();
            h.Open("ul", ("class", "cards nc-list")).Line();
            foreach (var (target, finding) in rows)
            {
                var nc = finding["nc"] as JsonObject;
                var status = nc is null ? null : FindingRecords.Str(nc, "status") ?? "open";
                var late = nc is not null && FindingRecords.IsOverdue(nc, today);
                var grade = FindingRecords.Str(finding, "grade");
                h.Open("li", ("class", "card nc-row" + (late ? " overdue" : "")), ("data-nc-item", target), ("data-nc-status", status ?? ""), ("data-overdue", Html.Flag(late))).Line();
                h.Open("h3").Element("span", nc is null ? "—" : FindingRecords.Str(nc, "id") ?? "—", ("class", "ncid")).Text(" ")
                    .Element("a", target, ("href", "/audits/" + id + "/checklist#i-" + target), ("aria-label", page.T("nc.open-item", ("item", target)))).Close("h3");
                h.Open("p", ("class", "meta"));
                if (grade is not null && ChecklistPage.Grades.Contains(grade))
                {
                    h.Element("span", page.T("grade." + grade), ("class", "badge grade " + grade));
                }

                h.Element("span", status is null ? page.T("nc.no-record") : page.Catalogue("correction_status." + status), ("class", "badge nc-status " + (status ?? "none")));
                if (late)
                {
                    h.Element("span", page.T("nc.overdue"), ("class", "badge overdue"));
                }

                h.Close("p");
                if (rubric.FindItem(target) is { } item)
                {
                    h.Element("p", page.T(item.Requirement), ("class", "req"));
                }

                h.Open("dl", ("class", "nc-facts"));
                Fact(h, page, "label.ncr_facts", FindingRecords.Str(finding, "note"));
                foreach (var key in new[] { "confirmed_by", "root_cause", "action", "due", "verified_by", "verified_on" })
                {
                    Fact(h, page, FindingRecords.NcLabel(key), FindingRecords.Str(nc, key));
                }

                h.Close("dl");
                h.Close("li").Line();
            }

            h.Close("ul").Line();
        }, 200, "nc-page").ConfigureAwait(false);
    }

    private static void Fact(Html h, Page page, string label, string? value)
    {
        if (value is null)
        {
            return;
        }

        h.Open("div").Element("dt", page.Catalogue(label)).Element("dd", value).Close("div");
    }
}
