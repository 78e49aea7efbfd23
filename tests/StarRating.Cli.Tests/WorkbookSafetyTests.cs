using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace StarRating.Cli.Tests;

/// <summary>
/// The tool's output guarantees for the workbook formats: no output over a workbook input however spelt, batch into
/// its own folder with a portfolio workbook twice in a row, echoed file names escaped in every portfolio.
/// </summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class WorkbookSafetyTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    [Theory]
    [InlineData("audit.xlsx")]
    [InlineData("./audit.xlsx")]
    [InlineData("hard.xlsx")]
    [InlineData("link.xlsx")]
    public void No_command_writes_over_a_workbook_it_reads(string spelling)
    {
        using var folder = new TempFolder();
        CliRunner.Run("convert", Sample, "-o", folder.File("audit.xlsx")).ExitCode.Should().Be(0);
        File.CreateSymbolicLink(folder.File("link.xlsx"), folder.File("audit.xlsx"));
        ProcessRunner.Run("ln", [folder.File("audit.xlsx"), folder.File("hard.xlsx")]).Exit.Should().Be(0);
        var before = Hash(folder.File("audit.xlsx"));
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder.Path;
        try
        {
            foreach (var args in new[]
            {
                new[] { "score", "audit.xlsx", "-o", spelling },
                ["score", "audit.xlsx", "--format", "md", "-o", spelling],
                ["convert", "audit.xlsx", "-o", spelling],
                ["gap", "audit.xlsx", "--format", "json", "-o", spelling],
                ["diff", "audit.xlsx", Sample, "--format", "md", "-o", spelling],
                ["ncr", "audit.xlsx", "--format", "md", "-o", spelling],
            })
            {
                var run = CliRunner.Run(args);

                run.ExitCode.Should().Be(2, string.Join(' ', args) + "\n" + run.Error);
                run.Error.Should().Contain("error SR5002", string.Join(' ', args));
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Hash(folder.File("audit.xlsx")).Should().Be(before, "the workbook is never changed");
        new FileInfo(folder.File("link.xlsx")).LinkTarget.Should().NotBeNull("the link is still a link");
    }

    [Fact]
    public void Batch_with_a_portfolio_workbook_into_its_own_folder_runs_twice_without_reading_its_own_output()
    {
        using var folder = new TempFolder(("a.yaml", File.ReadAllText(Sample)));
        CliRunner.Run("convert", Path.Combine(RepoPaths.Root, "samples", "02-three-star-regional-retailer.yaml"), "-o", folder.File("b.xlsx")).ExitCode.Should().Be(0);
        var evidence = Hash(folder.File("b.xlsx"));

        var first = CliRunner.Run("batch", folder.Path, "-o", folder.Path, "--portfolio", "xlsx", "--reports", "json");
        var portfolio = File.ReadAllBytes(folder.File("portfolio.xlsx"));
        var second = CliRunner.Run("batch", folder.Path, "-o", folder.Path, "--portfolio", "xlsx", "--reports", "json");

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        second.Out.Should().Contain("2 audits: 2 scored", "neither portfolio.xlsx nor the JSON reports are read as audits");
        Hash(folder.File("b.xlsx")).Should().Be(evidence, "the evidence workbook is not replaced");
        File.ReadAllBytes(folder.File("portfolio.xlsx")).Should().Equal(portfolio, "the same audits give the same portfolio");
        Directory.GetFiles(folder.Path).Select(Path.GetFileName).Should().BeEquivalentTo(
            ["a.yaml", "b.xlsx", "a.json", "b.json", "portfolio.csv", "portfolio.json", "portfolio.xlsx"]);
    }

    [Fact]
    public void Batch_refuses_a_portfolio_workbook_over_an_evidence_workbook_of_that_name()
    {
        using var folder = new TempFolder();
        CliRunner.Run("convert", Sample, "-o", folder.File("portfolio.xlsx")).ExitCode.Should().Be(0);
        var before = Hash(folder.File("portfolio.xlsx"));

        var refused = CliRunner.Run("batch", folder.Path, "-o", folder.Path, "--portfolio", "xlsx", "--reports", "none");
        var scored = CliRunner.Run("batch", folder.Path, "--reports", "none");

        refused.ExitCode.Should().Be(2);
        refused.Error.Should().Contain("error SR5002");
        Hash(folder.File("portfolio.xlsx")).Should().Be(before);
        scored.ExitCode.Should().Be(0, "an evidence workbook named portfolio.xlsx is an audit like any other: " + scored.Error);
        scored.Out.Should().Contain("1 audit: 1 scored");
    }

    [Fact]
    public void Workbook_file_names_are_echoed_escaped_in_progress_lines_and_every_portfolio()
    {
        var evil = "x\u001b[2J\u202E.xlsx";
        using var folder = new TempFolder(("bad\u001b]0;t\u0007.xlsx", "not a workbook"));
        CliRunner.Run("convert", Sample, "-o", folder.File(evil)).ExitCode.Should().Be(0);

        var run = CliRunner.Run("batch", folder.Path, "--reports", "md", "--portfolio", "xlsx");

        run.ExitCode.Should().Be(2, "one workbook is not a workbook");
        var reports = Path.Combine(folder.Path, "reports");
        var everything = run.Out + run.Error
            + File.ReadAllText(Path.Combine(reports, "portfolio.csv"))
            + File.ReadAllText(Path.Combine(reports, "portfolio.json"))
            + SharedStrings(Path.Combine(reports, "portfolio.xlsx"));
        everything.Should().NotContainAny("\u001b", "\u0007", "\u202E");
        everything.Should().Contain("x\\u001B[2J\\u202E.xlsx").And.Contain("bad\\u001B]0;t\\u0007.xlsx");
        run.Error.Should().Contain("error SR6001");
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static string SharedStrings(string workbook)
    {
        using var zip = ZipFile.OpenRead(workbook);
        using var reader = new StreamReader(zip.GetEntry("xl/sharedStrings.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
