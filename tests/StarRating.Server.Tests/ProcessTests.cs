using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StarRating.Rules;

namespace StarRating.Server.Tests;

/// <summary>The real server process: kill -9 under concurrent writers, two instances on one PostgreSQL, backup and restore.</summary>
[Collection("store")]
public sealed class ProcessTests
{
    [Theory]
    [MemberData(nameof(TestService.Stores), MemberType = typeof(TestService))]
    public async Task Every_acknowledged_finding_survives_kill_minus_9_during_20_concurrent_writers(string store)
    {
        using var folder = new TempFolder();
        var storeArguments = StoreArguments(store, folder);
        var token = await AdminTokenAsync(storeArguments);
        long audit;
        var acknowledged = new ConcurrentDictionary<(string Item, long Version), string>();
        var items = Rubric.Default.Items.Select(i => i.Id).ToArray();
        using (var server = await ServerProcess.StartAsync(storeArguments))
        {
            using var setup = server.Client(token);
            var created = await setup.PostAsync("/api/audits", new StringContent(TestService.Sample("06-mock-self-assessment.yaml"), Encoding.UTF8, "application/yaml"));
            created.StatusCode.Should().Be(HttpStatusCode.Created);
            audit = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

            var existing = JsonNode.Parse(await setup.GetStringAsync($"/api/audits/{audit}/findings"))!.AsArray()
                .ToDictionary(f => f!["item"]!.GetValue<string>(), f => f!["version"]!.GetValue<long>());
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 20).Select(w => Task.Run(async () =>
            {
                using var client = server.Client(token);
                var mine = items.Where((_, i) => i % 20 == w).ToArray();
                var versions = mine.ToDictionary(i => i, i => existing.GetValueOrDefault(i));
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var item = mine[n % mine.Length];
                    var note = $"writer {w} save {n}";
                    var request = new HttpRequestMessage(HttpMethod.Put, $"/api/audits/{audit}/findings/{item}")
                    {
                        Content = TestService.Json($$"""{"item":"{{item}}","result":"conforming","note":"{{note}}"}"""),
                        Headers = { { "If-Match", $"\"{versions[item]}\"" } },
                    };
                    try
                    {
                        var response = await client.SendAsync(request);
                        if (response.StatusCode != HttpStatusCode.OK)
                        {
                            throw new InvalidOperationException($"{item}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                        }

                        var version = long.Parse(response.Headers.ETag!.Tag.Trim('"'), System.Globalization.CultureInfo.InvariantCulture);
                        acknowledged[(item, version)] = note;
                        versions[item] = version;
                    }
                    catch (HttpRequestException)
                    {
                        return;
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            })).ToArray();

            // Kill in the middle of the writing, not before it starts (and never wait for ever on failed writers).
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (acknowledged.Count < 200 && !writers.All(t => t.IsCompleted) && waited.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(20);
            }

            writers.Where(t => t.IsFaulted).Select(t => t.Exception!.InnerException!.Message).Should().BeEmpty();

            await Task.Delay(new Random().Next(0, 400));
            server.KillHard();
            stop.Cancel();
            await Task.WhenAll(writers);
        }

        acknowledged.Count.Should().BeGreaterThan(200);
        using var restarted = await ServerProcess.StartAsync(storeArguments);
        using var reader = restarted.Client(token);
        var history = JsonNode.Parse(await reader.GetStringAsync($"/api/audits/{audit}/history"))!.AsArray()
            .Where(h => h!["action"]!.GetValue<string>() == "finding")
            .ToDictionary(h => (h!["item"]!.GetValue<string>(), h["version"]!.GetValue<long>()), h => h!["finding"]!["note"]?.GetValue<string>());
        var lost = acknowledged.Where(a => !history.TryGetValue(a.Key, out var note) || note != a.Value).Select(a => a.Key).ToArray();
        lost.Should().BeEmpty($"every one of the {acknowledged.Count} acknowledged saves must be stored");

        var findings = JsonNode.Parse(await reader.GetStringAsync($"/api/audits/{audit}/findings"))!.AsArray()
            .ToDictionary(f => f!["item"]!.GetValue<string>(), f => f!["version"]!.GetValue<long>());
        foreach (var group in acknowledged.Keys.GroupBy(k => k.Item))
        {
            findings[group.Key].Should().BeGreaterThanOrEqualTo(group.Max(k => k.Version));
        }

        (await reader.GetAsync($"/api/audits/{audit}/result")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await new HttpClient { BaseAddress = restarted.BaseAddress }.GetAsync("/api/audits/1/findings")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        restarted.Log.Should().Contain("http://127.0.0.1:").And.NotContain(token, "secrets never reach the log");
    }

    [SystemFact("postgres")]
    public async Task Two_instances_on_one_PostgreSQL_database_serve_the_same_audits()
    {
        using var folder = new TempFolder();
        var storeArguments = StoreArguments("postgres", folder);
        var token = await AdminTokenAsync(storeArguments);
        using var one = await ServerProcess.StartAsync(storeArguments);
        using var two = await ServerProcess.StartAsync(storeArguments);
        using var a = one.Client(token);
        using var b = two.Client(token);
        var created = await a.PostAsync("/api/audits", new StringContent(TestService.Sample("06-mock-self-assessment.yaml"), Encoding.UTF8, "application/yaml"));
        var audit = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();

        // Saves through either instance; a stale save through the other is refused, whichever instance holds it.
        (await b.PutAsync($"/api/audits/{audit}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.1","result":"conforming"}"""))).StatusCode.Should().Be(HttpStatusCode.OK);
        var stale = await a.PutAsync($"/api/audits/{audit}/findings/5.2.6.1", TestService.Json("""{"item":"5.2.6.1","result":"nonconforming"}"""));
        stale.StatusCode.Should().Be((HttpStatusCode)428);
        (await a.GetByteArrayAsync($"/api/audits/{audit}/result")).Should().Equal(await b.GetByteArrayAsync($"/api/audits/{audit}/result"));

        // A session made on one instance works on the other: no state lives in an instance.
        var login = await a.PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"correct-horse-battery"}"""));
        login.StatusCode.Should().Be(HttpStatusCode.OK);
        var cookie = login.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        using var browser = new HttpClient { BaseAddress = two.BaseAddress };
        browser.DefaultRequestHeaders.Add("Cookie", cookie);
        JsonNode.Parse(await browser.GetStringAsync("/api/session"))!["user"]!.GetValue<string>().Should().Be("admin");

        // The sign-in throttle (10 a minute per client and name) is the database's, not each instance's: ten wrong
        // guesses spread over both instances use it up for both.
        using var guesser = new HttpClient { BaseAddress = one.BaseAddress };
        using var guesser2 = new HttpClient { BaseAddress = two.BaseAddress };
        for (var i = 0; i < 9; i++)
        {
            (await (i % 2 == 0 ? guesser : guesser2).PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"guess"}"""))).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        (await guesser.PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"guess"}"""))).StatusCode.Should().Be((HttpStatusCode)429);
        (await guesser2.PostAsync("/api/login", TestService.Json("""{"username":"admin","password":"correct-horse-battery"}"""))).StatusCode.Should().Be((HttpStatusCode)429);
    }

