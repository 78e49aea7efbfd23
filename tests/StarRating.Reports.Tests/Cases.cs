using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Report inputs: every <c>samples/*.yaml</c> of the repository (realistic audits written by hand) plus the
/// cases under <c>Golden/reports</c> (edge cases: hostile text, a mock with unassessed items, tier blocks).
/// </summary>
internal static class Cases
{
    public static readonly string ReportFolder = Golden.Folder("Golden/reports");
    public static readonly string SampleGoldenFolder = Golden.Folder("Golden/samples");
    public static readonly string SampleFolder = Path.Combine(RepoPaths.Root, "samples");

    /// <summary>Case ids: <c>samples/NAME.yaml</c> and <c>reports/NAME.yaml</c>.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        if (Directory.Exists(SampleFolder))
        {
            foreach (var file in Directory.EnumerateFiles(SampleFolder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                data.Add("samples/" + file);
            }
        }

        foreach (var file in Directory.EnumerateFiles(ReportFolder, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal))
        {
            data.Add("reports/" + file);
        }

        return data;
    }

    /// <summary>The input file of a case id.</summary>
    public static string InputPath(string id) =>
        id.StartsWith("samples/", StringComparison.Ordinal)
            ? Path.Combine(SampleFolder, id["samples/".Length..])
            : Path.Combine(ReportFolder, id["reports/".Length..]);

    /// <summary>Where a case's expected output goes: <c>Golden/samples/NAME.SUFFIX</c> or <c>Golden/reports/NAME.expected.SUFFIX</c>.</summary>
    public static string ExpectedPath(string id, string suffix)
    {
        var name = Path.GetFileNameWithoutExtension(id);
        if (id.StartsWith("samples/", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(SampleGoldenFolder);
            return Path.Combine(SampleGoldenFolder, name + "." + suffix);
        }

        return Path.Combine(ReportFolder, name + ".expected." + suffix);
    }

    /// <summary>
    /// Scores a case's file by its bytes, named by its file name only, so outputs hold no machine path, with the
    /// built-in rubric the file names (the GB/T 27925 sample on its 1000-point rubric).
    /// </summary>
    public static LoadResult<AuditResult> Score(string id)
    {
        var bytes = File.ReadAllBytes(InputPath(id));
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (!text.Contains("\n  previous: ", StringComparison.Ordinal))
        {
            return AuditEngine.ScoreWithBuiltInRubric(bytes, Path.GetFileName(id));
        }

        // An audit that names its predecessor is scored from its own folder, still under its bare name.
        var rubric = Rubric.BuiltIn(text.Contains("rubric: gbt27925-2011", StringComparison.Ordinal) ? "gbt27925-2011" : "gbt27922-2011")!;
        return new AuditEngine(rubric) { PreviousFolder = Path.GetDirectoryName(InputPath(id)) }.Score(bytes, Path.GetFileName(id));
    }

    public static AuditResult Result(string name) => Score("reports/" + name + ".yaml").GetValueOrThrow();

    public static string Lang(Language language) => language == Language.English ? "en" : "zh";

    public static string Ext(ReportFormat format) => format switch
    {
        ReportFormat.Html => "html",
        ReportFormat.Json => "json",
        _ => "md",
    };
}
