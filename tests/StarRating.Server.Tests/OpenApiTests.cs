using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace StarRating.Server.Tests;

/// <summary>The OpenAPI document describes exactly the routes the server answers.</summary>
[Collection("store")]
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_every_live_route_and_no_other()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var document = JsonNode.Parse(await service.Client("auditor").GetStringAsync("/openapi/v1.json"))!;
        document["openapi"]!.GetValue<string>().Should().StartWith("3.");
        var documented = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => m.Key.ToUpperInvariant() + " " + p.Key))
            .ToArray();
        var live = service.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + e.RoutePattern.RawText))
            .Where(route => !PagesTests.IsPageRoute(route)) // the web pages are not the API: PagesTests covers them
            .ToArray();
        documented.Should().BeEquivalentTo(live);

        // Path parameters are declared, and protected routes say so.
        var save = document["paths"]!["/api/audits/{id}/findings/{itemId}"]!["put"]!;
        save["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Equal("id", "itemId");
        save["responses"]!.AsObject().Select(r => r.Key).Should().Contain(["200", "401", "403", "412", "428"]);
        document["paths"]!["/health"]!["get"]!["security"]!.AsArray().Should().BeEmpty();
        (await service.Client().GetAsync("/openapi/v1.json")).StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
    }
}
