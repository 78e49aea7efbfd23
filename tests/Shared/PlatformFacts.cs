namespace StarRating.Testing;

/// <summary>
/// Why a test that needs a Unix-like system (signals, named pipes, <c>/dev</c> devices, <c>/etc/passwd</c>) cannot run
/// here, or null when it can. Such tests are skipped with this reason, never passed without running.
/// </summary>
public static class Platform
{
    public static string? UnixSkipReason(params string[] needs) =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD()
            ? needs.Where(n => n.StartsWith('/') && !File.Exists(n) && !Directory.Exists(n)).Select(n => "needs " + n + ", which this system lacks").FirstOrDefault()
            : "needs a Unix-like system (" + (needs.Length == 0 ? "POSIX signals, named pipes or devices" : string.Join(", ", needs)) + ")";
}

/// <summary>A fact that needs a Unix-like system (and the files named, such as <c>/dev/zero</c>): skipped with the reason elsewhere.</summary>
public sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute(params string[] needs)
    {
        Skip = Platform.UnixSkipReason(needs);
    }
}

/// <summary>A theory that needs a Unix-like system; see <see cref="UnixFactAttribute"/>.</summary>
public sealed class UnixTheoryAttribute : TheoryAttribute
{
    public UnixTheoryAttribute(params string[] needs)
    {
        Skip = Platform.UnixSkipReason(needs);
    }
}
