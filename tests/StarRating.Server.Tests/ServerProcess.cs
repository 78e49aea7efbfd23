using System.Diagnostics;
using System.Net.Http.Headers;
using System.Runtime.InteropServices;

namespace StarRating.Server.Tests;

/// <summary>A real <c>starrating serve</c> process (the built tool, run with dotnet) on a free loopback port.</summary>
internal sealed partial class ServerProcess : IDisposable
{
    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "StarRating.Cli.dll");
    private readonly Process process;

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> log;

    private ServerProcess(Process process, int port, System.Collections.Concurrent.ConcurrentQueue<string> log)
    {
        this.process = process;
        this.log = log;
        Port = port;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public int Port { get; }

    public Uri BaseAddress { get; }

    public int Id => process.Id;

    /// <summary>Everything the process wrote to standard output and error so far.</summary>
    public string Log => string.Join("\n", log);

    /// <summary>Starts the service with the store arguments (--data DIR or --db CONNECTION) and waits until /health answers.</summary>
    public static async Task<ServerProcess> StartAsync(params string[] storeArguments)
    {
        var port = PostgresCluster.FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var argument in (string[])[CliDll, "serve", .. storeArguments, "--urls", $"http://127.0.0.1:{port}"])
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => log.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, port, log);
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await client.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            if (process.HasExited)
            {
                throw new InvalidOperationException("starrating serve exited with " + process.ExitCode);
            }

            await Task.Delay(100);
        }

        server.Dispose();
        throw new TimeoutException("starrating serve did not answer /health");
    }

    public HttpClient Client(string token) => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
        Timeout = TimeSpan.FromSeconds(30),
    };

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    /// <summary>SIGKILL: no shutdown code runs, as when the machine's OOM killer or an operator's kill -9 strikes.</summary>
    public void KillHard()
    {
        SendSignal(process.Id, 9);
        process.WaitForExit();
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }
}
