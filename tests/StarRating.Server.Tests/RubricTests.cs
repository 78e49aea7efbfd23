using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StarRating.Server.Tests;

/// <summary>
/// Rubrics per audit: admins upload rubrics and overlays (judged as the command line judges them), stored by
/// ID@VERSION and immutable once an audit uses them; an audit is scored, reported and worded with the rubric its
/// evidence names.
/// </summary>
[Collection("store")]
public sealed class RubricTests
{
    private const string Overlay = """
        id: body-review
        extends: gbt27922-2011
        version: "1"
        terminology: review
        title: { zh: 某认证机构服务认证审查细则, en: A body's service certification rubric }
        tiers:
          five-star: { min: 99 }
        """;

    public static TheoryData<string> Stores => TestService.Stores;

    private static StringContent Yaml(string text) => new(text, Encoding.UTF8, "application/yaml");

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_uploaded_overlay_scores_its_audits_as_the_cli_does_and_is_immutable_once_used(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var admin = service.Client("admin");

        var created = await admin.PostAsync("/api/rubrics", Yaml(Overlay));
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.Location!.ToString().Should().Be("/api/rubrics/body-review/1");
        var again = await admin.PostAsync("/api/rubrics", Yaml(Overlay));
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonNode.Parse(await again.Content.ReadAsStringAsync())!["status"]!.GetValue<string>().Should().Be("unchanged");
        (await service.Client("lead").PostAsync("/api/rubrics", Yaml(Overlay))).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await service.Client("viewer").GetAsync("/api/rubrics")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await service.Client("auditor").GetStringAsync("/api/rubrics/body-review/1")).Should().Be(Overlay);
        var builtIn = await service.Client("auditor").GetByteArrayAsync("/api/rubrics/gbt27922-2011/2026.1");
        builtIn.Should().Equal(await File.ReadAllBytesAsync(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml")));

        // An audit names the rubric in its evidence; it is scored with it, byte for byte as the command scores the download.
        var yaml = TestService.Sample("01-five-star-appliance-maker.yaml").Replace("rubric: gbt27922-2011", "rubric: body-review@1");
        var id = await service.CreateAuditAsync(yaml);
        var lead = service.Client("lead");
        using var folder = new TempFolder(("rubric.yaml", Overlay));
        await File.WriteAllBytesAsync(folder.File($"audit-{id}.json"), await lead.GetByteArrayAsync($"/api/audits/{id}"));
        var (code, output, error) = await CliHelper.RunAsync(folder.Path, null, "score", $"audit-{id}.json", "--rubric", "rubric.yaml", "--format", "json");
        code.Should().Be(0, error);
        var result = await lead.GetStringAsync($"/api/audits/{id}/result");
        result.Should().Be(output);
        var parsed = JsonNode.Parse(result)!;
        parsed["rubric"]!["id"]!.GetValue<string>().Should().Be("body-review");
        parsed["tier"]!["id"]!.GetValue<string>().Should().Be("four-star", "the overlay raised five-star to 99 points");
        var listed = JsonNode.Parse(await lead.GetStringAsync("/api/audits"))!["items"]![0]!;
        listed["rubric"]!.GetValue<string>().Should().Be("body-review");
        listed["rubric_version"]!.GetValue<string>().Should().Be("1");
        listed["tier"]!.GetValue<string>().Should().Be("four-star");

        // The rubric's terminology words the report and the service's own texts for this audit: 审查, not 审核.
        var html = await lead.GetStringAsync($"/api/audits/{id}/report?format=html&lang=zh");
        html.Should().Contain("审查报告").And.Contain("审查组");
        (await lead.GetStringAsync($"/api/audits/{id}/report?format=md&lang=zh")).Should().Contain("审查");
        (await lead.PostAsync($"/api/audits/{id}/finalise", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        var readOnly = await lead.PutAsync($"/api/audits/{id}/findings/5.1.1.1", TestService.Json("""{"item":"5.1.1.1","result":"conforming"}"""));
        readOnly.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonNode.Parse(await readOnly.Content.ReadAsStringAsync())!["title"]!.GetValue<string>().Should().Be("审查已定稿，只读");

        // A version in use never changes: another text under it is refused, and so is removing it.
        var changed = await admin.PostAsync("/api/rubrics", Yaml(Overlay.Replace("min: 99", "min: 98")));
        changed.StatusCode.Should().Be(HttpStatusCode.Conflict);
        var problem = JsonNode.Parse(await changed.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7034");
        problem["title"]!.GetValue<string>().Should().Contain("body-review@1").And.Contain("1 个审核");
        (await admin.DeleteAsync("/api/rubrics/body-review/1")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        var list = JsonNode.Parse(await admin.GetStringAsync("/api/rubrics"))!.AsArray();
        list.Select(r => r!["id"]!.GetValue<string>()).Should().Equal("gbt27922-2011", "gbt27925-2011", "body-review");
        list[2]!["audits"]!.GetValue<long>().Should().Be(1);
        list[2]!["extends"]!.GetValue<string>().Should().Be("gbt27922-2011@2026.1");
        list[2]!["terminology"]!.GetValue<string>().Should().Be("review");

        // An unused version may be replaced or removed.
        var second = Overlay.Replace("version: \"1\"", "version: \"2\"");
        (await admin.PostAsync("/api/rubrics", Yaml(second))).StatusCode.Should().Be(HttpStatusCode.Created);
        var replaced = await admin.PostAsync("/api/rubrics", Yaml(second.Replace("min: 99", "min: 97")));
        JsonNode.Parse(await replaced.Content.ReadAsStringAsync())!["status"]!.GetValue<string>().Should().Be("replaced");
        (await admin.DeleteAsync("/api/rubrics/body-review/2")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await admin.GetAsync("/api/rubrics/body-review/2")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Rubric_uploads_and_pins_are_judged_with_the_cli_diagnostics(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var admin = service.Client("admin", "en");

        // A broken overlay: the same diagnostics, at the same lines, as `starrating rubric show --rubric rubric.yaml`.
        var broken = Overlay.Replace("five-star: { min: 99 }", "five-star: { min: 99 }\n  six-star: { min: 98 }\n") + "indicators:\n  \"5.1.1\": { points: 9 }\n";
        var refused = await admin.PostAsync("/api/rubrics", Yaml(broken));
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7032");
        var errors = problem["errors"]!.AsArray();
        errors.Should().NotBeEmpty();
        using var folder = new TempFolder(("rubric.yaml", broken));
        var (code, _, cliErrors) = await CliHelper.RunAsync(folder.Path, null, "rubric", "show", "--rubric", "rubric.yaml");
        code.Should().Be(2);
        foreach (var e in errors)
        {
            cliErrors.Should().Contain(e!["line"] is null
                ? $"{e["file"]}: error {e["code"]}: {e["message"]}"
                : $"{e["file"]}({e["line"]},{e["column"]}): error {e["code"]}: {e["message"]}");
        }

        var builtInId = await admin.PostAsync("/api/rubrics", Yaml(Overlay.Replace("id: body-review", "id: gbt27922-2011")));
        builtInId.StatusCode.Should().Be(HttpStatusCode.Conflict);
        JsonNode.Parse(await builtInId.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7035");

        // Evidence naming a rubric the service does not have.
        var unknown = await service.Client("lead", "en").PostAsync("/api/audits",
            Yaml(TestService.Sample("02-three-star-regional-retailer.yaml").Replace("rubric: gbt27922-2011", "rubric: nobody@3")));
        unknown.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var unknownProblem = JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!;
        unknownProblem["code"]!.GetValue<string>().Should().Be("SR7033");
        unknownProblem["title"]!.GetValue<string>().Should().Contain("nobody@3");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_audit_on_the_other_built_in_rubric_is_scored_with_it(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("07-brand-evaluation-department-store.yaml"));
        var lead = service.Client("lead");
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File($"audit-{id}.json"), await lead.GetByteArrayAsync($"/api/audits/{id}"));
        var (code, output, error) = await CliHelper.RunAsync(folder.Path, null, "score", $"audit-{id}.json", "--format", "json");
        code.Should().Be(0, error);
        (await lead.GetStringAsync($"/api/audits/{id}/result")).Should().Be(output);
        JsonNode.Parse(output)!["rubric"]!["id"]!.GetValue<string>().Should().Be("gbt27925-2011");

        // A finding is judged against that rubric: its items exist, the other rubric's do not.
        var other = await lead.PutAsync($"/api/audits/{id}/findings/5.1.4.4", TestService.Json("""{"item":"5.1.4.4","result":"conforming"}"""));
        other.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        JsonNode.Parse(await other.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7012");
    }
}
