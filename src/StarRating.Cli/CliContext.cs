using StarRating.Rules;

namespace StarRating.Cli;

/// <summary>
/// Where the tool writes — results to <see cref="Out"/>, diagnostics and progress to <see cref="Error"/> — and in
/// which language it talks to the user. Tests pass string writers; the program passes the console.
/// </summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool isTerminal, Language messages, TextReader? input = null)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>Standard input (passwords for <c>user add</c>).</summary>
    public TextReader In { get; } = input ?? TextReader.Null;

    /// <summary>True when stderr is a terminal, so a redrawn progress bar is readable; plain lines otherwise.</summary>
    public bool IsTerminal { get; } = isTerminal;

    /// <summary>The language of diagnostics, help and status lines: <c>--lang</c>, else the locale's (see <see cref="CliLanguage"/>).</summary>
    public Language Messages { get; } = messages;

    /// <summary>The wording of diagnostics, help and status lines.</summary>
    public Wording Wording => new(Messages);

    /// <summary>A message text in the user's language.</summary>
    public string Text(string key, params (string Name, object? Value)[] arguments) => Wording.Format(key, arguments);
}
