using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StarRating.Server.Tests;

/// <summary>
/// Every route × every kind of caller. The expectations are written here, independently of the server's route table,
/// and the test fails if the server has a route this table does not cover. "ok" means the caller got past
/// authentication, role and visibility (any status but 401, 403 and 404); the others are the exact refusal.
/// </summary>
[Collection("store")]
public sealed class AuthMatrixTests
{
    private static readonly string[] Callers = ["anonymous", "admin", "lead", "auditor", "outsider", "viewer", "stranger", "lead2"];

    /// <summary>Expected outcome per caller, in the order of <see cref="Callers"/>.</summary>
    private static readonly Dictionary<string, string[]> Matrix = new(StringComparer.Ordinal)
    {
        ["GET /health"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["POST /api/login"] = ["ok", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["POST /api/logout"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["GET /api/session"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["POST /api/tokens"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["GET /api/users"] = ["401", "ok", "ok", "403", "403", "403", "403", "ok"],
        ["POST /api/users"] = ["401", "ok", "403", "403", "403", "403", "403", "403"],
        ["GET /api/companies"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["POST /api/companies"] = ["401", "ok", "ok", "403", "403", "403", "403", "ok"],
        ["GET /api/companies/{id}"] = ["401", "ok", "ok", "ok", "404", "ok", "404", "ok"],
        ["GET /api/audits"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
        ["POST /api/audits"] = ["401", "ok", "ok", "403", "403", "403", "403", "ok"],
        ["GET /api/audits/{id}"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["GET /api/audits/{id}/findings"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["PUT /api/audits/{id}/findings/{itemId}"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["DELETE /api/audits/{id}/findings/{itemId}"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["GET /api/audits/{id}/result"] = ["401", "ok", "ok", "ok", "404", "ok", "404", "404"],
        ["GET /api/audits/{id}/report"] = ["401", "ok", "ok", "ok", "404", "ok", "404", "404"],
        ["GET /api/audits/{id}/history"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["POST /api/audits/{id}/finalise"] = ["401", "ok", "ok", "403", "403", "403", "403", "404"],
        ["GET /api/audits/{id}/parts"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["PUT /api/audits/{id}/parts/{part}"] = ["401", "ok", "ok", "403", "403", "403", "403", "404"],
        ["DELETE /api/audits/{id}/parts/{part}"] = ["401", "ok", "ok", "403", "403", "403", "403", "404"],
        ["GET /api/audits/{id}/team"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["PUT /api/audits/{id}/team/{user}"] = ["401", "ok", "ok", "403", "403", "403", "403", "404"],
        ["DELETE /api/audits/{id}/team/{user}"] = ["401", "ok", "ok", "403", "403", "403", "403", "404"],
        ["GET /api/audits/{id}/attachments"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["POST /api/audits/{id}/attachments"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["GET /api/audits/{id}/attachments/{sha256}"] = ["401", "ok", "ok", "ok", "404", "403", "403", "404"],
        ["GET /api/rubrics"] = ["401", "ok", "ok", "ok", "ok", "403", "403", "ok"],
        ["POST /api/rubrics"] = ["401", "ok", "403", "403", "403", "403", "403", "403"],
        ["GET /api/rubrics/{rubricId}/{version}"] = ["401", "ok", "ok", "ok", "ok", "403", "403", "ok"],
        ["DELETE /api/rubrics/{rubricId}/{version}"] = ["401", "ok", "403", "403", "403", "403", "403", "403"],
        ["GET /openapi/v1.json"] = ["401", "ok", "ok", "ok", "ok", "ok", "ok", "ok"],
    };

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52];

    [Fact]
    public async Task Every_route_answers_every_caller_as_the_roles_say()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var endpoints = service.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + e.RoutePattern.RawText))
            .Where(route => !PagesTests.IsPageRoute(route)) // the web pages are not the API: PagesTests covers them
            .ToArray();
        endpoints.Should().BeEquivalentTo(Matrix.Keys, "the matrix covers every route the server maps, and no other");

        // The viewer's company has a final audit; the auditor is on it (and on every open audit made below).
        var yaml = TestService.Sample("02-three-star-regional-retailer.yaml");
        var companyName = YamlValue(yaml, "  name: ");
        var final = await service.CreateAuditAsync(yaml.Replace(companyName, "格力电器（测试）有限公司").Replace("credit_code:", "x-credit_code:"));
        (await service.Client("lead").PostAsync($"/api/audits/{final}/finalise", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var failures = new List<string>();
        foreach (var (route, expected) in Matrix)
        {
            for (var i = 0; i < Callers.Length; i++)
            {
                var open = await service.CreateAuditAsync(TestService.Sample("06-mock-self-assessment.yaml"));
                var sha = await UploadAsync(service, open);
                var request = Request(route, route.Contains("/result", StringComparison.Ordinal) || route.Contains("/report", StringComparison.Ordinal) ? final : open, service.CompanyId, sha);
                if (route == "DELETE /api/rubrics/{rubricId}/{version}")
                {
                    // Each caller tries to remove an unused uploaded rubric of its own.
                    var version = await UploadRubricAsync(service);
                    request.RequestUri = new Uri("/api/rubrics/matrix/" + version, UriKind.Relative);
                }

                var caller = Callers[i];
                var response = await service.Client(caller == "anonymous" ? null : caller).SendAsync(request);
                var status = (int)response.StatusCode;
                var verdict = status is 401 or 403 or 404 ? status.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ok";
                if (verdict != expected[i])
                {
                    failures.Add($"{route} as {caller}: expected {expected[i]}, got {status} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        failures.Should().BeEmpty();
    }

    private static string RubricText(string version) => $$"""
        id: matrix
        extends: gbt27922-2011
        version: "{{version}}"
        """;

    private static async Task<string> UploadRubricAsync(TestService service)
    {
        var version = Guid.NewGuid().ToString("N");
        var response = await service.Client("admin").PostAsync("/api/rubrics", new StringContent(RubricText(version), Encoding.UTF8, "application/yaml"));
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return version;
    }

    private static async Task<string> UploadAsync(TestService service, long audit)
    {
        var response = await service.Client("lead").PostAsync($"/api/audits/{audit}/attachments?name=photo.png", new ByteArrayContent(Png) { Headers = { { "Content-Type", "image/png" } } });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!["sha256"]!.GetValue<string>();
    }

    private static HttpRequestMessage Request(string route, long audit, long company, string sha)
    {
        var space = route.IndexOf(' ', StringComparison.Ordinal);
        var method = new HttpMethod(route[..space]);
        var path = route[(space + 1)..].Replace("{id}", (route.StartsWith("GET /api/companies", StringComparison.Ordinal) ? company : audit).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{itemId}", method == HttpMethod.Delete ? "5.1.1" : "5.2.6.1").Replace("{user}", "outsider").Replace("{sha256}", sha)
            .Replace("{rubricId}", "gbt27922-2011").Replace("{version}", "2026.1").Replace("{part}", "conclusion");

        var request = new HttpRequestMessage(method, path);
        if (route.Contains("/parts/", StringComparison.Ordinal))
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        }

        if (method == HttpMethod.Delete && route.Contains("findings", StringComparison.Ordinal))
        {
            request.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue("\"1\""));
        }

        request.Content = route switch
        {
            "POST /api/login" => TestService.Json("""{"username":"admin","password":"password-admin"}"""),
            "POST /api/tokens" => TestService.Json("""{"name":"matrix"}"""),
            "POST /api/users" => TestService.Json($$"""{"name":"u{{Guid.NewGuid():N}}","role":"auditor","password":"long-enough-password"}"""),
            "POST /api/companies" => TestService.Json($$"""{"name":"公司{{Guid.NewGuid():N}}"}"""),
            "POST /api/audits" => new StringContent(TestService.Sample("06-mock-self-assessment.yaml"), Encoding.UTF8, "application/yaml"),
            "PUT /api/audits/{id}/findings/{itemId}" => TestService.Json("""{"item":"5.2.6.1","result":"conforming"}"""),
            "PUT /api/audits/{id}/team/{user}" => TestService.Json("""{"role":"member"}"""),
            "PUT /api/audits/{id}/parts/{part}" => TestService.Json("\"结论\""),
            "POST /api/audits/{id}/attachments" => new ByteArrayContent(Png) { Headers = { { "Content-Type", "image/png" } } },
            "POST /api/rubrics" => new StringContent(RubricText(Guid.NewGuid().ToString("N")), Encoding.UTF8, "application/yaml"),
            _ => null,
        };
        return request;
    }

    private static string YamlValue(string yaml, string prefix) =>
        yaml.Split('\n').First(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..].Trim();
}
