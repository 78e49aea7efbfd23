using System.Data.Common;
using System.Globalization;

namespace StarRating.Server.Storage;

/// <summary>
/// The schema, as numbered forward-only steps. At start every step the database lacks runs, in order, in one
/// transaction (all or nothing); a database whose version is newer than the last step here is refused (SR5500), so an
/// older binary never writes into a schema it does not know. On PostgreSQL an advisory lock keeps two instances
/// starting together from migrating twice. Add a step at the end; never edit one that has shipped.
/// </summary>
internal static class Migrations
{
    /// <summary>The steps: version and DDL, with <c>{id}</c>, <c>{int}</c> and <c>{blob}</c> filled in per dialect.</summary>
    public static IReadOnlyList<(int Version, string Sql)> Steps { get; } =
    [
        (1, """
            CREATE TABLE companies (
              id {id},
              name TEXT NOT NULL,
              credit_code TEXT NULL,
              created_at {int} NOT NULL
            );
            CREATE UNIQUE INDEX companies_credit_code ON companies (credit_code) WHERE credit_code IS NOT NULL;
            CREATE INDEX companies_name ON companies (name);

            CREATE TABLE users (
              id {id},
              name TEXT NOT NULL UNIQUE,
              role TEXT NOT NULL,
              company_id {int} NULL REFERENCES companies (id),
              password_hash TEXT NULL,
              disabled {int} NOT NULL DEFAULT 0,
              created_at {int} NOT NULL
            );

            -- API tokens and sign-in sessions: only the SHA-256 of the secret is kept.
            CREATE TABLE credentials (
              id {id},
              user_id {int} NOT NULL REFERENCES users (id),
              kind TEXT NOT NULL,
              name TEXT NULL,
              secret_hash TEXT NOT NULL UNIQUE,
              csrf_token TEXT NULL,
              created_at {int} NOT NULL,
              expires_at {int} NULL
            );
            CREATE INDEX credentials_user ON credentials (user_id);

            -- One row per audit. head_json is the evidence document without its findings (company, audit,
            -- adjustments, conclusion and whatever keys the format grows: previous, decision, certificate...);
            -- the columns beside it are copies of what the list filters on.
            CREATE TABLE audits (
              id {id},
              company_id {int} NOT NULL REFERENCES companies (id),
              kind TEXT NOT NULL,
              stage {int} NULL,
              reference TEXT NULL,
              first_date TEXT NULL,
              last_date TEXT NULL,
              rubric_id TEXT NULL,
              status TEXT NOT NULL,
              head_json TEXT NOT NULL,
              head_version {int} NOT NULL,
              revision {int} NOT NULL,
              score TEXT NULL,
              tier TEXT NULL,
              scored_revision {int} NULL,
              previous_id {int} NULL REFERENCES audits (id),
              created_by {int} NOT NULL REFERENCES users (id),
              created_at {int} NOT NULL,
              updated_at {int} NOT NULL,
              finalised_by {int} NULL REFERENCES users (id),
              finalised_at {int} NULL
            );
            CREATE INDEX audits_date ON audits (first_date DESC, id DESC);
            CREATE INDEX audits_company_date ON audits (company_id, first_date DESC, id DESC);
            CREATE INDEX audits_kind_date ON audits (kind, first_date DESC, id DESC);
            CREATE INDEX audits_tier_date ON audits (tier, first_date DESC, id DESC);
            CREATE INDEX audits_status_company ON audits (status, company_id, first_date DESC, id DESC);

            -- Who works on an audit (access control); the evidence's audit.team stays the document's own record.
            CREATE TABLE audit_team (
              audit_id {int} NOT NULL REFERENCES audits (id),
              user_id {int} NOT NULL REFERENCES users (id),
              role TEXT NOT NULL,
              PRIMARY KEY (audit_id, user_id)
            );
            CREATE INDEX audit_team_user ON audit_team (user_id, audit_id);

            -- The current finding per check item (or indicator): its evidence-format JSON object and its version.
            CREATE TABLE findings (
              audit_id {int} NOT NULL REFERENCES audits (id),
              target TEXT NOT NULL,
              position {int} NOT NULL,
              version {int} NOT NULL,
              body_json TEXT NOT NULL,
              saved_by {int} NOT NULL REFERENCES users (id),
              saved_at {int} NOT NULL,
              PRIMARY KEY (audit_id, target)
            );

            -- Append-only: every finding revision, and every other change to an audit. Nothing is ever lost by an edit.
            CREATE TABLE audit_log (
              id {id},
              audit_id {int} NOT NULL REFERENCES audits (id),
              at {int} NOT NULL,
              user_id {int} NOT NULL REFERENCES users (id),
              action TEXT NOT NULL,
              target TEXT NULL,
              version {int} NULL,
              body_json TEXT NULL
            );
            CREATE INDEX audit_log_audit ON audit_log (audit_id, id);

            -- Attachments: content-addressed. data holds the bytes on PostgreSQL (shared by every instance); with
            -- SQLite the bytes are files under the data folder and data is NULL.
            CREATE TABLE blobs (
              sha256 TEXT PRIMARY KEY,
              size {int} NOT NULL,
              content_type TEXT NOT NULL,
              data {blob} NULL,
              created_at {int} NOT NULL
            );
            CREATE TABLE attachments (
              id {id},
              audit_id {int} NOT NULL REFERENCES audits (id),
              sha256 TEXT NOT NULL REFERENCES blobs (sha256),
              file_name TEXT NOT NULL,
              target TEXT NULL,
              uploaded_by {int} NOT NULL REFERENCES users (id),
              uploaded_at {int} NOT NULL
            );
            CREATE INDEX attachments_audit ON attachments (audit_id, sha256);
            """),
        (2, """
            -- Rubrics uploaded by admins (docs/rubric-format.md: a plain rubric or an overlay on a built-in one), kept
            -- as the uploaded bytes so they load exactly as validated. One row per id and version; a version that an
            -- audit uses never changes (the service refuses), so its results stay reproducible.
            CREATE TABLE rubrics (
              id {id},
              rubric_id TEXT NOT NULL,
              version TEXT NOT NULL,
              source_name TEXT NOT NULL,
              source {blob} NOT NULL,
              source_sha256 TEXT NOT NULL,
              sha256 TEXT NOT NULL,
              extends TEXT NULL,
              terminology TEXT NOT NULL,
              title_zh TEXT NOT NULL,
              title_en TEXT NULL,
              created_by {int} NOT NULL REFERENCES users (id),
              created_at {int} NOT NULL
            );
            CREATE UNIQUE INDEX rubrics_id_version ON rubrics (rubric_id, version);

            -- The version of the rubric an audit is scored with (rubric_id beside it), fixed when it is created.
            ALTER TABLE audits ADD COLUMN rubric_version TEXT NULL;
            CREATE INDEX audits_rubric ON audits (rubric_id, rubric_version);
            """),
        (3, """
            -- The sign-in throttle, shared by every instance on this database: attempts per client address and user
            -- name (kept as a SHA-256, so neither is stored) in the minute since the first attempt.
            CREATE TABLE login_attempts (
              key_hash TEXT PRIMARY KEY,
              window_start {int} NOT NULL,
              attempts {int} NOT NULL
            );
            CREATE INDEX login_attempts_window ON login_attempts (window_start);
            """),
    ];

