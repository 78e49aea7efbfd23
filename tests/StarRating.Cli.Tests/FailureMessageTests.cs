using System.Text.RegularExpressions;

namespace StarRating.Cli.Tests;

/// <summary>
/// Every failure path of the tool, run under UseSystemResourceKeys as the shipped tool is (this test project sets
/// it): what reaches the user is always our own message and code, never a .NET resource key, type or exception name,
/// nor the name of a temporary file.
/// </summary>
public sealed partial class FailureMessageTests
{
    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    [Fact]
    public void The_test_host_runs_with_resource_keys_like_the_tool()
    {
        AppContext.TryGetSwitch("System.Resources.UseSystemResourceKeys", out var on).Should().BeTrue();
        on.Should().BeTrue();
    }

    public static TheoryData<string, string[]> FailurePaths()
    {
        var data = new TheoryData<string, string[]>();
        void Add(string name, params string[] args) => data.Add(name, args);
        Add("empty -o", "score", Sample, "-o", "");
        Add("blank -o", "score", Sample, "-o", "  ");
        Add("-o into a missing folder", "score", Sample, "-o", "/nonexistent-folder/x.md");
        Add("-o a folder", "score", Sample, "-o", "/tmp");
        Add("-o unwritable", "score", Sample, "-o", "/proc/version");
        Add("-o in a read-only place", "score", Sample, "-o", "/proc/starrating.md");
        Add("--jobs abc", "batch", Path.Combine(RepoPaths.Root, "samples"), "--jobs", "abc", "--reports", "none", "-o", "{out}");
        Add("--jobs 0", "batch", Path.Combine(RepoPaths.Root, "samples"), "--jobs", "0");
        Add("unknown option", "score", Sample, "--nope");
        Add("bad --format", "score", Sample, "--format", "rtf");
        Add("docx to the terminal", "score", Sample, "--format", "docx");
        Add("pdf to the terminal", "ncr", Sample, "--format", "pdf");
        Add("-o names a format the command cannot write", "gap", Sample, "-o", "{out}.pdf");
        Add("reference doc missing", "score", Sample, "--reference-doc", "/nonexistent.docx", "-o", "{out}.docx");
        Add("reference doc is a folder", "ncr", Sample, "--reference-doc", "/tmp", "-o", "{out}.docx");
        Add("reference doc unreadable", "ncr", Sample, "--reference-doc", "/proc/self/mem", "-o", "{out}.docx");
        Add("reference doc not a zip", "diff", Sample, Sample, "--reference-doc", Sample, "-o", "{out}.docx");
        Add("reference doc a damaged zip", "gap", Sample, "--reference-doc", "{damaged-docx}", "-o", "{out}.docx");
        Add("workbook is a folder", "score", "{folder-xlsx}");
        Add("workbook not a zip", "validate", "{text-xlsx}");
        Add("workbook a damaged zip", "gap", "{damaged-xlsx}");
        Add("workbook unreadable", "convert", "{mem-xlsx}", "-o", "{out}.yaml");
        Add("workbook to the terminal", "checklist", "--format", "xlsx");
        Add("convert to an unknown extension", "convert", Sample, "-o", "{out}.txt");
        Add("convert into a missing folder", "convert", Sample, "-o", "/nonexistent-folder/x.xlsx");
        Add("-o names a workbook gap cannot write", "gap", Sample, "-o", "{out}.xlsx");
        Add("missing argument", "score");
        Add("missing evidence", "score", "/nonexistent.yaml");
        Add("evidence is a folder", "score", "/tmp");
        Add("rubric is a folder", "score", Sample, "-r", "/tmp");
        Add("unreadable evidence", "score", "/proc/self/mem");
        Add("templates missing", "score", Sample, "--templates", "/nonexistent", "-f", "md");
        Add("templates is a file", "score", Sample, "--templates", Sample, "-f", "md");
        Add("batch on a file", "batch", Sample);
        Add("batch on nothing", "batch", "/nonexistent");
        Add("unknown tier", "score", Sample, "--fail-below", "six-star");
        Add("unclosed brace", "validate", "{unclosed-brace}");
        Add("unclosed bracket", "validate", "{unclosed-bracket}");
        Add("truncated json", "validate", "{truncated-json}");
        return data;
    }

