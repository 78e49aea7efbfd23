namespace StarRating.Engine.Tests;

/// <summary>
/// Each file under Golden/evidence is scored with the default rubric; its diagnostics and (when it scores)
/// every figure must match <c>NAME.expected.txt</c> exactly.
/// </summary>
public sealed class EvidenceGoldenTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/evidence");

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
