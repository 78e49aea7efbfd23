using System.Text;

namespace StarRating.Cli.Tests;

/// <summary>The tool under hostile and careless use: files, names, paths and options a reviewer would try.</summary>
[Collection(CurrentDirectoryCollection.Name)]
public sealed class HostileCliTests
{
    private const string Mock = "company: { name: 某公司 }\naudit: { kind: mock, dates: [2026-01-01], team: [{ name: 王敏, role: lead }] }\n";

    // ---- 5. text outside the Basic Multilingual Plane ----

    [Fact]
    public void Names_and_notes_outside_the_basic_plane_score_and_line_up()
    {
        var note = string.Concat(Enumerable.Repeat("😀𠮷", 40));
        using var folder = new TempFolder(("a.yaml", "company: { name: 𠮷野家 😀 }\naudit: { kind: mock, team: [{ name: 𠀀𠮷, role: lead }] }\nfindings:\n"
            + $"  - {{ item: \"5.1.1.1\", result: nonconforming, note: \"{note}\" }}\n  - {{ item: \"5.1.1.2\", result: partial, points: 1, note: \"👨‍👩‍👧 x\" }}\n"));

        var run = CliRunner.Run("score", folder.File("a.yaml"));

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("𠮷野家 😀").And.Contain("审核组长 𠀀𠮷");
        var rows = run.Out.Split('\n').Where(l => l.StartsWith("  ", StringComparison.Ordinal) && l.Contains(" 5.1.1.", StringComparison.Ordinal)).ToArray();
        rows.Should().HaveCount(2);
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(run.Out)).Should().Be(run.Out, "no surrogate pair is split");
        var widths = rows.Select(r => Rules.Text.DisplayText.Width(r[..r.IndexOf("5.1.1.", StringComparison.Ordinal)])).Distinct();
        widths.Should().ContainSingle("the item column starts at the same terminal column on every row");

