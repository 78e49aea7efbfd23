using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace StarRating.Server.Tests;

/// <summary>
/// Lead edits of the audit-level parts (adjustments, conclusion, decision, certificate) with If-Match and history, and
/// who sees which audit: leads see the audits they lead or are on, admins all.
/// </summary>
[Collection("store")]
public sealed class AuditPartTests
{
    public static TheoryData<string> Stores => TestService.Stores;

    private static HttpRequestMessage Put(string path, string json, string? ifMatch) => Send(HttpMethod.Put, path, json, ifMatch);

    private static HttpRequestMessage Send(HttpMethod method, string path, string? json, string? ifMatch)
    {
        var request = new HttpRequestMessage(method, path) { Content = json is null ? null : TestService.Json(json) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(new EntityTagHeaderValue("\"" + ifMatch + "\""));
        }

        return request;
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_lead_edits_the_audit_level_parts_with_versions_and_every_change_is_kept(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var lead = service.Client("lead", "en");
        var auditor = service.Client("auditor");

        var parts = JsonNode.Parse(await auditor.GetStringAsync($"/api/audits/{id}/parts"))!;
        parts["version"]!.GetValue<long>().Should().Be(1);
        parts["adjustments"]!["deductions"]!.AsArray().Should().HaveCount(1);
        parts["conclusion"]!.GetValue<string>().Should().StartWith("企业售后服务体系总体运行有效");
        var before = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/result"))!["score"]!;
        before["deductions"]!.GetValue<decimal>().Should().Be(1);

        // Without If-Match: 428 with the version to send. Auditors read the parts but may not edit them.
        var blind = await lead.SendAsync(Put($"/api/audits/{id}/parts/conclusion", "\"新的结论\"", null));
        blind.StatusCode.Should().Be((HttpStatusCode)428);
        JsonNode.Parse(await blind.Content.ReadAsStringAsync())!["current_version"]!.GetValue<long>().Should().Be(1);
        (await auditor.SendAsync(Put($"/api/audits/{id}/parts/conclusion", "\"x\"", "1"))).StatusCode.Should().Be(HttpStatusCode.Forbidden);

        var saved = await lead.SendAsync(Put($"/api/audits/{id}/parts/conclusion", "\"审核组推荐保持三星级。\"", "1"));
        saved.StatusCode.Should().Be(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        saved.Headers.ETag!.Tag.Should().Be("\"2\"");

        // Another lead editing from version 1 meets the change: 412 with the current version and value.
        var stale = await service.Client("admin").SendAsync(Put($"/api/audits/{id}/parts/adjustments", """{"deductions":[]}""", "1"));
        stale.StatusCode.Should().Be(HttpStatusCode.PreconditionFailed);
        var conflict = JsonNode.Parse(await stale.Content.ReadAsStringAsync())!;
        conflict["code"]!.GetValue<string>().Should().Be("SR7026");
        conflict["current_version"]!.GetValue<long>().Should().Be(2);

        // A second special deduction and a bonus: the score moves by exactly their points.
        var adjustments = """
            {
              "deductions": [
                {"points": 1, "item": "5.1.2.3", "reason": "无证高处作业"},
                {"points": 2, "reason": "未按规定公示收费标准"}
              ],
              "bonus": {"points": 0.5, "reason": "以旧换新服务获省级示范"}
            }
            """;
        var adjusted = await lead.SendAsync(Put($"/api/audits/{id}/parts/adjustments", adjustments, "2"));
        adjusted.StatusCode.Should().Be(HttpStatusCode.OK, await adjusted.Content.ReadAsStringAsync());
        var after = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/result"))!["score"]!;
        after["deductions"]!.GetValue<decimal>().Should().Be(3);
        after["bonus"]!.GetValue<decimal>().Should().Be(0.5m);
        after["unrounded"]!.GetValue<decimal>().Should().Be(before["unrounded"]!.GetValue<decimal>() - 1.5m);
        var listed = JsonNode.Parse(await lead.GetStringAsync("/api/audits"))!["items"]![0]!;
        decimal.Parse(listed["score"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            .Should().BeApproximately(after["unrounded"]!.GetValue<decimal>(), 0.05m, "the list keeps the stored revision's score");

        // The library judges the value; its diagnostics point into the request body.
        var bad = await lead.SendAsync(Put($"/api/audits/{id}/parts/adjustments", "{\n  \"bonus\": {\"points\": 5, \"reason\": \"x\"}\n}", "3"));
        bad.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7037");
        var error = problem["errors"]![0]!;
        error["code"]!.GetValue<string>().Should().Be("SR3018");
        error["file"]!.GetValue<string>().Should().Be("adjustments.json");
        error["line"]!.GetValue<int>().Should().Be(2, "the bonus is on the body's second line");
        (await lead.SendAsync(Put($"/api/audits/{id}/parts/company", "{}", "3"))).StatusCode.Should().Be(HttpStatusCode.NotFound);

        // A decision is a cycle record: the tier must be one of the rubric's.
        var decision = await lead.SendAsync(Put($"/api/audits/{id}/parts/decision", """{"tier":"nine-star","by":"技术委员会"}""", "3"));
        decision.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonNode.Parse(await decision.Content.ReadAsStringAsync())!["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR3106");
        (await lead.SendAsync(Put($"/api/audits/{id}/parts/certificate", """{"number":"CHFW-SC-26-0999","issued":"2026-11-01","expires":"2029-10-31"}""", "3")))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        (await lead.SendAsync(Send(HttpMethod.Delete, $"/api/audits/{id}/parts/conclusion", null, "4"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var evidence = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}"))!.AsObject();
        evidence.ContainsKey("conclusion").Should().BeFalse();
        evidence["certificate"]!["number"]!.GetValue<string>().Should().Be("CHFW-SC-26-0999");

        var history = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/history"))!.AsArray()
            .Where(e => e!["action"]!.GetValue<string>().StartsWith("part", StringComparison.Ordinal)).ToArray();
        history.Select(e => (e!["action"]!.GetValue<string>(), e["part"]!.GetValue<string>(), e["version"]!.GetValue<long>()))
            .Should().Equal(("part", "conclusion", 2L), ("part", "adjustments", 3L), ("part", "certificate", 4L), ("part-deleted", "conclusion", 5L));
        history[0]!["value"]!.GetValue<string>().Should().Be("审核组推荐保持三星级。");
        history[1]!["user"]!.GetValue<string>().Should().Be("lead");

        // Final: read-only.
        (await lead.PostAsync($"/api/audits/{id}/finalise", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var late = await lead.SendAsync(Put($"/api/audits/{id}/parts/conclusion", "\"x\"", "5"));
        late.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonNode.Parse(await late.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7009");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Leads_see_the_audits_they_lead_or_are_on_and_admins_see_all(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var lead2 = service.Client("lead2");
        (await lead2.GetAsync($"/api/audits/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await lead2.GetAsync($"/api/audits/{id}/result")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        JsonNode.Parse(await lead2.GetStringAsync("/api/audits"))!["total"]!.GetValue<long>().Should().Be(0);
        JsonNode.Parse(await service.Client("admin").GetStringAsync("/api/audits"))!["total"]!.GetValue<long>().Should().Be(1);

        // Put on the team, the second lead sees it and may edit it.
        (await service.Client("lead").PutAsync($"/api/audits/{id}/team/lead2", TestService.Json("""{"role":"member"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await lead2.GetAsync($"/api/audits/{id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await lead2.GetStringAsync("/api/audits"))!["total"]!.GetValue<long>().Should().Be(1);
        (await lead2.SendAsync(Put($"/api/audits/{id}/parts/conclusion", "\"同意\"", "1"))).StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
