using System.Text.RegularExpressions;

namespace StarRating.Rules.Tests;

/// <summary>
/// How the product's source is laid out (issue 14), so a type is found where its name says:
/// folder = namespace — a file's first <c>namespace</c> declaration equals the project folder's name followed by the
/// subfolders, dot-joined (a file without a namespace, the tool's <c>Program.cs</c> entry point, is the exception);
/// and a public type per file — a file declares at most one public top-level type, named as the file (a generic type
/// and its non-generic companion of the same name, like <c>LoadResult&lt;T&gt;</c> and <c>LoadResult</c>, count as one).
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static IEnumerable<string> ProductSources() =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    [Fact]
    public void Every_product_source_file_declares_at_most_one_public_type_named_as_the_file()
    {
        var offenders = new List<string>();
        foreach (var file in ProductSources())
        {
            var names = PublicTypeNames(File.ReadAllText(file)).Distinct(StringComparer.Ordinal).ToArray();
            var expected = Path.GetFileNameWithoutExtension(file);
            if (names.Length > 1 || (names.Length == 1 && names[0] != expected))
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {string.Join(", ", names)}");
            }
        }

        offenders.Should().BeEmpty("each public type has its own file, named as the type");
    }

    [Theory]
    [InlineData("namespace A;\npublic sealed record B(int X);\ninternal enum C { }\n", "B")]
    [InlineData("namespace A;\npublic sealed class L<T> { }\npublic static class L { }\n", "L")]
    [InlineData("namespace A;\npublic enum B { }\npublic readonly record struct C(int X);\n", "B,C")]
    [InlineData("namespace A;\ninternal static class B\n{\n    public sealed class Nested { }\n}\n", "")]
    public void Public_top_level_types_are_found_and_nested_ones_are_not(string source, string expected) =>
        string.Join(',', PublicTypeNames(source).Distinct(StringComparer.Ordinal))
            .Should().Be(expected);

    private static IEnumerable<string> PublicTypeNames(string source) =>
        PublicTopLevelType().Matches(source).Select(m => m.Groups["name"].Value);

    [GeneratedRegex(@"^public\s+(?:(?:sealed|static|abstract|readonly|partial)\s+)*(?:record\s+struct|record\s+class|class|record|struct|enum|interface|delegate\s+[\w<>\[\]?, .]+?)\s+(?<name>[A-Za-z_]\w*)", RegexOptions.Multiline)]
    private static partial Regex PublicTopLevelType();

    [Fact]
    public void Every_product_source_file_declares_the_namespace_of_its_folder()
    {
        var source = Path.Combine(RepoPaths.Root, "src");
        var offenders = new List<string>();
        foreach (var file in ProductSources())
        {
            var match = NamespaceLine().Match(File.ReadAllText(file));
            if (!match.Success)
            {
                continue;
            }

            var expected = ExpectedNamespace(Path.GetRelativePath(source, Path.GetDirectoryName(file)!));
            if (match.Groups["name"].Value != expected)
            {
                offenders.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: namespace {match.Groups["name"].Value}, folder says {expected}");
            }
        }

        offenders.Should().BeEmpty("a type lives in the folder its namespace names");
    }

    [Theory]
    [InlineData("StarRating.Rules", "StarRating.Rules")]
    [InlineData("StarRating.Engine/Scoring", "StarRating.Engine.Scoring")]
    [InlineData("StarRating.Server/Pages/Assets", "StarRating.Server.Pages.Assets")]
    public void The_expected_namespace_joins_the_project_folder_and_its_subfolders(string folder, string expected) =>
        ExpectedNamespace(folder.Replace('/', Path.DirectorySeparatorChar)).Should().Be(expected);

    private static string ExpectedNamespace(string relativeFolder) =>
        string.Join('.', relativeFolder.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"^namespace\s+(?<name>[\w.]+)\s*[;{]", RegexOptions.Multiline)]
    private static partial Regex NamespaceLine();
}