    [Fact]
    public async Task A_backup_taken_while_the_service_writes_restores_to_the_same_audits()
    {
        using var folder = new TempFolder();
        var storeArguments = StoreArguments("sqlite", folder);
        var token = await AdminTokenAsync(storeArguments);
        byte[] evidence;
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9];
        long audit;
        using (var server = await ServerProcess.StartAsync(storeArguments))
        {
            using var client = server.Client(token);
            var created = await client.PostAsync("/api/audits", new StringContent(TestService.Sample("01-five-star-appliance-maker.yaml"), Encoding.UTF8, "application/yaml"));
            audit = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
            (await client.PostAsync($"/api/audits/{audit}/attachments?name=p.jpg", new ByteArrayContent(photo) { Headers = { { "Content-Type", "image/jpeg" } } })).StatusCode.Should().Be(HttpStatusCode.Created);
            evidence = await client.GetByteArrayAsync($"/api/audits/{audit}");
            var (code, _, error) = await CliHelper.RunAsync(folder.Path, null, "backup", "--data", "data", "-o", "backup.db");
            code.Should().Be(0, error);
            error.Should().Contain("backup.db");
            var (again, _, refused) = await CliHelper.RunAsync(folder.Path, null, "backup", "--data", "data", "-o", "backup.db");
            again.Should().Be(2);
            refused.Should().Contain("SR5518");
        }

        // Restore: the backup file becomes a new data folder's database, with its attachments beside it.
        var restored = folder.File("restored");
        Directory.CreateDirectory(restored);
        File.Copy(folder.File("backup.db"), Path.Combine(restored, "starrating.db"));
        Directory.Move(folder.File("backup.db.attachments"), Path.Combine(restored, "attachments"));
        using var second = await ServerProcess.StartAsync("--data", restored);
        using var check = second.Client(token);
        (await check.GetByteArrayAsync($"/api/audits/{audit}")).Should().Equal(evidence);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo));
        (await check.GetByteArrayAsync($"/api/audits/{audit}/attachments/{sha}")).Should().Equal(photo);
    }

    private static string[] StoreArguments(string store, TempFolder folder) =>
        store == "postgres" ? ["--db", PostgresCluster.Shared.CreateDatabase()] : ["--data", folder.File("data")];

    /// <summary>Creates the admin with the CLI (password on standard input) and an API token, as the README says.</summary>
    private static async Task<string> AdminTokenAsync(string[] storeArguments)
    {
        using var cwd = new TempFolder();
        var (code, _, error) = await CliHelper.RunAsync(cwd.Path, "correct-horse-battery\n", ["user", "add", "admin", "--role", "admin", .. storeArguments]);
        code.Should().Be(0, error);
        var (tokenCode, token, tokenError) = await CliHelper.RunAsync(cwd.Path, null, ["token", "create", "admin", .. storeArguments]);
        tokenCode.Should().Be(0, tokenError);
        return token.Trim();
    }
}
