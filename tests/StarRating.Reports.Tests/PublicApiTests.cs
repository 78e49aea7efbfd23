namespace StarRating.Reports.Tests;

public sealed class PublicApiTests
{
    /// <summary>The public surface of StarRating.Reports is approved in PublicApi/StarRating.Reports.approved.txt.</summary>
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        PublicApi.Approve(typeof(ReportRenderer).Assembly, Golden.Folder("PublicApi/StarRating.Reports.approved.txt"));
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        var open = typeof(ReportRenderer).Assembly.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract)
            .Select(t => t.FullName);

        open.Should().BeEmpty();
    }

    [Fact]
    public void Every_built_in_template_parses()
    {
        TemplateSet.BuiltIn.Names.Should().HaveCountGreaterThan(6);
    }
}
