// Load and scale test of `starrating serve` on loopback. Usage (from the repository root):
//
//   dotnet run -c Release --project bench/StarRating.Bench.Service -- load  [--store sqlite|postgres] [--seconds 60] [--assessors 50] [--think-ms 1000] [--warmup 5] [--tool PATH]
//   dotnet run -c Release --project bench/StarRating.Bench.Service -- scale [--audits 100000] [--tool PATH]
//
// load: starts the real server (the built tool with dotnet, or the native tool with --tool), creates 10 audits of
// 5 assessors each, and runs the simulated assessors: each saves one of its own findings (with If-Match), then
// fetches the audit's result, then waits about think-ms (0.5-1.5x; a fast tapper on a tablet), for the given time. Then checks
// that no acknowledged write was lost. scale: PostgreSQL with 100,000 audits, timing the filtered, paged list.
// PostgreSQL runs in a private throwaway cluster (initdb in a temporary folder), stopped at the end.
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Npgsql;
using StarRating.Rules;
using StarRating.Server;

var mode = args.Length > 0 ? args[0] : "load";
string Arg(string name, string fallback) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
var tool = Arg("--tool", "");
var store = mode == "scale" ? "postgres" : Arg("--store", "sqlite");
using var work = new TempDir();
using var cluster = store == "postgres" ? Cluster.Start(work.Path) : null;
string[] storeArgs = cluster is null ? ["--data", Path.Combine(work.Path, "data")] : ["--db", cluster.CreateDatabase("bench")];
var options = cluster is null ? new ServiceOptions { DataFolder = Path.Combine(work.Path, "data") } : new ServiceOptions { PostgresConnection = storeArgs[1] };
await ServiceAdmin.AddUserAsync(options, "bench", "admin", null, "bench-password-1", CancellationToken.None);
var token = await ServiceAdmin.CreateTokenAsync(options, "bench", "bench", CancellationToken.None);
if (mode == "scale")
{
    await Scale.SeedAsync(storeArgs[1], int.Parse(Arg("--audits", "100000"), CultureInfo.InvariantCulture));
}

