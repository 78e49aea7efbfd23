using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>The audits the round trips run on: every bundled sample and every valid test audit of the engine's tests.</summary>
internal static class Audits
{
    public static IEnumerable<string> Files()
    {
        // Every bundled sample, the chain and the team's files in their folders too.
        var samples = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml", SearchOption.AllDirectories)
            .Where(f => AuditEngine.ScoreFileWithBuiltInRubric(f).Succeeded); // one assessor's file of a team covers part of the items only
        var tests = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "tests", "StarRating.Engine.Tests", "Golden", "evidence"))
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Where(f => AuditEngine.ScoreFileWithBuiltInRubric(f).Succeeded);
        return samples.Concat(tests).Select(f => Path.GetRelativePath(RepoPaths.Root, f)).Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Everything the evidence reader accepts, scored or not: <see cref="Files"/>, each assessor's file of the team sample, the engine's test audits that load
    /// but fail validation on purpose (the certification cycle's broken records, a stage 1 audit), and the team tests'
    /// merged audits with assessments. Reading back must keep every one of them as it was.
    /// </summary>
    public static TheoryData<string> Loadable()
    {
        var data = new TheoryData<string>();
        foreach (var file in LoadableFiles())
        {
            data.Add(file);
        }

        return data;
    }

    public static IEnumerable<string> LoadableFiles()
    {
        var extra = new[] { "samples", Path.Combine("tests", "StarRating.Engine.Tests", "Golden", "evidence"), Path.Combine("tests", "StarRating.Cli.Tests", "Golden", "team", "audits") }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, folder), "*.yaml", SearchOption.AllDirectories))
            .Where(f => new EvidenceLoader().LoadFile(f).Succeeded)
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f));
        return Files().Union(extra).Order(StringComparer.Ordinal);
    }

    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files())
        {
            data.Add(file);
        }

        return data;
    }

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Files().Where(f => f.StartsWith("samples", StringComparison.Ordinal)))
        {
            data.Add(file);
        }

        return data;
    }

    public static string Full(string relative) => System.IO.Path.Combine(RepoPaths.Root, relative);

    public static AuditEvidence Evidence(string relative) => new EvidenceLoader().LoadFile(Full(relative)).GetValueOrThrow();

    /// <summary>The built-in rubric an audit names (GB/T 27922 or GB/T 27925), the default when it names none.</summary>
    public static Rubric RubricOf(AuditEvidence evidence) => Rubric.BuiltIn(evidence.RubricId ?? "") ?? Rubric.Default;

    /// <summary>Reads a workbook's bytes and scores them with the default engine.</summary>
    public static LoadResult<AuditResult> ScoreWorkbook(byte[] workbook, string name = "audit.xlsx", Rubric? rubric = null) =>
        new AuditEngine(rubric ?? Rubric.Default).Score(new WorkbookReader(rubric ?? Rubric.Default).Read(workbook, name));

    public static LoadResult<AuditEvidence> ReadWorkbook(byte[] workbook, string name = "audit.xlsx", Rubric? rubric = null) =>
        new EvidenceLoader().Read(new WorkbookReader(rubric ?? Rubric.Default).Read(workbook, name));
}
