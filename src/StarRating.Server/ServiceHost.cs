using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StarRating.Server.Api;
using StarRating.Server.Storage;

namespace StarRating.Server;

/// <summary>
/// Builds and runs the audit service: opens the store (SQLite in the data folder, or PostgreSQL), migrates it, and
/// serves the API of <see cref="Routes"/> with security headers on every response.
/// </summary>
public static class ServiceHost
{
    /// <summary>Opens the store named by the options and brings its schema up to date.</summary>
    /// <exception cref="ServiceStartException">The database is newer than this binary, cannot be opened, or a migration failed.</exception>
    internal static async Task<Database> OpenStoreAsync(ServiceOptions options, CancellationToken ct)
    {
        Database database;
        try
        {
            database = options.PostgresConnection is { } connection ? Database.OpenPostgres(connection) : Database.OpenSqlite(options.DataFolder);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            throw new ServiceStartException("SR5501", ("reason", Reason(ex)));
        }

        try
        {
            await Migrations.ApplyAsync(database, ct).ConfigureAwait(false);
            return database;
        }
        catch (System.Data.Common.DbException ex)
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw new ServiceStartException("SR5501", ("reason", Reason(ex)));
        }
        catch
        {
            await database.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A reason for a person: the database's own words where it has them, never a .NET resource key.</summary>
    internal static string Reason(Exception ex) => ex switch
    {
        System.Data.Common.DbException db => Migrations.SafeReason(db) is { Length: > 0 } r ? r : db.GetType().Name,
        IOException or UnauthorizedAccessException => ex.GetType().Name + " (check the folder exists and may be written)",
        _ => ex.GetType().Name,
    };

    /// <summary>Builds the web application over an open store (tests host it in-process the same way).</summary>
    internal static WebApplication Build(ServiceOptions options, Database database, Action<IWebHostBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = Math.Max(options.MaxAttachmentBytes, options.MaxEvidenceBytes) + 65536;
        });
        // Request lines, headers and bodies are never logged: tokens, cookies and passwords stay out of the logs.
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = Math.Max(options.MaxAttachmentBytes, options.MaxEvidenceBytes));
        configure?.Invoke(builder.WebHost);

        var service = new ServiceContext(options, database);
        builder.Services.AddSingleton(service);
        var app = builder.Build();
        app.Lifetime.ApplicationStopped.Register(() => service.DisposeAsync().AsTask().GetAwaiter().GetResult());

        app.Use(SecurityHeaders);
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Our own one-line problem with a trace id; the exception itself goes to the log, never to the client.
            ExceptionHandler = http => Http.Problem(http, "SR7027", [("trace", http.TraceIdentifier)]),
        });
        foreach (var route in Routes.All)
        {
            app.MapMethods(route.Pattern, [route.Method], Routes.Delegate(route, service));
        }

        Pages.PageRoutes.Map(app, service);

        app.MapFallback(async http =>
        {
            // Anonymous callers learn nothing about which routes exist.
            var principal = await service.Authenticator.AuthenticateAsync(http).ConfigureAwait(false);
            await Http.Problem(http, principal is null ? "SR7001" : "SR7003").ConfigureAwait(false);
        });
        return app;
    }

    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers.CacheControl = "no-store";
        return next();
    }

    /// <summary>
    /// Runs the service until <paramref name="ct"/> is cancelled (Ctrl+C). Prints where it listens and, on an empty
    /// store, how to create the first admin.
    /// </summary>
    /// <param name="options">Where the data lives and where to listen.</param>
    /// <param name="output">Where the start-up lines go.</param>
    /// <param name="ct">Stops the service.</param>
    /// <exception cref="ServiceStartException">The store cannot be opened or migrated, or the address cannot be bound.</exception>
    public static async Task RunAsync(ServiceOptions options, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(output);
        var database = await OpenStoreAsync(options, ct).ConfigureAwait(false);
        var app = Build(options, database);
        try
        {
            var users = await new Store(database).CountUsersAsync(ct).ConfigureAwait(false);
            try
            {
                await app.StartAsync(ct).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw new ServiceStartException("SR5513", ("urls", options.Urls), ("reason", ex.GetType().Name));
            }

            await output.WriteAsync(ServiceText.Format("SR5517", options.Messages, ("urls", options.Urls), ("store", database.Description)) + "\n").ConfigureAwait(false);
            if (users == 0)
            {
                var where = options.PostgresConnection is not null ? " --db \"…\"" : options.DataFolder == ServiceOptions.DefaultDataFolder ? "" : " --data " + options.DataFolder;
                await output.WriteAsync(ServiceText.Format("SR5503", options.Messages, ("where", where)) + "\n").ConfigureAwait(false);
            }

            await output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await Task.Delay(Timeout.Infinite, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }

            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            await app.DisposeAsync().ConfigureAwait(false);
        }
    }
}
