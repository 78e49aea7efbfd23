using Microsoft.Data.Sqlite;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server;

/// <summary>
/// What the <c>user</c>, <c>token</c> and <c>backup</c> commands do, on the same store <c>serve</c> uses (migrated
/// first, so they work on an empty data folder too). Failures are <see cref="ServiceStartException"/>s with a code.
/// </summary>
public static class ServiceAdmin
{
    /// <summary>Creates a user with a password (hashed before it is stored).</summary>
    /// <param name="options">The store (data folder or PostgreSQL).</param>
    /// <param name="name">The user name.</param>
    /// <param name="role">admin, lead, auditor or viewer.</param>
    /// <param name="companyId">The company a viewer may read; required for viewers, refused for others.</param>
    /// <param name="password">The password, read from standard input by the caller.</param>
    /// <param name="ct">Cancels.</param>
    public static async Task AddUserAsync(ServiceOptions options, string name, string role, long? companyId, string password, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        if (!Api.AdminEndpoints.UserName().IsMatch(name))
        {
            throw new ServiceStartException("SR5508", ("name", name));
        }

        if (password.Length < Secrets.MinimumPasswordLength)
        {
            throw new ServiceStartException("SR5505", ("min", Secrets.MinimumPasswordLength));
        }

        if ((role == Roles.Viewer) != (companyId is not null))
        {
            throw new ServiceStartException("SR5509");
        }

        await using var database = await ServiceHost.OpenStoreAsync(options, ct).ConfigureAwait(false);
        var store = new Store(database);
        if (companyId is { } id && await store.GetCompanyAsync(id, ct).ConfigureAwait(false) is null)
        {
            throw new ServiceStartException("SR5519", ("id", id));
        }

        if (await store.CreateUserAsync(name, role, companyId, Secrets.HashPassword(password), ct).ConfigureAwait(false) is null)
        {
            throw new ServiceStartException("SR5506", ("name", name));
        }
    }

    /// <summary>Creates an API token for a user and returns it; only its hash is stored, so this is the one time it is seen.</summary>
    /// <param name="options">The store.</param>
    /// <param name="userName">The user the token acts as.</param>
    /// <param name="tokenName">A name for the token (what it is for).</param>
    /// <param name="ct">Cancels.</param>
    public static async Task<string> CreateTokenAsync(ServiceOptions options, string userName, string? tokenName, CancellationToken ct)
    {
        await using var database = await ServiceHost.OpenStoreAsync(options, ct).ConfigureAwait(false);
        var store = new Store(database);
        var user = await store.FindUserAsync(userName, ct).ConfigureAwait(false) ?? throw new ServiceStartException("SR5507", ("name", userName));
        var token = Secrets.NewSecret("srt");
        await store.CreateCredentialAsync(user.User.Id, "token", tokenName ?? "cli", Secrets.Hash(token), null, null, ct).ConfigureAwait(false);
        return token;
    }

    /// <summary>
    /// Copies the SQLite database with SQLite's online backup (consistent while the service runs and writes) to a new
    /// file; the attachments folder is copied beside it as <c>FILE.attachments/</c> when there are attachments.
    /// </summary>
    /// <param name="dataFolder">The data folder.</param>
    /// <param name="output">The backup file; must not exist.</param>
    /// <returns>The size of the database backup in bytes.</returns>
    public static long Backup(string dataFolder, string output)
    {
        ArgumentNullException.ThrowIfNull(dataFolder);
        ArgumentNullException.ThrowIfNull(output);
        var source = Path.Combine(Path.GetFullPath(dataFolder), "starrating.db");
        if (!File.Exists(source))
        {
            throw new ServiceStartException("SR5511", ("reason", "no database at " + source));
        }

        if (File.Exists(output) || Directory.Exists(output))
        {
            throw new ServiceStartException("SR5518", ("file", output));
        }

        var temporary = output + ".partial";
        try
        {
            File.Delete(temporary);
            using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = temporary, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
                using var check = to.CreateCommand();
                // The copy is a plain rollback-journal file: one self-contained file, not a WAL pair.
                check.CommandText = "PRAGMA journal_mode=DELETE; PRAGMA integrity_check;";
                check.ExecuteNonQuery();
            }

            File.Move(temporary, output);
            var attachments = Path.Combine(Path.GetFullPath(dataFolder), "attachments");
            if (Directory.Exists(attachments))
            {
                CopyFolder(attachments, output + ".attachments");
            }

            return new FileInfo(output).Length;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new ServiceStartException("SR5511", ("reason", ServiceHost.Reason(ex)));
        }
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".tmp", StringComparison.Ordinal))
            {
                continue;
            }

            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: false);
        }
    }
}
