using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// The one scoring core. Given evidence that passed <see cref="EvidenceValidator"/>, it computes every item,
/// indicator and category, the exact total, the adjustments, the rounded score and the tier.
/// </summary>
internal static class Scorer
{
    public static AuditResult Score(AuditEvidence evidence, Rubric rubric, IReadOnlyList<Diagnostic> warnings, bool preview = false)
    {
        var policy = rubric.Scoring;
        var itemFindings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var indicatorFindings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var finding in evidence.Findings)
        {
            if (finding.Item is not null)
            {
                itemFindings.TryAdd(finding.Item, finding);
            }
            else if (finding.Indicator is not null)
            {
                indicatorFindings.TryAdd(finding.Indicator, finding);
            }
        }

        var categories = new List<CategoryResult>();
        var exclusions = new List<Exclusion>();
        foreach (var category in rubric.Categories)
        {
            var indicators = new List<IndicatorResult>();
            foreach (var indicator in category.Indicators)
            {
                var indicatorFinding = indicatorFindings.GetValueOrDefault(indicator.Id);
                var items = indicator.Items
                    .Select(item => ScoreItem(item, itemFindings.GetValueOrDefault(item.Id), indicatorFinding, policy))
                    .ToArray();
                var result = new IndicatorResult(indicator, items, policy.DetailDecimals);
                indicators.Add(result);

                if (result.Excluded && indicatorFinding?.Result == FindingResult.NotApplicable)
                {
                    exclusions.Add(new Exclusion(indicator.Id, IsIndicator: true, indicator.Name, indicator.Points, indicatorFinding.Reason ?? ""));
                }
                else
                {
                    exclusions.AddRange(items
                        .Where(i => i.Status == ItemStatus.NotApplicable)
                        .Select(i => new Exclusion(i.Item.Id, IsIndicator: false, i.Item.Requirement, i.Item.Points, i.Finding?.Reason ?? "")));
                }
            }

            categories.Add(new CategoryResult(category, indicators, policy.DetailDecimals));
        }

        var allItems = categories.SelectMany(c => c.Indicators).SelectMany(i => i.Items).ToArray();
        var earned = allItems.Aggregate(Rational.Zero, (sum, i) => sum + i.ExactEarned);
        var applicable = allItems.Sum(i => i.Applicable);
        var total = Rational.FromDecimal(rubric.TotalPoints);
        var itemScore = earned * total / Rational.FromDecimal(applicable);

        var deductions = evidence.Deductions
            .Select(d => new AppliedAdjustment(Numbers.Normalize(d.Points ?? policy.DefaultDeduction), d.Reason, d.Basis, d.Item))
            .ToArray();
        var bonuses = evidence.Bonuses
            .Select(b => new AppliedAdjustment(Numbers.Normalize(b.Points ?? policy.MaxBonusPoints), b.Reason, b.Basis, null))
            .ToArray();
        var deductionPoints = deductions.Sum(d => d.Points);
        var bonusPoints = bonuses.Sum(b => b.Points);

        var adjusted = itemScore - Rational.FromDecimal(deductionPoints) + Rational.FromDecimal(bonusPoints);
        var clamped = Rational.Max(Rational.Zero, Rational.Min(total, adjusted));
        var score = clamped.Round(policy.Decimals, policy.Rounding);

        var tierDecision = TierRules.Decide(rubric, score, allItems, deductions.Length);
        var notices = BuildNotices(rubric, evidence, tierDecision.Granted, clamped != adjusted, allItems, preview);

