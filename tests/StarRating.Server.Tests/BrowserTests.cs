using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using StarRating.Engine;
using StarRating.Rules;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace StarRating.Server.Tests;

/// <summary>
/// The site-visit checklist end to end in the system Chromium (Playwright; one browser for the suite, contexts per
/// scenario): sign in through /login, create an audit, record all 54 items and watch the live score reach the engine's
/// figure; two assessors at once; a conflict; a dropped network; accessibility with axe-core; page weight.
/// </summary>
[Collection("browser")]
public sealed class BrowserTests(BrowserFixture fixture, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    // Markup that must stay text. (Bidi controls such as U+202E are refused by the engine in every text, SR1017: see
    // the no-script test.)
    private const string Hostile = "<script>alert(1)</script> \"><img src=x onerror=alert(2)> 'evil' & Co.";

    // A 1×1 PNG: the service checks a photo's first bytes against its declared type.
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static readonly Rubric Rubric = Rubric.Default;

    private async Task<IPage> StartAsync(string user, int width = 1024, int height = 1366, string locale = "zh-CN")
    {
        SystemTools.Ensure("browser");
        await fixture.StartAsync();
        return await fixture.SignedInAsync(user, width, height, locale);
    }

    /// <summary>Creates an audit through the new-audit page as the lead; returns its id.</summary>
    private static Task<long> CreateAuditAsync(IPage lead, string company, params string[] members) => CreateAuditAsync(lead, company, "initial", members);

    private static async Task<long> CreateAuditAsync(IPage lead, string company, string kind, string[] members)
    {
        await lead.GotoAsync("/audits/new");
        await lead.FillAsync("#company", company);
        await lead.SelectOptionAsync("#kind", kind);
        foreach (var member in members)
        {
            await lead.CheckAsync($"input[name=member][value={member}]");
        }

        await lead.ClickAsync("button[type=submit].primary");
        await lead.WaitForURLAsync("**/checklist");
        return long.Parse(lead.Url.Split('/')[^2], CultureInfo.InvariantCulture);
    }

    /// <summary>Calls the API from inside the signed-in page (its session cookie and CSRF token), as the page's script does.</summary>
    private static async Task<(int Status, string Body)> ApiAsync(IPage page, string method, string url, string? body = null, string type = "application/json")
    {
        var answer = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            @"async ([method, url, body, type]) => {
                const session = await (await fetch('/api/session', { credentials: 'same-origin' })).json();
                const headers = { 'X-CSRF-Token': session.csrf_token };
                if (body !== null) { headers['Content-Type'] = type; }
                const response = await fetch(url, { method, headers, body, credentials: 'same-origin' });
                return { status: response.status, body: await response.text() };
            }", new object?[] { method, url, body, type });
        return (answer.GetProperty("status").GetInt32(), answer.GetProperty("body").GetString() ?? "");
    }

    /// <summary>Waits until the stored finding of an item satisfies a condition (a save is asynchronous: typing waits 0.8 s).</summary>
    private async Task<JsonObject> WaitStoredAsync(long audit, string item, Func<JsonObject, bool> condition, string what)
    {
        JsonObject? last = null;
        for (var i = 0; i < 100; i++)
        {
            var row = (await fixture.Store.GetFindingsAsync(audit, default)).FirstOrDefault(f => f.Target == item);
            last = row is null ? null : (JsonObject)JsonNode.Parse(row.BodyJson)!;
            if (last is not null && condition(last))
            {
                return last;
            }

            await Task.Delay(200);
        }

        throw new Xunit.Sdk.XunitException($"the finding of {item} was not stored with {what}; last stored: {last?.ToJsonString() ?? "none"}");
    }

    private static ILocator Item(IPage page, string id) => page.Locator($"[data-item=\"{id}\"]");

    private static async Task WaitSavedAsync(IPage page, string id) =>
        await Expect(Item(page, id).Locator(".status")).ToHaveAttributeAsync("data-state", "saved", new() { Timeout = 20_000 });

    [SystemFact("browser")]
    public async Task A_lead_records_a_whole_audit_and_the_live_score_reaches_the_engines_result()
    {
        var page = await StartAsync("lead");
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        var id = await CreateAuditAsync(page, "星光电器（浏览器测试）有限公司");
        await Expect(page.Locator("[data-preview]")).ToBeVisibleAsync();
        await Expect(page.Locator("[data-score]")).ToHaveAttributeAsync("data-score", "0.0");
        await Expect(page.Locator("[data-item]")).ToHaveCountAsync(Rubric.Items.Count);

        var items = Rubric.Items;
        var partial = items[0];
        var sampled = items[1];
        var nonconforming = items[2];
        var excluded = items[3];
        var photographed = items[4];
        var halfPoints = (partial.Points / 2).ToString(CultureInfo.InvariantCulture);

        // The score is a preview until every item is recorded: one item of 54 conforming already counts.
        await Item(page, items[10].Id).Locator("[data-result=conforming]").ClickAsync();
        await Expect(page.Locator("[data-score]")).Not.ToHaveAttributeAsync("data-score", "0.0");
        await Expect(page.Locator("[data-preview]")).ToBeVisibleAsync();

        await Item(page, partial.Id).Locator("[data-result=partial]").ClickAsync();
        await Item(page, partial.Id).Locator("input[name=points]").FillAsync(halfPoints);
        await Item(page, sampled.Id).Locator("input[value=sample]").ClickAsync();
        await Item(page, sampled.Id).Locator("input[name=size]").FillAsync("12");
        await Item(page, sampled.Id).Locator("input[name=conforming]").FillAsync("9");
        await Item(page, nonconforming.Id).Locator("[data-result=nonconforming]").ClickAsync();
        await Item(page, nonconforming.Id).Locator("select[name=grade]").SelectOptionAsync("minor");
        await Item(page, nonconforming.Id).Locator("textarea[name=note]").FillAsync(Hostile);
        await Item(page, excluded.Id).Locator("[data-result=not_applicable]").ClickAsync();
        await Item(page, excluded.Id).Locator("textarea[name=reason]").FillAsync("企业不从事此项业务");
        await Item(page, photographed.Id).Locator("[data-result=conforming]").ClickAsync();
        await Item(page, photographed.Id).Locator("input[name=methods][value=observation]").CheckAsync();
        await WaitSavedAsync(page, photographed.Id);
        await Item(page, photographed.Id).Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "site.png", MimeType = "image/png", Buffer = Png });
        await Expect(Item(page, photographed.Id).Locator("[data-photos] a")).ToHaveTextAsync("site.png");
        foreach (var item in items.Skip(5).Where(i => i.Id != items[10].Id))
        {
            await Item(page, item.Id).Locator("[data-result=conforming]").ClickAsync();
        }

        // The engine's own figure for the same entries, scored from a file written here.
        var yaml = new StringBuilder("rubric: gbt27922-2011\ncompany: { name: x }\naudit: { kind: initial, team: [ { name: lead, role: lead } ] }\nfindings:\n");
        foreach (var item in items)
        {
            yaml.Append("  - { item: \"").Append(item.Id).Append("\", ").Append(
                item == partial ? "result: partial, points: " + halfPoints
                : item == sampled ? "sample: { size: 12, conforming: 9 }"
                : item == nonconforming ? "result: nonconforming, grade: minor"
                : item == excluded ? "result: not_applicable, reason: x"
                : "result: conforming").Append(" }\n");
        }

        var expected = AuditEngine.Default.Score(yaml.ToString(), "expected.yaml").GetValueOrThrow();
        await Expect(page.Locator("[data-score]")).ToHaveAttributeAsync("data-score", expected.Score.ToString(CultureInfo.InvariantCulture), new() { Timeout = 60_000 });
        await Expect(page.Locator("[data-tier]")).ToHaveAttributeAsync("data-tier", expected.Tier.Id);
        await Expect(page.Locator("[data-preview]")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-sync]")).ToBeEmptyAsync(new() { Timeout = 20_000 });

        // Stored as the evidence format, hostile text as data; the photo is cited.
        var findings = (await fixture.Store.GetFindingsAsync(id, default)).ToDictionary(f => f.Target);
        findings.Should().HaveCount(items.Count);
        JsonNode.Parse(findings[nonconforming.Id].BodyJson)!["note"]!.GetValue<string>().Should().Be(Hostile);
        findings[photographed.Id].BodyJson.Should().Contain("site.png").And.Contain("\"methods\":[\"observation\"]");
        JsonNode.Parse(findings[sampled.Id].BodyJson)!["sample"]!.ToJsonString().Should().Be("{\"size\":12,\"conforming\":9}");

        // Reloaded, the hostile note is inert text: no dialog, no injected element, the value intact.
        await page.ReloadAsync();
        await Expect(Item(page, nonconforming.Id).Locator("textarea[name=note]")).ToHaveValueAsync(Hostile);
        (await page.Locator("img[src=x]").CountAsync()).Should().Be(0);
        dialogs.Should().Be(0);

        // The report downloads the endpoint offers, and the HTML one is the engine's report.
        var formats = await page.Locator("[data-downloads] a").EvaluateAllAsync<string[]>("links => links.map(a => a.dataset.format)");
        formats.Should().Equal(Api.AuditEndpoints.ReportFormats);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-downloads] a[data-format=html]").ClickAsync());
        var report = await File.ReadAllTextAsync((await download.PathAsync())!);
        report.Should().Contain("星光电器（浏览器测试）有限公司").And.Contain(expected.Score.ToString(CultureInfo.InvariantCulture));
        download.SuggestedFilename.Should().Be($"audit-{id}-report.html");

        // Every format the report endpoint serves is offered; the Word report is a real Word file (a zip holding
        // word/document.xml with the company and the score), and LibreOffice opens it where the office tools are.
        formats.Should().Contain(["html", "md", "json", "docx", "xlsx", "pdf"]);
        var word = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-downloads] a[data-format=docx]").ClickAsync());
        word.SuggestedFilename.Should().Be($"audit-{id}-report.docx");
        using var docx = new TempFolder();
        var docxPath = docx.File("report.docx");
        await word.SaveAsAsync(docxPath);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(docxPath))
        {
            var body = zip.GetEntry("word/document.xml");
            body.Should().NotBeNull("a .docx is a zip holding word/document.xml");
            using var reader = new StreamReader(body!.Open());
            var xml = await reader.ReadToEndAsync();
            xml.Should().Contain("星光电器（浏览器测试）有限公司").And.Contain(expected.Score.ToString(CultureInfo.InvariantCulture));
        }

        if (SystemTools.SkipReason("office") is null)
        {
            SystemTools.Ensure("office");
            var (exit, log) = ProcessRunner.Run("soffice", ["-env:UserInstallation=file://" + docx.File("profile"), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", docx.Path, docxPath], TimeSpan.FromMinutes(3));
            exit.Should().Be(0, log);
            var (textExit, text) = ProcessRunner.Run("pdftotext", [docx.File("report.pdf"), "-"]);
            textExit.Should().Be(0, text);
            text.Should().Contain("星光电器", "LibreOffice opened the downloaded Word report and printed it");
            output.WriteLine("LibreOffice printed the downloaded DOCX report");
        }

        await CheckAccessibilityAsync(page, "checklist");
        await ScreenshotsAsync(page, id, nonconforming.Id);
        await page.GotoAsync("/audits");
        await CheckAccessibilityAsync(page, "audit list");
        await page.GotoAsync("/audits/new");
        await CheckAccessibilityAsync(page, "new audit");
        await page.Context.CloseAsync();
    }

    [SystemFact("browser")]
    public async Task Two_assessors_edit_one_audit_at_once_and_a_conflict_lets_the_later_one_choose()
    {
        var lead = await StartAsync("lead");
        var id = await CreateAuditAsync(lead, "双人同时记录有限公司", "anna", "ben");
        await lead.Context.CloseAsync();
        var anna = await fixture.SignedInAsync("anna");
        var ben = await fixture.SignedInAsync("ben", 800, 1280);
        await anna.GotoAsync($"/audits/{id}/checklist");
        await ben.GotoAsync($"/audits/{id}/checklist");

        // Different items at the same time: neither loses anything, and each sees the other's within seconds.
        var annaItems = Rubric.Items.Take(6).ToArray();
        var benItems = Rubric.Items.Skip(6).Take(6).ToArray();
        await Task.WhenAll(
            Task.Run(async () => { foreach (var i in annaItems) { await Item(anna, i.Id).Locator("[data-result=conforming]").ClickAsync(); } }),
            Task.Run(async () => { foreach (var i in benItems) { await Item(ben, i.Id).Locator("[data-result=nonconforming]").ClickAsync(); } }));
        foreach (var i in benItems)
        {
            await Expect(Item(anna, i.Id).Locator("[data-result=nonconforming]")).ToBeCheckedAsync(new() { Timeout = 15_000 });
        }

        foreach (var i in annaItems)
        {
            await Expect(Item(ben, i.Id).Locator("[data-result=conforming]")).ToBeCheckedAsync(new() { Timeout = 15_000 });
        }

        (await fixture.Store.GetFindingsAsync(id, default)).Should().HaveCount(12);

        // The same item: Ben's entry is made while his page has not yet seen Anna's (his network is down), so his save
        // meets her version: both entries are shown and Ben, the later one, chooses.
        var contested = Rubric.Items[20].Id;
        await ben.Context.SetOfflineAsync(true);
        await Item(ben, contested).Locator("[data-result=nonconforming]").ClickAsync();
        await Item(ben, contested).Locator("textarea[name=note]").FillAsync("本的记录");
        await Expect(Item(ben, contested).Locator(".status")).ToHaveAttributeAsync("data-state", "queued");
        await Item(anna, contested).Locator("[data-result=conforming]").ClickAsync();
        await WaitSavedAsync(anna, contested);
        await ben.Context.SetOfflineAsync(false);
        var box = Item(ben, contested).Locator(".conflict");
        await Expect(box).ToBeVisibleAsync(new() { Timeout = 40_000 });
        await Expect(box).ToContainTextAsync("本的记录");
        await Expect(box).ToContainTextAsync("符合");
        await box.Locator("button[data-choice=mine]").ClickAsync();
        await WaitSavedAsync(ben, contested);
        await Expect(Item(anna, contested).Locator("[data-result=nonconforming]")).ToBeCheckedAsync(new() { Timeout = 15_000 });
        var history = await fixture.Store.HistoryAsync(id, default);
        history.Where(h => h.Target == contested).Select(h => (h.User, h.Version)).Should().Equal(("anna", 1L), ("ben", 2L));

        // Taking theirs: Anna's later entry on another item yields to Ben's.
        var second = Rubric.Items[21].Id;
        await anna.Context.SetOfflineAsync(true);
        await Item(anna, second).Locator("[data-result=nonconforming]").ClickAsync();
        await Item(ben, second).Locator("[data-result=conforming]").ClickAsync();
        await WaitSavedAsync(ben, second);
        await anna.Context.SetOfflineAsync(false);
        await Item(anna, second).Locator(".conflict button[data-choice=theirs]").ClickAsync(new() { Timeout = 40_000 });
        await Expect(Item(anna, second).Locator("[data-result=conforming]")).ToBeCheckedAsync();
        (await fixture.Store.HistoryAsync(id, default)).Where(h => h.Target == second).Should().ContainSingle(h => h.User == "ben");
        await anna.Context.CloseAsync();
        await ben.Context.CloseAsync();
    }

    [SystemFact("browser")]
    public async Task Entries_made_while_the_network_is_down_are_kept_and_sent_when_it_returns()
    {
        var lead = await StartAsync("lead", 390, 844);
        var id = await CreateAuditAsync(lead, "仓库断网测试有限公司");
        var offline = Rubric.Items.Take(3).Select(i => i.Id).ToArray();
        await lead.Context.SetOfflineAsync(true);
        foreach (var item in offline)
        {
            await Item(lead, item).Locator("[data-result=conforming]").ClickAsync();
        }

        await Expect(lead.Locator("[data-sync]")).ToContainTextAsync("3");
        await Expect(Item(lead, offline[0]).Locator(".status")).ToHaveAttributeAsync("data-state", "queued");
        (await fixture.Store.GetFindingsAsync(id, default)).Should().BeEmpty();

        // The tab is closed while offline; the entries wait on the device and go out when the checklist opens again online.
        var context = lead.Context;
        await lead.CloseAsync();
        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.GotoAsync($"{fixture.BaseUrl}/audits/{id}/checklist");
        foreach (var item in offline)
        {
            await WaitSavedAsync(again, item);
        }

        (await fixture.Store.GetFindingsAsync(id, default)).Select(f => f.Target).Should().BeEquivalentTo(offline);
        await Expect(again.Locator("[data-sync]")).ToBeEmptyAsync();

        // Page weight and time to interactive of the 54-item checklist: every byte of the page and its assets, counted
        // as on a cold cache (the assets came from the cache of the sign-in page, so their body sizes are added).
        var fresh = await fixture.SignedInAsync("lead");
        await fresh.GotoAsync($"/audits/{id}/checklist");
        await Expect(fresh.Locator(".checklist[data-ready-at]")).ToHaveCountAsync(1);
        var bytes = await fresh.EvaluateAsync<double>("() => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource')).filter(e => !e.name.includes('/live')).reduce((s, e) => s + Math.max(e.transferSize, e.encodedBodySize), 0)");
        var interactive = await fresh.Locator(".checklist").GetAttributeAsync("data-ready-at");
        var figures = $"checklist page: {bytes / 1024:0.0} KB transferred (page, CSS, JS, icon); interactive after {interactive} ms";
        output.WriteLine(figures);
        Console.WriteLine("[browser] " + figures);
        bytes.Should().BeLessThan(300 * 1024, "the 54-item checklist stays under 300 KB transferred");
        await context.CloseAsync();
        await fresh.Context.CloseAsync();
    }

    [SystemFact("browser")]
    public async Task Without_javascript_each_item_is_a_form_and_other_auditors_audits_stay_hidden()
    {
        var lead = await StartAsync("lead");
        var id = await CreateAuditAsync(lead, "无脚本测试有限公司", "anna");
        await lead.Context.CloseAsync();

        var context = await fixture.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = fixture.BaseUrl, JavaScriptEnabled = false, Locale = "en-US" });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Sign in");
        await page.FillAsync("input[name=username]", "anna");
        await page.FillAsync("input[name=password]", "password-anna");
        await page.ClickAsync("button[type=submit]");
        await page.GotoAsync($"/audits/{id}/checklist");
        var item = Rubric.Items[0].Id;
        await Item(page, item).Locator("[data-result=nonconforming]").CheckAsync();
        await Item(page, item).Locator("textarea[name=note]").FillAsync(Hostile);
        await Item(page, item).Locator("button.save").ClickAsync();
        await page.WaitForURLAsync($"**/audits/{id}/checklist#i-{item}");
        await Expect(Item(page, item).Locator("textarea[name=note]")).ToHaveValueAsync(Hostile);
        (await fixture.Store.GetFindingsAsync(id, default)).Should().ContainSingle(f => f.Target == item && f.SavedBy == "anna");

        // Graded major and saved, the item comes back with its nonconformity record's fields; filled, they save with it.
        await Item(page, item).Locator("select[name=grade]").SelectOptionAsync("major");
        await Item(page, item).Locator("button.save").ClickAsync();
        await Item(page, item).Locator("input[name=nc_id]").FillAsync("NC-NOJS-1");
        await Item(page, item).Locator("input[name=nc_due]").FillAsync("2026-12-31");
        await Item(page, item).Locator("button.save").ClickAsync();
        await Expect(Item(page, item).Locator("input[name=nc_id]")).ToHaveValueAsync("NC-NOJS-1");
        JsonNode.Parse((await fixture.Store.GetFindingsAsync(id, default)).Single(f => f.Target == item).BodyJson)!["nc"]!.ToJsonString()
            .Should().Be("{\"id\":\"NC-NOJS-1\",\"due\":\"2026-12-31\",\"status\":\"open\"}");

        // A bidi override in a note is refused with the engine's code and reason on the page; the saved finding stays.
        await Item(page, item).Locator("textarea[name=note]").FillAsync("\u202Eevil\u202C");
        await Item(page, item).Locator("button.save").ClickAsync();
        await Expect(page.Locator("body")).ToContainTextAsync("SR1017");
        (await fixture.Store.GetFindingsAsync(id, default)).Single(f => f.Target == item).BodyJson.Should().Contain("onerror").And.NotContain("evil\\u202C");
        await context.CloseAsync();

        var outsider = await fixture.SignedInAsync("outsider");
        var response = await outsider.GotoAsync($"/audits/{id}/checklist");
        response!.Status.Should().Be(404, "an auditor not on the audit learns nothing about it");
        (await outsider.Locator("[data-item]").CountAsync()).Should().Be(0);
        (await outsider.GotoAsync($"/audits/{id}/checklist/live"))!.Status.Should().Be(404);
        await outsider.Context.CloseAsync();
    }

    [SystemFact("browser")]
    public async Task A_major_nonconformity_gets_its_record_filled_verified_and_reported_and_is_read_only_once_final()
    {
        var page = await StartAsync("lead");
        var id = await CreateAuditAsync(page, "不符合项跟踪测试有限公司", "mock", []);
        var item = Rubric.Items[7].Id;
        var el = Item(page, item);
        await Expect(el.Locator("[data-nc]")).ToHaveCountAsync(0);

        // Graded major: the record's fields appear (from the page's template), labelled as the nonconformity report labels them.
        await el.Locator("[data-result=nonconforming]").ClickAsync();
        await el.Locator("select[name=grade]").SelectOptionAsync("major");
        await Expect(el.Locator("[data-nc] legend")).ToHaveTextAsync("不符合项报告");
        await el.Locator("textarea[name=note]").FillAsync("保外维修收费未公示");
        await el.Locator("input[name=nc_id]").FillAsync("NC-2026-03");
        await el.Locator("input[name=nc_confirmed_by]").FillAsync("李经理");
        await el.Locator("textarea[name=nc_root_cause]").FillAsync("价格表更新后未同步到网点");
        await el.Locator("textarea[name=nc_action]").FillAsync("网点价格公示纳入月度巡检");
        await el.Locator("input[name=nc_due]").FillAsync("2020-01-31");
        var stored = await WaitStoredAsync(id, item, f => f["nc"]?["due"]?.GetValue<string>() == "2020-01-31" && f["note"] is not null, "its nc record");
        JsonNode.DeepEquals(stored["nc"], JsonNode.Parse("{\"id\":\"NC-2026-03\",\"confirmed_by\":\"李经理\",\"root_cause\":\"价格表更新后未同步到网点\",\"action\":\"网点价格公示纳入月度巡检\",\"due\":\"2020-01-31\",\"status\":\"open\"}"))
            .Should().BeTrue(stored["nc"]!.ToJsonString());
        stored["grade"]!.GetValue<string>().Should().Be("major");

        // The audit's nonconformities: open and past its due date, so marked overdue.
        await page.GotoAsync($"/audits/{id}/nonconformities");
        var row = page.Locator($"[data-nc-item=\"{item}\"]");
        await Expect(row).ToHaveAttributeAsync("data-nc-status", "open");
        await Expect(row).ToHaveAttributeAsync("data-overdue", "");
        await Expect(row).ToContainTextAsync("NC-2026-03");
        await Expect(row).ToContainTextAsync("已逾期");
        await Expect(page.Locator("[data-overdue-count]")).ToHaveAttributeAsync("data-overdue-count", "1");
        await CheckAccessibilityAsync(page, "nonconformities");

        // Verified without who and when: the engine's SR3101 is shown next to the status field, and nothing is stored.
        await row.Locator("h3 a").ClickAsync();
        await page.WaitForURLAsync($"**/checklist#i-{item}");
        await el.Locator("select[name=nc_status]").SelectOptionAsync("verified");
        await Expect(el.Locator("[data-field=\"nc.status\"] .field-err")).ToHaveCountAsync(2);
        await Expect(el.Locator("[data-field=\"nc.status\"] .field-err").First).ToContainTextAsync("SR3101");
        await Expect(el.Locator("[data-field=\"nc.status\"]")).ToContainTextAsync("verified_on");
        await Expect(el.Locator(".status")).ToHaveAttributeAsync("data-state", "invalid");
        await Expect(el.Locator("select[name=nc_status]")).ToHaveAttributeAsync("aria-invalid", "true");
        (await WaitStoredAsync(id, item, _ => true, "any record"))["nc"]!["status"]!.GetValue<string>().Should().Be("open");
        await CheckAccessibilityAsync(page, "checklist with a nonconformity record and its error");
        await ScreenshotAsync(page, el, "nc-record-error");

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await el.Locator("input[name=nc_verified_by]").FillAsync("王敏");
        await el.Locator("input[name=nc_verified_on]").FillAsync(today);
        await WaitSavedAsync(page, item);
        await WaitStoredAsync(id, item, f => f["nc"]?["verified_on"]?.GetValue<string>() == today, "its verification");
        await Expect(el.Locator(".field-err")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, el, "nc-record");
        var revisions = (await fixture.Store.HistoryAsync(id, default)).Where(h => h.Target == item).ToArray();
        revisions.Length.Should().BeGreaterThan(2, "every save of the record is a revision in the history");
        revisions.Select(r => r.Version).Should().BeInAscendingOrder();

        await page.GotoAsync($"/audits/{id}/nonconformities");
        await Expect(row).ToHaveAttributeAsync("data-nc-status", "verified");
        await Expect(row).Not.ToHaveAttributeAsync("data-overdue", "");
        await Expect(row).ToContainTextAsync("已验证");
        await ScreenshotAsync(page, null, "nonconformities");
        await page.SetViewportSizeAsync(390, 844);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue("the nonconformities page does not scroll sideways on a phone");
        await page.SetViewportSizeAsync(1024, 1366);

        // The result and the report carry the record: its number, due date and status on the rectification list.
        var result = await ApiAsync(page, "GET", $"/api/audits/{id}/result");
        result.Status.Should().Be(200, result.Body);
        result.Body.Should().Contain("NC-2026-03");
        await page.GotoAsync($"/audits/{id}/checklist");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-downloads] a[data-format=html]").ClickAsync());
        var report = await File.ReadAllTextAsync((await download.PathAsync())!);
        var rectification = report[report.IndexOf("NC-2026-03", StringComparison.Ordinal)..];
        rectification[..rectification.IndexOf("</tr>", StringComparison.Ordinal)].Should().Contain("2020-01-31").And.Contain("已验证", "the rectification list shows the record's due date and its verification");

        // Finalised, the record is read-only.
        (await ApiAsync(page, "POST", $"/api/audits/{id}/finalise")).Status.Should().Be(200);
        await page.ReloadAsync();
        await Expect(el.Locator("input[name=nc_id]")).ToBeDisabledAsync();
        await Expect(el.Locator("input[name=nc_id]")).ToHaveValueAsync("NC-2026-03");
        await page.Context.CloseAsync();
    }

    [SystemFact("browser")]
    public async Task The_lead_resolves_the_teams_disagreements_side_by_side_and_an_auditor_sees_them_read_only()
    {
        // The team's file as `starrating merge` writes it from sample 01's three assessor files.
        using var folder = new TempFolder();
        var inputs = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "01-team"), "*.yaml").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        foreach (var input in inputs)
        {
            File.Copy(input, folder.File(Path.GetFileName(input)));
        }

        var merged = await CliHelper.RunAsync(folder.Path, null, ["merge", .. inputs.Select(Path.GetFileName)!, "-o", "team.yaml"]);
        merged.Code.Should().Be(0, merged.Err);

        var lead = await StartAsync("lead");
        var created = await ApiAsync(lead, "POST", "/api/audits", await File.ReadAllTextAsync(folder.File("team.yaml")), "application/yaml");
        created.Status.Should().Be(201, created.Body);
        var id = JsonNode.Parse(created.Body)!["id"]!.GetValue<long>();
        (await ApiAsync(lead, "PUT", $"/api/audits/{id}/team/anna", "{\"role\":\"member\"}")).Status.Should().Be(200);
        var unresolved = (await fixture.Store.GetFindingsAsync(id, default))
            .Select(f => (JsonObject)JsonNode.Parse(f.BodyJson)!)
            .Where(f => f["assessments"] is JsonArray && f["result"] is null && f["sample"] is null)
            .Select(f => f["item"]!.GetValue<string>()).ToArray();
        unresolved.Should().NotBeEmpty("sample 01's assessors disagree on some items");

        // A formal audit with unresolved findings cannot be finalised: the engine's SR3152.
        var refused = await ApiAsync(lead, "POST", $"/api/audits/{id}/finalise");
        refused.Status.Should().Be(422);
        refused.Body.Should().Contain("SR3152");

        // The lead sees every assessor's record side by side, with a choice on each; finalising from the page is
        // refused with the same codes.
        await lead.GotoAsync($"/audits/{id}/checklist");
        await Expect(lead.Locator("[data-unresolved]")).ToBeVisibleAsync();
        await lead.Locator("details.finalise summary").ClickAsync();
        await lead.Locator("[data-finalise]").ClickAsync();
        await Expect(lead.Locator(".msg.err")).ToContainTextAsync("SR3152");
        await Expect(lead.Locator(".audit-head .badge.open")).ToBeVisibleAsync();
        var first = Item(lead, unresolved[0]);
        var records = (JsonArray)(await WaitStoredAsync(id, unresolved[0], _ => true, "its assessments"))["assessments"]!;
        await Expect(first.Locator("[data-team=unresolved] [data-assessment]")).ToHaveCountAsync(records.Count);
        foreach (var record in records)
        {
            var by = record!["by"] is JsonArray names ? names.Single()!.GetValue<string>() : record["by"]!.GetValue<string>();
            await Expect(first.Locator($"[data-assessment][data-by=\"{by}\"]")).ToHaveCountAsync(1);
        }

        await Expect(first.Locator("[data-adopt]")).ToHaveCountAsync(records.Count);
        await CheckAccessibilityAsync(lead, "checklist with the team's disagreements");
        await ScreenshotAsync(lead, first, "team-disagreement");

        // An auditor of the team sees them read-only, and the API refuses her change (SR7105).
        var anna = await fixture.SignedInAsync("anna");
        await anna.GotoAsync($"/audits/{id}/checklist");
        var seen = Item(anna, unresolved[0]);
        await Expect(seen.Locator("[data-assessment]")).ToHaveCountAsync(records.Count);
        await Expect(seen.Locator("[data-adopt]")).ToHaveCountAsync(0);
        await Expect(seen.Locator("select[name=grade]")).ToBeDisabledAsync();
        await Expect(seen.Locator("[data-result=conforming]")).ToBeDisabledAsync();
        var version = (await fixture.Store.GetFindingsAsync(id, default)).Single(f => f.Target == unresolved[0]).Version;
        var forced = await anna.EvaluateAsync<int>(
            @"async ([url, version, csrf]) => (await fetch(url, { method: 'PUT', credentials: 'same-origin',
                headers: { 'Content-Type': 'application/json', 'If-Match': '""' + version + '""', 'X-CSRF-Token': csrf },
                body: JSON.stringify({ item: url.split('/').pop(), result: 'conforming' }) })).status",
            new object[] { $"/api/audits/{id}/findings/{unresolved[0]}", version, (await anna.Locator(".checklist").GetAttributeAsync("data-csrf"))! });
        forced.Should().Be(403);

        // The lead takes the second assessor's record for the first item and the first one's for the others.
        await first.Locator("[data-adopt=\"1\"]").ClickAsync();
        var chosen = (JsonObject)records[1]!;
        var resolved = await WaitStoredAsync(id, unresolved[0], f => f["result"] is not null || f["sample"] is not null, "the team's result");
        (resolved["result"]?.ToJsonString() ?? resolved["sample"]!.ToJsonString()).Should().Be(chosen["result"]?.ToJsonString() ?? chosen["sample"]!.ToJsonString());
        resolved["assessments"]!.ToJsonString().Should().Be(records.ToJsonString(), "the assessors' records stay as the record behind the team's finding");
        foreach (var other in unresolved.Skip(1))
        {
            await Item(lead, other).Locator("[data-adopt=\"0\"]").ClickAsync();
            await WaitStoredAsync(id, other, f => f["result"] is not null || f["sample"] is not null, "the team's result");
        }

        await Expect(lead.Locator("[data-team=unresolved]")).ToHaveCountAsync(0);
        await Expect(lead.Locator("[data-unresolved]")).ToBeHiddenAsync(new() { Timeout = 15_000 });
        await Expect(Item(anna, unresolved[0]).Locator("[data-team=resolved]")).ToHaveCountAsync(1, new() { Timeout = 15_000 });

        await lead.Locator("details.finalise summary").ClickAsync();
        await lead.Locator("[data-finalise]").ClickAsync();
        await Expect(lead.Locator(".audit-head .badge.final")).ToBeVisibleAsync();
        await Expect(lead.Locator("[data-finalise]")).ToHaveCountAsync(0);
        await Expect(first.Locator("[data-adopt]")).ToHaveCountAsync(0);
        await Expect(first.Locator("[data-result=conforming]")).ToBeDisabledAsync();
        await anna.Context.CloseAsync();
        await lead.Context.CloseAsync();
    }

    /// <summary>With STARRATING_SCREENSHOTS=DIR, one part of a page (or the page) at tablet-portrait and phone sizes.</summary>
    private static async Task ScreenshotAsync(IPage page, ILocator? part, string name)
    {
        if (Environment.GetEnvironmentVariable("STARRATING_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (size, width, height) in new[] { ("tablet", 800, 1280), ("phone", 390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.WaitForTimeoutAsync(200);
            var file = Path.Combine(folder, $"{name}-{size}.png");
            if (part is null)
            {
                await page.ScreenshotAsync(new() { Path = file });
            }
            else
            {
                await part.ScreenshotAsync(new() { Path = file });
            }

            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).Should().BeTrue($"{name} does not scroll sideways at {width} px");
        }

        await page.SetViewportSizeAsync(1024, 1366);
    }

    /// <summary>With STARRATING_SCREENSHOTS=DIR, pictures of the pages at tablet-portrait and phone sizes (for docs/images).</summary>
    private static async Task ScreenshotsAsync(IPage page, long id, string item)
    {
        if (Environment.GetEnvironmentVariable("STARRATING_SCREENSHOTS") is not { Length: > 0 } folder)
        {
            return;
        }

        Directory.CreateDirectory(folder);
        foreach (var (name, width, height) in new[] { ("tablet", 800, 1280), ("phone", 390, 844) })
        {
            await page.SetViewportSizeAsync(width, height);
            await page.GotoAsync($"/audits/{id}/checklist#i-{item}");
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"checklist-{name}.png") });
            await page.GotoAsync($"/audits/{id}/checklist");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"checklist-top-{name}.png") });
            await page.GotoAsync("/audits");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"audits-{name}.png") });
            await page.GotoAsync("/audits/new");
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"new-{name}.png") });
        }

        await page.SetViewportSizeAsync(1024, 1366);
    }

    private async Task CheckAccessibilityAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        result.Passes.Length.Should().BeGreaterThan(10, "axe-core ran its rules on the " + what + " page");
        output.WriteLine($"axe {what}: {result.Passes.Length} rules passed, {result.Violations.Length} violated, {result.Incomplete.Length} to review");
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        foreach (var v in result.Violations)
        {
            output.WriteLine($"axe {what}: {v.Impact} {v.Id}: {v.Help} ({v.Nodes.Length} nodes)");
        }

        serious.Select(v => v.Id + ": " + v.Help + " — " + string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))).Should().BeEmpty($"the {what} page has no serious or critical accessibility violations");
    }
}
