using System.Text;

namespace StarRating.Cli.Tests;

/// <summary>The tool under hostile and careless use: files, names, paths and options a reviewer would try.</summary>
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
        rows[0].Should().EndWith("…");
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(run.Out)).Should().Be(run.Out, "no surrogate pair is split");
        var widths = rows.Select(r => Rules.Text.DisplayText.Width(r[..r.IndexOf("5.1.1.", StringComparison.Ordinal)])).Distinct();
        widths.Should().ContainSingle("the item column starts at the same terminal column on every row");
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
}
