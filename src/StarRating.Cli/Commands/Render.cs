using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Chooses the renderer for a format: the terminal summary here, full reports from StarRating.Reports.</summary>
internal static class Render
{
    public static string? Result(CliContext context, AuditResult result, string format, Language language, string? templates) => format switch
    {
        "text" => TerminalText.Score(result, language),
        _ => throw new NotSupportedException("format " + format),
    };

    public static string? Gap(CliContext context, GapAnalysis gap, string format, Language language) => format switch
    {
        "text" => TerminalText.Gap(gap, language),
        _ => throw new NotSupportedException("format " + format),
    };

    public static string? Comparison(CliContext context, AuditComparison comparison, string format, Language language) => format switch
    {
        "text" => TerminalText.Diff(comparison, language),
        _ => throw new NotSupportedException("format " + format),
    };
}
