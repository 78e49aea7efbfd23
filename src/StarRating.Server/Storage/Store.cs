using System.Data.Common;
using System.Globalization;
using System.Text;

namespace StarRating.Server.Storage;

/// <summary>
/// Every SQL statement of the service, in one place to review. Plain ADO.NET with parameters (never string-built
/// values), the same text on SQLite and PostgreSQL (both take <c>@name</c> parameters, <c>ON CONFLICT</c> and
/// <c>RETURNING</c>). Each write is one transaction; a finding save first updates its audit's row, which on
/// PostgreSQL locks it, so version checks on one audit never race, while saves on different audits run side by side.
/// </summary>
internal sealed partial class Store(Database database)
{
    public Database Database { get; } = database;

    // ---- users and credentials ----------------------------------------------------------------------------------

    public Task<long> CountUsersAsync(CancellationToken ct) =>
        Database.ReadAsync(async c => (long)(await c.Command("SELECT COUNT(*) FROM users").ExecuteScalarAsync(ct).ConfigureAwait(false))!, ct);

    public Task<long?> CreateUserAsync(string name, string role, long? companyId, string? passwordHash, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var exists = await c.Command("SELECT COUNT(*) FROM users WHERE name = @n", t).With("@n", name).ExecuteScalarAsync(ct).ConfigureAwait(false);
            if (Convert.ToInt64(exists, CultureInfo.InvariantCulture) > 0)
            {
                return (long?)null;
            }

            return (long?)(long)(await c.Command("INSERT INTO users (name, role, company_id, password_hash, created_at) VALUES (@n, @r, @c, @h, @t) RETURNING id", t)
                .With("@n", name).With("@r", role).With("@c", companyId).With("@h", passwordHash).With("@t", Clock.Now())
                .ExecuteScalarAsync(ct).ConfigureAwait(false))!;
        }, ct);

    public Task<(UserRecord User, string? PasswordHash)?> FindUserAsync(string name, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            await using var reader = await c.Command("SELECT id, name, role, company_id, password_hash FROM users WHERE name = @n AND disabled = 0")
                .With("@n", name).ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? (ReadUser(reader), reader.StringOrNull(4))
                : ((UserRecord, string?)?)null;
        }, ct);

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var users = new List<UserRecord>();
            await using var reader = await c.Command("SELECT id, name, role, company_id FROM users ORDER BY name").ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                users.Add(ReadUser(reader));
            }

            return (IReadOnlyList<UserRecord>)users;
        }, ct);

    public Task CreateCredentialAsync(long userId, string kind, string? name, string secretHash, string? csrf, long? expiresAt, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
            await c.Command("INSERT INTO credentials (user_id, kind, name, secret_hash, csrf_token, created_at, expires_at) VALUES (@u, @k, @n, @h, @x, @t, @e)", t)
                .With("@u", userId).With("@k", kind).With("@n", name).With("@h", secretHash).With("@x", csrf).With("@t", Clock.Now()).With("@e", expiresAt)
                .ExecuteNonQueryAsync(ct).ConfigureAwait(false), ct);

    /// <summary>The user behind a token or session secret (by its hash), with the session's CSRF token; null when unknown or expired.</summary>
    public Task<(UserRecord User, string Kind, string? Csrf)?> FindCredentialAsync(string secretHash, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            await using var reader = await c.Command("""
                SELECT u.id, u.name, u.role, u.company_id, k.kind, k.csrf_token
                FROM credentials k JOIN users u ON u.id = k.user_id
                WHERE k.secret_hash = @h AND u.disabled = 0 AND (k.expires_at IS NULL OR k.expires_at > @now)
                """).With("@h", secretHash).With("@now", Clock.Now()).ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? (ReadUser(reader), reader.GetString(4), reader.StringOrNull(5))
                : ((UserRecord, string, string?)?)null;
        }, ct);

    public Task DeleteCredentialAsync(string secretHash, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
            await c.Command("DELETE FROM credentials WHERE secret_hash = @h", t).With("@h", secretHash).ExecuteNonQueryAsync(ct).ConfigureAwait(false), ct);

    // ---- companies ----------------------------------------------------------------------------------------------

    public Task<IReadOnlyList<CompanyRow>> ListCompaniesAsync(UserRecord user, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var sql = new StringBuilder("SELECT c.id, c.name, c.credit_code, c.created_at FROM companies c");
            if (user.Role == Roles.Auditor)
            {
                sql.Append(" WHERE EXISTS (SELECT 1 FROM audits a JOIN audit_team t ON t.audit_id = a.id WHERE a.company_id = c.id AND t.user_id = @u)");
            }
            else if (user.Role == Roles.Viewer)
            {
                sql.Append(" WHERE c.id = @company");
            }

            sql.Append(" ORDER BY c.name, c.id");
            var companies = new List<CompanyRow>();
            await using var reader = await c.Command(sql.ToString()).With("@u", user.Id).With("@company", user.CompanyId ?? -1).ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                companies.Add(new CompanyRow(reader.GetInt64(0), reader.GetString(1), reader.StringOrNull(2), reader.GetInt64(3)));
            }

            return (IReadOnlyList<CompanyRow>)companies;
        }, ct);

    public Task<CompanyRow?> GetCompanyAsync(long id, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            await using var reader = await c.Command("SELECT id, name, credit_code, created_at FROM companies WHERE id = @id").With("@id", id).ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false)
                ? new CompanyRow(reader.GetInt64(0), reader.GetString(1), reader.StringOrNull(2), reader.GetInt64(3))
                : null;
        }, ct);

    /// <summary>Creates a company; null when one with the credit code exists.</summary>
    public Task<long?> CreateCompanyAsync(string name, string? creditCode, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            if (creditCode is not null && await FindCompanyAsync(c, t, name, creditCode, ct).ConfigureAwait(false) is not null)
            {
                return (long?)null;
            }

            return (long?)await InsertCompanyAsync(c, t, name, creditCode, ct).ConfigureAwait(false);
        }, ct);

    private static async Task<long?> FindCompanyAsync(DbConnection c, DbTransaction t, string name, string? creditCode, CancellationToken ct)
    {
        // The credit code identifies a company; without one, the exact registered name does.
        var command = creditCode is not null
            ? c.Command("SELECT id FROM companies WHERE credit_code = @cc", t).With("@cc", creditCode)
            : c.Command("SELECT id FROM companies WHERE name = @n AND credit_code IS NULL ORDER BY id LIMIT 1", t).With("@n", name);
        return await command.ExecuteScalarAsync(ct).ConfigureAwait(false) is long id ? id : null;
    }

    private static async Task<long> InsertCompanyAsync(DbConnection c, DbTransaction t, string name, string? creditCode, CancellationToken ct) =>
        (long)(await c.Command("INSERT INTO companies (name, credit_code, created_at) VALUES (@n, @cc, @t) RETURNING id", t)
            .With("@n", name).With("@cc", creditCode).With("@t", Clock.Now()).ExecuteScalarAsync(ct).ConfigureAwait(false))!;

    // ---- audits -------------------------------------------------------------------------------------------------

    private const string AuditColumns = """
        a.id, a.company_id, c.name, a.kind, a.stage, a.reference, a.first_date, a.last_date, a.rubric_id, a.status,
        a.head_json, a.head_version, a.revision, a.score, a.tier, a.created_at, a.updated_at, a.finalised_at, a.rubric_version
        """;

    /// <summary>Stores a new audit with its findings; the creator joins its team as lead. Returns the id.</summary>
    public Task<long> CreateAuditAsync(Evidence.AuditSummary summary, string headJson, IReadOnlyList<(string Target, string Json)> findings, UserRecord user, string? score, string? tier, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var now = Clock.Now();
            var companyId = await FindCompanyAsync(c, t, summary.CompanyName, summary.CreditCode, ct).ConfigureAwait(false)
                ?? await InsertCompanyAsync(c, t, summary.CompanyName, summary.CreditCode, ct).ConfigureAwait(false);
            var id = (long)(await c.Command("""
                INSERT INTO audits (company_id, kind, stage, reference, first_date, last_date, rubric_id, rubric_version, status, head_json, head_version,
                                    revision, score, tier, scored_revision, created_by, created_at, updated_at)
                VALUES (@company, @kind, @stage, @reference, @first, @last, @rubric, @rubric_version, 'open', @head, 1, 1, @score, @tier, @scored, @user, @now, @now)
                RETURNING id
                """, t)
                .With("@company", companyId).With("@kind", summary.Kind).With("@stage", summary.Stage).With("@reference", summary.Reference)
                .With("@first", summary.FirstDate ?? "").With("@last", summary.LastDate ?? "").With("@rubric", summary.RubricId).With("@rubric_version", summary.RubricVersion)
                .With("@head", headJson).With("@score", score).With("@tier", tier).With("@scored", score is null ? null : 1L)
                .With("@user", user.Id).With("@now", now)
                .ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            await Log(c, t, id, user.Id, now, "create", null, null, headJson, ct).ConfigureAwait(false);
            var position = 0L;
            foreach (var (target, json) in findings)
            {
                position++;
                await c.Command("INSERT INTO findings (audit_id, target, position, version, body_json, saved_by, saved_at) VALUES (@a, @target, @p, 1, @body, @u, @now)", t)
                    .With("@a", id).With("@target", target).With("@p", position).With("@body", json).With("@u", user.Id).With("@now", now)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
                await Log(c, t, id, user.Id, now, "finding", target, 1, json, ct).ConfigureAwait(false);
            }

            if (user.Role is Roles.Lead or Roles.Auditor)
            {
                await c.Command("INSERT INTO audit_team (audit_id, user_id, role) VALUES (@a, @u, @r)", t)
                    .With("@a", id).With("@u", user.Id).With("@r", user.Role == Roles.Lead ? "lead" : "member").ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return id;
        }, ct);

    /// <summary>The audit if <paramref name="user"/> may see it; null otherwise (which the API answers with 404).</summary>
    public Task<AuditRow?> GetVisibleAuditAsync(long id, UserRecord user, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var sql = "SELECT " + AuditColumns + " FROM audits a JOIN companies c ON c.id = a.company_id WHERE a.id = @id AND " + Visibility(user);
            await using var reader = await VisibilityParameters(c.Command(sql), user).With("@id", id).ExecuteReaderAsync(ct).ConfigureAwait(false);
            return await reader.ReadAsync(ct).ConfigureAwait(false) ? ReadAudit(reader) : null;
        }, ct);

    /// <summary>A page of the audits <paramref name="user"/> may see, newest first, and how many match in all.</summary>
    public Task<(IReadOnlyList<AuditRow> Items, long Total)> ListAuditsAsync(AuditFilter filter, UserRecord user, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var where = new StringBuilder(Visibility(user));
            // Each filter given adds its clause; all are bound below (an unused parameter is harmless).
            foreach (var (given, clause) in new (bool, string)[]
            {
                (filter.CompanyId is not null, " AND a.company_id = @company"),
                (filter.Kind is not null, " AND a.kind = @kind"),
                (filter.Tier is not null, " AND a.tier = @tier"),
                (filter.Status is not null, " AND a.status = @status"),
                (filter.From is not null, " AND a.first_date >= @from"),
                (filter.To is not null, " AND a.first_date <= @to AND a.first_date <> ''"),
                (filter.Mine, " AND EXISTS (SELECT 1 FROM audit_team mt WHERE mt.audit_id = a.id AND mt.user_id = @viewer)"),
            })
            {
                if (given)
                {
                    where.Append(clause);
                }
            }

            DbCommand Bind(DbCommand command) => VisibilityParameters(command, user)
                .With("@company", filter.CompanyId).With("@kind", filter.Kind).With("@tier", filter.Tier).With("@status", filter.Status)
                .With("@from", filter.From).With("@to", filter.To);

            var total = Convert.ToInt64(await Bind(c.Command("SELECT COUNT(*) FROM audits a WHERE " + where)).ExecuteScalarAsync(ct).ConfigureAwait(false), CultureInfo.InvariantCulture);
            var items = new List<AuditRow>();
            // The list never needs the document itself: '' stands in for head_json.
            var sql = "SELECT " + AuditColumns.Replace("a.head_json", "''", StringComparison.Ordinal) + " FROM audits a JOIN companies c ON c.id = a.company_id WHERE " + where
                + " ORDER BY a.first_date DESC, a.id DESC LIMIT @limit OFFSET @offset";
            await using var reader = await Bind(c.Command(sql)).With("@limit", (long)filter.PageSize).With("@offset", (long)(filter.Page - 1) * filter.PageSize)
                .ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                items.Add(ReadAudit(reader));
            }

            return ((IReadOnlyList<AuditRow>)items, total);
        }, ct);

    private static string Visibility(UserRecord user) => user.Role switch
    {
        Roles.Admin => "1 = 1",
        // Leads, like auditors, see the audits whose team they are on (they join as lead the audits they create).
        Roles.Lead or Roles.Auditor => "EXISTS (SELECT 1 FROM audit_team vt WHERE vt.audit_id = a.id AND vt.user_id = @viewer)",
        _ => "a.status = 'final' AND a.company_id = @viewer_company",
    };

    private static DbCommand VisibilityParameters(DbCommand command, UserRecord user) =>
        command.With("@viewer", user.Id).With("@viewer_company", user.CompanyId ?? -1);

    public Task<IReadOnlyList<FindingRow>> GetFindingsAsync(long auditId, CancellationToken ct) =>
        Database.ReadAsync(c => ReadFindingsAsync(c, null, auditId, ct), ct);

    /// <summary>
    /// The audit's head, revision and findings as of one moment (a save in between cannot mix two states): one
    /// statement, so one snapshot and one round trip on either database.
    /// </summary>
    public Task<(string Head, long Revision, IReadOnlyList<FindingRow> Findings)?> SnapshotAsync(long auditId, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            await using var reader = await c.Command("""
                SELECT CAST(0 AS BIGINT) AS part, a.head_json, a.revision, CAST(NULL AS TEXT) AS target, CAST(NULL AS BIGINT) AS position, CAST(NULL AS TEXT) AS saved_by, CAST(NULL AS BIGINT) AS saved_at
                FROM audits a WHERE a.id = @a
                UNION ALL
                SELECT CAST(1 AS BIGINT), f.body_json, f.version, f.target, f.position, u.name, f.saved_at
                FROM findings f JOIN users u ON u.id = f.saved_by WHERE f.audit_id = @a
                ORDER BY part, position
                """).With("@a", auditId).ExecuteReaderAsync(ct).ConfigureAwait(false);
            if (!await reader.ReadAsync(ct).ConfigureAwait(false) || reader.GetInt64(0) != 0)
            {
                return ((string, long, IReadOnlyList<FindingRow>)?)null;
            }

            var head = reader.GetString(1);
            var revision = reader.GetInt64(2);
            var findings = new List<FindingRow>();
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                findings.Add(new FindingRow(reader.GetString(3), reader.GetInt64(4), reader.GetInt64(2), reader.GetString(1), reader.GetString(5), reader.GetInt64(6)));
            }

            return (head, revision, (IReadOnlyList<FindingRow>)findings);
        }, ct);

    private static async Task<IReadOnlyList<FindingRow>> ReadFindingsAsync(DbConnection c, DbTransaction? t, long auditId, CancellationToken ct)
    {
        var rows = new List<FindingRow>();
        await using var reader = await c.Command("""
            SELECT f.target, f.position, f.version, f.body_json, u.name, f.saved_at
            FROM findings f JOIN users u ON u.id = f.saved_by WHERE f.audit_id = @a ORDER BY f.position
            """, t).With("@a", auditId).ExecuteReaderAsync(ct).ConfigureAwait(false);
        while (await reader.ReadAsync(ct).ConfigureAwait(false))
        {
            rows.Add(new FindingRow(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4), reader.GetInt64(5)));
        }

        return rows;
    }

    /// <summary>
    /// Saves (or, with a null body, deletes) one finding if its version is still <paramref name="expected"/>
    /// (0: must not exist yet; null: only allowed when none exists), logs the revision and bumps the audit's revision.
    /// </summary>
    /// <remarks>
    /// The list's score and tier are written in the same transaction, so they always belong to the stored revision.
    /// <c>predicted</c> is the score of this save applied to revision <c>BaseRevision</c>, computed before the
    /// transaction (outside SQLite's single-writer gate); when another save came in between, <c>score</c> scores the
    /// state inside the transaction instead.
    /// </remarks>
    public Task<SaveResult> SaveFindingAsync(long auditId, string target, long? expected, string? bodyJson, UserRecord user,
        (long BaseRevision, string? Score, string? Tier) predicted, Func<long, string, IReadOnlyList<FindingRow>, (string? Score, string? Tier)> score, CancellationToken ct) =>
        Database.WriteOrRollbackAsync(async (c, t) =>
        {
            var now = Clock.Now();
            // First statement of the transaction: locks the audit row (PostgreSQL), so saves on one audit take turns.
            // The predicted score goes in with the revision bump (SET expressions see the row's old values).
            var revision = await c.Command("""
                UPDATE audits SET revision = revision + 1, updated_at = @now,
                    score = CASE WHEN revision = @base THEN @s ELSE score END,
                    tier = CASE WHEN revision = @base THEN @tier ELSE tier END,
                    scored_revision = CASE WHEN revision = @base THEN revision + 1 ELSE scored_revision END
                WHERE id = @a AND status = 'open' RETURNING revision
                """, t)
                .With("@a", auditId).With("@now", now).With("@base", predicted.BaseRevision).With("@s", predicted.Score).With("@tier", predicted.Tier)
                .ExecuteScalarAsync(ct).ConfigureAwait(false);
            if (revision is not long newRevision)
            {
                var exists = await c.Command("SELECT COUNT(*) FROM audits WHERE id = @a", t).With("@a", auditId).ExecuteScalarAsync(ct).ConfigureAwait(false);
                return (new SaveResult(Convert.ToInt64(exists, CultureInfo.InvariantCulture) == 0 ? SaveOutcome.NotFound : SaveOutcome.Final, 0, 0, null), false);
            }

            long current = 0;
            string? currentJson = null;
            await using (var reader = await c.Command("SELECT version, body_json FROM findings WHERE audit_id = @a AND target = @target", t)
                .With("@a", auditId).With("@target", target).ExecuteReaderAsync(ct).ConfigureAwait(false))
            {
                if (await reader.ReadAsync(ct).ConfigureAwait(false))
                {
                    current = reader.GetInt64(0);
                    currentJson = reader.GetString(1);
                }
            }

            var outcome = expected is null
                ? (current == 0 ? SaveOutcome.Saved : SaveOutcome.VersionRequired)
                : (expected == current ? SaveOutcome.Saved : SaveOutcome.VersionMismatch);
            if (outcome == SaveOutcome.Saved && bodyJson is null && current == 0)
            {
                outcome = SaveOutcome.NotFound;
            }

            if (outcome != SaveOutcome.Saved)
            {
                return (new SaveResult(outcome, current, newRevision - 1, currentJson), false);
            }

            var version = current + 1;
            if (bodyJson is null)
            {
                await c.Command("DELETE FROM findings WHERE audit_id = @a AND target = @target", t).With("@a", auditId).With("@target", target).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            else if (current == 0)
            {
                // A finding deleted earlier comes back with the version after its last revision, never reusing one.
                var last = await c.Command("SELECT MAX(version) FROM audit_log WHERE audit_id = @a AND target = @target", t)
                    .With("@a", auditId).With("@target", target).ExecuteScalarAsync(ct).ConfigureAwait(false);
                version = (last is long l ? l : 0) + 1;
                await c.Command("""
                    INSERT INTO findings (audit_id, target, position, version, body_json, saved_by, saved_at)
                    VALUES (@a, @target, (SELECT COALESCE(MAX(position), 0) + 1 FROM findings WHERE audit_id = @a), @v, @body, @u, @now)
                    """, t).With("@a", auditId).With("@target", target).With("@v", version).With("@body", bodyJson).With("@u", user.Id).With("@now", now)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }
            else
            {
                await c.Command("UPDATE findings SET version = @v, body_json = @body, saved_by = @u, saved_at = @now WHERE audit_id = @a AND target = @target", t)
                    .With("@a", auditId).With("@target", target).With("@v", version).With("@body", bodyJson).With("@u", user.Id).With("@now", now)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await Log(c, t, auditId, user.Id, now, bodyJson is null ? "finding-deleted" : "finding", target, version, bodyJson, ct).ConfigureAwait(false);
            if (newRevision != predicted.BaseRevision + 1)
            {
                var head = (string)(await c.Command("SELECT head_json FROM audits WHERE id = @a", t).With("@a", auditId).ExecuteScalarAsync(ct).ConfigureAwait(false))!;
                var (newScore, tier) = score(newRevision, head, await ReadFindingsAsync(c, t, auditId, ct).ConfigureAwait(false));
                await c.Command("UPDATE audits SET score = @s, tier = @tier, scored_revision = @r WHERE id = @a", t)
                    .With("@a", auditId).With("@r", newRevision).With("@s", newScore).With("@tier", tier).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            return (new SaveResult(SaveOutcome.Saved, version, newRevision, bodyJson), true);
        }, ct);

    /// <summary>Makes the audit final at <paramref name="revision"/> with its score; false when it moved on or is final already.</summary>
    public Task<bool> FinaliseAsync(long auditId, long revision, string score, string tier, UserRecord user, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var now = Clock.Now();
            var changed = await c.Command("""
                UPDATE audits SET status = 'final', score = @s, tier = @tier, scored_revision = @r, finalised_by = @u, finalised_at = @now, updated_at = @now,
                                  revision = revision + 1
                WHERE id = @a AND revision = @r AND status = 'open'
                """, t).With("@a", auditId).With("@r", revision).With("@s", score).With("@tier", tier).With("@u", user.Id).With("@now", now)
                .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (changed == 1)
            {
                await Log(c, t, auditId, user.Id, now, "finalise", null, null, null, ct).ConfigureAwait(false);
            }

            return changed == 1;
        }, ct);

    public Task<IReadOnlyList<LogRow>> HistoryAsync(long auditId, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var rows = new List<LogRow>();
            await using var reader = await c.Command("""
                SELECT l.id, l.at, u.name, l.action, l.target, l.version, l.body_json
                FROM audit_log l JOIN users u ON u.id = l.user_id WHERE l.audit_id = @a ORDER BY l.id
                """).With("@a", auditId).ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(new LogRow(reader.GetInt64(0), reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.StringOrNull(4), reader.Int64OrNull(5), reader.StringOrNull(6)));
            }

            return (IReadOnlyList<LogRow>)rows;
        }, ct);

    // ---- team ---------------------------------------------------------------------------------------------------

    public Task<IReadOnlyList<TeamRow>> TeamAsync(long auditId, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var rows = new List<TeamRow>();
            await using var reader = await c.Command("SELECT u.name, t.role FROM audit_team t JOIN users u ON u.id = t.user_id WHERE t.audit_id = @a ORDER BY u.name")
                .With("@a", auditId).ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(new TeamRow(reader.GetString(0), reader.GetString(1)));
            }

            return (IReadOnlyList<TeamRow>)rows;
        }, ct);

    /// <summary>Puts a user on the audit's team (or changes their role), or takes them off with a null role. False: no such user.</summary>
    public Task<bool> SetTeamMemberAsync(long auditId, string userName, string? role, UserRecord actor, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            if (await c.Command("SELECT id FROM users WHERE name = @n", t).With("@n", userName).ExecuteScalarAsync(ct).ConfigureAwait(false) is not long userId)
            {
                return false;
            }

            await c.Command("DELETE FROM audit_team WHERE audit_id = @a AND user_id = @u", t).With("@a", auditId).With("@u", userId).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (role is not null)
            {
                await c.Command("INSERT INTO audit_team (audit_id, user_id, role) VALUES (@a, @u, @r)", t).With("@a", auditId).With("@u", userId).With("@r", role)
                    .ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            }

            await Log(c, t, auditId, actor.Id, Clock.Now(), role is null ? "team-removed" : "team-assigned", userName, null, role, ct).ConfigureAwait(false);
            return true;
        }, ct);

    // ---- attachments --------------------------------------------------------------------------------------------

    public Task<long> AddAttachmentAsync(long auditId, string sha256, long size, string contentType, byte[]? data, string fileName, string? target, UserRecord user, CancellationToken ct) =>
        Database.WriteAsync(async (c, t) =>
        {
            var now = Clock.Now();
            await c.Command("INSERT INTO blobs (sha256, size, content_type, data, created_at) VALUES (@h, @s, @ct, @d, @now) ON CONFLICT (sha256) DO NOTHING", t)
                .With("@h", sha256).With("@s", size).With("@ct", contentType).With("@d", data).With("@now", now).ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            var id = (long)(await c.Command("INSERT INTO attachments (audit_id, sha256, file_name, target, uploaded_by, uploaded_at) VALUES (@a, @h, @f, @target, @u, @now) RETURNING id", t)
                .With("@a", auditId).With("@h", sha256).With("@f", fileName).With("@target", target).With("@u", user.Id).With("@now", now)
                .ExecuteScalarAsync(ct).ConfigureAwait(false))!;
            await Log(c, t, auditId, user.Id, now, "attachment", target, null, sha256, ct).ConfigureAwait(false);
            return id;
        }, ct);

    public Task<IReadOnlyList<AttachmentRow>> AttachmentsAsync(long auditId, string? sha256, CancellationToken ct) =>
        Database.ReadAsync(async c =>
        {
            var rows = new List<AttachmentRow>();
            await using var reader = await c.Command("""
                SELECT t.id, t.sha256, t.file_name, b.content_type, b.size, t.target, u.name, t.uploaded_at
                FROM attachments t JOIN blobs b ON b.sha256 = t.sha256 JOIN users u ON u.id = t.uploaded_by
                WHERE t.audit_id = @a AND (@h IS NULL OR t.sha256 = @h) ORDER BY t.id
                """).With("@a", auditId).With("@h", sha256).ExecuteReaderAsync(ct).ConfigureAwait(false);
            while (await reader.ReadAsync(ct).ConfigureAwait(false))
            {
                rows.Add(new AttachmentRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.StringOrNull(5), reader.GetString(6), reader.GetInt64(7)));
            }

            return (IReadOnlyList<AttachmentRow>)rows;
        }, ct);

    public Task<byte[]?> BlobDataAsync(string sha256, CancellationToken ct) =>
        Database.ReadAsync(async c =>
            await c.Command("SELECT data FROM blobs WHERE sha256 = @h").With("@h", sha256).ExecuteScalarAsync(ct).ConfigureAwait(false) as byte[], ct);

    // ---- shared -------------------------------------------------------------------------------------------------

    private static Task Log(DbConnection c, DbTransaction t, long auditId, long userId, long at, string action, string? target, long? version, string? body, CancellationToken ct) =>
        c.Command("INSERT INTO audit_log (audit_id, at, user_id, action, target, version, body_json) VALUES (@a, @at, @u, @action, @target, @v, @body)", t)
            .With("@a", auditId).With("@at", at).With("@u", userId).With("@action", action).With("@target", target).With("@v", version).With("@body", body)
            .ExecuteNonQueryAsync(ct);

    private static UserRecord ReadUser(DbDataReader reader) =>
        new(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.Int64OrNull(3));

    private static AuditRow ReadAudit(DbDataReader r) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : (int)r.GetInt64(4), r.StringOrNull(5),
        NullIfEmpty(r.StringOrNull(6)), NullIfEmpty(r.StringOrNull(7)), r.StringOrNull(8), r.GetString(9), r.GetString(10), r.GetInt64(11), r.GetInt64(12),
        r.StringOrNull(13), r.StringOrNull(14), r.GetInt64(15), r.GetInt64(16), r.Int64OrNull(17), r.StringOrNull(18));

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
