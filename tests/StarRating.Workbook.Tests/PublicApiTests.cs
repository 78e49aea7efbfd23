namespace StarRating.Workbook.Tests;

public sealed class PublicApiTests
{
    /// <summary>The public surface of StarRating.Workbook is approved in PublicApi/StarRating.Workbook.approved.txt.</summary>
    [Fact]
    public void Public_api_matches_the_approved_file()
    {
        PublicApi.Approve(typeof(AuditWorkbook).Assembly, Golden.Folder("PublicApi/StarRating.Workbook.approved.txt"));
    }

    [Fact]
    public void Every_public_class_is_sealed_or_static()
    {
        typeof(AuditWorkbook).Assembly.GetExportedTypes().Where(t => t.IsClass && !t.IsSealed && !t.IsAbstract).Should().BeEmpty();
    }
}
