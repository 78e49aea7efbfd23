using System.Runtime.InteropServices;
using System.Text;
using StarRating.Rules;
using StarRating.Rules.Files;

namespace StarRating.Cli.Output;

/// <summary>
/// Writes output files atomically: the content goes to a temporary file in the same folder and is renamed over the
/// target. A failure at any point leaves the previous file (or no file). <see cref="Durable"/> flushes each file
/// and its folder entry to disk before the write returns; a writer made with <c>flushEachFile: false</c> (a batch
/// of thousands of reports) leaves that to one <see cref="Flush"/> at the end, which makes everything it wrote
/// durable at once. Either way no reader ever sees a half-written file.
/// </summary>
/// <remarks>
/// Temporary files are named <c>.NAME.PID.RANDOM.tmp</c>. On SIGTERM, SIGINT or a normal exit, the temporary
/// files still in flight are removed. A process killed outright (SIGKILL) cannot clean up after itself, so each
/// write first removes temporary files for the same target whose process is no longer running. The folder is
/// listed once per process (the first write into it), not once per write: listing a folder of 10,000 reports for
/// each report made a batch quadratic in its size. That bookkeeping is the process's (signals are), so it is
/// shared by every instance; what an instance owns is how it flushes and its test hook.
/// </remarks>
internal sealed class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly object Gate = new();
    private static readonly HashSet<string> InFlight = new(StringComparer.Ordinal);
    private static readonly List<PosixSignalRegistration> Registrations = [];
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ILookup<string, (string File, int Pid)>>> Leftovers = new(StringComparer.Ordinal);
    private static bool closing;
    private static bool hooked;

    private readonly bool flushEachFile;
    private readonly Action<string>? beforeRename;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> written = new(StringComparer.Ordinal);

    /// <summary>Creates a writer.</summary>
    /// <param name="flushEachFile">Flush each file and its folder to disk before <see cref="Write(string, ReadOnlyMemory{byte})"/> returns; when false, call <see cref="Flush"/> once at the end.</param>
    /// <param name="beforeRename">Test hook: called with the temporary file's path after it is written and before the rename.</param>
    public AtomicFile(bool flushEachFile = true, Action<string>? beforeRename = null)
    {
        this.flushEachFile = flushEachFile;
        this.beforeRename = beforeRename;
    }

    /// <summary>The writer for single outputs: each file is on disk when its write returns.</summary>
    public static AtomicFile Durable { get; } = new();

    public Diagnostic? Write(string path, string content) => Write(path, Utf8.GetBytes(content));

    /// <summary>
    /// Makes every file this writer wrote durable: with <c>syncfs(2)</c> once per file system where the platform has
    /// it, else each file and folder with an fsync. Nothing to do for a writer that flushes each file.
    /// </summary>
    public void Flush()
    {
        if (flushEachFile || written.IsEmpty)
        {
            return;
        }

        var files = written.Keys.Order(StringComparer.Ordinal).ToArray();
        var folders = files.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal).ToArray();
        if (folders.All(FileProbe.SyncFileSystem))
        {
            written.Clear();
            return;
        }

        foreach (var file in files)
        {
            try
            {
                using var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
                stream.Flush(flushToDisk: true);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Replaced or removed since: whoever did that owns its durability.
            }
        }

        foreach (var folder in folders)
        {
            FileProbe.SyncFolder(folder);
        }

        written.Clear();
    }

    public Diagnostic? Write(string path, ReadOnlyMemory<byte> content)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return CliDiagnostics.OutputPathEmpty.Create(SourceLocation.WholeFile("--output"));
        }

        string full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", IoErrors.Describe(ex)));
        }

        switch (FileProbe.Stat(full).Kind)
        {
            case FileKind.Directory:
                return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", new Message("diagnostic.reason.folder")));
            case FileKind.Device or FileKind.Fifo or FileKind.Other:
                // A device (/dev/null, a terminal), a pipe, or a link to one (/dev/stdout): replacing it with a regular
                // file would break it for everyone (as root, /dev/null itself). Write straight through instead.
                return WriteThrough(path, full, content);
            case FileKind.Regular when new FileInfo(full).LinkTarget is not null:
                // A link to a regular file: replace the file it points to, and keep the link.
                full = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
                break;
        }

        var folder = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        var temp = Path.Combine(folder, $".{name}.{Environment.ProcessId}.{Guid.NewGuid().ToString("N")[..12]}.tmp");
        try
        {
            if (!Directory.Exists(folder))
            {
                return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", new Message("diagnostic.reason.folder_missing", ("folder", folder))));
            }

            RemoveOrphans(folder, name);
            lock (Gate)
            {
                if (closing)
                {
                    return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", new Message("diagnostic.reason.shutting_down")));
                }

                HookShutdown();
                InFlight.Add(temp);
            }

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                stream.Write(content.Span);
                if (flushEachFile)
                {
                    stream.Flush(flushToDisk: true);
                }
            }

            beforeRename?.Invoke(temp);
            File.Move(temp, full, overwrite: true);
            if (flushEachFile)
            {
                // The rename is atomic, but only durable once the folder's entry is on disk too.
                FileProbe.SyncFolder(folder);
            }
            else
            {
                written.TryAdd(full, 0);
            }

            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            TryDelete(temp);
            // The reason in our words, naming the target: never the exception's text, which names the temporary file.
            return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", IoErrors.Describe(ex)));
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        finally
        {
            lock (Gate)
            {
                InFlight.Remove(temp);
            }
        }
    }

    /// <summary>True when <paramref name="output"/> names the same file as one of <paramref name="inputs"/>: links, hard links and other spellings included.</summary>
    public static bool IsOneOf(string output, IEnumerable<string> inputs) =>
        !string.IsNullOrWhiteSpace(output) && inputs.Any(input => FileProbe.SameFile(output, input));

    private static Diagnostic? WriteThrough(string path, string full, ReadOnlyMemory<byte> content)
    {
        try
        {
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            stream.Write(content.Span);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            return CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ("reason", IoErrors.Describe(ex)));
        }
    }

    private static void HookShutdown()
    {
        if (hooked)
        {
            return;
        }

        hooked = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => RemoveInFlight();
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGINT, PosixSignal.SIGQUIT, PosixSignal.SIGHUP })
        {
            try
            {
                // Clean up, then let the default handling end the process.
                Registrations.Add(PosixSignalRegistration.Create(signal, _ => RemoveInFlight()));
            }
            catch (PlatformNotSupportedException)
            {
                // Not every signal exists everywhere; ProcessExit still covers normal exits.
            }
        }
    }

    private static void RemoveInFlight()
    {
        lock (Gate)
        {
            closing = true;
            foreach (var temp in InFlight)
            {
                TryDelete(temp);
            }

            InFlight.Clear();
        }
    }

    /// <summary>Removes temporary files for this target left by processes that no longer run (killed with SIGKILL).</summary>
    private static void RemoveOrphans(string folder, string name)
    {
        var leftovers = Leftovers.GetOrAdd(folder, f => new Lazy<ILookup<string, (string File, int Pid)>>(() => ListTemporaryFiles(f))).Value;
        foreach (var (file, pid) in leftovers[name])
        {
            if (!IsRunning(pid))
            {
                TryDelete(file);
            }
        }
    }

    /// <summary>The folder's files named like our temporary files, by the target they were written for.</summary>
    private static ILookup<string, (string File, int Pid)> ListTemporaryFiles(string folder)
    {
        var found = new List<(string Target, string File, int Pid)>();
        try
        {
            foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
            {
                if (ParseTemporaryName(Path.GetFileName(file)) is { } parsed)
                {
                    found.Add((parsed.Target, file, parsed.Pid));
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: an orphan that cannot be listed or removed does not stop the write.
        }

        return found.ToLookup(f => f.Target, f => (f.File, f.Pid), StringComparer.Ordinal);
    }

    /// <summary>
    /// NAME and PID of <c>.NAME.PID.RANDOM.tmp</c> with RANDOM 12 lower-case hex digits (what <see cref="Write(string, ReadOnlyMemory{byte})"/>
    /// names them), or null for any other file, which is never ours to delete.
    /// </summary>
    private static (string Target, int Pid)? ParseTemporaryName(string fileName)
    {
        if (fileName.Length < 6 || fileName[0] != '.' || !fileName.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return null;
        }

        var core = fileName[1..^4];
        var randomAt = core.LastIndexOf('.');
        var pidAt = randomAt > 0 ? core.LastIndexOf('.', randomAt - 1) : -1;
        if (pidAt <= 0)
        {
            return null;
        }

        var random = core[(randomAt + 1)..];
        return random.Length == 12 && random.All(char.IsAsciiHexDigitLower)
            && int.TryParse(core.AsSpan(pidAt + 1, randomAt - pidAt - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid)
            ? (core[..pidAt], pid)
            : null;
    }

    private static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId)
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Nothing more can be done; the error that brought us here is reported.
        }
    }
}
