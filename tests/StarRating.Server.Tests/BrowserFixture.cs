using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server.Tests;

/// <summary>
/// One real service (Kestrel on a loopback port over a fresh SQLite folder) and one Chromium process for every
/// end-to-end test: each scenario opens its own browser contexts. Started on first use, after the test has made sure
/// Chromium is installed (<see cref="SystemTools.Ensure"/>). Users: lead, anna and ben (auditors), outsider (an auditor
/// on no audit); passwords "password-NAME".
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static readonly string[] Users = ["lead", "anna", "ben", "outsider"];

    private readonly SemaphoreSlim gate = new(1, 1);
    private TempFolder? folder;
    private WebApplication? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    internal Store Store { get; private set; } = null!;

    /// <summary>How long the whole browser suite took (start to dispose), for the report.</summary>
    public System.Diagnostics.Stopwatch Clock { get; } = new();

    public async Task StartAsync()
    {
        await gate.WaitAsync();
        try
        {
            if (app is not null)
            {
                return;
            }

            Clock.Start();
            folder = new TempFolder();
            var port = PostgresCluster.FreePort();
            var options = new ServiceOptions { DataFolder = folder.File("data"), Urls = $"http://127.0.0.1:{port}", LoginAttemptsPerMinute = 100 };
            var database = await ServiceHost.OpenStoreAsync(options, CancellationToken.None);
            app = ServiceHost.Build(options, database);
            await app.StartAsync();
            BaseUrl = $"http://127.0.0.1:{port}";
            Store = new Store(database);
            foreach (var name in Users)
            {
                var role = name == "lead" ? Roles.Lead : Roles.Auditor;
                await Store.CreateUserAsync(name, role, null, Secrets.HashPassword("password-" + name), default);
            }

            playwright = await Playwright.CreateAsync();
            Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = "/usr/bin/chromium",
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>A new browser context (its own cookies and storage) signed in through the /login form as <paramref name="user"/>.</summary>
    public async Task<IPage> SignedInAsync(string user, int width = 1024, int height = 1366, string locale = "zh-CN")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync("/audits");
        page.Url.Should().Contain("/login?next=", "a page without a session sends the visitor to sign in");
        await page.FillAsync("input[name=username]", user);
        await page.FillAsync("input[name=password]", "password-" + user);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**/audits");
        return page;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        folder?.Dispose();
        Clock.Stop();
        if (app is not null)
        {
            Console.WriteLine($"[browser] end-to-end suite: {Clock.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
