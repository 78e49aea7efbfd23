using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Tests;

/// <summary>--consensus on score and gap, and merge's exit codes; the outputs themselves are golden cases (merge-*, agreement-*).</summary>
public sealed class TeamCommandTests
{
    /// <summary>A mock team audit with two unresolved findings (5.1.1.2: C C N, 5.1.2.2: C P N; the lead 王敏 says C to both).</summary>
    private static readonly string MockTeam = Path.Combine(RepoPaths.Root, "tests", "StarRating.Cli.Tests", "Golden", "team", "audits", "2026-031-mock.yaml");

    [Theory]
    // Earned: 5.1.1.1 conforming (2) + 5.1.2.1 nonconforming (0) + the two unresolved items; the rest not assessed, of 100.
    [InlineData("lowest", "2.0")]   // 0 + 0
    [InlineData("median", "4.5")]   // 5.1.1.2: N C C → C (1.5); 5.1.2.2: N P C → P (1)
    [InlineData("lead", "5.0")]     // 1.5 + 1.5
    public void Score_applies_the_consensus_rule_and_says_so(string rule, string score)
    {
        var run = CliRunner.Run("score", MockTeam, "--consensus", rule, "--lang", "en");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain($"Score {score} / 100");
        run.Out.Should().Contain($"(--consensus {rule}): 5.1.1.2, 5.1.2.2");
    }

    [Fact]
    public void Consensus_takes_only_the_three_rules()
    {
        var run = CliRunner.Run("score", MockTeam, "--consensus", "highest");

        run.ExitCode.Should().Be(2);
    }

    [Fact]
    public void Gap_takes_the_rule_too()
    {
        CliRunner.Run("gap", MockTeam, "--consensus", "lead", "--lang", "en").Out.Should().Contain("5.0");
    }

    [Fact]
    public void Coverage_and_agreement_take_every_word_from_the_vocabulary()
    {
        var pseudo = new Wording(Language.Parse(Vocabulary.PseudoLanguageTag));
        var folder = Path.Combine(RepoPaths.Root, "samples", "01-team");
        var inputs = Directory.GetFiles(folder, "*.yaml").Order(StringComparer.Ordinal).Select(f => new EvidenceLoader().LoadFile(f).GetValueOrThrow()).ToArray();
        var merged = TeamMerge.Merge(inputs, Rubric.Default, poolSamples: false).GetValueOrThrow();
        var agreement = TeamAgreement.Of([merged.Evidence], Rubric.Default);
        var data = ReportData.Of(Rubric.Default)
            .Concat(inputs.Select(i => Path.GetFileName(i.SourceName)))
            .Concat(merged.Evidence.Audit.Team.Select(m => m.Name))
            .Append(merged.Evidence.Company.Name)
            .ToArray();

        PseudoText.Leftovers(TeamText.Coverage(merged, pseudo), data, html: false).Should().BeEmpty("the coverage summary");
        PseudoText.Leftovers(TeamText.Agreement(agreement, pseudo, folder: true), data.Append("team"), html: false).Should().BeEmpty("the agreement tables");
    }

    [Fact]
    public void Merge_writes_the_team_file_which_the_lead_must_resolve_before_scoring()
    {
        using var temp = new TempFolder();
        var output = Path.Combine(temp.Path, "team.yaml");
        var inputs = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "01-team"), "*.yaml").Order(StringComparer.Ordinal).ToArray();

        var merge = CliRunner.Run(["merge", .. inputs, "--pool-samples", "-o", output, "--lang", "en"]);

        merge.ExitCode.Should().Be(0, merge.Error);
        merge.Error.Should().Contain("wrote ").And.EndWith("team.yaml\n");
        File.Exists(output).Should().BeTrue();
        var validate = CliRunner.Run("validate", output, "--lang", "en");
        validate.ExitCode.Should().Be(2);
        validate.Error.Should().Contain("team.yaml(").And.Contain("error SR3152: the 2 assessments of item 5.1.2.2 disagree");
    }

    [Fact]
    public void Merge_writes_a_team_workbook_that_reads_back_as_the_team_file()
    {
        var inputs = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "01-team"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        using var temp = new TempFolder();
        var yaml = Path.Combine(temp.Path, "team.yaml");
        var xlsx = Path.Combine(temp.Path, "team.xlsx");

        CliRunner.Run(["merge", .. inputs, "--pool-samples", "-o", yaml, "--lang", "en"]).ExitCode.Should().Be(0);
        var workbook = CliRunner.Run(["merge", .. inputs, "--pool-samples", "-o", xlsx, "--lang", "en"]);

        workbook.ExitCode.Should().Be(0, workbook.Error);
        workbook.Error.Should().NotContain("SR5302", "the workbook holds by, assessments and every other record");
        var back = CliRunner.Run("convert", xlsx, "-o", Path.Combine(temp.Path, "back.yaml"));
        back.ExitCode.Should().Be(0, back.Error);
        File.ReadAllText(Path.Combine(temp.Path, "back.yaml")).Should().Be(File.ReadAllText(yaml), "merge → xlsx → yaml gives the team file merge writes as YAML");
        // Validating the workbook finds the same unresolved finding, located at the result cell the lead fills to resolve it.
        var validate = CliRunner.Run("validate", xlsx, "--lang", "en");
        validate.ExitCode.Should().Be(2);
        validate.Error.Should().Contain("team.xlsx('Check items'!H12): error SR3152: the 2 assessments of item 5.1.2.2 disagree");
    }

    [Fact]
    public void Merge_refuses_another_output_format_and_an_input_as_output()
    {
        var inputs = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "01-team"), "*.yaml").Order(StringComparer.Ordinal).ToArray();
        using var temp = new TempFolder();

        var report = CliRunner.Run(["merge", .. inputs, "-o", Path.Combine(temp.Path, "team.md"), "--lang", "en"]);
        report.ExitCode.Should().Be(2);
        report.Error.Should().Contain("SR5600");
        File.Exists(Path.Combine(temp.Path, "team.md")).Should().BeFalse();

        var overwrite = CliRunner.Run(["merge", .. inputs, "-o", inputs[0], "--lang", "en"]);
        overwrite.ExitCode.Should().Be(2);
        overwrite.Error.Should().Contain("SR5002");
    }
}
