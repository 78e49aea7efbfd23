using Microsoft.Data.Sqlite;
using StarRating.Server.Storage;

namespace StarRating.Server.Tests;

/// <summary>The user, token, backup and serve commands; schema migrations.</summary>
[Collection("store")]
public sealed class CommandTests
{
    [Fact]
    public async Task User_add_reads_the_password_from_standard_input_only()
    {
        using var folder = new TempFolder();
        var (code, _, error) = await CliHelper.RunAsync(folder.Path, "", "user", "add", "chen", "--role", "auditor");
        code.Should().Be(2);
        error.Should().Contain("SR5504");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "short\n", "user", "add", "chen", "--role", "auditor");
        error.Should().Contain("SR5505");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "long enough password\n", "user", "add", "chen", "--role", "auditor");
        code.Should().Be(0, error);
        error.Should().Contain("chen");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "long enough password\n", "user", "add", "chen", "--role", "lead");
        error.Should().Contain("SR5506");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "long enough password\n", "user", "add", "bad name!", "--role", "lead");
        error.Should().Contain("SR5508");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "long enough password\n", "user", "add", "v", "--role", "viewer");
        error.Should().Contain("SR5509");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "long enough password\n", "user", "add", "v", "--role", "viewer", "--company", "42");
        error.Should().Contain("SR5519");
        (code, _, error) = await CliHelper.RunAsync(folder.Path, "x\n", "user", "add", "v", "--role", "admin", "--data", "a", "--db", "Host=x");
        error.Should().Contain("SR5510");
        Directory.Exists(folder.File(ServiceOptions.DefaultDataFolder)).Should().BeTrue("zero configuration: ./starrating-data");

        var (tokenCode, token, _) = await CliHelper.RunAsync(folder.Path, null, "token", "create", "chen");
        tokenCode.Should().Be(0);
        token.Trim().Should().MatchRegex("^srt_[A-Za-z0-9_-]{43}$");
        var (missing, _, missingError) = await CliHelper.RunAsync(folder.Path, null, "token", "create", "nobody");
        missing.Should().Be(2);
        missingError.Should().Contain("SR5507");

        // Only hashes are stored: neither the password nor the token is anywhere in the database file.
        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(folder.File(ServiceOptions.DefaultDataFolder), "starrating.db"));
        var text = System.Text.Encoding.UTF8.GetString(bytes) + System.Text.Encoding.UTF8.GetString(File.Exists(folder.File("starrating-data/starrating.db-wal")) ? await File.ReadAllBytesAsync(folder.File("starrating-data/starrating.db-wal")) : []);
        text.Should().NotContain("long enough password").And.NotContain(token.Trim());
    }

    [Fact]
    public async Task A_database_newer_than_the_binary_is_refused_and_migrations_are_idempotent()
    {
        using var folder = new TempFolder();
        var options = new ServiceOptions { DataFolder = folder.File("data") };
        await using (var database = await ServiceHost.OpenStoreAsync(options, default))
        {
            (await Migrations.ApplyAsync(database, default)).Should().BeEmpty("the first open applied every step");
            await database.WriteAsync(async (c, t) => await c.Command("INSERT INTO schema_migrations (version, applied_at) VALUES (999, 0)", t).ExecuteNonQueryAsync(), default);
        }

        var act = async () => await ServiceHost.OpenStoreAsync(options, default);
        (await act.Should().ThrowAsync<ServiceStartException>()).Which.Code.Should().Be("SR5500");
        var (code, _, error) = await CliHelper.RunAsync(folder.Path, null, "serve", "--data", "data", "--urls", "http://127.0.0.1:1");
        code.Should().Be(2);
        error.Should().Contain("SR5500").And.Contain("999").And.Contain("upgrade starrating");
    }

    [SystemFact("postgres")]
    public async Task PostgreSQL_migrates_once_even_when_two_instances_start_together()
    {
        var options = new ServiceOptions { PostgresConnection = PostgresCluster.Shared.CreateDatabase() };
        var opened = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => ServiceHost.OpenStoreAsync(options, default)));
        try
        {
            var versions = await opened[0].ReadAsync(async c => (long)(await c.Command("SELECT COUNT(*) FROM schema_migrations").ExecuteScalarAsync())!, default);
            versions.Should().Be(Migrations.Latest);
        }
        finally
        {
            foreach (var database in opened)
            {
                await database.DisposeAsync();
            }
        }

        var bad = new ServiceOptions { PostgresConnection = $"Host={PostgresCluster.Shared.SocketFolder};Port={PostgresCluster.Shared.Port};Username=postgres;Database=no_such_database" };
        var act = async () => await ServiceHost.OpenStoreAsync(bad, default);
        (await act.Should().ThrowAsync<ServiceStartException>()).Which.Describe().Should().Contain("SR5501").And.Contain("3D000");
    }

    [Fact]
    public void Every_service_text_has_a_code_in_the_service_ranges_and_both_languages()
    {
        ServiceText.All.Should().NotBeEmpty();
        foreach (var (code, entry) in ServiceText.All)
        {
            code.Should().MatchRegex("^SR(70[0-9][0-9]|71[0-4][0-9]|55(0[0-9]|1[0-9]))$");
            entry.Zh.Should().NotBeNullOrWhiteSpace();
            entry.En.Should().NotBeNullOrWhiteSpace();
            System.Text.RegularExpressions.Regex.Matches(entry.Zh, "{[a-z]+}").Select(m => m.Value).Order()
                .Should().Equal(System.Text.RegularExpressions.Regex.Matches(entry.En, "{[a-z]+}").Select(m => m.Value).Order(), code + " has the same placeholders in both languages");
        }

        foreach (var (key, entry) in ServiceText.PageTexts)
        {
            entry.Zh.Should().NotBeNullOrWhiteSpace(key);
            entry.En.Should().NotBeNullOrWhiteSpace(key);
            System.Text.RegularExpressions.Regex.Matches(entry.Zh, "{[a-z]+}").Select(m => m.Value).Order()
                .Should().Equal(System.Text.RegularExpressions.Regex.Matches(entry.En, "{[a-z]+}").Select(m => m.Value).Order(), key + " has the same placeholders in both languages");
        }

        var docs = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "service.md"));
        foreach (var code in ServiceText.All.Keys)
        {
            docs.Should().Contain(code, "docs/service.md lists every service code");
        }
    }
}
