using System.Text.RegularExpressions;

namespace StarRating.Rules.Tests;

/// <summary>
/// No product assembly reads another's internals (issue 14): <c>InternalsVisibleTo</c> in a product project names
/// only test projects, the fuzzer and the benchmarks. What one layer needs from another is public on purpose
/// (docs/embedding.md, "Package surface"); a grant to a product assembly would hide that dependency again.
/// </summary>
public sealed partial class InternalsVisibleToTests
{
    [Fact]
    public void Product_projects_lend_their_internals_only_to_tests_the_fuzzer_and_the_benchmarks()
    {
        var source = Path.Combine(RepoPaths.Root, "src");
        var grants = new List<string>();
        foreach (var file in Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal))
                                 && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                                 && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            foreach (var friend in Friends(File.ReadAllText(file)).Where(f => !IsAllowed(f)))
            {
                grants.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {friend}");
            }
        }

        grants.Should().BeEmpty("what a product layer needs from another is public on purpose, not lent through InternalsVisibleTo");
    }

    [Theory]
    [InlineData("<InternalsVisibleTo Include=\"StarRating.Engine.Tests\" />", "StarRating.Engine.Tests", true)]
    [InlineData("<InternalsVisibleTo Include=\"StarRating.Fuzz\" />", "StarRating.Fuzz", true)]
    [InlineData("<InternalsVisibleTo Include=\"StarRating.Benchmarks\" />", "StarRating.Benchmarks", true)]
    [InlineData("<InternalsVisibleTo Include=\"StarRating.Engine\" />", "StarRating.Engine", false)]
    [InlineData("[assembly: InternalsVisibleTo(\"StarRating.Cli\")]", "StarRating.Cli", false)]
    public void The_check_finds_every_grant_and_refuses_product_assemblies(string text, string friend, bool allowed)
    {
        Friends(text).Should().Equal(friend);
        IsAllowed(friend).Should().Be(allowed);
    }

    private static IEnumerable<string> Friends(string text) =>
        FriendPattern().Matches(text).Select(m => m.Groups["name"].Value.Split(',')[0].Trim());

    private static bool IsAllowed(string friend) =>
        friend.EndsWith(".Tests", StringComparison.Ordinal) || friend is "StarRating.Fuzz" or "StarRating.Benchmarks";

    [GeneratedRegex(@"InternalsVisibleTo(?:Attribute)?\s*(?:Include\s*=\s*""|\(\s*"")(?<name>[^""]+)""")]
    private static partial Regex FriendPattern();
}