    /// <summary>The newest version this binary knows.</summary>
    public static int Latest => Steps[^1].Version;

    /// <summary>Brings the schema up to <see cref="Latest"/>; returns the versions applied.</summary>
    /// <exception cref="ServiceStartException">SR5500 for a newer database, SR5502 when a step fails (rolled back).</exception>
    public static async Task<IReadOnlyList<int>> ApplyAsync(Database database, CancellationToken ct)
    {
        var applied = new List<int>();
        await database.WriteAsync(async (connection, transaction) =>
        {
            if (database.Dialect == Dialect.Postgres)
            {
                await connection.Command("SELECT pg_advisory_xact_lock(27922)", transaction).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await connection.Command("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", transaction)
                .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            var current = Convert.ToInt32(await connection.Command("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", transaction)
                .ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            if (current > Latest)
            {
                throw new ServiceStartException("SR5500", ("found", current), ("known", Latest));
            }

            foreach (var (version, sql) in Steps.Where(s => s.Version > current))
            {
                try
                {
                    await connection.Command(Expand(sql, database.Dialect), transaction).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                }
                catch (DbException ex)
                {
                    throw new ServiceStartException("SR5502", ("reason", $"step {version}: {ex.GetType().Name} {SafeReason(ex)}"));
                }

                await connection.Command("INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)", transaction)
                    .With("@v", version).With("@t", Clock.Now()).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                applied.Add(version);
            }

            return 0;
        }, ct).ConfigureAwait(false);
        return applied;
    }

    public static string Expand(string sql, Dialect dialect) => dialect == Dialect.Sqlite
        ? sql.Replace("{id}", "INTEGER PRIMARY KEY", StringComparison.Ordinal).Replace("{int}", "INTEGER", StringComparison.Ordinal).Replace("{blob}", "BLOB", StringComparison.Ordinal)
        : sql.Replace("{id}", "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", StringComparison.Ordinal).Replace("{int}", "BIGINT", StringComparison.Ordinal).Replace("{blob}", "BYTEA", StringComparison.Ordinal);

    /// <summary>A database error's own words (SQLite and PostgreSQL messages name the problem, never a secret).</summary>
    public static string SafeReason(DbException ex) => ex switch
    {
        Npgsql.PostgresException pg => pg.SqlState + " " + pg.MessageText,
        Microsoft.Data.Sqlite.SqliteException sqlite => "SQLite error " + sqlite.SqliteErrorCode.ToString(CultureInfo.InvariantCulture),
        _ => "",
    };
}

/// <summary>Time as Unix milliseconds, the one form stored in both databases.</summary>
internal static class Clock
{
    public static long Now() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    public static string Iso(long unixMilliseconds) =>
        DateTimeOffset.FromUnixTimeMilliseconds(unixMilliseconds).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