using var server = Server.Start(tool, storeArgs);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200 }) { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
await server.WaitAsync(http);
Console.WriteLine($"machine: {Environment.ProcessorCount} cores; load average before: {File.ReadAllText("/proc/loadavg").Trim()}");
Console.WriteLine($"server: {(tool.Length > 0 ? tool : "dotnet StarRating.Cli.dll")} serve, store {store}");

if (mode == "scale")
{
    await Scale.MeasureAsync(http);
    return 0;
}

var seconds = int.Parse(Arg("--seconds", "60"), CultureInfo.InvariantCulture);
var assessors = int.Parse(Arg("--assessors", "50"), CultureInfo.InvariantCulture);
var thinkMs = int.Parse(Arg("--think-ms", "1000"), CultureInfo.InvariantCulture);
var sample = File.ReadAllText(Path.Combine(FindRoot(), "samples", "01-five-star-appliance-maker.yaml"));
var audits = new List<long>();
for (var a = 0; a < Math.Max(1, assessors / 5); a++)
{
    var created = await http.PostAsync("/api/audits", new StringContent(sample, Encoding.UTF8, "application/yaml"));
    audits.Add(JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>());
}

var items = Rubric.Default.Items.Select(i => i.Id).ToArray();
var saves = new ConcurrentBag<double>();
var results = new ConcurrentBag<double>();
var errors = new ConcurrentBag<string>();
var acknowledged = new ConcurrentDictionary<(long Audit, string Item), (long Version, string Note)>();
// A few seconds of the same load before the measured run: connection pools, JIT (when run with dotnet), caches.
var warmup = int.Parse(Arg("--warmup", "5"), CultureInfo.InvariantCulture);
var measureFrom = Stopwatch.GetTimestamp() + (long)(warmup * (double)Stopwatch.Frequency);
var stopAt = measureFrom + (long)(seconds * (double)Stopwatch.Frequency);
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, assessors).Select(n => Task.Run(async () =>
{
    var audit = audits[n % audits.Count];
    var slot = n / audits.Count;
    var perAudit = (assessors + audits.Count - 1) / audits.Count;
    var mine = items.Where((_, i) => i % perAudit == slot).ToArray();
    var versions = mine.ToDictionary(i => i, _ => 1L);
    var random = new Random(n);
    for (var k = 0; Stopwatch.GetTimestamp() < stopAt; k++)
    {
        var item = mine[k % mine.Length];
        var note = $"assessor {n} save {k}";
        var result = random.Next(4) == 0 ? "\"nonconforming\",\"grade\":\"minor\"" : "\"conforming\"";
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/audits/{audit}/findings/{item}")
        {
            Content = new StringContent($$"""{"item":"{{item}}","result":{{result}},"note":"{{note}}"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{versions[item]}\""));
        var start = Stopwatch.GetTimestamp();
        try
        {
            using var response = await http.SendAsync(request);
            var measured = start >= measureFrom;
            if (measured)
            {
                saves.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            if (response.StatusCode != HttpStatusCode.OK)
            {
                errors.Add($"save {(int)response.StatusCode}");
                continue;
            }

            versions[item] = long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);
            acknowledged[(audit, item)] = (versions[item], note);
            start = Stopwatch.GetTimestamp();
            using var scored = await http.GetAsync($"/api/audits/{audit}/result");
            await scored.Content.ReadAsByteArrayAsync();
            if (measured)
            {
                results.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            if (scored.StatusCode != HttpStatusCode.OK)
            {
                errors.Add($"result {(int)scored.StatusCode}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            errors.Add(ex.GetType().Name);
        }

        if (thinkMs > 0)
        {
            await Task.Delay(random.Next(thinkMs / 2, thinkMs * 3 / 2 + 1));
        }
    }
})));
var elapsed = clock.Elapsed.TotalSeconds - warmup;

// Lost writes: every acknowledged save must be the stored finding (each assessor alone writes its items).
var lost = 0;
foreach (var audit in audits)
{
    var stored = JsonNode.Parse(await http.GetStringAsync($"/api/audits/{audit}/findings"))!.AsArray()
        .ToDictionary(f => f!["item"]!.GetValue<string>(), f => (f!["version"]!.GetValue<long>(), f["finding"]!["note"]?.GetValue<string>()));
    lost += acknowledged.Where(a => a.Key.Audit == audit).Count(a => stored[a.Key.Item] != (a.Value.Version, a.Value.Note));
}

Console.WriteLine($"{assessors} assessors, think time {thinkMs / 2}-{thinkMs * 3 / 2} ms, {elapsed:F0} s, {audits.Count} audits");
Report("finding save (PUT)", saves, elapsed);
Report("result (GET)", results, elapsed);
Console.WriteLine($"errors: {errors.Count} {string.Join(", ", errors.GroupBy(e => e).Select(g => $"{g.Key}×{g.Count()}"))}; lost writes: {lost} of {acknowledged.Count} checked");
Console.WriteLine($"load average after: {File.ReadAllText("/proc/loadavg").Trim()}");
return errors.IsEmpty && lost == 0 ? 0 : 1;

static void Report(string name, ConcurrentBag<double> samples, double seconds)
{
    var sorted = samples.Order().ToArray();
    double P(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} n={sorted.Length,7}  {sorted.Length / seconds,7:F1}/s  p50 {P(0.50),6:F1} ms  p99 {P(0.99),6:F1} ms  max {sorted.LastOrDefault(),7:F1} ms"));
}

static string FindRoot()
{
    var dir = new DirectoryInfo(AppContext.BaseDirectory);
    while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarRating.sln")))
    {
        dir = dir.Parent;
    }

    return dir!.FullName;
}

internal sealed class TempDir : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("starrating-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}

/// <summary>The real server process.</summary>
internal sealed class Server : IDisposable
{
    private readonly Process process;

    private Server(Process process, Uri address)
    {
        this.process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static Server Start(string tool, string[] storeArgs)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = tool.Length > 0 ? new ProcessStartInfo(tool) : new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "StarRating.Cli.dll") } };
        foreach (var a in (string[])["serve", .. storeArgs, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = true;
        return new Server(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
    }

    public async Task WaitAsync(HttpClient http)
    {
        for (var i = 0; i < 300; i++)
        {
            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("server did not start");
    }

    public void Dispose()
    {
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }
}

/// <summary>A private PostgreSQL cluster in a temporary folder (as the postgres user when run as root).</summary>
internal sealed class Cluster : IDisposable
{
    private readonly string folder;
    private readonly string bin;
    private readonly int port;

    private Cluster(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        this.port = port;
    }

    public static Cluster Start(string work)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => System.IO.Path.Combine(d, "bin")).Order().Last();
        var folder = System.IO.Path.Combine(work, "pg");
        Directory.CreateDirectory(System.IO.Path.Combine(folder, "run"));
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres:postgres", work);
        }

        AsPostgres(System.IO.Path.Combine(bin, "initdb"), "-D", System.IO.Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C");
        AsPostgres(System.IO.Path.Combine(bin, "pg_ctl"), "-D", System.IO.Path.Combine(folder, "data"), "-l", System.IO.Path.Combine(folder, "log.txt"), "-w", "start",
            "-o", $"-p {port} -k {System.IO.Path.Combine(folder, "run")} -c listen_addresses='' -c max_connections=200 -c shared_buffers=256MB");
        return new Cluster(folder, bin, port);
    }

    public string CreateDatabase(string name)
    {
        using var connection = new NpgsqlConnection($"Host={System.IO.Path.Combine(folder, "run")};Port={port};Username=postgres;Database=postgres");
        connection.Open();
        using var command = new NpgsqlCommand("CREATE DATABASE " + name, connection);
        command.ExecuteNonQuery();
        return $"Host={System.IO.Path.Combine(folder, "run")};Port={port};Username=postgres;Database={name};Maximum Pool Size=100";
    }

    public void Dispose() => AsPostgres(System.IO.Path.Combine(bin, "pg_ctl"), "-D", System.IO.Path.Combine(folder, "data"), "-m", "fast", "-w", "stop");

    private static void AsPostgres(string program, params string[] arguments)
    {
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", program, .. arguments]);
        }
        else
        {
            Run(program, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited {process.ExitCode}: {error}");
        }
    }
}
