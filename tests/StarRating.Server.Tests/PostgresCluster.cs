using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace StarRating.Server.Tests;

/// <summary>
/// A private, throwaway PostgreSQL cluster for the test run: initdb in a temporary folder (as the <c>postgres</c> user
/// when we are root, since PostgreSQL refuses to run as root), its own port and socket folder, no TCP listener, and
/// stopped and deleted when the tests end. Started only when a test needs it.
/// </summary>
public sealed class PostgresCluster : IDisposable
{
    private static readonly Lazy<PostgresCluster?> SharedCluster = new(Start);
    private readonly string folder;
    private readonly string bin;
    private int databases;

    private PostgresCluster(string folder, string bin, int port)
    {
        this.folder = folder;
        this.bin = bin;
        Port = port;
    }

    /// <summary>The shared cluster (started on first use; stopped at process exit and by the collection fixture).</summary>
    public static PostgresCluster Shared => SharedCluster.Value ?? throw new InvalidOperationException("PostgreSQL could not start");

    /// <summary>Null when the tests can use PostgreSQL here; otherwise why not.</summary>
    public static string? SkipReason => SystemTools.SkipReason("postgres");

    public int Port { get; }

    public string SocketFolder => Path.Combine(folder, "run");

    public string AdminConnection => $"Host={SocketFolder};Port={Port};Username=postgres;Database=postgres;Pooling=false";

    /// <summary>A new empty database; its connection string.</summary>
    public string CreateDatabase()
    {
        var name = "sr_" + Environment.ProcessId + "_" + Interlocked.Increment(ref databases);
        using var connection = new NpgsqlConnection(AdminConnection);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "CREATE DATABASE " + name;
        command.ExecuteNonQuery();
        return $"Host={SocketFolder};Port={Port};Username=postgres;Database={name}";
    }

    /// <summary>Stops the shared cluster if a test started it.</summary>
    public static void StopIfStarted()
    {
        if (SharedCluster.IsValueCreated)
        {
            SharedCluster.Value?.Dispose();
        }
    }

    public void Dispose()
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-m", "immediate", "-w", "stop");
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static PostgresCluster? Start()
    {
        SystemTools.Ensure("postgres");
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderByDescending(d => d, StringComparer.Ordinal).First();
        var folder = Directory.CreateTempSubdirectory("starrating-pg-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        if (Environment.UserName == "root")
        {
            Run("chown", "-R", "postgres:postgres", folder);
        }

        var port = FreePort();
        AsPostgres(Path.Combine(bin, "initdb"), "-D", Path.Combine(folder, "data"), "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8", "--locale=C").Should().Be(0, "initdb should create the cluster");
        var options = $"-p {port} -k {Path.Combine(folder, "run")} -c listen_addresses='' -c fsync=off -c full_page_writes=off -c max_connections=200 -c shared_buffers=64MB";
        AsPostgres(Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "data"), "-o", options, "-l", Path.Combine(folder, "log.txt"), "-w", "start").Should().Be(0, "pg_ctl should start the cluster");
        var cluster = new PostgresCluster(folder, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.Dispose();
        return cluster;
    }

    private static int AsPostgres(string program, params string[] arguments) =>
        Environment.UserName == "root" ? Run("runuser", ["-u", "postgres", "--", program, .. arguments]) : Run(program, arguments);

    private static int Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Stops the shared cluster when the store tests are done.</summary>
public sealed class StoreCollectionFixture : IDisposable
{
    public void Dispose() => PostgresCluster.StopIfStarted();
}

/// <summary>
/// The store tests: one collection (they share the PostgreSQL cluster), run alone. Several run the command in-process
/// in a folder (<see cref="CliHelper"/>), which changes the process's current directory: beside any other test (the
/// pages' and browser tests start services and processes that resolve relative paths) that change would make their
/// relative paths name another folder, as it did in the CLI's tests (CurrentDirectoryCollection there).
/// </summary>
[CollectionDefinition("store", DisableParallelization = true)]
public sealed class StoreCollection : ICollectionFixture<StoreCollectionFixture>;
