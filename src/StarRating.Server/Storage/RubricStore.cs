using System.Data.Common;
using System.Globalization;

namespace StarRating.Server.Storage;

/// <summary>The SQL of uploaded rubrics (Storage/Migrations.cs step 2), beside the rest of <see cref="Store"/>.</summary>
internal sealed partial class Store
{
    private const string RubricColumns = """
        r.rubric_id, r.version, r.source_name, r.source, r.source_sha256, r.sha256, r.extends, r.terminology, r.title_zh, r.title_en,
        u.name, r.created_at,
        (SELECT COUNT(*) FROM audits a WHERE a.rubric_id = r.rubric_id AND a.rubric_version = r.version)
        """;

    /// <summary>
    /// Stores an uploaded rubric under its id and version: new, unchanged (the same bytes again), replaced (another
    /// text while no audit uses that version) or refused because audits use it (<see cref="RubricSaveOutcome.InUse"/>,
    /// with how many). One transaction, so two admins uploading at once cannot both replace.
    /// </summary>
    public Task<(RubricSaveOutcome Outcome, long Audits)> SaveRubricAsync(RubricRow rubric, UserRecord user, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var existing = await ReadRubricAsync(c, t, rubric.RubricId, rubric.Version, ct).ConfigureAwait(false);
            if (existing is not null && existing.SourceSha256 == rubric.SourceSha256)
            {
                return (RubricSaveOutcome.Unchanged, existing.Audits);
            }

            if (existing is { Audits: > 0 })
            {
                return (RubricSaveOutcome.InUse, existing.Audits);
            }

            if (existing is not null)
            {
                await c.Command("DELETE FROM rubrics WHERE rubric_id = @id AND version = @v", t).With("@id", rubric.RubricId).With("@v", rubric.Version)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await c.Command("""
                INSERT INTO rubrics (rubric_id, version, source_name, source, source_sha256, sha256, extends, terminology, title_zh, title_en, created_by, created_at)
                VALUES (@id, @v, @name, @source, @source_sha, @sha, @extends, @terminology, @zh, @en, @user, @now)
                """, t)
                .With("@id", rubric.RubricId).With("@v", rubric.Version).With("@name", rubric.SourceName).With("@source", rubric.Source)
                .With("@source_sha", rubric.SourceSha256).With("@sha", rubric.Sha256).With("@extends", rubric.Extends).With("@terminology", rubric.Terminology)
                .With("@zh", rubric.TitleZh).With("@en", rubric.TitleEn).With("@user", user.Id).With("@now", Clock.Now())
                .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return (existing is null ? RubricSaveOutcome.Created : RubricSaveOutcome.Replaced, 0L);
        }, ct);

    /// <summary>Every uploaded rubric, by id and then newest first, with how many audits use each.</summary>
    public Task<IReadOnlyList<RubricRow>> ListRubricsAsync(CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var rows = new List<RubricRow>();
            await using var reader = await c.Command("SELECT " + RubricColumns + " FROM rubrics r JOIN users u ON u.id = r.created_by ORDER BY r.rubric_id, r.created_at DESC, r.id DESC")
                .ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(ReadRubric(reader));
            }

            return (IReadOnlyList<RubricRow>)rows;
        }, ct);

    /// <summary>One uploaded rubric; with a null <paramref name="version"/> the newest uploaded version of that id.</summary>
    public Task<RubricRow?> GetRubricAsync(string rubricId, string? version, CancellationToken ct) =>
        Database.ReadAsync(c => ReadRubricAsync(c, null, rubricId, version, ct), ct);

    /// <summary>Removes an uploaded rubric no audit uses: true when removed, false when it did not exist; the count of audits when in use.</summary>
    public Task<(bool Deleted, long Audits)> DeleteRubricAsync(string rubricId, string version, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var existing = await ReadRubricAsync(c, t, rubricId, version, ct).ConfigureAwait(false);
            if (existing is null || existing.Audits > 0)
            {
                return (false, existing?.Audits ?? 0L);
            }

            await c.Command("DELETE FROM rubrics WHERE rubric_id = @id AND version = @v", t).With("@id", rubricId).With("@v", version)
                .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            return (true, 0L);
        }, ct);

    /// <summary>The rubric id and version an audit is scored with (null id: the default built-in rubric); null when no such audit.</summary>
    public Task<(string? RubricId, string? Version)?> AuditRubricAsync(long auditId, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            await using var reader = await c.Command("SELECT rubric_id, rubric_version FROM audits WHERE id = @a").With("@a", auditId)
                .ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? (reader.StringOrNull(0), reader.StringOrNull(1)) : ((string?, string?)?)null;
        }, ct);

    private static async Task<RubricRow?> ReadRubricAsync(DbConnection c, DbTransaction? t, string rubricId, string? version, CancellationToken ct)
    {
        var sql = "SELECT " + RubricColumns + " FROM rubrics r JOIN users u ON u.id = r.created_by WHERE r.rubric_id = @id"
            + (version is null ? " ORDER BY r.created_at DESC, r.id DESC LIMIT 1" : " AND r.version = @v");
        var command = c.Command(sql, t).With("@id", rubricId);
        if (version is not null)
        {
            command.With("@v", version);
        }

        await using var reader = await command.ExecuteReaderAsync(ct).ConfigureAwait(false);
        return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadRubric(reader) : null;
    }

    private static RubricRow ReadRubric(DbDataReader r) => new(
        r.GetString(0), r.GetString(1), r.GetString(2), (byte[])r.GetValue(3), r.GetString(4), r.GetString(5), r.StringOrNull(6), r.GetString(7),
        r.GetString(8), r.StringOrNull(9), r.GetString(10), r.GetInt64(11), Convert.ToInt64(r.GetValue(12), CultureInfo.InvariantCulture));
}
