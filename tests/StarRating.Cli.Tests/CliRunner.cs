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
        var expanded = args.Select(ExpandRoot).ToArray();
        var messages = CliLanguage.FromLocale(locale, null, null);
        var code = StarRatingCli.RunAsync(expanded, output, error, messages: messages).GetAwaiter().GetResult();
        return new CliRun(code, Normalize(output.ToString()), Normalize(error.ToString()));
    }

    /// <summary>
    /// The repository as the tool sees it in golden cases: a link whose path has the same length on every machine,
    /// so that a table column holding a path is padded alike in a clean clone anywhere (after "{root}" replaces it)
    /// as where the golden was approved. The checkout path itself varies in length; a column padded for it did not.
    /// </summary>
    public static string StableRoot { get; } = MakeStableRoot();

    /// <summary>An argument with "{root}" expanded to <see cref="StableRoot"/>.</summary>
    public static string ExpandRoot(string argument) => argument.Replace("{root}", StableRoot, StringComparison.Ordinal);

    private static string MakeStableRoot()
    {
        // One link per checkout (named by a hash of its path), so that checkouts testing at once never share one.
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(RepoPaths.Root)))[..12];
        var link = "/tmp/starrating-" + hash;
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return RepoPaths.Root;
        }

        if (new DirectoryInfo(link).LinkTarget is { } target && target == RepoPaths.Root)
        {
            return link;
        }

        try
        {
            Directory.CreateSymbolicLink(link, RepoPaths.Root);
        }
        catch (IOException) when (new DirectoryInfo(link).LinkTarget == RepoPaths.Root)
        {
            // Another test process made the same link first.
        }

        return link;
    }

    /// <summary>Machine-specific paths become "{root}" and "{tmp}" so golden files hold on any machine.</summary>
    public static string Normalize(string text) =>
        text.Replace(StableRoot, "{root}", StringComparison.Ordinal)
            .Replace(RepoPaths.Root, "{root}", StringComparison.Ordinal)
            .Replace(Path.GetTempPath().TrimEnd('/'), "{tmp}", StringComparison.Ordinal);
}
