using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// The one scoring core. Given evidence that passed <see cref="EvidenceValidator"/> (and the finding index it built),
/// it computes every item, indicator and category, the exact total, the adjustments, the rounded score and the tier,
/// through the formula of <see cref="ScoreRules"/>. Texts are messages for the vocabulary, never prose.
/// </summary>
internal static class Scorer
{
    public static AuditResult Score(AuditEvidence evidence, Rubric rubric, FindingIndex findings, IReadOnlyList<Diagnostic> warnings, ConsensusRule consensus = ConsensusRule.Lowest, LoadedPrevious? previous = null, SurveillanceSchedule? schedule = null, bool preview = false)
    {
        var policy = rubric.Scoring;
        var categories = new List<CategoryResult>();
        var exclusions = new List<Exclusion>();
        foreach (var category in rubric.Categories)
        {
            var indicators = new List<IndicatorResult>();
            foreach (var indicator in category.Indicators)
            {
                var indicatorFinding = findings.OfIndicator(indicator.Id);
                var items = indicator.Items
                    .Select(item => ScoreItem(item, findings.OfItem(item.Id), indicatorFinding, policy))
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

        var allIndicators = categories.SelectMany(c => c.Indicators).ToArray();
        var allItems = allIndicators.SelectMany(i => i.Items).ToArray();
        var earned = allItems.Aggregate(Rational.Zero, (sum, i) => sum + i.ExactEarned);
        var applicable = Numbers.Normalize(allItems.Sum(i => i.Applicable));

        var deductions = evidence.Deductions
            .Select(d => new AppliedAdjustment(Numbers.Normalize(d.Points ?? policy.DefaultDeduction), d.Reason, d.Basis, d.Item))
            .ToArray();
        var bonuses = evidence.Bonuses
            .Select(b => new AppliedAdjustment(Numbers.Normalize(b.Points ?? policy.MaxBonusPoints), b.Reason, b.Basis, null))
            .ToArray();
        var deductionPoints = Numbers.Normalize(deductions.Sum(d => d.Points));
        var bonusPoints = Numbers.Normalize(bonuses.Sum(b => b.Points));

        var itemScore = ScoreRules.ItemScore(earned, applicable, rubric.TotalPoints);
        var adjusted = ScoreRules.Adjusted(itemScore, deductionPoints, bonusPoints);
        var clamped = ScoreRules.Clamp(adjusted, rubric.TotalPoints);
        var score = ScoreRules.Round(clamped, policy);

        var openMajors = CycleRules.OpenMajors(evidence, allItems);
        var tierDecision = TierRules.Decide(rubric, score, allItems, deductions.Length, openMajors);
        var followUp = previous is null ? null : CycleRules.FollowUp(previous, evidence, allItems);
        var repeated = followUp?.Nonconformities.Where(n => n.Status == PreviousStatus.Repeated).Select(n => n.Item).ToHashSet(StringComparer.Ordinal) ?? [];
        var notices = BuildNotices(rubric, evidence, tierDecision.Granted, clamped != adjusted, allItems, consensus, preview);
        if (openMajors.Count > 0)
        {
            notices.Add(new Notice("major-nonconformities-open", new Message("notice.major-nonconformities-open", ("count", openMajors.Count), ("items", openMajors))));
        }

        if (StageOne.Applies(evidence))
        {
            notices.Add(StageOne.Notice(allItems));
        }

        if (repeated.Count > 0)
        {
            notices.Add(new Notice("repeat-findings", new Message("notice.repeat-findings", ("count", repeated.Count), ("items", repeated.Order(StringComparer.Ordinal).ToArray()))));
        }

        return new AuditResult(rubric, evidence)
        {
            Score = score,
            UnroundedScore = Numbers.Normalize(clamped.Round(4)),
            ItemScore = Numbers.Normalize(itemScore.Round(4)),
            EarnedPoints = Numbers.Normalize(earned.Round(policy.DetailDecimals)),
            ApplicablePoints = applicable,
            DeductionPoints = deductionPoints,
            BonusPoints = bonusPoints,
            Clamped = clamped != adjusted,
            Formula = ScoreRules.Figures(earned, applicable, deductionPoints, bonusPoints, score, rubric),
            Tier = tierDecision.Granted,
            ScoreTier = tierDecision.ByScore,
            TierBlocks = tierDecision.Blocks,
            NextTier = tierDecision.Next,
            PointsToNextTier = tierDecision.Next is null ? null : Math.Max(0m, tierDecision.Next.MinScore - score),
            Categories = categories,
            Indicators = allIndicators,
            Items = allItems,
            Deductions = deductions,
            Bonuses = bonuses,
            Exclusions = exclusions,
            NotAssessed = allItems.Where(i => i.Status == ItemStatus.NotAssessed).ToArray(),
            Nonconformities = BuildNonconformities(allItems, deductions, rubric, repeated),
            Notices = notices,
            IsPreview = preview,
            Warnings = warnings,
            DecisionTier = evidence.Decision is { } decision ? rubric.Tiers.FirstOrDefault(t => t.Id == decision.Tier) : null,
            OpenMajors = openMajors,
            // A failed initial or recertification audit leads to no certificate, hence to no surveillance.
            // Neither does a stage 1 document review: the surveillance clock starts from the certificate stage 2 leads to.
            Surveillance = StageOne.Applies(evidence) || (schedule is { Due: null } && evidence.Certificate is null && tierDecision.Granted.Rank == 0) ? null : schedule,
            Previous = followUp,
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
        return new ItemResult(item, status, finding, fromIndicator, rounded, grade, Explanations.ForItem(item, status, finding, fromIndicator, earned, rounded))
        {
            ExactEarned = earned,
        };
    }

    private static IReadOnlyList<Nonconformity> BuildNonconformities(IReadOnlyList<ItemResult> items, IReadOnlyList<AppliedAdjustment> deductions, Rubric rubric, IReadOnlySet<string> repeated)
    {
        Nonconformity FromItem(ItemResult item) => new(
            NonconformityKind.Item,
            item.Grade,
            item.Item.Id,
            item.Item.Requirement,
            item.Lost,
            item.Note is { } note ? Message.Verbatim(note) : item.Explanation,
            item.Evidence)
        {
            Repeated = item.Grade is NonconformityGrade.Major or NonconformityGrade.Minor && repeated.Contains(item.Item.Id),
            Record = item.Finding?.Nc,
        };

        var graded = items.Where(i => i.Grade is not null).ToArray();
        var list = new List<Nonconformity>();
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Major).Select(FromItem));
        list.AddRange(deductions.Select(d => new Nonconformity(
            NonconformityKind.SpecialDeduction,
            null,
            d.Item,
            d.Item is null ? null : rubric.FindItem(d.Item)?.Requirement,
            d.Points,
            Message.Verbatim(d.Reason),
            d.Basis is null ? [] : [d.Basis])));
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Minor).Select(FromItem));
        list.AddRange(graded.Where(i => i.Grade == NonconformityGrade.Observation).Select(FromItem));
        return list;
    }

    private static List<Notice> BuildNotices(Rubric rubric, AuditEvidence evidence, Tier granted, bool clamped, IReadOnlyList<ItemResult> items, ConsensusRule consensus, bool preview)
    {
        var notices = new List<Notice>();
        if (preview)
        {
            notices.Add(new Notice("preview", new Message("notice.preview")));
        }

        if (evidence.Audit.Kind is AuditKind.Mock or AuditKind.Self)
        {
            notices.Add(new Notice("mock", new Message("notice.mock", ("kind", EvidenceWords.Of(evidence.Audit.Kind)))));
        }

        // Only a mock or self assessment reaches scoring with unresolved findings (a formal audit is refused, SR3152).
        var unresolved = evidence.Findings.Where(f => f.IsUnresolved).Select(f => f.Item ?? f.Indicator ?? "").ToArray();
        if (unresolved.Length > 0)
        {
            notices.Add(new Notice("consensus", new Message("notice.consensus", ("count", unresolved.Length), ("rule", Consensus.Words.TokenOf(consensus)), ("items", unresolved))));
        }

        var notAssessed = items.Count(i => i.Status == ItemStatus.NotAssessed);
        if (notAssessed > 0)
        {
            notices.Add(new Notice("not-assessed", new Message("notice.not-assessed", ("count", notAssessed))));
        }

        if (clamped)
        {
            notices.Add(new Notice("clamped", new Message("notice.clamped", ("total", Numbers.Normalize(rubric.TotalPoints)))));
        }

        if (evidence.Audit.Kind == AuditKind.Initial && granted.InitialAuditNote is { } note)
        {
            notices.Add(new Notice("initial-star", new Message("notice.initial-star", ("note", note))));
        }

        if (rubric.HasProvisionalPoints)
        {
            // The client report says only that the points are provisional; how to replace them is the rubric's
            // own note (Rubric.ProvisionalNote), for the people who maintain it.
            notices.Add(new Notice("provisional-points", new Message("notice.provisional-points")));
        }

        return notices;
    }
}
