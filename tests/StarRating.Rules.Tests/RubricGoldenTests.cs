using System.Text;

namespace StarRating.Rules.Tests;

/// <summary>
/// Each file under Golden/rubric is loaded as a rubric; the diagnostics it produces (file, line, column,
/// code, message and hint) must match the file beside it, <c>NAME.expected.txt</c>, exactly.
/// </summary>
public sealed class RubricGoldenTests
{
    private static readonly string CaseFolder = Golden.Folder("Golden/rubric");

    public static TheoryData<string> Cases => Golden.Cases(CaseFolder, ".yaml", ".json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_the_golden_file(string fileName)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CaseFolder, fileName));

        var result = new RubricLoader().Parse(bytes, fileName);

        Golden.Check(Path.Combine(CaseFolder, Path.GetFileNameWithoutExtension(fileName) + ".expected.txt"), Render(result));
    }

    [Fact]
    public void There_are_at_least_twenty_malformed_cases()
    {
        Golden.Cases(CaseFolder, ".yaml", ".json").Count.Should().BeGreaterThanOrEqualTo(20);
    }

    internal static string Render(LoadResult<Rubric> result)
    {
        var text = new StringBuilder();
        foreach (var diagnostic in result.Diagnostics)
        {
            text.Append(diagnostic.Format(includeHint: true)).Append('\n');
        }

        text.Append(result.Succeeded ? "loaded: " + result.Value!.Id + "\n" : "not loaded\n");
        return text.ToString();
    }
}
