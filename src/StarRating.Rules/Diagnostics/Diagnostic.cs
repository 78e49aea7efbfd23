using System.Text;

namespace StarRating.Rules;

/// <summary>
/// One problem found in an input: a stable code, a severity, where it is, what is wrong and how to fix it.
/// Diagnostics are data: loaders and the engine collect every problem they find and return them together.
/// </summary>
/// <param name="Code">Stable identifier such as <c>SR1101</c>; see <c>docs/errors.md</c>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Location">File, line and column.</param>
/// <param name="Message">What is wrong, in one sentence.</param>
/// <param name="Hint">How to fix it, or <see langword="null"/> when the message says it all.</param>
public sealed record Diagnostic(
    string Code,
    DiagnosticSeverity Severity,
    SourceLocation Location,
    string Message,
    string? Hint)
{
    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>
    /// The compiler-style line <c>file(line,col): error SR1101: message</c>, the format printed by the tool
    /// and understood by editors and CI log parsers.
    /// </summary>
    public override string ToString() => Format(includeHint: false);

    /// <summary>Formats the diagnostic, optionally followed by its hint on an indented second line.</summary>
    /// <param name="includeHint">Whether to append the hint.</param>
    public string Format(bool includeHint)
    {
        var builder = new StringBuilder();
        builder.Append(Location.ToString())
            .Append(": ")
            .Append(SeverityWord(Severity))
            .Append(' ')
            .Append(Code)
            .Append(": ")
            .Append(Message);
        if (includeHint && !string.IsNullOrEmpty(Hint))
        {
            builder.Append("\n    hint: ").Append(Hint);
        }

        return builder.ToString();
    }

    internal static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
