namespace StarRating.Cli;

/// <summary>The tool's exit codes (documented in the README and <c>docs/cli.md</c>).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>An unexpected failure (a bug, or the machine failing us): a one-line message on stderr.</summary>
    public const int UnexpectedFailure = 1;

    /// <summary>Invalid input: a bad command line, or input files with errors (diagnostics on stderr).</summary>
    public const int InvalidInput = 2;

    /// <summary><c>score --fail-below TIER</c>: the tier reached is lower than TIER.</summary>
    public const int BelowTier = 3;
}
