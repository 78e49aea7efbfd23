using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>A portfolio workbook is recognised as one (batch never reads it back as an audit), and nothing else is.</summary>
public sealed class PortfolioTests
{
    [Fact]
    public void Only_a_portfolio_workbook_is_recognised_as_one()
    {
        using var folder = new TempFolder(("text.xlsx", "not a workbook"));
        File.WriteAllBytes(folder.File("portfolio.xlsx"), PortfolioWorkbook.Write(Rubric.Default, [new PortfolioEntry { File = "a.yaml", Status = "scored", Score = 97.8m, Tier = Rubric.Default.Tiers[^1] }]));
        File.WriteAllBytes(folder.File("renamed.xlsx"), File.ReadAllBytes(folder.File("portfolio.xlsx")));
        File.WriteAllBytes(folder.File("checklist.xlsx"), AuditWorkbook.Checklist(Rubric.Default));
        var evidence = Audits.Evidence(Audits.Files().First(f => f.StartsWith("samples", StringComparison.Ordinal)));
        File.WriteAllBytes(folder.File("scored.xlsx"), AuditWorkbook.Scored(AuditEngine.Default.Score(evidence).GetValueOrThrow()).Content);

        PortfolioWorkbook.IsPortfolio(folder.File("portfolio.xlsx")).Should().BeTrue();
        PortfolioWorkbook.IsPortfolio(folder.File("renamed.xlsx")).Should().BeTrue("it is recognised by its content, not its name");
        PortfolioWorkbook.IsPortfolio(folder.File("checklist.xlsx")).Should().BeFalse();
        PortfolioWorkbook.IsPortfolio(folder.File("scored.xlsx")).Should().BeFalse("a scored workbook reads back as evidence");
        PortfolioWorkbook.IsPortfolio(folder.File("text.xlsx")).Should().BeFalse();
        PortfolioWorkbook.IsPortfolio(folder.File("missing.xlsx")).Should().BeFalse();
        PortfolioWorkbook.IsPortfolio(folder.Path).Should().BeFalse();
    }

    [Fact]
    public async Task A_pipe_named_like_a_workbook_is_not_opened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var folder = new TempFolder();
        ProcessRunner.Run("mkfifo", [folder.File("pipe.xlsx")]).Exit.Should().Be(0);

        var probe = Task.Run(() => PortfolioWorkbook.IsPortfolio(folder.File("pipe.xlsx")));

        var finished = await Task.WhenAny(probe, Task.Delay(TimeSpan.FromSeconds(30))) == probe;
        if (!finished)
        {
            // Release the blocked probe before failing.
            await File.WriteAllTextAsync(folder.File("pipe.xlsx"), "x");
        }

        finished.Should().BeTrue("opening a pipe would wait for a writer");
        (await probe).Should().BeFalse();
    }
}
