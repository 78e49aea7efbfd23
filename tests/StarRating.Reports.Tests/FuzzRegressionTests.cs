using System.Text;
using StarRating.Engine;
using StarRating.Fuzz;

namespace StarRating.Reports.Tests;

/// <summary>
/// The inputs kept from fuzzing (docs/fuzzing.md), run through the fuzz targets themselves: this project compiles
/// <c>fuzz/StarRating.Fuzz/FuzzTargets.cs</c>, so CI checks every kept input with exactly the fuzzer's checks
/// (nothing thrown, every failure an error diagnostic, every diagnostic well formed) and keeps the harness building.
/// Rubric inputs live in StarRating.Rules.Tests/Golden/fuzz, evidence inputs in StarRating.Engine.Tests/Golden/fuzz,
/// template inputs here in Golden/fuzz, each with its golden outcome beside it.
/// </summary>
public sealed class FuzzRegressionTests : IDisposable
{
    private static readonly string TemplateFolder = Golden.Folder("Golden/fuzz");

    private static readonly Dictionary<string, string> Folders = new(StringComparer.Ordinal)
    {
        ["rubric"] = Golden.Folder("../StarRating.Rules.Tests/Golden/fuzz"),
        ["evidence"] = Golden.Folder("../StarRating.Engine.Tests/Golden/fuzz"),
        ["template"] = TemplateFolder,
        ["workbook"] = Golden.Folder("../StarRating.Workbook.Tests/Golden/fuzz"),
    };

    private static readonly Lazy<AuditResult> Sample = new(() =>
        AuditEngine.Default.ScoreFile(Path.Combine(RepoPaths.Root, "samples", "02-three-star-regional-retailer.yaml")).GetValueOrThrow());

    private readonly TemplateScratch scratch = new(Directory.CreateTempSubdirectory("starrating-fuzz-tests-").FullName, Sample.Value);

    /// <summary>Every kept input as (target, file name).</summary>
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var (target, folder) in Folders.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            foreach (var file in Golden.Cases(folder, target switch { "template" => [".sbn"], "workbook" => [".part"], _ => [".yaml", ".json"] }))
            {
                data.Add(target, file);
            }
        }

        return data;
    }

    public static TheoryData<string> Templates => Golden.Cases(TemplateFolder, ".sbn");

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_fuzz_target_accepts_the_kept_input(string target, string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(Folders[target], fileName));

        var run = () => FuzzTargets.Run(target, bytes, scratch);

        run.Should().NotThrow();
    }

    [Fact]
    public void Every_target_has_kept_inputs()
    {
        var inputs = Inputs();

        FuzzTargets.Names.Should().OnlyContain(t => inputs.Any(row => (string)row[0] == t));
    }

    /// <summary>A kept template's load and render diagnostics, and the Markdown report's start, match <c>NAME.expected.txt</c>.</summary>
    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_outcome_matches_the_golden_file(string fileName)
    {
        File.Copy(Path.Combine(TemplateFolder, fileName), Path.Combine(scratch.Folder, "report.md.sbn"));
        var text = new StringBuilder();

        var set = TemplateSet.LoadFolder(scratch.Folder, FuzzTargets.TemplateLimits);
        Append(text, set.Diagnostics);
        if (set.Value is not null)
        {
            var report = new ReportRenderer(set.Value).Render(Sample.Value, ReportFormat.Markdown);
            Append(text, report.Diagnostics);
            text.Append(report.Value is { } rendered ? $"rendered {rendered.Content.Length} characters:\n{Head(rendered.Content)}\n" : "not rendered\n");
        }
        else
        {
            text.Append("not loaded\n");
        }

        Golden.Check(Path.Combine(TemplateFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), text.ToString());
    }

    public void Dispose() => Directory.Delete(scratch.Folder, recursive: true);

    private void Append(StringBuilder text, IEnumerable<Rules.Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            // The scratch folder differs on every run; the golden file names it <templates>.
            text.Append(diagnostic.Format(includeHint: true).Replace(scratch.Folder, "<templates>", StringComparison.Ordinal)).Append('\n');
        }
    }

    private static string Head(string content) => content.Length <= 2_000 ? content : content[..2_000] + "\n[...]";
}
