using System.Text;
using StarRating.Cli;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Tests;

public sealed class CommandTests
{
    private const string Evidence = "{root}/tests/StarRating.Engine.Tests/Golden/evidence/";

    [Fact]
    public void Version_prints_the_package_version()
    {
        var run = CliRunner.Run("--version");

        run.ExitCode.Should().Be(0);
        run.Out.Trim().Should().Be(typeof(StarRatingCli).Assembly.GetName().Version!.ToString(3));
    }

    [Fact]
    public void Score_writes_the_output_file_atomically_and_reports_it()
    {
        using var temp = new TempFolder();
        var target = temp.File("result.txt");

        var run = CliRunner.Run("score", Evidence + "formal-complete.yaml", "-o", target);

        run.ExitCode.Should().Be(0);
        run.Out.Should().BeEmpty();
        run.Error.Should().Be("wrote {tmp}" + target[Path.GetTempPath().TrimEnd('/').Length..] + "\n");
        File.ReadAllText(target).Should().StartWith("测试电器有限公司\n");
        Directory.GetFiles(temp.Path).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void A_failed_run_writes_nothing_and_leaves_an_existing_file_alone()
    {
        using var temp = new TempFolder();
        var target = temp.File("result.txt");
        File.WriteAllText(target, "previous report");

        var run = CliRunner.Run("score", Evidence + "many-problems.yaml", "-o", target);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        File.ReadAllText(target).Should().Be("previous report");
        Directory.GetFiles(temp.Path).Should().ContainSingle();
    }

    [Fact]
    public void Output_path_that_is_the_input_is_refused_and_the_input_is_untouched()
    {
        using var temp = new TempFolder();
        var input = temp.File("audit.yaml");
        File.Copy(Path.Combine(RepoPaths.Root, "tests/StarRating.Engine.Tests/Golden/evidence/formal-complete.yaml"), input);
        var before = File.ReadAllBytes(input);

        var run = CliRunner.Run("score", input, "-o", Path.Combine(temp.Path, ".", "audit.yaml"));

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("error SR5002: the output path is also an input file");
        File.ReadAllBytes(input).Should().Equal(before);
    }

    [Fact]
    public void Output_into_a_missing_folder_is_a_clear_error()
    {
        using var temp = new TempFolder();

        var run = CliRunner.Run("score", Evidence + "formal-complete.yaml", "-o", temp.File("no/such/folder/r.txt"));

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("error SR5001: cannot write the output file: the folder").And.Contain("does not exist");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty();
    }

    [Fact]
    public void An_io_failure_before_the_rename_keeps_the_previous_file_and_removes_the_temporary_one()
    {
        using var temp = new TempFolder();
        var target = temp.File("report.txt");
        File.WriteAllText(target, "previous");
        var writer = new AtomicFile(beforeRename: _ => throw new IOException("disk full (simulated)"));

        var failure = writer.Write(target, "new content");

        failure!.Code.Should().Be("SR5001");
        failure.Message.Should().Contain("an input/output error").And.NotContain("simulated").And.NotContain(".tmp");

        File.ReadAllText(target).Should().Be("previous");
        Directory.GetFiles(temp.Path).Should().Equal(target);
    }

    [Fact]
    public void Score_as_text_still_checks_a_templates_folder_it_does_not_need()
    {
        // --format text skips the report templates (faster start-up) but must not start ignoring a bad --templates.
        using var temp = new TempFolder();
        var missing = Path.Combine(temp.Path, "no-such-folder");

        var run = CliRunner.Run("score", Evidence + "formal-complete.yaml", "--templates", missing);

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("SR5005");
    }

    [Fact]
    public void Score_as_text_prints_the_same_summary_with_or_without_a_templates_folder()
    {
        using var temp = new TempFolder();
        File.WriteAllText(Path.Combine(temp.Path, "report.md.sbn"), "custom {{ score.value }}\n");

        var plain = CliRunner.Run("score", Evidence + "formal-complete.yaml");
        var withTemplates = CliRunner.Run("score", Evidence + "formal-complete.yaml", "--templates", temp.Path);

        plain.ExitCode.Should().Be(0);
        withTemplates.ExitCode.Should().Be(0);
        withTemplates.Out.Should().Be(plain.Out);
    }

    [Fact]
    public void Checklist_is_a_blank_evidence_file_that_scores_once_filled_in()
    {
        using var temp = new TempFolder();
        var checklist = temp.File("checklist.yaml");
        CliRunner.Run("checklist", "-o", checklist).ExitCode.Should().Be(0);

        var blank = AuditEngine.Default.ScoreFile(checklist);
        blank.Errors.Select(e => e.Code).Distinct().Should().BeEquivalentTo(["SR1108", "SR3006"], "only the blanks to fill in are reported");
        blank.Errors.Count(e => e.Code == "SR3006").Should().Be(Rubric.Default.Items.Count);

        var filled = File.ReadAllText(checklist)
            .Replace("  name: \"\"", "  name: 填写后的公司", StringComparison.Ordinal)
            .Replace("{ name: \"\", role: lead }", "{ name: 王敏, role: lead }", StringComparison.Ordinal)
            .Replace("    result:\n", "    result: conforming\n", StringComparison.Ordinal);
        File.WriteAllText(checklist, filled);
        var scored = AuditEngine.Default.ScoreFile(checklist).GetValueOrThrow();
        scored.Score.Should().Be(100.0m);
        scored.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Checklist_lists_every_item_and_every_document()
    {
        var run = CliRunner.Run("checklist");

        foreach (var item in Rubric.Default.Items)
        {
            run.Out.Should().Contain($"- item: \"{item.Id}\"").And.Contain(item.Requirement.Zh);
            foreach (var document in item.Documents)
            {
                run.Out.Should().Contain("#   - " + document.Zh);
            }
        }
    }

    [Fact]
    public void Rubric_export_writes_the_built_in_rubric_byte_for_byte()
    {
        using var temp = new TempFolder();
        var target = temp.File("my-rubric.yaml");

        CliRunner.Run("rubric", "export", "-o", target).ExitCode.Should().Be(0);

        File.ReadAllBytes(target).Should().Equal(RubricLoader.DefaultRubricBytes());
        CliRunner.Run("validate", target).ExitCode.Should().Be(0);
    }

    [Fact]
    public void Validate_does_not_modify_its_inputs()
    {
        var files = new[] { "formal-complete.yaml", "many-problems.yaml", "structure-errors.yaml" }
            .Select(f => Path.Combine(RepoPaths.Root, "tests/StarRating.Engine.Tests/Golden/evidence", f)).ToArray();
        var before = files.Select(File.ReadAllBytes).ToArray();
        var stamps = files.Select(File.GetLastWriteTimeUtc).ToArray();

        CliRunner.Run(["validate", .. files]).ExitCode.Should().Be(ExitCodes.InvalidInput);

        files.Select(File.ReadAllBytes).Should().BeEquivalentTo(before, o => o.WithStrictOrdering());
        files.Select(File.GetLastWriteTimeUtc).Should().Equal(stamps);
    }

    [Fact]
    public void Display_width_counts_cjk_as_two_columns()
    {
        TextTable.Width("abc").Should().Be(3);
        TextTable.Width("售后服务").Should().Be(8);
        TextTable.Width("5.1 组织架构").Should().Be(12);
        TextTable.Width("\uFF08全角\uFF09").Should().Be(8, "full-width brackets are wide too");
    }
}
