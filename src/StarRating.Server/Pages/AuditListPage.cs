using System.Globalization;
using StarRating.Server.Api;
using StarRating.Server.Storage;

namespace StarRating.Server.Pages;

/// <summary>
/// <c>/audits</c>: the audits the user is on first ("mine"), then — for leads and admins, who see every audit — all
/// audits; one filter form (company, kind, status, tier, first audit day) for both, paged. The same store queries as
/// <c>GET /api/audits</c>.
/// </summary>
internal static class AuditListPage
{
    public static readonly string[] Kinds = ["initial", "surveillance", "recertification", "mock", "self"];
    private const int PageSize = 50;

    public static async Task Render(Call call)
    {
        var page = Page.For(call);
        var http = call.Http;
        string? Q(string name) => Api.Http.Query(http, name);
        long? company = long.TryParse(Q("company"), NumberStyles.None, CultureInfo.InvariantCulture, out var c) ? c : null;
        var kind = Kinds.Contains(Q("kind")) ? Q("kind") : null;
        var status = Q("status") is "open" or "final" ? Q("status") : null;
        var tiers = call.Service.Scoring.Engine.Rubric.Tiers;
        var tier = tiers.Any(t => t.Id == Q("tier")) ? Q("tier") : null;
        var from = DateOnly.TryParseExact(Q("from"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? Q("from") : null;
        var to = DateOnly.TryParseExact(Q("to"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _) ? Q("to") : null;
        var number = int.TryParse(Q("page"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and < 100_000 ? p : 1;

        var filter = new AuditFilter(company, kind, tier, status, from, to, 1, PageSize, Mine: true);
        var (mine, mineTotal) = await call.Service.Store.ListAuditsAsync(filter, call.User, call.Aborted).ConfigureAwait(false);
        var seesAll = call.User.SeesAllAudits;
        IReadOnlyList<AuditRow> all = [];
        long allTotal = 0;
        if (seesAll)
        {
            (all, allTotal) = await call.Service.Store.ListAuditsAsync(filter with { Mine = false, Page = number }, call.User, call.Aborted).ConfigureAwait(false);
        }

        var companies = await call.Service.Store.ListCompaniesAsync(call.User, call.Aborted).ConfigureAwait(false);
        await page.WriteAsync(page.T("list.title"), h =>
        {
            h.Element("h1", page.T("list.title")).Line();
            if (call.User.Role is Roles.Admin or Roles.Lead)
            {
                h.Open("p").Element("a", page.T("nav.new"), ("href", "/audits/new"), ("class", "button primary")).Close("p").Line();
            }

            // Filters: a plain GET form, so a filtered list is a link that can be kept and shared.
            // Closed unless a filter is in use, so a phone shows the audits first.
            var filtering = company is not null || kind is not null || status is not null || tier is not null || from is not null || to is not null;
            h.Open("details", ("class", "filter-box card"), ("open", Html.Flag(filtering))).Element("summary", page.T("list.filters"));
            h.Open("form", ("method", "get"), ("action", "/audits"), ("class", "filters"), ("aria-label", page.T("list.filters"))).Line();
            Select(h, "f-company", "company", page.T("field.company"), company?.ToString(CultureInfo.InvariantCulture),
                companies.Select(x => (x.Id.ToString(CultureInfo.InvariantCulture), x.Name)), page.T("list.any"));
            Select(h, "f-kind", "kind", page.T("field.kind"), kind, Kinds.Select(k => (k, page.T("kind." + k))), page.T("list.any"));
            Select(h, "f-status", "status", page.T("list.status"), status, [("open", page.T("status.open")), ("final", page.T("status.final"))], page.T("list.any"));
            Select(h, "f-tier", "tier", page.Catalogue("label.tier"), tier, tiers.Reverse().Select(t => (t.Id, page.T(t.Label))), page.T("list.any"));
            h.Open("div", ("class", "field")).Element("label", page.T("list.from"), ("for", "f-from"))
                .Void("input", ("id", "f-from"), ("name", "from"), ("type", "date"), ("value", from)).Close("div");
            h.Open("div", ("class", "field")).Element("label", page.T("list.to"), ("for", "f-to"))
                .Void("input", ("id", "f-to"), ("name", "to"), ("type", "date"), ("value", to)).Close("div");
            h.Open("div", ("class", "field actions")).Element("button", page.T("list.apply"), ("type", "submit"))
                .Element("a", page.T("list.clear"), ("href", "/audits"), ("class", "button")).Close("div");
            h.Close("form").Close("details").Line();

            Section(h, page, "mine", page.T("list.mine"), mine, mineTotal, null);
            if (seesAll)
            {
                Section(h, page, "all", page.T("list.all"), all, allTotal, number);
            }
        }).ConfigureAwait(false);
    }

    private static void Select(Html h, string id, string name, string label, string? selected, IEnumerable<(string Value, string Text)> options, string any)
    {
        h.Open("div", ("class", "field")).Element("label", label, ("for", id)).Open("select", ("id", id), ("name", name));
        h.Element("option", any, ("value", ""));
        foreach (var (value, text) in options)
        {
            h.Element("option", text, ("value", value), ("selected", Html.Flag(value == selected)));
        }

        h.Close("select").Close("div").Line();
    }

    private static void Section(Html h, Page page, string id, string title, IReadOnlyList<AuditRow> rows, long total, int? number)
    {
        h.Open("section", ("aria-labelledby", "h-" + id), ("class", "audits")).Line();
        h.Element("h2", title + " (" + Page.N(total) + ")", ("id", "h-" + id)).Line();
        if (rows.Count == 0)
        {
            h.Element("p", page.T("list.none"), ("class", "muted")).Line();
        }

        h.Open("ul", ("class", "cards")).Line();
        foreach (var a in rows)
        {
            var id2 = Page.N(a.Id);
            h.Open("li", ("class", "card audit"), ("data-audit", id2)).Line();
            h.Open("h3").Element("a", a.CompanyName, ("href", "/audits/" + id2 + "/checklist")).Close("h3");
            h.Open("p", ("class", "meta"));
            h.Element("span", page.T("kind." + a.Kind));
            if (a.FirstDate is { Length: > 0 } first)
            {
                h.Element("span", first == a.LastDate || string.IsNullOrEmpty(a.LastDate) ? first : first + " – " + a.LastDate);
            }

            if (a.Reference is { Length: > 0 } reference)
            {
                h.Element("span", reference);
            }

            h.Element("span", "#" + id2);
            h.Close("p");
            h.Open("p", ("class", "meta"));
            h.Element("span", page.T("status." + a.Status), ("class", "badge " + a.Status));
            if (a.Score is { } score)
            {
                var tier = page.Call.Service.Scoring.Engine.Rubric.Tiers.FirstOrDefault(t => t.Id == a.Tier);
                h.Element("span", score + " · " + (tier is null ? a.Tier : page.T(tier.Label)), ("class", "score"));
            }
            else
            {
                h.Element("span", page.T("list.in-progress"), ("class", "muted"));
            }

            h.Close("p").Close("li").Line();
        }

        h.Close("ul").Line();
        if (number is { } n && total > PageSize)
        {
            var pages = (total + PageSize - 1) / PageSize;
            var query = page.Http.Request.Query.Where(q => q.Key != "page").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).ToList();
            h.Open("nav", ("class", "pager"), ("aria-label", page.T("list.pages")));
            if (n > 1)
            {
                h.Element("a", page.T("list.prev"), ("href", "/audits" + Microsoft.AspNetCore.Http.QueryString.Create(query.Append(KeyValuePair.Create("page", (string?)Page.N(n - 1)))).ToString()), ("rel", "prev"), ("class", "button"));
            }

            h.Element("span", page.T("list.page", ("page", n), ("pages", pages)));
            if (n < pages)
            {
                h.Element("a", page.T("list.next"), ("href", "/audits" + Microsoft.AspNetCore.Http.QueryString.Create(query.Append(KeyValuePair.Create("page", (string?)Page.N(n + 1)))).ToString()), ("rel", "next"), ("class", "button"));
            }

            h.Close("nav").Line();
        }

        h.Close("section").Line();
    }
}