        // The finding is shown whole, wrapped between whole characters under its own column.
        var lines = run.Out.Split('\n');
        var first = Array.IndexOf(lines, rows[0]);
        var column = Rules.Text.DisplayText.Width(rows[0][..rows[0].IndexOf("😀", StringComparison.Ordinal)]);
        var continuation = lines.Skip(first + 1).TakeWhile(l => l != rows[1]).ToArray();
        continuation.Should().NotBeEmpty("a note wider than its column is wrapped, not cut");
        continuation.Select(l => Rules.Text.DisplayText.Width(l.Substring(0, l.IndexOf("😀", StringComparison.Ordinal)))).Should().AllBeEquivalentTo(column);
        string.Concat(continuation.Prepend(rows[0]).Select(l => l[l.IndexOf("😀", StringComparison.Ordinal)..].TrimEnd())).Should().Be(note);
    }

    // ---- 1. file names echoed back ----

    [Fact]
    public void File_names_with_control_characters_are_echoed_escaped_in_progress_lines_and_portfolios()
    {
        var evil = "x\u001b[2J\u202E.yaml";
        using var folder = new TempFolder((evil, Mock + "findings: []\n"), ("bad\u001b]0;t\u0007.yaml", "company: 1\n"));

        var run = CliRunner.Run("batch", folder.Path, "--reports", "md");

        var everything = run.Out + run.Error
            + File.ReadAllText(Path.Combine(folder.Path, "reports", "portfolio.csv"))
            + File.ReadAllText(Path.Combine(folder.Path, "reports", "portfolio.json"))
            + File.ReadAllText(Directory.GetFiles(Path.Combine(folder.Path, "reports"), "*.md").Single());
        everything.Should().NotContainAny("\u001b", "\u0007", "\u202E");
        everything.Should().Contain("x\\u001B[2J\\u202E.yaml").And.Contain("bad\\u001B]0;t\\u0007.yaml");
    }

    [Fact]
    public void Arguments_and_paths_echoed_by_the_parser_and_by_validate_are_escaped()
    {
        using var folder = new TempFolder(("ok\u001b]0;x\u0007.yaml", Mock + "findings: []\n"));

        var parse = CliRunner.Run("score", "a.yaml", "--\u001b[2Jnope");
        var validate = CliRunner.Run("validate", folder.File("ok\u001b]0;x\u0007.yaml"));

        parse.ExitCode.Should().Be(2);
        (parse.Error + validate.Out + validate.Error).Should().NotContainAny("\u001b", "\u0007");
        parse.Error.Should().Contain("\\u001B[2Jnope");
        validate.Out.Should().Contain("ok\\u001B]0;x\\u0007.yaml: ok");
    }

    // ---- 2. -o never names an input, however spelt ----

    private static readonly string Sample = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    public static TheoryData<string> Spellings => new() { "rubric.yaml", "./rubric.yaml", "../{dir}/rubric.yaml", "hard.yaml", "link.yaml", "tpl/report.md.sbn", "tpl-link.md", "evidence.yaml", "letter.docx", "./letter.docx", "letter-link.docx" };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Every_command_refuses_an_output_that_names_an_input(string spelling)
    {
        using var folder = new TempFolder(("evidence.yaml", File.ReadAllText(Sample)), ("rubric.yaml", File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml"))));
        Directory.CreateDirectory(folder.File("tpl"));
        File.WriteAllText(folder.File("tpl/report.md.sbn"), "{{ company.name }}");
        File.WriteAllText(folder.File("tpl/gap.md.sbn"), "{{ company.name }}");
        File.WriteAllText(folder.File("tpl/comparison.md.sbn"), "{{ company.name }}");
        File.CreateSymbolicLink(folder.File("link.yaml"), folder.File("rubric.yaml"));
        File.CreateSymbolicLink(folder.File("tpl-link.md"), folder.File("tpl/report.md.sbn"));
        Link(folder.File("rubric.yaml"), folder.File("hard.yaml"));
        CliRunner.Run("score", Sample, "-o", folder.File("letter.docx")).ExitCode.Should().Be(0);
        File.CreateSymbolicLink(folder.File("letter-link.docx"), folder.File("letter.docx"));
        var before = Snapshot(folder.Path);
        var output = spelling.Replace("{dir}", Path.GetFileName(folder.Path), StringComparison.Ordinal);
        var previous = Environment.CurrentDirectory;
        Environment.CurrentDirectory = folder.Path;
        try
        {
            foreach (var args in new[]
            {
                new[] { "score", "evidence.yaml", "-r", "rubric.yaml", "--templates", "tpl", "--reference-doc", "letter.docx", "-f", "md", "-o", output },
                ["gap", "evidence.yaml", "-r", "rubric.yaml", "--templates", "tpl", "--reference-doc", "letter.docx", "-f", "md", "-o", output],
                ["diff", "evidence.yaml", "evidence.yaml", "-r", "rubric.yaml", "--templates", "tpl", "--reference-doc", "letter.docx", "-f", "md", "-o", output],
                ["ncr", "evidence.yaml", "-r", "rubric.yaml", "--templates", "tpl", "--reference-doc", "letter.docx", "-f", "md", "-o", output],
                ["score", "evidence.yaml", "-r", "rubric.yaml", "--templates", "tpl", "--reference-doc", "letter.docx", "-f", "docx", "-o", output],
            })
            {
                var run = CliRunner.Run(args);

                run.ExitCode.Should().Be(2, string.Join(' ', args) + "\n" + run.Error);
                run.Error.Should().Contain("SR5002");
            }

            if (spelling.Contains("rubric", StringComparison.Ordinal) || spelling is "hard.yaml" or "link.yaml")
            {
                CliRunner.Run("checklist", "-r", "rubric.yaml", "-o", output).ExitCode.Should().Be(2);
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }

        Snapshot(folder.Path).Should().Equal(before, "no input changed");
    }

    [Fact]
    public void Batch_into_its_own_folder_runs_twice_and_never_overwrites_an_input()
    {
        using var folder = new TempFolder(("a.yaml", File.ReadAllText(Sample)), ("b.json", "{\"company\":{\"name\":\"X\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}"));

        var first = CliRunner.Run("batch", folder.Path, "-o", folder.Path, "--reports", "json");
        var second = CliRunner.Run("batch", folder.Path, "-o", folder.Path, "--reports", "json");

        first.ExitCode.Should().Be(0, first.Error);
        second.ExitCode.Should().Be(0, second.Error);
        second.Out.Should().Contain("2 audits: 2 scored");
        File.ReadAllText(folder.File("b.json")).Should().StartWith("{\"company\"", "the evidence file b.json is not replaced by b's report");
    }

    [Fact]
    public void Batch_does_not_score_its_own_rubric_file_when_it_sits_among_the_audits()
    {
        using var folder = new TempFolder(("a.yaml", File.ReadAllText(Sample)), ("rubric.yaml", File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml"))));

        var run = CliRunner.Run("batch", folder.Path, "-r", folder.File("rubric.yaml"), "--reports", "none");

        run.ExitCode.Should().Be(0, run.Error);
        run.Out.Should().Contain("1 audit: 1 scored");
    }

    [Fact]
    public void Batch_refuses_to_write_a_portfolio_over_an_evidence_file_of_that_name()
    {
        var evidence = "{\"company\":{\"name\":\"X\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}";
        using var folder = new TempFolder(("portfolio.json", evidence));

        var run = CliRunner.Run("batch", folder.Path, "-o", folder.Path);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("SR5002");
        File.ReadAllText(folder.File("portfolio.json")).Should().Be(evidence);
        Directory.GetFiles(folder.Path).Should().ContainSingle();
    }

    // ---- 3. special files are written through, never replaced ----

    [UnixFact("/dev/null")]
    public void Writing_to_dev_null_keeps_the_device()
    {
        var run = CliRunner.Run("score", Sample, "-o", "/dev/null");

        run.ExitCode.Should().Be(0, run.Error);
        Rules.Files.FileProbe.Stat("/dev/null").Kind.Should().Be(Rules.Files.FileKind.Device);
    }

    [UnixFact("named pipes")]
    public async Task Writing_to_a_named_pipe_writes_through_and_keeps_the_pipe()
    {
        using var folder = new TempFolder();
        var fifo = folder.File("out.pipe");
        RunTool("mkfifo", fifo);
        var reader = Task.Run(() => File.ReadAllText(fifo));

        var run = CliRunner.Run("score", Sample, "-o", fifo, "--lang", "en");

        run.ExitCode.Should().Be(0, run.Error);
        (await reader.WaitAsync(TimeSpan.FromSeconds(30))).Should().Contain("Score 97.8 / 100");
        Rules.Files.FileProbe.Stat(fifo).Kind.Should().Be(Rules.Files.FileKind.Fifo);
    }

    [Fact]
    public async Task Batch_skips_pipes_and_broken_links_among_the_audits_instead_of_hanging()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("in"));
        File.Copy(Sample, folder.File("in/audit.yaml"));
        RunTool("mkfifo", folder.File("in/pipe.yaml"));
        RunTool("mkfifo", folder.File("in/pipe.json"));
        File.CreateSymbolicLink(folder.File("in/gone.yaml"), folder.File("nowhere.yaml"));

        // Opening a pipe for reading waits for a writer: the old batch hung here for ever.
        var run = await Task.Run(() => CliRunner.Run("batch", folder.File("in"), "-o", folder.File("out"), "--reports", "none", "--lang", "en"))
            .WaitAsync(TimeSpan.FromSeconds(60));

        run.ExitCode.Should().Be(0, run.Error);
        run.Error.Should().Contain("pipe.yaml: warning SR5012: it is a named pipe, not an evidence file; the batch skips it")
            .And.Contain("pipe.json: warning SR5012: it is a named pipe")
            .And.Contain("gone.yaml: warning SR5012: it is a broken link");
        run.Out.Should().MatchRegex(@"1 audits?: 1 scored");
        Rules.Files.FileProbe.Stat(folder.File("in/pipe.yaml")).Kind.Should().Be(Rules.Files.FileKind.Fifo, "an input is never changed");
    }

    [Fact]
    public void Writing_through_a_link_to_a_regular_file_replaces_the_file_and_keeps_the_link()
    {
        using var folder = new TempFolder(("report.md", "old"));
        File.CreateSymbolicLink(folder.File("latest.md"), folder.File("report.md"));

        var run = CliRunner.Run("score", Sample, "-o", folder.File("latest.md"));

        run.ExitCode.Should().Be(0, run.Error);
        new FileInfo(folder.File("latest.md")).LinkTarget.Should().NotBeNull("the link is still a link");
        File.ReadAllText(folder.File("report.md")).Should().StartWith("# ");
        Directory.GetFiles(folder.Path).Should().HaveCount(2, "no temporary file is left");
    }

    // ---- 4. the template folder is a sandbox ----

    [UnixFact("/etc/passwd", "/dev/zero", "named pipes")]
    public void Template_links_leaving_the_folder_devices_and_pipes_are_refused_without_reading_them()
    {
        using var folder = new TempFolder(("report.md.sbn", "{{ include \"secret\" }}"), ("ok.sbn", "fine"));
        File.CreateSymbolicLink(folder.File("secret.sbn"), "/etc/passwd");
        File.CreateSymbolicLink(folder.File("zero.sbn"), "/dev/zero");
        File.CreateSymbolicLink(folder.File("inside.sbn"), folder.File("ok.sbn"));
        RunTool("mkfifo", folder.File("pipe.sbn"));
        using var devices = new TempFolder();
        File.CreateSymbolicLink(devices.File("report.md.sbn"), "/dev/zero");

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = CliRunner.Run("score", Sample, "--templates", folder.Path, "-f", "md");
        var zero = CliRunner.Run("score", Sample, "--templates", devices.Path, "-f", "md");

        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(30), "a pipe is never opened");
        run.ExitCode.Should().Be(2);
        run.Out.Should().BeEmpty();
        run.Error.Should().Contain("secret.sbn: error SR4010").And.Contain("zero.sbn: error SR4010").And.Contain("pipe.sbn: error SR4011")
            .And.NotContain("inside.sbn").And.NotContain("root:");
        zero.ExitCode.Should().Be(2);
        zero.Error.Should().Contain("SR4010");
        run.Error.Should().Contain(" SR4011:");
    }

    [Fact]
    public void A_template_over_the_size_limit_gets_a_template_diagnostic()
    {
        using var folder = new TempFolder(("report.md.sbn", new string('x', 100)));

        var set = Reports.TemplateSet.LoadFolder(folder.Path, new Reports.ReportLimits { MaxTemplateChars = 10 });

        set.Diagnostics.Should().ContainSingle(d => d.Code == "SR4013");
        set.Diagnostics.Single().Hint.Should().NotContain("InputLimits").And.NotContain("evidence");
    }

    private static void Link(string target, string link)
    {
        RunTool("ln", target, link);
    }

    private static void RunTool(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        process.WaitForExit();
        process.ExitCode.Should().Be(0, process.StandardError.ReadToEnd());
    }

    private static string[] Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(folder, f) + "=" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))))
            .ToArray();

    // ---- 16. doubtful comparisons are flagged in every format ----

    public static TheoryData<string, string, string, string> DoubtfulComparisons => new()
    {
        { "different companies", "01-five-star-appliance-maker.yaml", "02-three-star-regional-retailer.yaml", "SR3028" },
        { "wrong order", "05-appliance-maker-surveillance-2027.yaml", "01-five-star-appliance-maker.yaml", "SR3029" },
        { "a file with itself", "01-five-star-appliance-maker.yaml", "01-five-star-appliance-maker.yaml", "SR3030" },
    };

    [Theory]
    [MemberData(nameof(DoubtfulComparisons))]
    public void Diff_warns_about_a_doubtful_comparison_in_every_format(string what, string before, string after, string code)
    {
        foreach (var format in new[] { "text", "json", "md", "html" })
        {
            var run = CliRunner.Run("diff", Path.Combine(RepoPaths.Root, "samples", before), Path.Combine(RepoPaths.Root, "samples", after), "-f", format);

            run.ExitCode.Should().Be(0, run.Error);
            run.Out.Should().Contain(code, $"{what} is flagged in the {format} output itself");
        }
    }

    [Fact]
    public void Diff_of_two_audits_of_one_company_in_order_has_no_warning()
    {
        var run = CliRunner.Run("diff", Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml"), Path.Combine(RepoPaths.Root, "samples", "05-appliance-maker-surveillance-2027.yaml"), "-f", "json");

        run.Out.Should().Contain("\"warnings\": []");
        run.Error.Should().BeEmpty();
    }

    // ---- 19. the command line does what a newcomer expects ----

    [Theory]
    [InlineData("report.html", "<!DOCTYPE html>")]
    [InlineData("report.HTM", "<!DOCTYPE html>")]
    [InlineData("report.md", "# ")]
    [InlineData("report.json", "{")]
    [InlineData("report.txt", "\u6D59\u6C5F")]
    [InlineData("report.DOCX", "PK\u0003\u0004")]
    public void The_format_follows_the_output_extension(string name, string start)
    {
        using var folder = new TempFolder();

        var run = CliRunner.Run("score", Sample, "-o", folder.File(name));

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllText(folder.File(name)).Should().StartWith(start);
    }

    [Theory]
    [InlineData("gap", "gap.pdf")]
    [InlineData("diff", "diff.pdf")]
    [InlineData("checklist", "audit.xlsm")]
    [InlineData("checklist", "audit.XLS")]
    [InlineData("score", "report.doc")]
    [InlineData("score --format md", "report.odt")]
    public void An_output_name_of_a_binary_format_the_command_cannot_write_is_refused_not_filled_with_text(string command, string name)
    {
        using var folder = new TempFolder();
        var words = command.Split(' ');
        var args = words[0] switch
        {
            "diff" => new[] { "diff", Sample, Sample, "-o", folder.File(name) },
            "checklist" => ["checklist", "-o", folder.File(name)],
            _ => [.. words[..1], Sample, .. words[1..], "-o", folder.File(name)],
        };

        var run = CliRunner.Run(args);

        run.ExitCode.Should().Be(2);
        run.Error.Should().Contain("error SR5403");
        Directory.GetFiles(folder.Path).Should().BeEmpty();
    }

    [Fact]
    public void An_explicit_format_wins_over_the_extension()
    {
        using var folder = new TempFolder();

        CliRunner.Run("gap", Sample, "-o", folder.File("gap.html"), "--format", "json").ExitCode.Should().Be(0);

        File.ReadAllText(folder.File("gap.html")).Should().StartWith("{");
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    public void Templates_with_a_format_that_uses_none_are_a_warning(string format)
    {
        using var folder = new TempFolder(("report.md.sbn", "x"));

        var run = CliRunner.Run("score", Sample, "--templates", folder.Path, "--format", format);

        run.ExitCode.Should().Be(0);
        run.Error.Should().Contain("warning SR5009");
    }

    [Fact]
    public void Gap_and_diff_take_templates_and_templates_export_writes_the_built_in_ones()
    {
        using var folder = new TempFolder();
        var templates = folder.File("tpl");

        var export = CliRunner.Run("templates", "export", templates);
        File.WriteAllText(Path.Combine(templates, "gap.md.sbn"), "GAP {{ company.name }}");
        File.WriteAllText(Path.Combine(templates, "comparison.md.sbn"), "DIFF {{ company.name }}");
        var gap = CliRunner.Run("gap", Sample, "--templates", templates, "-f", "md");
        var diff = CliRunner.Run("diff", Sample, Sample, "--templates", templates, "-f", "md");
        var again = CliRunner.Run("templates", "export", templates);

        export.ExitCode.Should().Be(0, export.Error);
        Directory.GetFiles(templates).Select(Path.GetFileName).Should().Contain(["report.md.sbn", "report.html.sbn", "gap.md.sbn", "comparison.html.sbn"]);
        gap.Out.Should().StartWith("GAP ");
        diff.Out.Should().StartWith("DIFF ");
        again.ExitCode.Should().Be(2, "an export never replaces a file");
        again.Error.Should().Contain("SR5011");
        File.ReadAllText(Path.Combine(templates, "gap.md.sbn")).Should().StartWith("GAP ");
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void The_checklist_names_no_repository_paths(string language)
    {
        var run = CliRunner.Run("checklist", "--lang", language);

        run.Out.Should().NotContain("docs/").And.NotContain("schemas/").And.NotContain(".md").And.NotContain("src/");
    }

    // ---- 10. the regular-expression time limit is the one named ----

    [Fact]
    public void A_runaway_regular_expression_cites_the_regex_limit_not_the_render_limit()
    {
        using var folder = new TempFolder(("report.md.sbn", "{{ \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!\" | regex.match \"(a+)+$\" }}"));
        var limits = new Reports.ReportLimits { RegexTimeout = TimeSpan.FromMilliseconds(200) };
        var renderer = new Reports.ReportRenderer(Reports.TemplateSet.LoadFolder(folder.Path, limits).GetValueOrThrow());
        var result = Engine.AuditEngine.Default.ScoreFile(Sample).GetValueOrThrow();

        var report = renderer.Render(result, Reports.ReportFormat.Markdown);

        var error = report.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be("SR4014");
        error.Message.Should().Be("a regular expression in the template did not finish within 200 ms");
        error.Location.Line.Should().Be(1);
    }
}