        return new AuditResult(rubric, evidence)
        {
            Score = score,
            UnroundedScore = Numbers.Normalize(clamped.Round(4)),
            ItemScore = Numbers.Normalize(itemScore.Round(4)),
            EarnedPoints = Numbers.Normalize(earned.Round(policy.DetailDecimals)),
            ApplicablePoints = Numbers.Normalize(applicable),
            DeductionPoints = Numbers.Normalize(deductionPoints),
            BonusPoints = Numbers.Normalize(bonusPoints),
            Clamped = clamped != adjusted,
            Tier = tierDecision.Granted,
            ScoreTier = tierDecision.ByScore,
            TierBlocks = tierDecision.Blocks,
            NextTier = tierDecision.Next,
            PointsToNextTier = tierDecision.Next is null ? null : Math.Max(0m, tierDecision.Next.MinScore - score),
            Categories = categories,
            Deductions = deductions,
            Bonuses = bonuses,
            Exclusions = exclusions,
            NotAssessed = allItems.Where(i => i.Status == ItemStatus.NotAssessed).ToArray(),
            Nonconformities = BuildNonconformities(allItems, deductions, rubric),
            Notices = notices,
            IsPreview = preview,
            Warnings = warnings,
            ExactEarned = earned,
        };
    }

    private static ItemResult ScoreItem(CheckItem item, Finding? own, Finding? ofIndicator, ScoringPolicy policy)
    {
        var finding = own ?? ofIndicator;
        var fromIndicator = own is null && ofIndicator is not null;
        var points = Rational.FromDecimal(item.Points);
        ItemStatus status;
        Rational earned;
        if (finding is null)
        {
            status = ItemStatus.NotAssessed;
            earned = Rational.Zero;
        }
        else if (finding.Sample is { } sample)
        {
            earned = points * Rational.Ratio(sample.Conforming, sample.Size);
            status = sample.Conforming == sample.Size ? ItemStatus.Conforming : sample.Conforming == 0 ? ItemStatus.Nonconforming : ItemStatus.Partial;
        }
        else
        {
            (status, earned) = finding.Result switch
            {
                FindingResult.Conforming => (ItemStatus.Conforming, points),
                FindingResult.Partial => (ItemStatus.Partial, Rational.FromDecimal(finding.Points!.Value)),
                FindingResult.NotApplicable => (ItemStatus.NotApplicable, Rational.Zero),
                _ => (ItemStatus.Nonconforming, Rational.Zero),
            };
        }

        // A nonconformity without a stated grade is minor; observations may also note a conforming item.
        NonconformityGrade? grade = status switch
        {
            ItemStatus.Partial or ItemStatus.Nonconforming => finding?.Grade ?? NonconformityGrade.Minor,
            ItemStatus.Conforming when finding?.Grade == NonconformityGrade.Observation => NonconformityGrade.Observation,
            _ => null,
        };

        var rounded = earned.Round(policy.DetailDecimals);
        return new ItemResult(item, status, finding, fromIndicator, rounded, grade, Explanations.ForItem(item, status, finding, fromIndicator, rounded))
        {
            ExactEarned = earned,
        };
    }

    private static IReadOnlyList<Nonconformity> BuildNonconformities(IReadOnlyList<ItemResult> items, IReadOnlyList<AppliedAdjustment> deductions, Rubric rubric)
    {
        Nonconformity FromItem(ItemResult item) => new(
            NonconformityKind.Item,
            item.Grade,
            item.Item.Id,
            item.Item.Requirement,
            item.Lost,
            item.Note is { } note ? new LocalizedText(note) : item.Explanation,
            item.Evidence);

        var graded = items.Where(i => i.Grade is not null).ToArray();
        var list = new List<Nonconformity>();
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Major).Select(FromItem));
        list.AddRange(deductions.Select(d => new Nonconformity(
            NonconformityKind.SpecialDeduction,
            null,
            d.Item,
            d.Item is null ? null : rubric.FindItem(d.Item)?.Requirement,
            d.Points,
            new LocalizedText(d.Reason),
            d.Basis is null ? [] : [d.Basis])));
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Minor).Select(FromItem));
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Observation).Select(FromItem));
        return list;
    }

    private static IReadOnlyList<Notice> BuildNotices(Rubric rubric, AuditEvidence evidence, Tier granted, bool clamped, IReadOnlyList<ItemResult> items, bool preview)
    {
        var notices = new List<Notice>();
        if (preview)
        {
            notices.Add(new Notice("preview", new LocalizedText(
                "预览：这次正式审核尚未完成，未记录的检查项按 0 分计；全部记录后的评分才是审核结果。",
                "Preview: this formal audit is not complete; check items not yet recorded count as 0. Only the score of the complete audit is its result.")));
        }

        if (evidence.Audit.Kind is AuditKind.Mock or AuditKind.Self)
        {
            notices.Add(new Notice("mock", new LocalizedText(
                "本结果来自模拟审核或自我评价,不是认证结论。",
                "This result comes from a mock audit or self-assessment; it is not a certification decision.")));
        }

        var notAssessed = items.Count(i => i.Status == ItemStatus.NotAssessed);
        if (notAssessed > 0)
        {
            notices.Add(new Notice("not-assessed", new LocalizedText(
                $"{notAssessed} 个检查项未评价,按 0 分计入;补充评价后得分可能提高。",
                $"{notAssessed} check items were not assessed and count as 0; the score may rise once they are.")));
        }

        if (clamped)
        {
            notices.Add(new Notice("clamped", new LocalizedText(
                $"特别扣分和加分调整后的得分超出 0–{Numbers.Format(rubric.TotalPoints)} 分范围,已按边界计。",
                $"After special deductions and bonus the score fell outside 0–{Numbers.Format(rubric.TotalPoints)} and was clamped.")));
        }

        if (evidence.Audit.Kind == AuditKind.Initial && granted.InitialAuditNote is { } note)
        {
            notices.Add(new Notice("initial-star", note));
        }

        if (rubric.HasProvisionalPoints)
        {
            notices.Add(new Notice("provisional-points", rubric.ProvisionalNote ?? new LocalizedText(
                "部分指标分值为暂定分值,不是官方评分表的分值。",
                "Some indicator points are provisional, not from an official scoring table.")));
        }

        return notices;
    }
}
