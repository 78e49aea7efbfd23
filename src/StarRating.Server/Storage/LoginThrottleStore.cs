namespace StarRating.Server.Storage;

/// <summary>The SQL of the sign-in throttle (Storage/Migrations.cs step 3), beside the rest of <see cref="Store"/>.</summary>
internal sealed partial class Store
{
    private long throttleCalls;

    /// <summary>
    /// Counts one sign-in attempt for <paramref name="keyHash"/> at <paramref name="now"/> and returns the count and
    /// start of its window: a window opens at the first attempt and lasts <paramref name="window"/> milliseconds. One
    /// upsert, atomic on both databases, so instances on one database share the count. Now and then drops the rows of
    /// windows long past.
    /// </summary>
    public Task<(long Attempts, long WindowStart)> CountLoginAttemptAsync(string keyHash, long now, long window, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            if (Interlocked.Increment(ref throttleCalls) % 256 == 0)
            {
                await c.Command("DELETE FROM login_attempts WHERE window_start < @old", t).With("@old", now - window).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await using var reader = await c.Command("""
                INSERT INTO login_attempts (key_hash, window_start, attempts) VALUES (@k, @now, 1)
                ON CONFLICT (key_hash) DO UPDATE SET
                  attempts = CASE WHEN login_attempts.window_start > @open THEN login_attempts.attempts + 1 ELSE 1 END,
                  window_start = CASE WHEN login_attempts.window_start > @open THEN login_attempts.window_start ELSE @now END
                RETURNING attempts, window_start
                """, t).With("@k", keyHash).With("@now", now).With("@open", now - window).ExecuteReaderAsync(ct).ConfigureAwait(false);
            await reader.ReadAsync(ct).ConfigureAwait(false);
            return (reader.GetInt64(0), reader.GetInt64(1));
        }, ct);
}
