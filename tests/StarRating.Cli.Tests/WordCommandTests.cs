using System.IO.Compression;
using System.Text;
using StarRating.Cli;

namespace StarRating.Cli.Tests;

/// <summary>score/gap/diff --format docx, ncr, --reference-doc and the formats inferred from -o.</summary>
public sealed class WordCommandTests
{
    private const string Sample = "{root}/samples/01-five-star-appliance-maker.yaml";
    private const string Surveillance = "{root}/samples/05-appliance-maker-surveillance-2027.yaml";
    private const string Formal = "{root}/tests/StarRating.Engine.Tests/Golden/evidence/formal-complete.yaml";

    [Fact]
    public void Score_writes_a_word_report_when_the_output_ends_in_docx()
    {
        using var temp = new TempFolder();
        var target = temp.File("report.docx");

        var run = CliRunner.Run("score", Sample, "-o", target);

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().BeEmpty();
        Part(target, "word/document.xml").Should().Contain("浙江栖溪厨卫电器股份有限公司").And.Contain("97.8").And.Contain("不符合项报告 NC-2026-01");
        Directory.GetFiles(temp.Path).Should().ContainSingle("no temporary file is left behind");
    }

    [Fact]
    public void Ncr_writes_the_forms_as_word_html_or_markdown_from_the_output_name()
    {
        using var temp = new TempFolder();

        CliRunner.Run("ncr", Sample, "-o", temp.File("ncr.docx")).ExitCode.Should().Be(0);
        CliRunner.Run("ncr", Sample, "-o", temp.File("ncr.html")).ExitCode.Should().Be(0);
        CliRunner.Run("ncr", Sample, "--format", "md", "-o", temp.File("ncr.txt")).ExitCode.Should().Be(0);

        // Sample 01's six forms carry the numbers of their nc: records, the same in every format.
        static string[] Titles(string text) => System.Text.RegularExpressions.Regex.Matches(text, "不符合项报告 (NC-[0-9-]+)")
            .Select(m => m.Groups[1].Value).Distinct().ToArray();
        var word = Titles(Part(temp.File("ncr.docx"), "word/document.xml"));
        word.Should().HaveCount(6).And.Contain("NC-2026-01").And.NotContain("NC-07");
        File.ReadAllText(temp.File("ncr.html")).Should().StartWith("<!DOCTYPE html>");
        Titles(File.ReadAllText(temp.File("ncr.html"))).Should().Equal(word);
        File.ReadAllText(temp.File("ncr.txt")).Should().StartWith("# 不符合项报告");
        Titles(File.ReadAllText(temp.File("ncr.txt"))).Should().Equal(word);
    }

    [Fact]
    public void Gap_and_diff_write_word_documents()
    {
        using var temp = new TempFolder();

        var gap = CliRunner.Run("gap", Formal, "--format", "docx", "-o", temp.File("gap.docx"), "--lang", "en");
        var diff = CliRunner.Run("diff", Sample, Surveillance, "-o", temp.File("diff.docx"));

        gap.ExitCode.Should().Be(0, gap.Error);
        diff.ExitCode.Should().Be(0, diff.Error);
        Part(temp.File("gap.docx"), "word/document.xml").Should().Contain("Star Rating Gap Analysis");
        Part(temp.File("diff.docx"), "word/document.xml").Should().Contain("审核结果对比报告");
    }

    [Fact]
    public void A_reference_document_gives_its_header_to_the_report()
    {
        using var temp = new TempFolder();
        // Any Word file can be a reference document: here, a report of another company, whose header names it.
        CliRunner.Run("score", Sample, "-o", temp.File("letterhead.docx")).ExitCode.Should().Be(0);

        var run = CliRunner.Run("score", Formal, "--reference-doc", temp.File("letterhead.docx"), "-o", temp.File("report.docx"));

        run.ExitCode.Should().Be(0, run.Error);
        Part(temp.File("report.docx"), "word/header1.xml").Should().Contain("浙江栖溪厨卫电器股份有限公司");
        Part(temp.File("report.docx"), "word/document.xml").Should().Contain("测试电器有限公司").And.NotContain("浙江栖溪厨卫电器股份有限公司");
    }

    [Fact]
    public void The_output_may_not_overwrite_the_reference_document()
    {
        using var temp = new TempFolder();
        CliRunner.Run("score", Sample, "-o", temp.File("letterhead.docx")).ExitCode.Should().Be(0);
        var before = File.ReadAllBytes(temp.File("letterhead.docx"));

        var run = CliRunner.Run("ncr", Formal, "--reference-doc", temp.File("letterhead.docx"), "-o", temp.File("letterhead.docx"));

        run.ExitCode.Should().Be(ExitCodes.InvalidInput);
        run.Error.Should().Contain("SR5002");
        File.ReadAllBytes(temp.File("letterhead.docx")).Should().Equal(before);
    }

    [Fact]
    public void The_same_command_writes_the_same_bytes()
    {
        using var temp = new TempFolder();

        CliRunner.Run("score", Sample, "-o", temp.File("a.docx")).ExitCode.Should().Be(0);
        CliRunner.Run("score", Sample, "-o", temp.File("b.docx")).ExitCode.Should().Be(0);

        File.ReadAllBytes(temp.File("a.docx")).Should().Equal(File.ReadAllBytes(temp.File("b.docx")));
    }

    private static string Part(string docx, string name)
    {
        using var zip = ZipFile.OpenRead(docx);
        using var reader = new StreamReader(zip.GetEntry(name)!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }
}
