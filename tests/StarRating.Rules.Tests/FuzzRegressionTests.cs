namespace StarRating.Rules.Tests;

/// <summary>
/// Inputs kept from fuzzing the rubric loader (docs/fuzzing.md), under <c>Golden/fuzz</c>: inputs that once broke it
/// and inputs that reached paths no hand-written case did. Each is loaded under its own file name and must give
/// exactly the diagnostics of <c>NAME.expected.txt</c>. StarRating.Reports.Tests also runs them through the fuzz
/// target itself (both front ends, and scoring with the rubric when it loads).
/// </summary>
public sealed class FuzzRegressionTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/fuzz");

    public static TheoryData<string> Cases => Golden.Cases(CaseFolder, ".yaml", ".json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_file(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CaseFolder, fileName));

        var result = new RubricLoader().Parse(bytes, fileName);

        Golden.Check(Path.Combine(CaseFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), RubricGoldenTests.Render(result));
    }
}
