using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace StarRating.Server.Storage;

/// <summary>Which database the store runs on; the SQL in <see cref="Store"/> differs only where the two must.</summary>
internal enum Dialect
{
    Sqlite,
    Postgres,
}

/// <summary>
/// Opens connections to the service's database: one SQLite file in WAL mode (<c>synchronous=FULL</c>: a commit is on
/// disk before it is acknowledged) or a PostgreSQL database through one pooled data source. Writes on SQLite take an
/// in-process gate, because SQLite has one writer at a time and waiting in-process is fairer and faster than
/// SQLite's busy-retry sleeps; on PostgreSQL row locks order them, so several server instances can share it.
/// </summary>
internal sealed class Database : IAsyncDisposable
{
    private readonly NpgsqlDataSource? postgres;
    private readonly string? sqliteConnectionString;
    private readonly SemaphoreSlim writeGate = new(1, 1);

    private Database(Dialect dialect, string description, NpgsqlDataSource? postgres, string? sqlite, string? dataFolder)
    {
        Dialect = dialect;
        Description = description;
        this.postgres = postgres;
        sqliteConnectionString = sqlite;
        DataFolder = dataFolder;
    }

    public Dialect Dialect { get; }

    /// <summary>What to show a person: the SQLite file path, or the PostgreSQL host and database (no password).</summary>
    public string Description { get; }

    /// <summary>The data folder (SQLite only): the database file and the attachments live there.</summary>
    public string? DataFolder { get; }

    public string? SqlitePath => DataFolder is null ? null : Path.Combine(DataFolder, "starrating.db");

    public static Database OpenSqlite(string dataFolder)
    {
        var folder = Path.GetFullPath(dataFolder);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, "starrating.db");
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        return new Database(Dialect.Sqlite, file, null, builder.ToString(), folder);
    }

    public static Database OpenPostgres(string connectionString)
    {
        var builder = new NpgsqlSlimDataSourceBuilder(connectionString);
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        return new Database(Dialect.Postgres, $"PostgreSQL {csb.Host}/{csb.Database}", builder.Build(), null, null);
    }

    public async Task<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (postgres is not null)
        {
            return await postgres.OpenConnectionAsync(ct).ConfigureAwait(false);
        }

        var connection = new SqliteConnection(sqliteConnectionString);
        await connection.OpenAsync(ct).ConfigureAwait(false);
        // journal_mode is stored in the file; synchronous and foreign_keys are per connection.
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        await pragma.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed when it returns without throwing.</summary>
    public Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct) =>
        WriteOrRollbackAsync(async (c, t) => (await work(c, t).ConfigureAwait(false), true), ct);

    /// <summary>Runs <paramref name="work"/> in one write transaction, committed only when it says so (else rolled back).</summary>
    public async Task<T> WriteOrRollbackAsync<T>(Func<DbConnection, DbTransaction, Task<(T Result, bool Commit)>> work, CancellationToken ct)
    {
        var gated = Dialect == Dialect.Sqlite;
        if (gated)
        {
            await writeGate.WaitAsync(ct).ConfigureAwait(false);
        }

        try
        {
            await using var connection = await OpenAsync(ct).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, ct).ConfigureAwait(false);
            var (result, commit) = await work(connection, transaction).ConfigureAwait(false);
            // Not cancellable: once the work is done, the commit either happens or fails; never half.
            if (commit)
            {
                await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
            }
            else
            {
                await transaction.RollbackAsync(CancellationToken.None).ConfigureAwait(false);
            }

            return result;
        }
        finally
        {
            if (gated)
            {
                writeGate.Release();
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a connection without a transaction (reads).</summary>
    public async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct).ConfigureAwait(false);
        return await work(connection).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (postgres is not null)
        {
            await postgres.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }

        writeGate.Dispose();
    }
}

/// <summary>Small helpers so the SQL in <see cref="Store"/> reads plainly.</summary>
internal static class DbExtensions
{
    public static DbCommand Command(this DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    // Typed parameters: PostgreSQL must know a parameter's type even when its value is NULL.
    public static DbCommand With(this DbCommand command, string name, string? value) => Add(command, name, value, DbType.String);

    public static DbCommand With(this DbCommand command, string name, long? value) => Add(command, name, value, DbType.Int64);

    public static DbCommand With(this DbCommand command, string name, int? value) => Add(command, name, (long?)value, DbType.Int64);

    public static DbCommand With(this DbCommand command, string name, byte[]? value) => Add(command, name, value, DbType.Binary);

    private static DbCommand Add(DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }

    public static string? StringOrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static long? Int64OrNull(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
}
