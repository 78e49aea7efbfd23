using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace StarRating.Server.Tests;

/// <summary>Sessions, CSRF, sign-in throttling, headers and attachments served safely.</summary>
[Collection("store")]
public sealed class SecurityTests
{
    [Fact]
    public async Task A_cookie_session_needs_the_csrf_token_on_writes_and_ends_at_logout()
    {
        await using var service = await TestService.StartAsync("sqlite");
        var server = service.App.GetTestServer();
        var cookies = new System.Net.CookieContainer();
        async Task<HttpResponseMessage> Send(HttpRequestMessage request)
        {
            var header = cookies.GetCookieHeader(server.BaseAddress);
            if (header.Length > 0)
            {
                request.Headers.Add("Cookie", header);
            }

            var response = await server.CreateClient().SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
            {
                foreach (var cookie in set)
                {
                    cookies.SetCookies(server.BaseAddress, cookie);
                }
            }

            return response;
        }

        var wrong = await Send(new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = TestService.Json("""{"username":"lead","password":"nope-nope"}""") });
        wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var form = await Send(new HttpRequestMessage(HttpMethod.Post, "/api/login") { Content = new FormUrlEncodedContent([new("username", "lead"), new("password", "password-lead")]) });
        form.StatusCode.Should().Be(HttpStatusCode.OK);
        var setCookie = form.Headers.GetValues("Set-Cookie").Single();
        setCookie.Should().Contain("httponly").And.Contain("samesite=strict");
        var csrf = JsonNode.Parse(await form.Content.ReadAsStringAsync())!["csrf_token"]!.GetValue<string>();

        (await Send(new HttpRequestMessage(HttpMethod.Get, "/api/session"))).StatusCode.Should().Be(HttpStatusCode.OK);
        var yaml = TestService.Sample("06-mock-self-assessment.yaml");
        var forged = await Send(new HttpRequestMessage(HttpMethod.Post, "/api/audits") { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") });
        forged.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        JsonNode.Parse(await forged.Content.ReadAsStringAsync())!["code"]!.GetValue<string>().Should().Be("SR7019");
        var withToken = new HttpRequestMessage(HttpMethod.Post, "/api/audits") { Content = new StringContent(yaml, Encoding.UTF8, "application/yaml") };
        withToken.Headers.Add("X-CSRF-Token", csrf);
        (await Send(withToken)).StatusCode.Should().Be(HttpStatusCode.Created);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/api/logout");
        logout.Headers.Add("X-CSRF-Token", csrf);
        (await Send(logout)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Send(new HttpRequestMessage(HttpMethod.Get, "/api/session"))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string> Stores => TestService.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Sign_in_is_throttled_per_client_and_user_name_across_instances_on_one_database(string store)
    {
        await using var service = await TestService.StartAsync(store, o => o with { LoginAttemptsPerMinute = 3 });
        await using var peer = await service.StartPeerAsync();
        var client = service.Client();
        var other = peer.GetTestClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            // Alternating instances: the count is the database's, so two instances do not allow twice the guesses.
            statuses.Add((await (i % 2 == 0 ? client : other).PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"guess"}"""))).StatusCode);
        }

        statuses.Should().Equal(HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, (HttpStatusCode)429, (HttpStatusCode)429);
        var throttled = await other.PostAsync("/api/login", TestService.Json("""{"username":"ADMIN","password":"guess"}"""));
        throttled.StatusCode.Should().Be((HttpStatusCode)429, "the user name counts whatever its case");
        int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture).Should().BeInRange(1, 60);
        // Even the right password waits out the window: guessing cannot go faster by mixing in the real one.
        (await client.PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"password-admin"}"""))).StatusCode.Should().Be((HttpStatusCode)429);
        (await client.PostAsync("/api/login", TestService.Json("""{"username":"lead","password":"password-lead"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers_and_unknown_routes_tell_anonymous_callers_nothing()
    {
        await using var service = await TestService.StartAsync("sqlite");
        foreach (var (client, path) in new[] { (service.Client(), "/health"), (service.Client(), "/api/audits"), (service.Client(), "/no/such/route"), (service.Client("admin"), "/api/users") })
        {
            var response = await client.GetAsync(path);
            response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
            response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("frame-ancestors 'none'");
            response.Headers.GetValues("Referrer-Policy").Single().Should().Be("no-referrer");
            response.Headers.GetValues("X-Frame-Options").Single().Should().Be("DENY");
        }

        (await service.Client().GetAsync("/api/no-such")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await service.Client("admin").GetAsync("/api/no-such")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await service.Client().GetAsync("/api/audits")).Headers.WwwAuthenticate.ToString().Should().Be("Bearer");
        var bad = new HttpRequestMessage(HttpMethod.Get, "/api/audits");
        bad.Headers.Add("Authorization", "Bearer srt_not-a-token");
        (await service.Client().SendAsync(bad)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(TestService.Stores), MemberType = typeof(TestService))]
    public async Task Attachments_are_content_addressed_checked_and_served_as_downloads(string store)
    {
        await using var service = await TestService.StartAsync(store, o => o with { MaxAttachmentBytes = 1000 });
        var id = await service.CreateAuditAsync(TestService.Sample("06-mock-self-assessment.yaml"));
        var auditor = service.Client("auditor");
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4, 5];
        var first = await auditor.PostAsync($"/api/audits/{id}/attachments?name=..%2F..%2Fetc%2Fpasswd.jpg&item=5.1.2.2", new ByteArrayContent(jpeg) { Headers = { { "Content-Type", "image/jpeg" } } });
        first.StatusCode.Should().Be(HttpStatusCode.Created);
        var body = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg));
        body["sha256"]!.GetValue<string>().Should().Be(sha);
        body["file_name"]!.GetValue<string>().Should().Be("passwd.jpg");
        var again = await auditor.PostAsync($"/api/audits/{id}/attachments?name=same.jpg", new ByteArrayContent(jpeg) { Headers = { { "Content-Type", "image/jpeg" } } });
        JsonNode.Parse(await again.Content.ReadAsStringAsync())!["sha256"]!.GetValue<string>().Should().Be(sha);

        var download = await auditor.GetAsync($"/api/audits/{id}/attachments/{sha}");
        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(jpeg);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/jpeg");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        download.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
        download.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");

        // HTML dressed as an image, an unlisted type, and an oversized file are all refused.
        var disguised = await auditor.PostAsync($"/api/audits/{id}/attachments", new ByteArrayContent("<script>alert(1)</script>"u8.ToArray()) { Headers = { { "Content-Type", "image/png" } } });
        disguised.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        (await auditor.PostAsync($"/api/audits/{id}/attachments", new ByteArrayContent("<html>"u8.ToArray()) { Headers = { { "Content-Type", "text/html" } } })).StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var big = new byte[2000];
        big[0] = 0xFF;
        big[1] = 0xD8;
        big[2] = 0xFF;
        (await auditor.PostAsync($"/api/audits/{id}/attachments", new ByteArrayContent(big) { Headers = { { "Content-Type", "image/jpeg" } } })).StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var list = JsonNode.Parse(await auditor.GetStringAsync($"/api/audits/{id}/attachments"))!.AsArray();
        list.Should().HaveCount(2);
        list[0]!["item"]!.GetValue<string>().Should().Be("5.1.2.2");
        (await service.Client("outsider").GetAsync($"/api/audits/{id}/attachments/{sha}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
