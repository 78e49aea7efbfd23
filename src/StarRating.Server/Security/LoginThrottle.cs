using StarRating.Server.Storage;

namespace StarRating.Server.Security;

/// <summary>
/// Sign-in attempts allowed per client address and user name per minute (<see cref="ServiceOptions.LoginAttemptsPerMinute"/>),
/// counted in the database, so every instance serving one database shares the limit (N instances behind a load
/// balancer do not allow N times the attempts). A window opens at the first attempt and lasts a minute; every attempt counts, right or wrong.
/// </summary>
internal sealed class LoginThrottle(Store store, int perMinute)
{
    private const long Window = 60_000;

    /// <summary>Counts an attempt; null when it may go ahead, otherwise the seconds until its window ends (for Retry-After).</summary>
    public async Task<int?> AttemptAsync(string client, string userName, CancellationToken ct)
    {
        var now = Clock.Now();
        var key = Secrets.Hash(client + "|" + userName.ToUpperInvariant());
        var (count, windowStart) = await store.CountLoginAttemptAsync(key, now, Window, ct).ConfigureAwait(false);
        return count <= perMinute ? null : (int)Math.Clamp((windowStart + Window - now + 999) / 1000, 1, 60);
    }
}
