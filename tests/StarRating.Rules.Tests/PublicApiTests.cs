namespace StarRating.Rules.Tests;

public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of StarRating.Rules is approved in PublicApi/StarRating.Rules.approved.txt; a change to
    /// it shows up in review as a diff of that file (a change is written to *.received.txt; approve it with tools/approve-golden.sh).
    /// </summary>
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        PublicApi.Approve(typeof(Rubric).Assembly, Golden.Folder("PublicApi/StarRating.Rules.approved.txt"));
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        var open = typeof(Rubric).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName);

        open.Should().BeEmpty();
    }
}
