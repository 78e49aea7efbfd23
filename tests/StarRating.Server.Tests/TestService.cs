using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server.Tests;

/// <summary>
/// The service in-process (ASP.NET Core's TestServer, the host Microsoft.AspNetCore.Mvc.Testing uses) over a real
/// store: a fresh SQLite folder, or a fresh database in the test run's PostgreSQL cluster. Users for every role, each
/// with an API token: admin, lead, auditor (put on audits by the tests), outsider (an auditor on none), viewer (of the
/// company created first), stranger (a viewer of another company) and lead2 (a lead on none).
/// </summary>
internal sealed class TestService : IAsyncDisposable
{
    public static readonly string[] Users = ["admin", "lead", "auditor", "outsider", "viewer", "stranger", "lead2"];

    private readonly Dictionary<string, string> tokens = new(StringComparer.Ordinal);
    private readonly TempFolder? folder;

    private TestService(WebApplication app, Database database, TempFolder? folder, ServiceOptions options)
    {
        Options = options;
        App = app;
        Database = database;
        Store = new Store(database);
        this.folder = folder;
    }

    /// <summary>The stores every store test runs against: SQLite always, PostgreSQL where it can run.</summary>
    public static TheoryData<string> Stores
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (PostgresCluster.SkipReason is null)
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    public WebApplication App { get; }

    /// <summary>The options the service runs with (its database among them).</summary>
    public ServiceOptions Options { get; }

    public Database Database { get; }

    public Store Store { get; }

    public long CompanyId { get; private set; }

    public long OtherCompanyId { get; private set; }

    public static async Task<TestService> StartAsync(string store, Func<ServiceOptions, ServiceOptions>? configure = null)
    {
        TempFolder? folder = null;
        ServiceOptions options;
        if (store == "postgres")
        {
            options = new ServiceOptions { PostgresConnection = PostgresCluster.Shared.CreateDatabase() };
        }
        else
        {
            folder = new TempFolder();
            options = new ServiceOptions { DataFolder = folder.File("data") };
        }

        options = configure?.Invoke(options) ?? options;
        var database = await ServiceHost.OpenStoreAsync(options, CancellationToken.None);
        var app = ServiceHost.Build(options, database, web => web.UseTestServer());
        await app.StartAsync();
        var service = new TestService(app, database, folder, options);
        await service.SeedAsync();
        return service;
    }

    private async Task SeedAsync()
    {
        CompanyId = (await Store.CreateCompanyAsync("格力电器（测试）有限公司", null, default))!.Value;
        OtherCompanyId = (await Store.CreateCompanyAsync("别家公司", null, default))!.Value;
        foreach (var name in Users)
        {
            var role = name switch { "admin" => Roles.Admin, "lead" or "lead2" => Roles.Lead, "auditor" or "outsider" => Roles.Auditor, _ => Roles.Viewer };
            long? company = name == "viewer" ? CompanyId : name == "stranger" ? OtherCompanyId : null;
            var id = (await Store.CreateUserAsync(name, role, company, Secrets.HashPassword("password-" + name), default))!.Value;
            var token = Secrets.NewSecret("srt");
            await Store.CreateCredentialAsync(id, "token", "test", Secrets.Hash(token), null, null, default);
            tokens[name] = token;
        }
    }

    public string Token(string user) => tokens[user];

    /// <summary>A second instance of the service on the same database (as behind a load balancer); dispose it.</summary>
    public async Task<WebApplication> StartPeerAsync()
    {
        var database = await ServiceHost.OpenStoreAsync(Options, CancellationToken.None);
        var app = ServiceHost.Build(Options, database, web => web.UseTestServer());
        await app.StartAsync();
        return app;
    }

    /// <summary>A client calling as <paramref name="user"/> (bearer token), or anonymously for null.</summary>
    public HttpClient Client(string? user = null, string? language = null)
    {
        var client = App.GetTestClient();
        if (user is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens[user]);
        }

        if (language is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        }

        return client;
    }

    /// <summary>Creates an audit (as lead) from a sample file or evidence text; puts "auditor" on its team; returns the id.</summary>
    public async Task<long> CreateAuditAsync(string yaml, string contentType = "application/yaml")
    {
        var response = await Client("lead").PostAsync("/api/audits", new StringContent(yaml, Encoding.UTF8, contentType));
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(201, body);
        var id = JsonNode.Parse(body)!["id"]!.GetValue<long>();
        var team = await Client("lead").PutAsync($"/api/audits/{id}/team/auditor", Json("""{"role":"member"}"""));
        team.IsSuccessStatusCode.Should().BeTrue();
        return id;
    }

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static string Sample(string name) => File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", name));

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        folder?.Dispose();
    }
}
