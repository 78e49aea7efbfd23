using StarRating.Server.Evidence;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server;

/// <summary>Everything a request needs, built once at start; no per-instance state beyond caches keyed by revision.</summary>
internal sealed class ServiceContext : IAsyncDisposable
{
    public ServiceContext(ServiceOptions options, Database database)
    {
        Options = options;
        Store = new Store(database);
        Scoring = new AuditScoring(new RubricRegistry(Store));
        Authenticator = new Authenticator(Store);
        Blobs = new BlobStore(database, Store);
        Reports = new Api.ReportFiles(options);
        LoginThrottle = new LoginThrottle(Store, options.LoginAttemptsPerMinute);
    }

    public ServiceOptions Options { get; }

    public Store Store { get; }

    public AuditScoring Scoring { get; }

    public Authenticator Authenticator { get; }

    public BlobStore Blobs { get; }

    public Api.ReportFiles Reports { get; }

    public LoginThrottle LoginThrottle { get; }

    public async ValueTask DisposeAsync()
    {
        await Store.Database.DisposeAsync().ConfigureAwait(false);
    }
}
