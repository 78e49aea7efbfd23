using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>Hand-computed audits: each expected figure is worked out in the comment above it.</summary>
public sealed class ScoringTests
{
    private static decimal D(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public void All_conforming_scores_100_five_star()
    {
        var result = new AuditBuilder().ScoreOrThrow();

        result.Score.Should().Be(100.0m);
        result.Score.ToString(CultureInfo.InvariantCulture).Should().Be("100.0");
        result.Tier.Id.Should().Be("five-star");
        result.NextTier.Should().BeNull();
        result.EarnedPoints.Should().Be(100m);
        result.ApplicablePoints.Should().Be(100m);
        result.Nonconformities.Should().BeEmpty();
    }

    [Theory]
    [InlineData("69.9", "fail")]
    [InlineData("70.0", "compliant")]
    [InlineData("79.9", "compliant")]
    [InlineData("80.0", "three-star")]
    [InlineData("89.9", "three-star")]
    [InlineData("90.0", "four-star")]
    [InlineData("94.9", "four-star")]
    [InlineData("95.0", "five-star")]
    public void Tier_boundaries_are_exact(string score, string tier)
    {
        var result = TestRubrics.At(D(score)).ScoreOrThrow();

        result.Score.Should().Be(D(score));
        result.Tier.Id.Should().Be(tier);
    }

    [Theory]
    // Half away from zero at the second decimal: x.x5 goes up, x.x4999 goes down.
    [InlineData("69.95", "70.0", "compliant")]
    [InlineData("69.94", "69.9", "fail")]
    [InlineData("79.95", "80.0", "three-star")]
    [InlineData("89.949", "89.9", "three-star")]
    [InlineData("94.95", "95.0", "five-star")]
    [InlineData("84.25", "84.3", "three-star")]
    [InlineData("84.35", "84.4", "three-star")]
    public void Rounding_is_half_away_from_zero_and_the_tier_follows_the_printed_score(string exact, string printed, string tier)
    {
        var result = TestRubrics.At(D(exact)).ScoreOrThrow();

        result.Score.Should().Be(D(printed));
        result.UnroundedScore.Should().Be(D(exact));
        result.Tier.Id.Should().Be(tier);
    }

    [Fact]
    public void Nonconforming_item_loses_its_points()
    {
        // 5.1.1.1 is worth 2: 98/100 → 98.0, five-star.
        var result = new AuditBuilder().Nonconforming("5.1.1.1").ScoreOrThrow();

        result.Score.Should().Be(98.0m);
        var item = result.Items.Single(i => i.Item.Id == "5.1.1.1");
        item.Status.Should().Be(ItemStatus.Nonconforming);
        item.Earned.Should().Be(0m);
        item.Lost.Should().Be(2m);
        item.Grade.Should().Be(NonconformityGrade.Minor, "an ungraded nonconformity defaults to minor");
        item.Explanation.Zh.Should().Be("不符合：失 2 分。");
        result.Indicators.Single(i => i.Indicator.Id == "5.1.1").Earned.Should().Be(3m);
        result.Categories[0].Earned.Should().Be(38m);
        result.Categories[0].Percent.Should().Be(95.0m);
    }

    [Fact]
    public void Partial_awards_the_given_points()
    {
        // 5.3.2.2 (3 points) partial 1.5: 98.5.
        var result = new AuditBuilder().Partial("5.3.2.2", 1.5m).ScoreOrThrow();

        result.Score.Should().Be(98.5m);
        result.Items.Single(i => i.Item.Id == "5.3.2.2").Explanation.En.Should().Be("Partly conforming: 1.5 of 3 points, 1.5 lost.");
    }

    [Fact]
    public void Sample_credit_is_proportional_and_rounds_at_x5()
    {
        // 5.3.2.2 (3 points), 17 of 20 conforming: 3 × 17/20 = 2.55, 0.45 lost → total 99.55 → 99.6 (half away from zero).
        var result = new AuditBuilder().Sample("5.3.2.2", 20, 17).ScoreOrThrow();

        result.UnroundedScore.Should().Be(99.55m);
        result.Score.Should().Be(99.6m);
        var item = result.Items.Single(i => i.Item.Id == "5.3.2.2");
        item.Status.Should().Be(ItemStatus.Partial);
        item.Earned.Should().Be(2.55m);
        item.Explanation.Zh.Should().Be("抽样 20 个，17 个符合：3 × 17/20 = 2.55 分，失 0.45 分。");
    }

    [Fact]
    public void Sample_credit_is_exact_until_the_final_rounding()
    {
        // Three 2-point items sampled 1 of 3 each: 3 × (2 × 1/3) = exactly 2 earned of 6, so 96.0 — a decimal
        // sum of 0.6666…7 × 3 would not be exact. 5.1.2.x are 1.5 each; use 5.1.7.1 (2), 5.2.1.1 (2), 5.2.2.1 (2).
        var result = new AuditBuilder()
            .Sample("5.1.7.1", 3, 1)
            .Sample("5.2.1.1", 3, 1)
            .Sample("5.2.2.1", 3, 1)
            .ScoreOrThrow();

        result.UnroundedScore.Should().Be(96.0m);
        result.Score.Should().Be(96.0m);
        result.Items.Single(i => i.Item.Id == "5.1.7.1").Earned.Should().Be(0.67m, "item figures are shown to two decimals");
    }

    [Fact]
    public void Samples_all_conforming_or_none_conforming_have_the_matching_status()
    {
        var result = new AuditBuilder().Sample("5.3.2.2", 12, 12).Sample("5.3.2.3", 5, 0).ScoreOrThrow();

        result.Items.Single(i => i.Item.Id == "5.3.2.2").Status.Should().Be(ItemStatus.Conforming);
        result.Items.Single(i => i.Item.Id == "5.3.2.3").Status.Should().Be(ItemStatus.Nonconforming);
        result.Score.Should().Be(97.0m);
    }

    [Fact]
    public void Excluded_indicator_leaves_the_denominator_and_rescales()
    {
        // 5.2.3 配送 (6 points) excluded, 5.1.1.1 (2) nonconforming: 92 ÷ 94 × 100 = 97.8723… → 97.9.
        var result = new AuditBuilder()
            .Indicator("5.2.3", "result: not_applicable\n    reason: 企业不从事商品配送")
            .Nonconforming("5.1.1.1")
            .ScoreOrThrow();

        result.ApplicablePoints.Should().Be(94m);
        result.EarnedPoints.Should().Be(92m);
        result.ExcludedPoints.Should().Be(6m);
        result.Score.Should().Be(97.9m);
        result.Exclusions.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "5.2.3", IsIndicator = true, Points = 6m, Reason = "企业不从事商品配送" });
        var indicator = result.Indicators.Single(i => i.Indicator.Id == "5.2.3");
        indicator.Excluded.Should().BeTrue();
        indicator.Percent.Should().BeNull();
        indicator.Possible.Should().Be(6m);
    }

    [Fact]
    public void Excluded_single_item_is_listed_with_its_reason()
    {
        // 5.2.4.5 (1 point) excluded: 99/99 → 100.0.
        var result = new AuditBuilder().NotApplicable("5.2.4.5", "维修当日完成,无需备用机").ScoreOrThrow();

        result.Score.Should().Be(100.0m);
        result.Exclusions.Should().ContainSingle().Which.Id.Should().Be("5.2.4.5");
    }

    [Fact]
    public void Exclusions_can_push_a_score_across_a_boundary()
    {
        // Without exclusion: 5.2.6 (4 points) nonconforming and 5.3.2.2 partial 2 (loses 1): 95/100 → 95.0.
        // Excluding 5.2.6 instead: 99/96... no — exclusion of a failing indicator raises the score: 95 of 96 → 98.958 → 99.0.
        var failing = new AuditBuilder().Indicator("5.2.6", "result: nonconforming").Partial("5.3.2.2", 2).ScoreOrThrow();
        var excluded = new AuditBuilder().Indicator("5.2.6", "result: not_applicable\n    reason: 不销售需回收的商品").Partial("5.3.2.2", 2).ScoreOrThrow();

        failing.Score.Should().Be(95.0m);
        excluded.Score.Should().Be(99.0m);
    }

    [Fact]
    public void Indicator_finding_applies_to_items_without_their_own()
    {
        // 5.2.4 (8 points): indicator nonconforming, but 5.2.4.1 (2) has its own conforming finding: loses 6 → 94.0.
        var result = new AuditBuilder()
            .Indicator("5.2.4", "result: nonconforming")
            .Item("5.2.4.1", "result: conforming")
            .ScoreOrThrow();

        result.Score.Should().Be(94.0m);
        result.Tier.Id.Should().Be("four-star");
        var items = result.Indicators.Single(i => i.Indicator.Id == "5.2.4").Items;
        items[0].FromIndicatorFinding.Should().BeFalse();
        items.Skip(1).Should().OnlyContain(i => i.FromIndicatorFinding && i.Status == ItemStatus.Nonconforming);
        items[1].Explanation.Zh.Should().StartWith("（按指标 5.2.4 的整体判定）");
    }

    [Fact]
    public void Deductions_are_taken_after_scaling_and_can_cross_a_boundary()
    {
        // Dial at 80.5 → three-star; one default deduction (1 point) → 79.5 → compliant.
        var without = TestRubrics.At(80.5m).ScoreOrThrow();
        var with = TestRubrics.At(80.5m).Deduction().ScoreOrThrow();

        without.Tier.Id.Should().Be("three-star");
        with.Score.Should().Be(79.5m);
        with.DeductionPoints.Should().Be(1m);
        with.Tier.Id.Should().Be("compliant");
        with.ItemScore.Should().Be(80.5m);
        with.Nonconformities.Should().ContainSingle(n => n.Kind == NonconformityKind.SpecialDeduction);
    }

    [Fact]
    public void Deductions_apply_to_the_rescaled_score_not_to_earned_points()
    {
        // 5.2.3 excluded (94 applicable), all else conforming: 100.0; deduction of 2 → 98.0 (not 92/94).
        var result = new AuditBuilder()
            .Indicator("5.2.3", "result: not_applicable\n    reason: 不配送")
            .Deduction(2m)
            .ScoreOrThrow();

        result.Score.Should().Be(98.0m);
    }

    [Fact]
    public void Bonus_adds_up_to_one_point_and_the_score_is_clamped_to_the_total()
    {
        var raised = TestRubrics.At(89.5m).Bonus(1m).ScoreOrThrow();
        var capped = new AuditBuilder().Partial("5.3.2.2", 2.5m).Bonus(1m).ScoreOrThrow();

        raised.Score.Should().Be(90.5m);
        raised.Tier.Id.Should().Be("four-star");
        capped.UnroundedScore.Should().Be(100m);
        capped.Score.Should().Be(100.0m);
        capped.Clamped.Should().BeTrue();
        capped.Notices.Should().Contain(n => n.Code == "clamped");
    }

    [Fact]
    public void Deductions_cannot_take_the_score_below_zero()
    {
        var result = TestRubrics.At(2m).Deduction(3m).ScoreOrThrow();

        result.Score.Should().Be(0.0m);
        result.Clamped.Should().BeTrue();
        result.Tier.Id.Should().Be("fail");
    }

    [Fact]
    public void Prerequisite_not_conforming_drops_to_the_highest_tier_whose_prerequisites_hold()
    {
        // Dial: five-star requires D.1.2. D.1.1 conforming (99) + D.1.2 nonconforming = 99.0 → four-star.
        var result = new AuditBuilder(TestRubrics.Dial).Nonconforming("D.1.2").ScoreOrThrow();

        result.Score.Should().Be(99.0m);
        result.ScoreTier.Id.Should().Be("five-star");
        result.Tier.Id.Should().Be("four-star");
        result.TierBlocks.Should().ContainSingle().Which.Items.Should().Equal("D.1.2");
        result.NextTier!.Id.Should().Be("five-star");
        result.PointsToNextTier.Should().Be(0m);
    }

    [Fact]
    public void Prerequisite_excluded_as_not_applicable_holds()
    {
        var result = new AuditBuilder(TestRubrics.Dial).NotApplicable("D.1.2").ScoreOrThrow();

        result.Tier.Id.Should().Be("five-star");
    }

    [Fact]
    public void More_special_deductions_than_allowed_means_no_grade()
    {
        // Dial allows 4. Five deductions of 0.1 on 100: 99.5 would be five-star, but the company is not graded.
        var builder = TestRubrics.At(100m);
        for (var i = 0; i < 5; i++)
        {
            builder.Deduction(0.1m, "违反服务制度" + i);
        }

        var result = builder.ScoreOrThrow();

        result.Score.Should().Be(99.5m);
        result.Tier.Id.Should().Be("fail");
        result.TierBlocks.Should().HaveCount(4);
        result.TierBlocks[0].Reason.Zh.Should().Contain("5 项");
    }

    [Fact]
    public void Four_special_deductions_are_still_graded()
    {
        var builder = TestRubrics.At(100m);
        for (var i = 0; i < 4; i++)
        {
            builder.Deduction(0.1m);
        }

        builder.ScoreOrThrow().Tier.Id.Should().Be("five-star");
    }

    [Fact]
    public void Next_tier_and_points_missing()
    {
        var result = TestRubrics.At(83.4m).ScoreOrThrow();

        result.Tier.Id.Should().Be("three-star");
        result.NextTier!.Id.Should().Be("four-star");
        result.PointsToNextTier.Should().Be(6.6m);
    }

    [Fact]
    public void Mock_audit_scores_unassessed_items_as_zero_and_lists_them()
    {
        // 5.3.1 (12 points) left out of a mock audit: 88/100 → three-star, 12 items... 5 items not assessed.
        var builder = new AuditBuilder().Kind("mock");
        foreach (var item in Rubric.Default.FindIndicator("5.3.1")!.Items)
        {
            builder.Skip(item.Id);
        }

        var result = builder.ScoreOrThrow();

        result.Score.Should().Be(88.0m);
        result.ApplicablePoints.Should().Be(100m);
        result.NotAssessed.Select(i => i.Item.Id).Should().Equal("5.3.1.1", "5.3.1.2", "5.3.1.3", "5.3.1.4", "5.3.1.5");
        result.NotAssessed.Should().OnlyContain(i => i.Status == ItemStatus.NotAssessed && i.Earned == 0);
        result.Notices.Select(n => n.Code).Should().Contain(["mock", "not-assessed"]);
        result.Nonconformities.Should().BeEmpty("unassessed items are listed separately, not as nonconformities");
    }

    [Theory]
    [InlineData("initial", "An initial", "初次认证审核")]
    [InlineData("surveillance", "A surveillance", "监督审核")]
    [InlineData("recertification", "A recertification", "再认证审核")]
    public void Formal_audits_must_assess_every_applicable_item(string kind, string english, string chinese)
    {
        var result = new AuditBuilder().Kind(kind).Skip("5.1.1.1").Skip("5.3.2.5").Score();

        result.Succeeded.Should().BeFalse();
        result.Errors.Select(e => (e.Code, e.Message)).Should().Equal(
            ("SR3015", "check items without a finding (2): 5.1.1.1, 5.3.2.5"));
        result.Errors.Single().Hint.Should().StartWith($"{english} audit must assess every applicable check item");
        result.Errors.Single().HintIn(Language.Chinese).Should().StartWith($"{chinese}必须评价每个适用的检查项");
        result.Errors.Single().MessageIn(Language.Chinese).Should().Be("没有评价记录的检查项（2 个）：5.1.1.1, 5.3.2.5");
    }

    [Fact]
    public void A_preview_scores_a_formal_audit_in_progress_with_the_missing_items_as_zero_and_says_so()
    {
        // 5.3.1 (12 points, 5 items) not yet recorded in an initial audit: a preview counts them as 0 → 88/100.
        var builder = new AuditBuilder().Kind("initial");
        foreach (var item in Rubric.Default.FindIndicator("5.3.1")!.Items)
        {
            builder.Skip(item.Id);
        }

        var preview = AuditEngine.Default.WithOptions(new ScoringOptions { Preview = true });

        var result = preview.Score(builder.Yaml(), "test.yaml").GetValueOrThrow();

        result.IsPreview.Should().BeTrue();
        result.Score.Should().Be(88.0m);
        result.Tier.Id.Should().Be("three-star");
        result.NotAssessed.Should().HaveCount(5);
        result.Notices[0].Code.Should().Be("preview", "a preview says so first");
        result.Notices.Select(n => n.Code).Should().Contain("not-assessed");
        AuditEngine.Default.Score(builder.Yaml(), "test.yaml").Errors.Select(e => e.Code).Should().Equal(["SR3015"], "without the option the audit is refused as before");
        preview.Rubric.Should().BeSameAs(AuditEngine.Default.Rubric);
        AuditEngine.Default.Options.Preview.Should().BeFalse();
    }

    [Fact]
    public void A_preview_of_a_complete_audit_is_the_audit_result()
    {
        var yaml = new AuditBuilder().Kind("surveillance").Partial("5.1.1.1", 0.5m).Sample("5.1.2.2", 12, 9).Yaml();

        var plain = AuditEngine.Default.Score(yaml, "a.yaml").GetValueOrThrow();
        var preview = AuditEngine.Default.WithOptions(new ScoringOptions { Preview = true }).Score(yaml, "a.yaml").GetValueOrThrow();

        preview.IsPreview.Should().BeFalse();
        preview.Score.Should().Be(plain.Score);
        preview.Notices.Select(n => (n.Code, n.Text.ToString(Wording.English))).Should().Equal(plain.Notices.Select(n => (n.Code, n.Text.ToString(Wording.English))));
        preview.Items.Select(i => (i.Item.Id, i.Status, i.Earned)).Should().Equal(plain.Items.Select(i => (i.Item.Id, i.Status, i.Earned)));
    }

    [Fact]
    public void A_preview_still_refuses_what_is_wrong_in_what_was_recorded()
    {
        var yaml = new AuditBuilder().Kind("initial").Skip("5.1.1.1").Item("5.1.1.2", "result: partial").Yaml();

        var result = AuditEngine.Default.WithOptions(new ScoringOptions { Preview = true }).Score(yaml, "a.yaml");

        result.Errors.Select(e => e.Code).Should().Equal("SR3007");
    }

    [Fact]
    public void Rectification_list_orders_major_then_deductions_then_minor_then_observations()
    {
        var result = new AuditBuilder()
            .Item("5.1.1.1", "result: nonconforming\n    grade: minor\n    note: 未任命分管领导")
            .Item("5.2.4.4", "result: partial\n    points: 0.5\n    grade: major\n    note: 维修记录缺少顾客签字")
            .Item("5.1.7.1", "result: conforming\n    grade: observation\n    note: 理念宣传可加强")
            .Deduction(reason: "超出承诺时限收费")
            .ScoreOrThrow();

        result.Nonconformities.Select(n => (n.Kind, n.Grade, n.Id, n.LostPoints, n.Description.Zh)).Should().Equal(
            (NonconformityKind.Item, NonconformityGrade.Major, "5.2.4.4", 1m, "维修记录缺少顾客签字"),
            (NonconformityKind.SpecialDeduction, (NonconformityGrade?)null, (string?)null, 1m, "超出承诺时限收费"),
            (NonconformityKind.Item, NonconformityGrade.Minor, "5.1.1.1", 2m, "未任命分管领导"),
            (NonconformityKind.Item, NonconformityGrade.Observation, "5.1.7.1", 0m, "理念宣传可加强"));
    }

    [Fact]
    public void Initial_audit_reaching_a_star_carries_the_certification_practice_notice()
    {
        var initial = new AuditBuilder().ScoreOrThrow();
        var surveillance = new AuditBuilder().Kind("surveillance").ScoreOrThrow();

        initial.Notices.Should().Contain(n => n.Code == "initial-star");
        surveillance.Notices.Should().NotContain(n => n.Code == "initial-star");
        initial.Notices.Should().Contain(n => n.Code == "provisional-points");
    }

    [Fact]
    public void Json_evidence_scores_like_the_same_yaml()
    {
        var yaml = AuditEngine.Default.Score("""
            company: { name: 某某电器有限公司 }
            audit: { kind: mock }
            findings:
              - { item: "5.1.1.1", result: partial, points: 1.5 }
              - { item: "5.3.2.2", sample: { size: 20, conforming: 17 } }
              - { indicator: "5.2.3", result: not_applicable, reason: 不配送 }
            """, "e.yaml").GetValueOrThrow();
        var json = AuditEngine.Default.Score("""
            {
              "company": { "name": "某某电器有限公司" },
              "audit": { "kind": "mock" },
              "findings": [
                { "item": "5.1.1.1", "result": "partial", "points": 1.5 },
                { "item": "5.3.2.2", "sample": { "size": 20, "conforming": 17 } },
                { "indicator": "5.2.3", "result": "not_applicable", "reason": "不配送" }
              ]
            }
            """, "e.json").GetValueOrThrow();

        json.Score.Should().Be(yaml.Score);
        json.UnroundedScore.Should().Be(yaml.UnroundedScore);
        json.Items.Select(i => (i.Item.Id, i.Status, i.Earned)).Should().Equal(yaml.Items.Select(i => (i.Item.Id, i.Status, i.Earned)));
    }

    [Fact]
    public void Evidence_built_in_code_is_validated_and_scored()
    {
        var evidence = new AuditEvidence
        {
            Company = new Company { Name = "嵌入式示例公司" },
            Audit = new AuditInfo { Kind = AuditKind.Self },
            Findings =
            [
                new Finding { Item = "5.1.1.1", Result = FindingResult.Conforming },
                new Finding { Item = "5.1.1.2", Result = FindingResult.Partial },
            ],
        };

        var result = AuditEngine.Default.Score(evidence);

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().ContainSingle().Which.ToString().Should().Be("evidence: error SR3007: the partial finding for item 5.1.1.2 needs 'points'");
    }
}
