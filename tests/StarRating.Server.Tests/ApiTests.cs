using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StarRating.Server.Tests;

/// <summary>The API against each store: evidence in and out, findings with versions, result and reports, history, finalise.</summary>
[Collection("store")]
public sealed class ApiTests
{
    public static TheoryData<string> Stores => TestService.Stores;

    [SystemFact("postgres")]
    public void PostgreSQL_runs_here_so_every_store_theory_also_runs_on_it()
    {
        PostgresCluster.Shared.Port.Should().BeGreaterThan(0);
        Stores.Should().HaveCount(2);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_stored_audit_scores_byte_for_byte_as_the_cli_scores_its_download(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("01-five-star-appliance-maker.yaml"));
        var lead = service.Client("lead");

        var evidence = await lead.GetAsync($"/api/audits/{id}");
        evidence.StatusCode.Should().Be(HttpStatusCode.OK);
        evidence.Content.Headers.ContentDisposition!.FileName.Should().Contain($"audit-{id}.json");
        var result = await lead.GetByteArrayAsync($"/api/audits/{id}/result");

        using var folder = new TempFolder();
        var file = folder.File($"audit-{id}.json");
        await File.WriteAllBytesAsync(file, await evidence.Content.ReadAsByteArrayAsync());
        var (code, output, error) = await CliHelper.RunAsync(folder.Path, null, "score", $"audit-{id}.json", "--format", "json");
        code.Should().Be(0, error);
        Encoding.UTF8.GetString(result).Should().Be(output);
        JsonNode.Parse(result)!["tier"]!["id"]!.GetValue<string>().Should().Be("five-star");

        // The same evidence as a JSON body makes an audit that scores the same (a file and an API call are interchangeable).
        var again = await lead.PostAsync("/api/audits", new ByteArrayContent(await evidence.Content.ReadAsByteArrayAsync()) { Headers = { { "Content-Type", "application/json" } } });
        again.StatusCode.Should().Be(HttpStatusCode.Created);
        var id2 = JsonNode.Parse(await again.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        again.Headers.Location!.ToString().Should().Be($"/api/audits/{id2}");
        var evidence2 = await lead.GetByteArrayAsync($"/api/audits/{id2}");
        evidence2.Should().Equal(await evidence.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Invalid_evidence_gets_problem_details_with_the_cli_codes_and_locations(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var yaml = TestService.Sample("06-mock-self-assessment.yaml").Replace("result: conforming", "result: conformng");
        var response = await service.Client("lead", "en").PostAsync("/api/audits", new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7004");
        problem["status"]!.GetValue<int>().Should().Be(422);

        using var folder = new TempFolder(("evidence.yaml", yaml));
        var (cliCode, _, cliErrors) = await CliHelper.RunAsync(folder.Path, null, "validate", "evidence.yaml");
        cliCode.Should().Be(2);

        var apiLines = problem["errors"]!.AsArray().Select(e => $"{e!["file"]}({e["line"]},{e["column"]}): error {e["code"]}: {e["message"]}").ToArray();
        apiLines.Should().NotBeEmpty();
        foreach (var line in apiLines)
        {
            cliErrors.Should().Contain(line);
        }

        var syntax = await service.Client("lead").PostAsync("/api/audits", TestService.Json("{\"company\": }"));
        syntax.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var syntaxProblem = JsonNode.Parse(await syntax.Content.ReadAsStringAsync())!;
        syntaxProblem["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR1006");
        syntaxProblem["errors"]![0]!["file"]!.GetValue<string>().Should().Be("evidence.json");
        syntaxProblem["errors"]![0]!["line"]!.GetValue<int>().Should().Be(1);

        var english = await service.Client("lead", "en").PostAsync("/api/audits", new StringContent("x", Encoding.UTF8, "text/html"));
        english.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        JsonNode.Parse(await english.Content.ReadAsStringAsync())!["title"]!.GetValue<string>().Should().StartWith("Unsupported content type text/html");
        var xlsx = await service.Client("lead").PostAsync("/api/audits", new ByteArrayContent([0x50, 0x4B, 3, 4]) { Headers = { { "Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } } });
        xlsx.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await xlsx.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR6001");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Two_assessors_on_different_items_never_collide_and_the_same_item_gets_412_with_the_current_version(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("06-mock-self-assessment.yaml"));
        var lead = service.Client("lead");
        var auditor = service.Client("auditor");

        // New items: no If-Match needed (or "0": must not exist yet).
        (await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.1","result":"conforming"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        var other = await lead.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/audits/{id}/findings/5.2.6.2")
        {
            Content = TestService.Json("""{"item":"5.2.6.2","result":"nonconforming","grade":"minor","note":"无回收记录"}"""),
            Headers = { { "If-Match", "\"0\"" } },
        });
        other.StatusCode.Should().Be(HttpStatusCode.OK);
        other.Headers.ETag!.Tag.Should().Be("\"1\"");

        // Both edit 5.2.6.1 from version 1: the first wins, the second gets 412 with the current version and finding.
        HttpRequestMessage Edit(string result) => new(HttpMethod.Put, $"/api/audits/{id}/findings/5.2.6.1")
        {
            Content = TestService.Json($$"""{"item":"5.2.6.1","result":"{{result}}"}"""),
            Headers = { { "If-Match", "\"1\"" } },
        };
        (await lead.SendAsync(Edit("not_applicable\",\"reason\":\"不生产"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await auditor.SendAsync(Edit("nonconforming"));
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var problem = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7007");
        problem["current_version"]!.GetValue<long>().Should().Be(2);
        problem["current"]!["result"]!.GetValue<string>().Should().Be("not_applicable");

        // Without If-Match on an existing finding: 428, never a silent overwrite.
        var blind = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.1","result":"conforming"}"""));
        blind.StatusCode.Should().Be((HttpStatusCode)428);

        var findings = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/findings"))!.AsArray();
        findings.Single(f => f!["item"]!.GetValue<string>() == "5.2.6.1")!["version"]!.GetValue<long>().Should().Be(2);
        findings.Single(f => f!["item"]!.GetValue<string>() == "5.2.6.1")!["saved_by"]!.GetValue<string>().Should().Be("lead");

        // The evidence holds both saves, in the order they were first recorded, after the uploaded findings.
        var evidence = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}"))!["findings"]!.AsArray();
        evidence[^2]!["item"]!.GetValue<string>().Should().Be("5.2.6.1");
        evidence[^1]!["item"]!.GetValue<string>().Should().Be("5.2.6.2");
        evidence[^1]!["note"]!.GetValue<string>().Should().Be("无回收记录");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_bad_finding_is_refused_with_locations_in_the_request_body(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("06-mock-self-assessment.yaml"));
        var auditor = service.Client("auditor");

        var response = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("{\n  \"item\": \"5.2.6.1\",\n  \"result\": \"partial\"\n}"));
        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        error["code"]!.GetValue<string>().Should().Be("SR3007");
        error["file"]!.GetValue<string>().Should().Be("finding-5.2.6.1.json");
        error["line"]!.GetValue<int>().Should().Be(3, "the result is on the body's third line");

        var badPoints = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("{\n  \"item\": \"5.2.6.1\",\n  \"result\": \"partial\",\n  \"points\": 99\n}"));
        var pointsError = JsonNode.Parse(await badPoints.Content.ReadAsStringAsync())!["errors"]![0]!;
        pointsError["line"]!.GetValue<int>().Should().Be(4, "the points are on the body's fourth line");

        var syntax = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("{\"item\": \"5.2.6.1\",,}"));
        syntax.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await syntax.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR1006");

        var mismatch = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.2","result":"conforming"}"""));
        JsonNode.Parse(await mismatch.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7011");
        var unknown = await auditor.PutAsync($"/api/audits/{id}/findings/9.9.9", TestService.Json("""{"item":"9.9.9","result":"conforming"}"""));
        JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7012");
        var notObject = await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("[1]"));
        ((int)notObject.StatusCode).Should().BeOneOf(400, 422);

        // Nothing of that reached the audit.
        var history = JsonNode.Parse(await auditor.GetStringAsync($"/api/audits/{id}/history"))!.AsArray();
        history.Should().OnlyContain(h => h!["item"] == null || h["item"]!.GetValue<string>() != "5.2.6.1");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task History_keeps_every_revision_with_who_and_when_and_a_delete_loses_nothing(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("06-mock-self-assessment.yaml"));
        var auditor = service.Client("auditor");
        var lead = service.Client("lead");
        await auditor.PutAsync($"/api/audits/{id}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.1","result":"conforming","note":"第一次"}"""));
        await lead.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/audits/{id}/findings/5.2.6.1") { Content = TestService.Json("""{"item":"5.2.6.1","result":"nonconforming","grade":"minor","note":"第二次"}"""), Headers = { { "If-Match", "\"1\"" } } });
        var delete = await lead.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/api/audits/{id}/findings/5.2.6.1") { Headers = { { "If-Match", "\"2\"" } } });
        delete.StatusCode.Should().Be(HttpStatusCode.OK);
        var back = await auditor.SendAsync(new HttpRequestMessage(HttpMethod.Put, $"/api/audits/{id}/findings/5.2.6.1") { Content = TestService.Json("""{"item":"5.2.6.1","result":"conforming","note":"第四次"}""") });
        back.Headers.ETag!.Tag.Should().Be("\"4\"", "versions never repeat, even after a delete");

        var history = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/history"))!.AsArray()
            .Where(h => h!["item"]?.GetValue<string>() == "5.2.6.1").ToArray();
        history.Select(h => h!["version"]!.GetValue<long>()).Should().Equal(1, 2, 3, 4);
        history.Select(h => h!["user"]!.GetValue<string>()).Should().Equal("auditor", "lead", "lead", "auditor");
        history.Select(h => h!["action"]!.GetValue<string>()).Should().Equal("finding", "finding", "finding-deleted", "finding");
        history[0]!["finding"]!["note"]!.GetValue<string>().Should().Be("第一次");
        history[1]!["finding"]!["note"]!.GetValue<string>().Should().Be("第二次");
        history.Should().OnlyContain(h => DateTimeOffset.Parse(h!["at"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) > DateTimeOffset.UtcNow.AddMinutes(-5));
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_final_audit_is_read_only_and_its_report_reaches_the_company_viewer(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var yaml = TestService.Sample("01-five-star-appliance-maker.yaml").Replace("浙江栖溪厨卫电器股份有限公司", "格力电器（测试）有限公司").Replace("credit_code: 91330282MA2H7K3C62", "");
        var id = await service.CreateAuditAsync(yaml);
        var viewer = service.Client("viewer");
        (await viewer.GetAsync($"/api/audits/{id}/report")).StatusCode.Should().Be(HttpStatusCode.NotFound, "viewers see final reports only");
        (await viewer.GetAsync($"/api/audits/{id}/report?format=docx")).StatusCode.Should().Be(HttpStatusCode.NotFound, "every format follows the same rule");

        var finalise = await service.Client("lead").PostAsync($"/api/audits/{id}/finalise", null);
        finalise.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await finalise.Content.ReadAsStringAsync())!["tier"]!.GetValue<string>().Should().Be("five-star");

        var save = await service.Client("auditor").PutAsync($"/api/audits/{id}/findings/5.1.1.1", TestService.Json("""{"item":"5.1.1.1","result":"nonconforming"}"""));
        save.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonNode.Parse(await save.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7009");
        (await service.Client("lead").PostAsync($"/api/audits/{id}/finalise", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);

        var html = await viewer.GetAsync($"/api/audits/{id}/report?format=html");
        html.StatusCode.Should().Be(HttpStatusCode.OK);
        html.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await html.Content.ReadAsStringAsync()).Should().Contain("<html").And.Contain("格力电器（测试）有限公司");
        var md = await viewer.GetStringAsync($"/api/audits/{id}/report?format=md&lang=en");
        md.Should().StartWith("#");
        (await service.Client("stranger").GetAsync($"/api/audits/{id}/report")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var docx = await viewer.GetAsync($"/api/audits/{id}/report?format=docx");
        docx.StatusCode.Should().Be(HttpStatusCode.OK);
        (await docx.Content.ReadAsByteArrayAsync()).Take(2).Should().Equal((byte)'P', (byte)'K');
        (await service.Client("stranger").GetAsync($"/api/audits/{id}/report?format=xlsx")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await viewer.GetAsync($"/api/audits/{id}")).StatusCode.Should().Be(HttpStatusCode.Forbidden, "viewers read reports, not the evidence");

        var list = JsonNode.Parse(await viewer.GetStringAsync("/api/audits"))!;
        list["items"]!.AsArray().Select(a => a!["id"]!.GetValue<long>()).Should().Equal(id);
        list["items"]![0]!["tier"]!.GetValue<string>().Should().Be("five-star");
        list["items"]![0]!["status"]!.GetValue<string>().Should().Be("final");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Reports_come_in_the_library_formats_and_an_unknown_format_is_a_clear_400(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var lead = service.Client("lead");
        var json = await lead.GetStringAsync($"/api/audits/{id}/report?format=json");
        json.Should().Be(await lead.GetStringAsync($"/api/audits/{id}/result"));
        var html = await lead.GetAsync($"/api/audits/{id}/report");
        html.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'none'").And.Contain("frame-ancestors 'none'");
        var exe = await lead.GetAsync($"/api/audits/{id}/report?format=exe");
        exe.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        JsonNode.Parse(await exe.Content.ReadAsStringAsync())!["title"]!.GetValue<string>().Should().Contain("html, md, json, docx, xlsx, pdf");

        // The result carries an ETag per revision: polling an unchanged audit costs a 304.
        var first = await lead.GetAsync($"/api/audits/{id}/result");
        var poll = new HttpRequestMessage(HttpMethod.Get, $"/api/audits/{id}/result");
        poll.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        (await lead.SendAsync(poll)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_unfinished_formal_audit_is_stored_and_its_result_says_what_is_missing(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var yaml = """
            company: { name: 某某电器有限公司 }
            audit: { kind: initial, dates: 2026-10-12, team: [ { name: 王敏, role: lead } ] }
            findings: []
            """;
        var id = await service.CreateAuditAsync(yaml);
        var result = await service.Client("auditor").GetAsync($"/api/audits/{id}/result");
        result.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonNode.Parse(await result.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR3015");
        (await service.Client("lead").PostAsync($"/api/audits/{id}/finalise", null)).StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task The_list_filters_and_pages(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var a = await service.CreateAuditAsync(TestService.Sample("01-five-star-appliance-maker.yaml"));
        var b = await service.CreateAuditAsync(TestService.Sample("05-appliance-maker-surveillance-2027.yaml"));
        var c = await service.CreateAuditAsync(TestService.Sample("03-failing-small-service-company.yaml"));
        var lead = service.Client("lead");

        var all = JsonNode.Parse(await lead.GetStringAsync("/api/audits?page_size=2"))!;
        all["total"]!.GetValue<long>().Should().Be(3);
        all["items"]!.AsArray().Should().HaveCount(2);
        var page2 = JsonNode.Parse(await lead.GetStringAsync("/api/audits?page_size=2&page=2"))!["items"]!.AsArray();
        page2.Should().HaveCount(1);

        var first = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{a}/result"))!;
        var company = JsonNode.Parse(await lead.GetStringAsync("/api/audits?kind=surveillance"))!["items"]![0]!["company"]!["id"]!.GetValue<long>();
        JsonNode.Parse(await lead.GetStringAsync($"/api/audits?company={company}"))!["items"]!.AsArray().Select(x => x!["id"]!.GetValue<long>()).Should().BeEquivalentTo([a, b]);
        JsonNode.Parse(await lead.GetStringAsync("/api/audits?tier=five-star"))!["items"]!.AsArray().Select(x => x!["id"]!.GetValue<long>()).Should().Contain(a).And.NotContain(c);
        JsonNode.Parse(await lead.GetStringAsync("/api/audits?from=2027-01-01"))!["items"]!.AsArray().Select(x => x!["id"]!.GetValue<long>()).Should().Equal(b);
        first["tier"]!["id"]!.GetValue<string>().Should().Be("five-star");
        (await lead.GetAsync("/api/audits?page=0")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await lead.GetAsync("/api/audits?from=2027-13-01")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }
}
