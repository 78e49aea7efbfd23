using System.Text;

namespace StarRating.Cli.Tests;

/// <summary>
/// Each Golden/cli/NAME.args holds one command line (one argument per line, "{root}" = repository root);
/// NAME.expected.txt holds the exit code, standard output and standard error it must produce. A line
/// "#locale VALUE" runs the case as under LC_ALL=VALUE (default en_US.UTF-8: English messages).
/// </summary>
public sealed class CliGoldenTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/cli");

    public static TheoryData<string> Cases => Golden.Cases(CaseFolder, ".args");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Output_matches_the_golden_file(string fileName)
    {
        var @case = CliCase.Read(Path.Combine(CaseFolder, fileName));

        var run = CliRunner.RunWithLocale(@case.Locale, @case.Args);

        var text = new StringBuilder()
            .Append("exit ").Append(run.ExitCode).Append('\n')
            .Append("--- stdout\n").Append(run.Out)
            .Append("--- stderr\n").Append(run.Error)
            .ToString();
        Golden.Check(Path.Combine(CaseFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), text);
    }
}
