using System.Text.RegularExpressions;

namespace StarRating.Rules.Tests;

/// <summary>
/// Folder = namespace (issue 14): a type is found where its namespace says, in every product project. The file's
/// first <c>namespace</c> declaration must equal the project folder's name followed by the subfolders, dot-joined.
/// A file without a namespace (the tool's <c>Program.cs</c> entry point) is the one exception.
/// </summary>
public sealed partial class FolderNamespaceTests
{
    [Fact]
    public void Every_product_source_file_declares_the_namespace_of_its_folder()
    {
        var source = Path.Combine(RepoPaths.Root, "src");
        var offenders = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.cs", SearchOption.AllDirectories)
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
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
