namespace StarRating.Engine.Tests;

/// <summary>
/// Inputs kept from fuzzing the evidence reader and scorer (docs/fuzzing.md), under <c>Golden/fuzz</c>: inputs that
/// once broke them and inputs that reached paths no hand-written case did. Each is scored with the default rubric
/// under its own file name; its diagnostics and figures must match <c>NAME.expected.txt</c>. StarRating.Reports.Tests
/// also runs them through the fuzz target itself (both front ends, gap analysis and every report).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/fuzz");

    public static TheoryData<string> Cases => Golden.Cases(CaseFolder, ".yaml", ".json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Outcome_matches_the_golden_file(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CaseFolder, fileName));

        var outcome = AuditEngine.Default.Score(bytes, fileName);

        Golden.Check(Path.Combine(CaseFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), ResultDump.Render(outcome));
    }
}
