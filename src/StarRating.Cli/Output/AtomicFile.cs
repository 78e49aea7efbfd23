using System.Text;
using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>
/// Writes output files atomically: the content goes to a temporary file in the same folder, is flushed to disk,
/// and is renamed over the target. A failure at any point leaves the previous file (or no file) and no
/// temporary file behind.
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Test hook: called after the temporary file is written and before the rename.</summary>
    internal static Action<string>? BeforeRename { get; set; }

    public static Diagnostic? Write(string path, string content) => Write(path, Utf8.GetBytes(content));

    public static Diagnostic? Write(string path, byte[] content)
    {
        var full = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(full)!;
        var temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N")[..12] + ".tmp");
        try
        {
            if (!Directory.Exists(folder))
            {
                return DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(path), "the folder " + folder + " does not exist");
            }

            if (Directory.Exists(full))
            {
                return DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(path), "it is a folder");
            }

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            BeforeRename?.Invoke(temp);
            File.Move(temp, full, overwrite: true);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or System.Security.SecurityException)
        {
            TryDelete(temp);
            return DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(path), ex.Message);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>True when <paramref name="output"/> names the same file as one of <paramref name="inputs"/> (links resolved).</summary>
    public static bool IsOneOf(string output, IEnumerable<string> inputs)
    {
        var target = Canonical(output);
        return inputs.Any(input => string.Equals(Canonical(input), target, StringComparison.Ordinal));
    }

    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.Exists && info.LinkTarget is not null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
        }
        catch (IOException)
        {
            // A broken link compares by its own path.
        }

        return full;
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