    [Theory]
    [MemberData(nameof(FailurePaths))]
    public void No_failure_shows_a_resource_key_or_a_type_name(string what, string[] args)
    {
        using var folder = new TempFolder(
            ("brace.yaml", "company: { name: X\naudit: { kind: mock }\nfindings: []\n"),
            ("bracket.yaml", "company: { name: X }\naudit: { kind: mock }\nfindings: [\n  { item: \"5.1.1.1\", result: conforming }\n"),
            ("cut.json", "{\"company\": {\"name\": \"X\"}, \"audit\": {\"kind\": \"mock\", \"dates\": ["),
            ("damaged.docx", "PK\u0003\u0004 not really a zip"),
            ("text.xlsx", "company: { name: X }\n"),
            ("damaged.xlsx", "PK\u0003\u0004 not really a zip"));
        Directory.CreateDirectory(folder.File("folder.xlsx"));
        File.CreateSymbolicLink(folder.File("mem.xlsx"), "/proc/self/mem");
        var expanded = args.Select(a => a
            .Replace("{unclosed-brace}", folder.File("brace.yaml"), StringComparison.Ordinal)
            .Replace("{unclosed-bracket}", folder.File("bracket.yaml"), StringComparison.Ordinal)
            .Replace("{truncated-json}", folder.File("cut.json"), StringComparison.Ordinal)
            .Replace("{damaged-docx}", folder.File("damaged.docx"), StringComparison.Ordinal)
            .Replace("{folder-xlsx}", folder.File("folder.xlsx"), StringComparison.Ordinal)
            .Replace("{text-xlsx}", folder.File("text.xlsx"), StringComparison.Ordinal)
            .Replace("{damaged-xlsx}", folder.File("damaged.xlsx"), StringComparison.Ordinal)
            .Replace("{mem-xlsx}", folder.File("mem.xlsx"), StringComparison.Ordinal)
            .Replace("{out}", folder.File("out"), StringComparison.Ordinal)).ToArray();

        var run = CliRunner.Run(expanded);

        run.ExitCode.Should().Be(2, $"{what} is invalid input, not a crash: {run.Error}");
        run.Error.Should().NotBeEmpty();
        ResourceKey().Matches(run.Error).Select(m => m.Value).Should().BeEmpty(what + ": " + run.Error);
        TypeName().Matches(run.Error).Select(m => m.Value).Should().BeEmpty(what + ": " + run.Error);
        run.Error.Should().NotContain(".tmp", what).And.NotContain("   at ", what);
    }

    [Theory]
    [InlineData("en", "starrating: unexpected failure:")]
    [InlineData("zh", "starrating：意外失败：")]
    public async Task An_unexpected_failure_is_one_plain_sentence_without_the_exception(string language, string start)
    {
        var writer = new ThrowingWriter();
        var error = new StringWriter();

        var code = await StarRatingCli.RunAsync(["rubric", "show"], writer, error, messages: Rules.Language.Parse(language));

        code.Should().Be(1);
        error.ToString().Should().StartWith(start).And.NotContain("Exception").And.NotContain("IO_");
        TypeName().IsMatch(error.ToString()).Should().BeFalse();
    }

    /// <summary>Resource keys look like Arg_InvalidOperationException or IO_FileNotFound_FileName.</summary>
    [GeneratedRegex(@"\b[A-Z][A-Za-z0-9]*_[A-Za-z0-9_]+\b")]
    private static partial Regex ResourceKey();

    [GeneratedRegex(@"\bSystem\.[A-Z][A-Za-z.`\[\]0-9]+|\b[A-Z][A-Za-z]*Exception\b|Nullable`1")]
    private static partial Regex TypeName();

    private sealed class ThrowingWriter : StringWriter
    {
        public override void Write(string? value) => throw new InvalidOperationException("boom");
    }
}
