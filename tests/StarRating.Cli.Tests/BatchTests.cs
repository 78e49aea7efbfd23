using Newtonsoft.Json.Linq;

namespace StarRating.Cli.Tests;

public sealed class BatchTests
{
    private static readonly string EvidenceFolder = Path.Combine(RepoPaths.Root, "tests/StarRating.Engine.Tests/Golden/evidence");

    private static TempFolder FolderWith(params string[] evidenceFiles)
    {
        var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("in"));
        foreach (var file in evidenceFiles)
        {
            File.Copy(Path.Combine(EvidenceFolder, file), Path.Combine(temp.File("in"), file));
        }

        return temp;
    }

    [Fact]
    public void Scores_every_file_skips_the_bad_one_and_writes_the_portfolio()
    {
        using var temp = FolderWith("formal-complete.yaml", "many-problems.yaml", "mock-partial-assessment.yaml", "json-valid.json");
        File.WriteAllText(temp.File("in/notes.txt"), "not an audit");

        var run = CliRunner.Run("batch", temp.File("in"), "-o", temp.File("out"), "--reports", "none");

        run.ExitCode.Should().Be(ExitCodes.InvalidInput, "one file was invalid");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string In(string name) => "{tmp}" + temp.File("in/" + name)[Path.GetTempPath().TrimEnd('/').Length..];
        lines.Take(4).Should().Equal(
            $"[1/4] scored       {In("formal-complete.yaml")}  96.9 five-star",
            $"[2/4] scored       {In("json-valid.json")}  1.7 fail",
            $"[3/4] invalid      {In("many-problems.yaml")}  8 errors",
            $"[4/4] scored       {In("mock-partial-assessment.yaml")}  32.6 fail");
        lines[4].Should().Be("4 audits: 3 scored, 1 not scored (five-star 1, fail 2)");
        run.Error.Should().Contain("many-problems.yaml(5,32): error SR3007");

        var json = JObject.Parse(File.ReadAllText(temp.File("out/portfolio.json")));
        json["format"]!.Value<string>().Should().Be("starrating-portfolio/1");
        json["audits"]!.Select(a => (a["status"]!.Value<string>(), a["tier"]!.Value<string>())).Should().Equal(
            ("scored", "five-star"), ("scored", "fail"), ("invalid", null), ("scored", "fail"));
        json["audits"]![0]!["score"]!.ToString().Should().Be("96.9");
        json["counts"]!["scored"]!.Value<int>().Should().Be(3);

        var csv = File.ReadAllBytes(temp.File("out/portfolio.csv"));
        csv.Take(3).Should().Equal([0xEF, 0xBB, 0xBF], "spreadsheet programs need the BOM to read UTF-8 Chinese");
        var rows = System.Text.Encoding.UTF8.GetString(csv[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        rows[0].Should().Be("file,company,credit_code,kind,dates,score,tier,tier_label,stars,status,errors,warnings,report,rubric");
        rows.Should().HaveCount(5);
        rows[1].Should().Contain(",测试电器有限公司,,initial,2026-10-12 2026-10-13,96.9,five-star,五星级,5,scored,0,0,,gbt27922-2011@2026.1");
    }

    [Fact]
    public void A_folder_of_audits_on_two_rubrics_scores_each_on_the_rubric_it_names()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("in"));
        foreach (var sample in new[] { "02-three-star-regional-retailer.yaml", "07-brand-evaluation-department-store.yaml" })
        {
            File.Copy(Path.Combine(RepoPaths.Root, "samples", sample), temp.File("in/" + sample));
        }

        var run = CliRunner.Run("batch", temp.File("in"), "-o", temp.File("out"), "--reports", "html");
        var forced = CliRunner.Run("batch", temp.File("in"), "-o", temp.File("forced"), "--reports", "none", "--rubric", "gbt27925-2011");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Split('\n')[2].Should().Be("2 audits: 2 scored, 0 not scored (three-star 1 (gbt27922-2011), four-star 1 (gbt27925-2011))");
        var json = JObject.Parse(File.ReadAllText(temp.File("out/portfolio.json")));
        json["rubric"]!.Type.Should().Be(JTokenType.Null, "the folder mixes two rubrics");
        json["audits"]!.Select(a => (a["rubric"]!.Value<string>(), a["score"]!.ToString(), a["tier"]!.Value<string>())).Should().Equal(
            ("gbt27922-2011@2026.1", "85.2", "three-star"), ("gbt27925-2011@2026.1", "902.9", "four-star"));
        File.ReadAllText(temp.File("out/07-brand-evaluation-department-store.html")).Should().Contain("商业企业品牌评价报告").And.Contain("902.9");
        forced.ExitCode.Should().Be(ExitCodes.InvalidInput, "--rubric scores every file with that rubric");
        forced.Error.Should().Contain("error SR3001: the evidence is for rubric 'gbt27922-2011', but the rubric in use is 'gbt27925-2011'");
        JObject.Parse(File.ReadAllText(temp.File("forced/portfolio.json")))["rubric"]!["id"]!.Value<string>().Should().Be("gbt27925-2011");
    }

    [Fact]
    public void Progress_lines_say_the_status_in_the_message_language_and_keep_the_file_names_in_one_column()
    {
        using var temp = FolderWith("formal-complete.yaml", "many-problems.yaml");

        var run = CliRunner.RunWithLocale("zh_CN.UTF-8", "batch", temp.File("in"), "-o", temp.File("out"), "--reports", "none");

        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string In(string name) => "{tmp}" + temp.File("in/" + name)[Path.GetTempPath().TrimEnd('/').Length..];
        lines.Take(2).Should().Equal(
            $"[1/2] 已评分   {In("formal-complete.yaml")}  96.9 five-star",
            $"[2/2] 输入无效 {In("many-problems.yaml")}  8 个错误");
        var json = JObject.Parse(File.ReadAllText(temp.File("out/portfolio.json")));
        json["audits"]!.Select(a => a["status"]!.Value<string>()).Should().Equal(["scored", "invalid"], "the portfolio keeps its data words");
    }

    [Fact]
    public void Output_is_the_same_with_one_or_many_parallel_jobs()
    {
        using var temp = FolderWith("formal-complete.yaml", "mock-partial-assessment.yaml", "json-valid.json", "warnings-still-score.yaml");

        var serial = CliRunner.Run("batch", temp.File("in"), "-o", temp.File("serial"), "--reports", "none", "--jobs", "1");
        var parallel = CliRunner.Run("batch", temp.File("in"), "-o", temp.File("parallel"), "--reports", "none", "--jobs", "8");

        parallel.Out.Replace("parallel", "serial", StringComparison.Ordinal).Should().Be(serial.Out);
        File.ReadAllBytes(temp.File("parallel/portfolio.csv")).Should().Equal(File.ReadAllBytes(temp.File("serial/portfolio.csv")));
        File.ReadAllText(temp.File("parallel/portfolio.json")).Should().Be(File.ReadAllText(temp.File("serial/portfolio.json")));
    }

    [Fact]
    public void A_folder_without_evidence_or_a_missing_folder_is_a_clear_error()
    {
        using var temp = new TempFolder();

        var empty = CliRunner.Run("batch", temp.Path);
        var missing = CliRunner.Run("batch", temp.File("nope"));

        empty.ExitCode.Should().Be(ExitCodes.InvalidInput);
        empty.Error.Should().Contain("error SR5004: no evidence files (*.yaml, *.yml, *.json, *.xlsx) in this folder");
        missing.ExitCode.Should().Be(ExitCodes.InvalidInput);
        missing.Error.Should().Contain("error SR5005: folder not found");
        Directory.EnumerateFileSystemEntries(temp.Path).Should().BeEmpty("nothing is written when there is nothing to do");
    }

    [Fact]
    public void Csv_cells_that_look_like_formulas_are_neutralised()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("in"));
        File.WriteAllText(temp.File("in/a.yaml"), "company: { name: \"=HYPERLINK(\\\"http://x\\\",\\\"点我\\\")\" }\naudit: { kind: mock }\nfindings:\n  - { item: \"5.1.1.1\", result: conforming }\n");

        CliRunner.Run("batch", temp.File("in"), "-o", temp.File("out"), "--reports", "none").ExitCode.Should().Be(0);

        var csv = File.ReadAllText(temp.File("out/portfolio.csv"));
        csv.Should().Contain(",\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",");
    }
}
