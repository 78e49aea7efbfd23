using System.Text;
using StarRating.Cli;

namespace StarRating.Cli.Tests;

internal sealed record CliRun(int ExitCode, string Out, string Error);

/// <summary>Runs the tool in-process with captured output. "{root}" in arguments stands for the repository root.</summary>
internal static class CliRunner
{
    public static CliRun Run(params string[] args)
    {
        var output = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var error = new StringWriter(new StringBuilder()) { NewLine = "\n" };
        var expanded = args.Select(a => a.Replace("{root}", RepoPaths.Root, StringComparison.Ordinal)).ToArray();
        var code = StarRatingCli.RunAsync(expanded, output, error).GetAwaiter().GetResult();
        return new CliRun(code, Normalize(output.ToString()), Normalize(error.ToString()));
    }

    /// <summary>Machine-specific paths become "{root}" and "{tmp}" so golden files hold on any machine.</summary>
    public static string Normalize(string text) =>
        text.Replace(RepoPaths.Root, "{root}", StringComparison.Ordinal)
            .Replace(Path.GetTempPath().TrimEnd('/'), "{tmp}", StringComparison.Ordinal);
}
