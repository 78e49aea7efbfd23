using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Npgsql;
using NpgsqlTypes;

/// <summary>100,000 audits in PostgreSQL (bulk-loaded with COPY, as a body's years of history would be), then the list's timings.</summary>
internal static class Scale
{
    private static readonly string[] Kinds = ["initial", "surveillance", "recertification", "mock", "self"];
    private static readonly string[] Tiers = ["fail", "compliant", "three-star", "four-star", "five-star"];

    public static async Task SeedAsync(string connection, int audits)
    {
        var clock = Stopwatch.StartNew();
        var companies = Math.Max(1, audits / 20);
        await using var data = NpgsqlDataSource.Create(connection);
        await using var c = await data.OpenConnectionAsync();
        await using (var copy = await c.BeginBinaryImportAsync("COPY companies (name, credit_code, created_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= companies; i++)
            {
                await copy.StartRowAsync();
                await copy.WriteAsync($"公司 {i:D6}", NpgsqlDbType.Text);
                await copy.WriteAsync($"9133{i:D14}", NpgsqlDbType.Text);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        var head = """{"company":{"name":"x"},"audit":{"kind":"mock"},"findings":[]}""";
        var random = new Random(27922);
        await using (var copy = await c.BeginBinaryImportAsync("COPY audits (company_id, kind, reference, first_date, last_date, rubric_id, status, head_json, head_version, revision, score, tier, created_by, created_at, updated_at) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < audits; i++)
            {
                var day = new DateOnly(2016, 1, 1).AddDays(random.Next(0, 3650)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await copy.StartRowAsync();
                await copy.WriteAsync((long)random.Next(1, companies + 1), NpgsqlDbType.Bigint);
                await copy.WriteAsync(Kinds[random.Next(Kinds.Length)], NpgsqlDbType.Text);
                await copy.WriteAsync($"REF-{i:D7}", NpgsqlDbType.Text);
                await copy.WriteAsync(day, NpgsqlDbType.Text);
                await copy.WriteAsync(day, NpgsqlDbType.Text);
                await copy.WriteAsync("gbt27922-2011", NpgsqlDbType.Text);
                await copy.WriteAsync(random.Next(5) == 0 ? "open" : "final", NpgsqlDbType.Text);
                await copy.WriteAsync(head, NpgsqlDbType.Text);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync("85.0", NpgsqlDbType.Text);
                await copy.WriteAsync(Tiers[random.Next(Tiers.Length)], NpgsqlDbType.Text);
                await copy.WriteAsync(1L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
                await copy.WriteAsync(0L, NpgsqlDbType.Bigint);
            }

            await copy.CompleteAsync();
        }

        await using (var analyze = new NpgsqlCommand("ANALYZE", c))
        {
            await analyze.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seeded {audits} audits of {companies} companies in {clock.Elapsed.TotalSeconds:F1} s");
    }

    public static async Task MeasureAsync(HttpClient http)
    {
        string[] queries =
        [
            "/api/audits",
            "/api/audits?page=100&page_size=50",
            "/api/audits?company=1234",
            "/api/audits?kind=surveillance&page=10",
            "/api/audits?tier=five-star&from=2020-01-01&to=2020-12-31",
            "/api/audits?status=final&kind=initial&tier=four-star",
            "/api/audits?from=2025-06-01&page_size=200",
        ];
        foreach (var query in queries)
        {
            await http.GetStringAsync(query);
            var times = new List<double>();
            long total = 0;
            for (var i = 0; i < 50; i++)
            {
                var start = Stopwatch.GetTimestamp();
                var body = await http.GetStringAsync(query);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                total = JsonNode.Parse(body)!["total"]!.GetValue<long>();
            }

            times.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query,-60} total {total,6}  p50 {times[24],6:F1} ms  p99 {times[49],6:F1} ms"));
        }
    }
}
