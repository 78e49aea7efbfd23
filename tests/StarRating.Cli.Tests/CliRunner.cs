using System.Text;
using StarRating.Cli;

namespace StarRating.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>One golden case: the arguments of an .args file and the locale it runs under.</summary>
/// <param name="Args">The arguments ("{root}" not yet expanded).</param>
/// <param name="Locale">The value of LC_ALL the tool sees: the file's "#locale VALUE" line, else en_US.UTF-8.</param>
internal sealed record CliCase(string[] Args, string Locale)
{
    /// <summary>The locale of cases that do not name one: English messages (reports and summaries stay Chinese unless --lang says).</summary>
    public const string DefaultLocale = "en_US.UTF-8";

    public static CliCase Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var locale = lines.Where(l => l.StartsWith("#locale ", StringComparison.Ordinal)).Select(l => l["#locale ".Length..].Trim()).LastOrDefault();
        return new CliCase(lines.Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray(), locale ?? DefaultLocale);
    }
}

/// <summary>Runs the tool in-process with captured output. "{root}" in arguments stands for the repository root.</summary>
internal static class CliRunner
{
    /// <summary>Runs with English messages (the locale en_US.UTF-8).</summary>
    public static CliRun Run(params string[] args) => RunWithLocale(CliCase.DefaultLocale, args);

    /// <summary>Runs as under <c>LC_ALL=<paramref name="locale"/></c> (an empty locale: as with no locale set).</summary>
    public static CliRun RunWithLocale(string locale, params string[] args)
    {
        var output = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var error = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var expanded = args.Select(a => a.Replace("{root}", RepoPaths.Root, StringComparison.Ordinal)).ToArray();
        var messages = CliLanguage.FromLocale(locale, null, null);
        var code = StarRatingCli.RunAsync(expanded, output, error, messages: messages).GetAwaiter().GetResult();
        return new CliRun(code, Normalize(output.ToString()), Normalize(error.ToString()));
    }

    /// <summary>Machine-specific paths become "{root}" and "{tmp}" so golden files hold on any machine.</summary>
    public static string Normalize(string text) =>
        text.Replace(RepoPaths.Root, "{root}", StringComparison.Ordinal)
            .Replace(Path.GetTempPath().TrimEnd('/'), "{tmp}", StringComparison.Ordinal);
}
