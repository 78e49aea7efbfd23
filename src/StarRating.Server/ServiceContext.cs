using System.Threading.RateLimiting;
using StarRating.Engine;
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
        // Uploaded evidence is text, not a file: its previous: names no file this server may read (it would resolve
        // against the server's own folder), so the chain is kept as written and never followed.
        Scoring = new AuditScoring(new AuditEngine(StarRating.Rules.Rubric.Default) { FollowPrevious = false });
        Authenticator = new Authenticator(Store);
        Blobs = new BlobStore(database, Store);
        Reports = new Api.ReportFiles(options);
        LoginLimiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.LoginAttemptsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));
    }

    public ServiceOptions Options { get; }

    public Store Store { get; }

    public AuditScoring Scoring { get; }

    public Authenticator Authenticator { get; }

    public BlobStore Blobs { get; }

    public Api.ReportFiles Reports { get; }

    public PartitionedRateLimiter<string> LoginLimiter { get; }

    public async ValueTask DisposeAsync()
    {
        LoginLimiter.Dispose();
        await Store.Database.DisposeAsync().ConfigureAwait(false);
    }
}
