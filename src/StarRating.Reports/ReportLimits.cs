namespace StarRating.Reports;

/// <summary>
/// Limits applied to every template render, built-in or user-supplied. A template that exceeds one is stopped
/// and reported with a located diagnostic (SR4003 to SR4006) instead of a report; nothing half-written is
/// returned. The defaults are generous for real reports (a full audit report takes a few hundred loop steps,
/// a few levels of calls, well under a megabyte and a few milliseconds).
/// </summary>
public sealed record ReportLimits
{
    /// <summary>The defaults documented on each property.</summary>
    public static ReportLimits Default { get; } = new();

    /// <summary>Most loop iterations per top-level loop, nested loops and built-in iterations included (default 100 000).</summary>
    public int LoopLimit { get; init; } = 100_000;

    /// <summary>Most nested function calls and includes (default 64).</summary>
    public int RecursionLimit { get; init; } = 64;

    /// <summary>Most characters of output (default 10 000 000); a report that would be longer is refused (SR4005).</summary>
    public int MaxOutputChars { get; init; } = 10_000_000;

    /// <summary>Most time one render may take (default 5 seconds); checked at every statement and loop step.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Most time one regular-expression function may take (default 1 second).</summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest template file <see cref="TemplateSet.LoadFolder"/> accepts, in characters (default 1 000 000).</summary>
    public int MaxTemplateChars { get; init; } = 1_000_000;

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LoopLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(RecursionLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxOutputChars);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxTemplateChars);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Timeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(RegexTimeout, TimeSpan.Zero);
    }
}
