using StarRating.Rules;

namespace StarRating.Rules.Tests;

public sealed class DefaultRubricTests
{
    private readonly Rubric rubric = Rubric.Default;

    [Fact]
    public void Loads_without_diagnostics()
    {
        var result = RubricLoader.LoadDefault();

        result.Diagnostics.Should().BeEmpty();
        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Has_identity_of_the_standard()
    {
        rubric.Id.Should().Be("gbt27922-2011");
        rubric.Standard.Should().Be("GB/T 27922-2011");
        rubric.TotalPoints.Should().Be(100m);
        rubric.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
    }

    [Fact]
    public void Has_three_categories_of_40_35_25_points()
    {
        rubric.Categories.Select(c => (c.Id, c.Name.Zh, c.Points)).Should().Equal(
            ("5.1", "售后服务体系", 40m),
            ("5.2", "商品服务", 35m),
            ("5.3", "顾客服务", 25m));
    }

    [Fact]
    public void Has_the_fifteen_indicators_with_clause_numbers_and_provisional_points()
    {
        rubric.Indicators.Select(i => (i.Id, i.Name.Zh, i.Points)).Should().Equal(
            ("5.1.1", "组织架构", 5m),
            ("5.1.2", "人员配置", 6m),
            ("5.1.3", "资源配置", 6m),
            ("5.1.4", "规范要求", 7m),
            ("5.1.5", "监督", 6m),
            ("5.1.6", "改进", 5m),
            ("5.1.7", "服务文化", 5m),
            ("5.2.1", "商品信息", 5m),
            ("5.2.2", "技术支持", 6m),
            ("5.2.3", "配送", 6m),
            ("5.2.4", "维修", 8m),
            ("5.2.5", "质量保证", 6m),
            ("5.2.6", "废弃商品回收", 4m),
            ("5.3.1", "顾客关系", 12m),
            ("5.3.2", "投诉处理", 13m));
        rubric.Indicators.Should().OnlyContain(i => i.PointsProvisional, "the reference's table is provisional");
        rubric.ProvisionalNote.Should().NotBeNull();
    }

    [Fact]
    public void Indicators_sit_under_the_category_named_by_their_clause()
    {
        foreach (var category in rubric.Categories)
        {
            category.Indicators.Should().OnlyContain(i => i.Id.StartsWith(category.Id + ".", StringComparison.Ordinal) && i.Category == category);
        }
    }

    [Fact]
    public void Every_indicator_has_two_to_six_items_whose_points_add_up()
    {
        foreach (var indicator in rubric.Indicators)
        {
            indicator.Items.Should().HaveCountGreaterThanOrEqualTo(2).And.HaveCountLessThanOrEqualTo(6);
            indicator.Items.Sum(i => i.Points).Should().Be(indicator.Points, indicator.Id);
            indicator.Items.Should().OnlyContain(i => i.Id.StartsWith(indicator.Id + ".", StringComparison.Ordinal) && i.Indicator == indicator);
        }

        rubric.Categories.Sum(c => c.Indicators.Sum(i => i.Points)).Should().Be(100m);
    }

    [Fact]
    public void Every_item_is_bilingual_and_names_its_methods()
    {
        foreach (var item in rubric.Items)
        {
            item.Requirement.Zh.Should().NotBeNullOrWhiteSpace(item.Id);
            item.Requirement.En.Should().NotBeNullOrWhiteSpace(item.Id);
            item.Methods.Should().NotBeEmpty(item.Id);
            item.Documents.All(d => !string.IsNullOrWhiteSpace(d.En)).Should().BeTrue(item.Id);
        }
    }

    [Fact]
    public void Lists_the_application_documents_for_the_document_request_list()
    {
        rubric.ApplicationDocuments.Select(d => d.Zh).Should().Contain(d => d.StartsWith("营业执照", StringComparison.Ordinal));
        rubric.ApplicationDocuments.Should().OnlyContain(d => !string.IsNullOrWhiteSpace(d.En));
    }

    [Fact]
    public void Tiers_follow_the_standard()
    {
        rubric.Tiers.Select(t => (t.Id, t.Label.Zh, t.MinScore, t.Stars)).Should().Equal(
            ("fail", "不达标", 0m, 0),
            ("compliant", "达标级", 70m, 0),
            ("three-star", "三星级", 80m, 3),
            ("four-star", "四星级", 90m, 4),
            ("five-star", "五星级", 95m, 5));
    }

    [Theory]
    [InlineData("0", "fail")]
    [InlineData("69.9", "fail")]
    [InlineData("70.0", "compliant")]
    [InlineData("79.9", "compliant")]
    [InlineData("80.0", "three-star")]
    [InlineData("89.9", "three-star")]
    [InlineData("90.0", "four-star")]
    [InlineData("94.9", "four-star")]
    [InlineData("95.0", "five-star")]
    [InlineData("100", "five-star")]
    public void Tier_for_score_uses_exact_boundaries(string score, string tier)
    {
        rubric.TierForScore(decimal.Parse(score, System.Globalization.CultureInfo.InvariantCulture)).Id.Should().Be(tier);
    }

    [Fact]
    public void Scoring_policy_carries_the_reference_rules()
    {
        rubric.Scoring.Decimals.Should().Be(1);
        rubric.Scoring.Rounding.Should().Be(ScoreRounding.HalfAwayFromZero);
        rubric.Scoring.DefaultDeduction.Should().Be(1m);
        rubric.Scoring.MaxBonusPoints.Should().Be(1m);
        rubric.Scoring.MaxBonusCount.Should().Be(1);
        rubric.Scoring.MaxSpecialDeductions.Should().Be(4, "fewer than 5 special deductions (single source)");
    }

    [Fact]
    public void Embedded_rubric_is_byte_identical_to_the_file_in_rules()
    {
        var onDisk = File.ReadAllBytes(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml"));

        RubricLoader.DefaultRubricBytes().Should().Equal(onDisk);
        Rubric.Load(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml")).GetValueOrThrow().Sha256.Should().Be(rubric.Sha256);
    }

    [Fact]
    public void Default_instance_is_shared()
    {
        Rubric.Default.Should().BeSameAs(Rubric.Default);
        rubric.FindItem("5.3.2.2")!.Indicator.Id.Should().Be("5.3.2");
        rubric.FindIndicator("5.2.3")!.Category.Id.Should().Be("5.2");
        rubric.FindTier("four-star")!.Rank.Should().Be(3);
        rubric.FindItem("9.9.9").Should().BeNull();
    }
}
