using System.Diagnostics;

namespace StarRating.Testing;

/// <summary>
/// The real programs some tests need (Chromium, LibreOffice, PostgreSQL, poppler), installed on demand by
/// <c>tools/setup-system.sh</c> from Debian's packages. A test that needs them is marked with
/// <see cref="SystemFactAttribute"/>: it runs wherever the programs are present or can be installed (root or
/// passwordless sudo, and apt-get; CI is such a machine), and is skipped with the reason everywhere else. Inside the
/// test, <see cref="Ensure"/> installs what is missing and fails the test when that does not work, so a broken
/// install is a red test, never a silent pass.
/// </summary>
internal static class SystemTools
{
    private static readonly object Gate = new();
    private static readonly Dictionary<string, string?> Installed = new(StringComparer.Ordinal);

    /// <summary>The programs each group provides (checked on the PATH).</summary>
    public static IReadOnlyDictionary<string, string[]> Programs { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["browser"] = ["chromium", "chromedriver"],
        ["office"] = ["soffice", "pdftoppm"],
        ["postgres"] = ["pg_ctlcluster"],
        ["pdf"] = ["pdftoppm", "pdftotext"],
    };

    /// <summary>Installs the groups' programs when missing; fails the calling test when they cannot be installed.</summary>
    public static void Ensure(params string[] groups)
    {
        foreach (var group in groups)
        {
            string? error;
            lock (Gate)
            {
                if (!Installed.TryGetValue(group, out error))
                {
                    error = Run(group);
                    Installed[group] = error;
                }
            }

            error.Should().BeNull($"tools/setup-system.sh {group} should install what the test needs");
        }
    }

    /// <summary>Why the groups can be neither found nor installed here, or null when the test can run.</summary>
    public static string? SkipReason(params string[] groups)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "needs Linux with Debian packages (" + string.Join(", ", groups) + ")";
        }

        if (groups.All(g => Programs[g].All(IsOnPath)))
        {
            return null;
        }

        var canInstall = IsOnPath("apt-get") && (Environment.UserName == "root" || CanSudo());
        return canInstall
            ? null
            : $"needs {string.Join(", ", groups.SelectMany(g => Programs[g]).Distinct())}: not installed, and this machine cannot install them (run tools/setup-system.sh {string.Join(' ', groups)} as root)";
    }

    public static bool IsOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));

    private static bool CanSudo()
    {
        if (!IsOnPath("sudo"))
        {
            return false;
        }

        using var process = Process.Start(new ProcessStartInfo("sudo", "-n true") { RedirectStandardError = true, RedirectStandardOutput = true })!;
        process.WaitForExit(5000);
        return process.HasExited && process.ExitCode == 0;
    }

    private static string? Run(string group)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tools", "setup-system.sh"));
        start.ArgumentList.Add(group);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
        {
            process.Kill(entireProcessTree: true);
            return "tools/setup-system.sh " + group + " timed out";
        }

        return process.ExitCode == 0 ? null : $"tools/setup-system.sh {group} exited {process.ExitCode}: {stdout.Result}{stderr.Result}";
    }
}

/// <summary>
/// A fact that needs real system programs (groups of <c>tools/setup-system.sh</c>): skipped, with the reason, only
/// where they are missing and cannot be installed. The test body calls <see cref="SystemTools.Ensure"/>.
/// </summary>
public sealed class SystemFactAttribute : FactAttribute
{
    public SystemFactAttribute(params string[] groups)
    {
        Skip = SystemTools.SkipReason(groups);
    }
}

/// <summary>A theory that needs real system programs; see <see cref="SystemFactAttribute"/>.</summary>
public sealed class SystemTheoryAttribute : TheoryAttribute
{
    public SystemTheoryAttribute(params string[] groups)
    {
        Skip = SystemTools.SkipReason(groups);
    }
}
