using StarRating.Fuzz;

namespace StarRating.Cli.Tests;

/// <summary>
/// The evidence fuzz target with its terminal check (fuzz/StarRating.Fuzz/TerminalTarget.cs), run on every kept fuzz
/// input and every evidence golden case: each that scores is printed as the terminal summaries in both languages, and
/// nothing may throw or let a control character, a split surrogate pair or a misaligned table through.
/// </summary>
public sealed class TerminalFuzzTests
{
    private static readonly string[] Folders =
    [
        Golden.Folder("../StarRating.Engine.Tests/Golden/fuzz"),
        Golden.Folder("../StarRating.Engine.Tests/Golden/evidence"),
        Path.Combine(RepoPaths.Root, "samples"),
    ];

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var folder in Folders)
        {
            foreach (var file in Golden.Cases(folder, ".yaml", ".json"))
            {
                data.Add(Path.GetRelativePath(RepoPaths.Root, Path.Combine(folder, file)));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_terminal_output_holds_for_every_input(string file)
    {
        FuzzTargets.ResultChecks = TerminalTarget.Check;

        var run = () => FuzzTargets.Run("evidence", File.ReadAllBytes(Path.Combine(RepoPaths.Root, file)));

        run.Should().NotThrow();
    }

    [Fact]
    public void Names_and_notes_outside_the_basic_plane_pass_the_terminal_check()
    {
        FuzzTargets.ResultChecks = TerminalTarget.Check;
        var note = string.Concat(Enumerable.Repeat("😀𠮷e\u0301👨‍👩‍👧", 30));
        var evidence = $"company: {{ name: 𠮷野家 }}\naudit: {{ kind: mock, team: [{{ name: 𠀀, role: lead }}] }}\nfindings:\n  - {{ item: \"5.1.1.1\", result: nonconforming, note: \"{note}\" }}\n";

        var run = () => FuzzTargets.Run("evidence", System.Text.Encoding.UTF8.GetBytes(evidence));

        run.Should().NotThrow();
    }

    [Fact]
    public void Tabs_and_line_breaks_in_names_and_notes_keep_the_columns()
    {
        FuzzTargets.ResultChecks = TerminalTarget.Check;
        var evidence = "company: { name: \"A\\tB\" }\naudit: { kind: mock }\nfindings:\n  - { item: \"5.1.1.1\", result: nonconforming, note: \"a\\tb\\r\\nc\" }\n";

        var run = () => FuzzTargets.Run("evidence", System.Text.Encoding.UTF8.GetBytes(evidence));

        run.Should().NotThrow();
    }
}
