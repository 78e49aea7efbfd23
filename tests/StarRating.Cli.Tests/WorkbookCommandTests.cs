using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook;

namespace StarRating.Cli.Tests;

/// <summary>The workbook through the tool: checklist, convert both ways, score and validate a workbook, the scored workbook, the portfolio.</summary>
public sealed class WorkbookCommandTests
{
    private const string Sample = "{root}/samples/02-three-star-regional-retailer.yaml";

    [Fact]
    public void Checklist_writes_the_workbook_when_asked_or_when_the_output_is_xlsx()
    {
        using var temp = new TempFolder();

        CliRunner.Run("checklist", "--format", "xlsx", "-o", temp.File("a.xlsx")).ExitCode.Should().Be(0);
        CliRunner.Run("checklist", "-l", "en", "-o", temp.File("b.xlsx")).ExitCode.Should().Be(0);
        CliRunner.Run("checklist", "-o", temp.File("c.yaml")).ExitCode.Should().Be(0);

        File.ReadAllBytes(temp.File("a.xlsx")).Should().Equal(AuditWorkbook.Checklist(Rubric.Default));
        File.ReadAllBytes(temp.File("b.xlsx")).Should().Equal(AuditWorkbook.Checklist(Rubric.Default, Language.English));
        File.ReadAllText(temp.File("c.yaml")).Should().StartWith("# ");
        var run = CliRunner.Run("validate", temp.File("a.xlsx"));
        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("a.xlsx(审核信息!C7): error SR1102: missing required key 'name' in company");
    }

    [Fact]
    public void A_workbook_needs_an_output_file()
    {
        var run = CliRunner.Run("checklist", "--format", "xlsx");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty("binary output never goes to the terminal");
        run.Error.Should().Contain("error SR5402");
    }

    [Fact]
    public void Convert_goes_yaml_to_xlsx_to_json_to_yaml_and_every_format_scores_the_same()
    {
        using var temp = new TempFolder();
        CliRunner.Run("convert", Sample, "-o", temp.File("audit.xlsx")).ExitCode.Should().Be(0);
        CliRunner.Run("convert", temp.File("audit.xlsx"), "-o", temp.File("audit.json")).ExitCode.Should().Be(0);
        CliRunner.Run("convert", temp.File("audit.json"), "-o", temp.File("audit.yaml")).ExitCode.Should().Be(0);

        var expected = CliRunner.Run("score", Sample).Out;
        foreach (var file in new[] { "audit.xlsx", "audit.json", "audit.yaml" })
        {
            var run = CliRunner.Run("score", temp.File(file));
            run.ExitCode.Should().Be(0, run.Error);
            run.Out.Should().Be(expected, $"{file} holds the same audit");
        }

        CliRunner.Run("gap", temp.File("audit.xlsx")).Out.Should().Be(CliRunner.Run("gap", Sample).Out);
        CliRunner.Run("diff", Sample, temp.File("audit.xlsx")).ExitCode.Should().Be(0);
        CliRunner.Run("validate", temp.File("audit.xlsx")).Out.Should().Contain("ok (evidence workbook, score 85.2 three-star");
    }

    [Fact]
    public void Convert_refuses_unknown_extensions_and_invalid_input_and_never_its_input()
    {
        using var temp = new TempFolder();

        CliRunner.Run("convert", Sample, "-o", temp.File("audit.txt")).Error.Should().Contain("error SR5300");
        CliRunner.Run("convert", "{root}/tests/StarRating.Engine.Tests/Golden/evidence/structure-errors.yaml", "-o", temp.File("x.xlsx")).ExitCode.Should().Be(ExitCodes.InvalidInput);
        File.Exists(temp.File("x.xlsx")).Should().BeFalse();
        CliRunner.Run("convert", Sample, "-o", Sample).Error.Should().Contain("SR5002");
    }

    [Fact]
    public void Score_writes_the_scored_workbook_which_reads_back_as_its_evidence()
    {
        using var temp = new TempFolder();
        var target = temp.File("scored.xlsx");

        var run = CliRunner.Run("score", Sample, "--format", "xlsx", "-o", target);

        run.ExitCode.Should().Be(0, run.Error);
        var reread = AuditEngine.Default.Score(new WorkbookReader(Rubric.Default).ReadFile(target)).GetValueOrThrow();
        reread.Score.Should().Be(85.2m);
        CliRunner.Run("score", Sample, "--format", "xlsx").Error.Should().Contain("SR5402");
    }

    [Fact]
    public void Batch_scores_workbooks_and_writes_the_portfolio_workbook()
    {
        using var temp = new TempFolder();
        File.Copy(Sample.Replace("{root}", RepoPaths.Root, StringComparison.Ordinal), temp.File("a.yaml"));
        CliRunner.Run("convert", "{root}/samples/01-five-star-appliance-maker.yaml", "-o", temp.File("b.xlsx")).ExitCode.Should().Be(0);

        var run = CliRunner.Run("batch", temp.Path, "--reports", "none", "--portfolio", "xlsx");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("2 audits: 2 scored");
        var portfolio = File.ReadAllBytes(Path.Combine(temp.Path, "reports", "portfolio.xlsx"));
        portfolio.Length.Should().BeGreaterThan(2000);
        File.ReadAllText(Path.Combine(temp.Path, "reports", "portfolio.csv")).Should().Contain("b.xlsx").And.Contain("97.8");
    }
}
