namespace StarRating.Cli;

/// <summary>
/// Where the tool writes: results to <see cref="Out"/>, diagnostics and progress to <see cref="Error"/>.
/// Tests pass string writers; the program passes the console.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool isTerminal, TextReader? input = null)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard input (passwords for <c>user add</c>).</summary>
    public TextReader In { get; } = input ?? TextReader.Null;

    /// <summary>True when stderr is a terminal, so a redrawn progress bar is readable; plain lines otherwise.</summary>
    public bool IsTerminal { get; } = isTerminal;
}
