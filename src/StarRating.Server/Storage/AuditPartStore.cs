using System.Data.Common;

namespace StarRating.Server.Storage;

/// <summary>The SQL of audit-level edits (adjustments, conclusion, decision, certificate), beside the rest of <see cref="Store"/>.</summary>
internal sealed partial class Store
{
    /// <summary>
    /// Replaces the audit's head with <paramref name="edit"/> of it if its version is still <paramref name="expected"/>,
    /// logs the change (<c>part</c> or <c>part-deleted</c>, the part's name and JSON) and scores the new state for the
    /// list in the same transaction. The head's version counts these edits; the revision counts every change.
    /// </summary>
    /// <remarks>
    /// <c>edit</c> makes the new head from the current one and gives the part's JSON to log (null: removed);
    /// <c>score</c> scores a state (revision, head, findings) for the list's score and tier.
    /// </remarks>
    public Task<PartSaveResult> SaveHeadAsync(long auditId, long expected, string part, Func<string, (string Head, string? PartJson)> edit, UserRecord user,
        Func<long, string, IReadOnlyList<FindingRow>, (string? Score, string? Tier)> score, CancellationToken ct) =>
        Database.WriteOrRollbackAsync(async (c, t) =>
        {
            var now = Clock.Now();
            // First statement: locks the audit row on PostgreSQL, so edits and finding saves on one audit take turns.
            long revision;
            long headVersion;
            string head;
            await using (var reader = await c.Command("UPDATE audits SET revision = revision + 1, updated_at = @now WHERE id = @a AND status = 'open' RETURNING revision, head_version, head_json", t)
                .With("@a", auditId).With("@now", now).ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    revision = -1;
                    headVersion = 0;
                    head = "";
                }
                else
                {
                    revision = reader.GetInt64(0);
                    headVersion = reader.GetInt64(1);
                    head = reader.GetString(2);
                }
            }

            if (revision < 0)
            {
                var exists = await c.Command("SELECT COUNT(*) FROM audits WHERE id = @a", t).With("@a", auditId).ExecuteScalarAsync(ct).ConfigureAwait(false);
                return (new PartSaveResult(Convert.ToInt64(exists, System.Globalization.CultureInfo.InvariantCulture) == 0 ? SaveOutcome.NotFound : SaveOutcome.Final, 0, 0, null), false);
            }

            if (headVersion != expected)
            {
                return (new PartSaveResult(SaveOutcome.VersionMismatch, headVersion, revision - 1, head), false);
            }

            var (newHead, partJson) = edit(head);
            var (newScore, tier) = score(revision, newHead, await ReadFindingsAsync(c, t, auditId, ct).ConfigureAwait(false));
            await c.Command("UPDATE audits SET head_json = @h, head_version = head_version + 1, score = @s, tier = @tier, scored_revision = @r WHERE id = @a", t)
                .With("@a", auditId).With("@h", newHead).With("@s", newScore).With("@tier", tier).With("@r", revision).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            await Log(c, t, auditId, user.Id, now, partJson is null ? "part-deleted" : "part", part, headVersion + 1, partJson, ct).ConfigureAwait(false);
            return (new PartSaveResult(SaveOutcome.Saved, headVersion + 1, revision, newHead), true);
        }, ct);
}
