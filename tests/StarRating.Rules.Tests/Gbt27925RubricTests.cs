namespace StarRating.Rules.Tests;

/// <summary>
/// The second built-in rubric, GB/T 27925-2011: the facts the sources give (1000 points, five categories, four star
/// tiers from 700 and no "compliant" tier), everything below the categories marked provisional, and a file that
/// editors and the library read alike.
/// </summary>
public sealed class Gbt27925RubricTests
{
    private readonly Rubric rubric = Rubric.BuiltIn("gbt27925-2011")!;

    [Fact]
    public void Loads_without_diagnostics_from_the_assembly_and_matches_the_file_on_disk()
    {
        RubricLoader.LoadBuiltIn("gbt27925-2011").Diagnostics.Should().BeEmpty();
        RubricLoader.BuiltInBytes("gbt27925-2011").Should().Equal(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "rules", "gbt27925-2011.yaml")));
        rubric.SourceName.Should().Be("gbt27925-2011.yaml (built-in)");
    }

    [Fact]
    public void Has_the_standards_categories_and_scale()
    {
        rubric.Standard.Should().Be("GB/T 27925-2011");
        rubric.TotalPoints.Should().Be(1000m);
        rubric.Categories.Select(c => (c.Id, c.Name.Zh, c.Points)).Should().Equal(
            ("5.1", "能力", 150m),
            ("5.2", "品质", 300m),
            ("5.3", "声誉", 250m),
            ("5.4", "企业文化", 150m),
            ("5.5", "影响", 150m));
        rubric.ReportTitle!.Zh.Should().Be("商业企业品牌评价报告");
    }

    [Fact]
    public void Has_the_seventeen_named_indicators_all_provisional()
    {
        rubric.Indicators.Select(i => i.Name.Zh).Should().Equal(
            "品牌规划", "品牌管理", "保障机制", "企业品质", "商品质量", "服务质量", "品牌知名度", "品牌美誉度", "品牌忠诚度",
            "社会责任", "诚信", "精神信念", "宣传推广", "顾客感知", "业界交流", "行业影响", "社会影响");
        rubric.Indicators.Should().OnlyContain(i => i.PointsProvisional, "no point below the category level is public");
        rubric.HasProvisionalPoints.Should().BeTrue();
        rubric.ProvisionalNote!.Zh.Should().Contain("暂定");
        rubric.Indicators.Should().OnlyContain(i => i.Id.StartsWith(i.Category.Id + ".", StringComparison.Ordinal));
        rubric.Items.Should().OnlyContain(i => i.Id.StartsWith(i.Indicator.Id + ".", StringComparison.Ordinal) && i.Requirement.En != null);
    }

    [Fact]
    public void Has_star_tiers_from_700_and_no_compliant_tier()
    {
        rubric.Tiers.Select(t => (t.Id, t.Label.Zh, t.MinScore, t.Stars)).Should().Equal(
            ("not-rated", "未评星", 0m, 0),
            ("two-star", "二星品牌", 700m, 2),
            ("three-star", "三星品牌", 800m, 3),
            ("four-star", "四星品牌", 900m, 4),
            ("five-star", "五星品牌", 950m, 5));
        rubric.TierForScore(699.9m).Id.Should().Be("not-rated");
        rubric.TierForScore(950m).Id.Should().Be("five-star");
    }

    [Fact]
    public void Points_its_editors_at_the_schema_and_cites_its_sources_doc()
    {
        var lines = File.ReadLines(Path.Combine(RepoPaths.Root, "rules", "gbt27925-2011.yaml")).Take(6).ToArray();

        lines[0].Should().Be("# yaml-language-server: $schema=../schemas/rubric.schema.json");
        lines.Should().Contain(l => l.Contains("docs/rubric-sources-gbt27925.md", StringComparison.Ordinal));
        File.Exists(Path.Combine(RepoPaths.Root, "docs", "rubric-sources-gbt27925.md")).Should().BeTrue();
    }
}
