using System.Net;
using System.Text.RegularExpressions;
using StarRating.Server.Pages;

namespace StarRating.Server.Tests;

/// <summary>The pages in-process (no browser): escaping by construction, headers, CSRF on every form, the sign-in flow, access.</summary>
public sealed partial class PagesTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;")]
    [InlineData("\"><img src=x onerror=alert(2)>", "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;")]
    [InlineData("a\u202Eb\u2066c", "a\uFFFDb\uFFFDc")]
    [InlineData("bell\u0007nul\u0000", "bell\uFFFDnul\uFFFD")]
    [InlineData("O'Brien & 售后", "O&#39;Brien &amp; 售后")]
    public void Displayed_text_is_encoded_and_neutralised(string text, string expected)
    {
        new Html().Element("p", text).ToString().Should().Be("<p>" + expected + "</p>");
    }

    [Fact]
    public void Attribute_values_are_encoded_and_names_must_be_plain()
    {
        new Html().Void("input", ("value", "\" onfocus=\"alert(1)"), ("checked", ""), ("hidden", null)).ToString()
            .Should().Be("<input value=\"&quot; onfocus=&quot;alert(1)\" checked>");
        var act = () => new Html().Void("input", ("onclick=\"x", "1"));
        act.Should().Throw<ArgumentException>();
        new Html().Open("textarea").Value("\u202Ekept\n</textarea>").Close("textarea").ToString()
            .Should().Be("<textarea>\u202Ekept\n&lt;/textarea&gt;</textarea>", "a field keeps what was typed, encoded");
    }

    [Fact]
    public async Task Signing_in_through_the_form_sets_the_session_and_goes_where_the_visitor_was_going()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var client = service.Client();
        var redirect = await client.GetAsync("/audits?kind=initial");
        redirect.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        redirect.Headers.Location!.ToString().Should().Be("/login?next=%2Faudits%3Fkind%3Dinitial");

        var form = await client.GetAsync("/login?next=%2Faudits%3Fkind%3Dinitial");
        var html = await form.Content.ReadAsStringAsync();
        html.Should().Contain("name=\"username\"").And.Contain("name=\"password\"").And.Contain("name=\"_csrf\"");
        var cookie = form.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("starrating_login=", StringComparison.Ordinal)).Split(';')[0];
        var token = CsrfValue().Match(html).Groups[1].Value;

        // Without the cookie's token (another site posting the form) there is no sign-in.
        var forged = await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "lead", ["password"] = "password-lead", ["_csrf"] = "forged" }));
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        forged.Headers.Contains("Set-Cookie").Should().BeTrue();
        forged.Headers.GetValues("Set-Cookie").Should().NotContain(c => c.StartsWith("starrating_session=", StringComparison.Ordinal));

        var wrong = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "lead", ["password"] = "nope", ["_csrf"] = token, ["next"] = "/audits?kind=initial" }),
        };
        wrong.Headers.Add("Cookie", cookie);
        (await client.SendAsync(wrong)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var good = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = "lead", ["password"] = "password-lead", ["_csrf"] = token, ["next"] = "//evil.example/" }),
        };
        good.Headers.Add("Cookie", cookie);
        var signedIn = await client.SendAsync(good);
        signedIn.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        signedIn.Headers.Location!.ToString().Should().Be("/audits", "only a local path is followed after signing in");
        signedIn.Headers.GetValues("Set-Cookie").Should().Contain(c => c.StartsWith("starrating_session=", StringComparison.Ordinal) && c.Contains("httponly") && c.Contains("samesite=strict"));
    }

    [Fact]
    public async Task Pages_carry_csrf_tokens_in_every_form_a_strict_policy_and_no_inline_code()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var id = await service.CreateAuditAsync(TestService.Sample("01-five-star-appliance-maker.yaml"));
        var session = await SessionAsync(service, "auditor");
        foreach (var path in new[] { "/audits", $"/audits/{id}/checklist" })
        {
            var response = await session.GetAsync(path);
            response.StatusCode.Should().Be(HttpStatusCode.OK, path);
            var html = await response.Content.ReadAsStringAsync();
            response.Content.Headers.ContentType!.ToString().Should().Be("text/html; charset=utf-8");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Be(Page.Policy);
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            Regex.Matches(html, "<script(?![^>]*\\ssrc=)").Should().BeEmpty("no inline script");
            html.Should().NotContain(" style=").And.NotContain(" on", "no inline styles or event handlers");
            foreach (Match form in Regex.Matches(html, "<form[^>]*method=\"post\"[^>]*>(.*?)</form>", RegexOptions.Singleline))
            {
                form.Groups[1].Value.Should().Contain("name=\"_csrf\" value=\"csrf_", path + ": every form carries the session's token");
            }
        }

        var checklist = await (await session.GetAsync($"/audits/{id}/checklist")).Content.ReadAsStringAsync();
        Regex.Matches(checklist, "data-item=\"").Count.Should().Be(54);
        checklist.Should().Contain("data-result=\"conforming\"").And.Contain("data-score=\"").And.Contain("data-tier=\"five-star\"");

        // A post without the token is refused; an auditor not on the audit learns nothing.
        var post = await session.PostAsync($"/audits/{id}/checklist/5.1.1.1", new FormUrlEncodedContent(new Dictionary<string, string> { ["result"] = "conforming", ["version"] = "1" }));
        post.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        var outsider = await SessionAsync(service, "outsider");
        (await outsider.GetAsync($"/audits/{id}/checklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync($"/audits/{id}/checklist/live")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync("/audits/999999/checklist")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await outsider.GetAsync("/audits/new")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "auditors do not create audits");
    }

    [Fact]
    public async Task Assets_are_served_by_content_hash_and_cached_as_immutable()
    {
        await using var service = await TestService.StartAsync("sqlite");
        foreach (var asset in Assets.All)
        {
            asset.Url.Should().MatchRegex("^/assets/[a-z]+\\.[0-9a-f]{16}\\.(css|js|svg)$");
            var response = await service.Client().GetAsync(asset.Url);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Headers.CacheControl!.ToString().Should().Be("public, max-age=31536000, immutable");
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(asset.Bytes);
        }

        (await service.Client().GetAsync("/assets/app.0000000000000000.js")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_live_state_previews_an_incomplete_formal_audit_and_answers_304_while_nothing_changes()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var yaml = TestService.Sample("01-five-star-appliance-maker.yaml");
        var id = await service.CreateAuditAsync(yaml);
        var session = await SessionAsync(service, "auditor");
        var deleted = new HttpRequestMessage(HttpMethod.Delete, $"/api/audits/{id}/findings/5.1.1.1");
        deleted.Headers.IfMatch.ParseAdd("\"1\"");
        (await service.Client("auditor").SendAsync(deleted)).StatusCode.Should().Be(HttpStatusCode.OK);

        var live = await session.GetAsync($"/audits/{id}/checklist/live");
        var json = System.Text.Json.Nodes.JsonNode.Parse(await live.Content.ReadAsStringAsync())!;
        json["preview"]!.GetValue<bool>().Should().BeTrue();
        json["complete"]!.GetValue<bool>().Should().BeFalse();
        json["findings"]!.AsArray().Count.Should().Be(53);
        var preview = System.Text.Json.Nodes.JsonNode.Parse(await (await service.Client("auditor").GetAsync($"/api/audits/{id}/result?preview=1")).Content.ReadAsStringAsync())!;
        json["score"]!.GetValue<string>().Should().Be(preview["total"]!.ToJsonString(), "the page shows the library's preview score");
        preview["notices"]![0]!["code"]!.GetValue<string>().Should().Be("preview");
        (await service.Client("auditor").GetAsync($"/api/audits/{id}/result")).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "the result itself still needs every item");

        var again = new HttpRequestMessage(HttpMethod.Get, $"/audits/{id}/checklist/live");
        again.Headers.IfNoneMatch.ParseAdd(live.Headers.ETag!.Tag);
        (await session.SendAsync(again)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    /// <summary>A route of the web pages (PageRoutes, /assets), as "METHOD PATTERN".</summary>
    public static bool IsPageRoute(string route) =>
        PageRoutes.All.Any(r => r.Method + " " + r.Pattern == route) || route.Split(' ')[1].StartsWith("/assets/", StringComparison.Ordinal);

    [Fact]
    public async Task Every_signed_in_page_sends_a_visitor_without_a_session_to_sign_in()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var client = service.Client();
        foreach (var route in PageRoutes.All.Where(r => r.SignedIn))
        {
            var path = route.Pattern.Replace("{id}", "1", StringComparison.Ordinal).Replace("{itemId}", "5.1.1.1", StringComparison.Ordinal);
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), path) { Content = route.Method == "POST" ? new FormUrlEncodedContent([]) : null });
            if (path.EndsWith("/live", StringComparison.Ordinal))
            {
                response.StatusCode.Should().Be(HttpStatusCode.Unauthorized, path);
                continue;
            }

            response.StatusCode.Should().Be(HttpStatusCode.SeeOther, route.Method + " " + path);
            response.Headers.Location!.ToString().Should().StartWith("/login?next=", path);
        }

        // An API token (no cookie) reaches the pages too.
        (await service.Client("lead").GetAsync("/audits")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public void Without_javascript_the_form_carries_the_nc_record_and_the_lead_adopts_one_assessment_keeping_the_rest()
    {
        var stored = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(
            """{"item":"5.1.2.2","by":["a","b"],"nc":{"id":"NC-1"},"assessments":[{"by":"a","result":"partial","points":1,"note":"x"},{"by":"b","result":"nonconforming","grade":"minor"}],"x-tag":1}""")!;
        var form = new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues>
        {
            ["result"] = "nonconforming",
            ["grade"] = "major",
            ["nc_id"] = " NC-2 ",
            ["nc_due"] = "2026-10-17",
            ["nc_status"] = "open",
            ["nc_root_cause"] = "",
        });
        ChecklistPage.FromForm("5.1.2.2", form, stored)!.ToJsonString().Should().Be(
            """{"item":"5.1.2.2","by":["a","b"],"assessments":[{"by":"a","result":"partial","points":1,"note":"x"},{"by":"b","result":"nonconforming","grade":"minor"}],"x-tag":1,"result":"nonconforming","grade":"major","nc":{"id":"NC-2","due":"2026-10-17","status":"open"}}""",
            "the record comes from its fields in the evidence format's order; keys the page does not edit pass through");

        // Status alone at its default is no record: a graded finding may have none yet.
        var empty = new Microsoft.AspNetCore.Http.FormCollection(new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["result"] = "conforming", ["nc_status"] = "open" });
        ChecklistPage.FromForm("5.1.2.2", empty, null)!.ContainsKey("nc").Should().BeFalse();

        FindingRecords.Adopt(stored, 1)!.ToJsonString().Should().Be(
            """{"item":"5.1.2.2","by":["a","b"],"nc":{"id":"NC-1"},"assessments":[{"by":"a","result":"partial","points":1,"note":"x"},{"by":"b","result":"nonconforming","grade":"minor"}],"x-tag":1,"result":"nonconforming","grade":"minor"}""",
            "the chosen record becomes the team's finding; who made it, the record and every assessment stay");
        FindingRecords.Adopt(stored, 2).Should().BeNull();
        FindingRecords.IsUnresolved(stored).Should().BeTrue();
    }

    [Fact]
    public void Page_words_follow_the_rubrics_terminology_as_the_reports_do()
    {
        var review = new StarRating.Rules.Wording(StarRating.Rules.Language.Chinese, StarRating.Rules.Terminology.Review);
        var audit = new StarRating.Rules.Wording(StarRating.Rules.Language.Chinese);
        ServiceText.Page("nav.audits", review).Should().Be("审查列表");
        ServiceText.Page("nav.audits", audit).Should().Be("审核列表");
        ServiceText.Page("team.unresolved", review).Should().Contain("审查组长").And.NotContain("审核");
        ServiceText.Template("js.final", review).Should().StartWith("审查");
        review.Text("label.tier").Should().Be("评价等级", "the score card names the tier as the reports do");
    }

    [Theory]
    [InlineData("open", "2026-01-31", true)]
    [InlineData("open", "2026-02-01", false)]
    [InlineData("corrected", "2026-01-31", false)]
    [InlineData("verified", "2026-01-01", false)]
    public void A_nonconformity_is_overdue_while_open_past_its_due_date(string status, string due, bool overdue)
    {
        var nc = new System.Text.Json.Nodes.JsonObject { ["id"] = "NC-1", ["status"] = status, ["due"] = due };
        FindingRecords.IsOverdue(nc, new DateOnly(2026, 2, 1)).Should().Be(overdue);
    }

    [Fact]
    public async Task A_new_audit_can_be_made_with_a_rubric_an_admin_uploaded_and_is_worded_and_pinned_by_it()
    {
        await using var service = await TestService.StartAsync("sqlite");
        const string overlay = """
            id: body-review
            extends: gbt27922-2011
            version: "1"
            terminology: review
            title: { zh: 某认证机构服务认证审查细则, en: A body's service certification rubric }
            """;
        (await service.Client("admin").PostAsync("/api/rubrics", new StringContent(overlay, System.Text.Encoding.UTF8, "application/yaml")))
            .StatusCode.Should().Be(HttpStatusCode.Created);

        var lead = await SessionAsync(service, "lead");
        var form = await (await lead.GetAsync("/audits/new")).Content.ReadAsStringAsync();
        form.Should().Contain("<option value=\"gbt27922-2011\" selected", "the standard's rubric stays the default")
            .And.Contain("<option value=\"gbt27925-2011\"").And.Contain("<option value=\"body-review@1\">某认证机构服务认证审查细则 (body-review@1)</option>");

        Dictionary<string, string> Fields(string rubric) => new()
        {
            ["company"] = "审查细则测试有限公司", ["kind"] = "initial", ["first"] = "2026-12-01", ["last"] = "2026-12-02",
            ["lead"] = "lead", ["rubric"] = rubric, ["_csrf"] = CsrfValue().Match(form).Groups[1].Value,
        };

        var unknown = await lead.PostAsync("/audits/new", new FormUrlEncodedContent(Fields("body-review@9")));
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity, "a rubric no one uploaded is refused, not replaced by the default");

        var created = await lead.PostAsync("/audits/new", new FormUrlEncodedContent(Fields("body-review@1")));
        created.StatusCode.Should().Be(HttpStatusCode.SeeOther);
        var checklistPath = created.Headers.Location!.ToString();
        var id = Regex.Match(checklistPath, "^/audits/([0-9]+)/checklist$").Groups[1].Value;
        id.Should().NotBeEmpty();

        var evidence = System.Text.Json.Nodes.JsonNode.Parse(await service.Client("lead").GetStringAsync("/api/audits/" + id))!;
        evidence["rubric"]!.ToString().Should().Be("body-review@1", "the audit names the uploaded rubric by ID@VERSION, as an uploaded file would");
        var checklist = await (await lead.GetAsync(checklistPath)).Content.ReadAsStringAsync();
        checklist.Should().Contain("审查", "the checklist is worded with the audit's rubric (terminology: review)");
    }

    /// <summary>A client with a session cookie (signed in through the API) and the session's CSRF token kept aside.</summary>
    private static async Task<HttpClient> SessionAsync(TestService service, string user)
    {
        var client = service.Client();
        var login = await client.PostAsync("/api/login", TestService.Json($$"""{"username":"{{user}}","password":"password-{{user}}"}"""));
        login.EnsureSuccessStatusCode();
        var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("starrating_session=", StringComparison.Ordinal)).Split(';')[0];
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfValue();
}
