using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// How alike the assessors of a team rated the items they both assessed: per indicator and overall, the share of items
/// rated alike, Fleiss' kappa over the result categories, and the largest point spreads (flagged above the rubric's
/// <see cref="ScoringPolicy.AgreementSpread"/>). Computed exactly (fractions) from the <see cref="Finding.Assessments"/>
/// of merged evidence (and from <see cref="Finding.By"/> lists of two or more on findings without assessments); figures
/// are rounded only for display. A pooled sample (the sum of its assessments' samples) is not a rating: its assessors
/// checked different records.
/// </summary>
public sealed class TeamAgreement
{
    /// <summary>
    /// Most distinct assessors for which <see cref="Pairs"/> is computed (64, so at most 2,016 pairs): a body's
    /// assessors are far fewer, and a hostile file naming thousands must not cost millions of passes.
    /// </summary>
    public const int MaxPairAssessors = 64;

    private TeamAgreement(AgreementFigures overall, IReadOnlyList<IndicatorAgreement> indicators, IReadOnlyList<PointSpread> spreads, Func<PairAgreement[]> pairs, decimal threshold)
    {
        Overall = overall;
        Indicators = indicators;
        Spreads = spreads;
        this.pairs = new Lazy<PairAgreement[]>(pairs);
        Threshold = threshold;
    }

    // Up to 2,016 passes over the items: computed only when asked (a report shows none; the JSON result and
    // `agreement FOLDER` do).
    private readonly Lazy<PairAgreement[]> pairs;

    /// <summary>The assessors the findings name (in <c>by</c> and in assessments), in the order first met.</summary>
    public IReadOnlyList<string> Assessors { get; private init; } = [];

    /// <summary>
    /// Findings whose assessors gave different results, points or samples, in the order of the evidence: resolved by
    /// the lead (the team's finding written, the assessments kept as the record) or still unresolved (a mock or self
    /// assessment scores them by its consensus rule).
    /// </summary>
    public IReadOnlyList<TeamFinding> Disagreements { get; private init; } = [];

    /// <summary>Findings whose sample adds up the samples of several assessors (they checked different records); not ratings.</summary>
    public IReadOnlyList<TeamFinding> Pooled { get; private init; } = [];

    /// <summary>Over every item two or more assessors rated.</summary>
    public AgreementFigures Overall { get; }

    /// <summary>Per indicator with at least one item two or more assessors rated, in rubric order.</summary>
    public IReadOnlyList<IndicatorAgreement> Indicators { get; }

    /// <summary>Items whose assessors gave different points, largest spread first.</summary>
    public IReadOnlyList<PointSpread> Spreads { get; }

    /// <summary>Per pair of assessors who rated at least one item both, ordered by names; empty beyond <see cref="MaxPairAssessors"/> assessors.</summary>
    public IReadOnlyList<PairAgreement> Pairs => pairs.Value;

    /// <summary>The spread above which an item is flagged (the rubric's <see cref="ScoringPolicy.AgreementSpread"/>).</summary>
    public decimal Threshold { get; }

    /// <summary>
    /// The agreement of one audit's team, for its report; null when the audit is not a team's (its findings name fewer
    /// than two assessors). A team whose assessors each covered other items has figures with <see cref="AgreementGap.NoPairs"/>.
    /// </summary>
    /// <param name="audit">The audit's evidence (resolved or not: the assessments are read, not the team's result).</param>
    /// <param name="rubric">The rubric the audit is recorded against.</param>
    public static TeamAgreement? OfTeamAudit(AuditEvidence audit, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(rubric);
        return AssessorsOf([audit]).Length < 2 ? null : Of([audit], rubric);
    }

    /// <summary>The agreement within one or more team audits (e.g. every merged audit of a body's year).</summary>
    /// <param name="audits">Merged evidence, each with <see cref="AuditEvidence.SourceName"/> naming it.</param>
    /// <param name="rubric">The rubric the audits are recorded against.</param>
    public static TeamAgreement Of(IEnumerable<AuditEvidence> audits, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(audits);
        ArgumentNullException.ThrowIfNull(rubric);
        var list = audits.ToArray();
        var rated = list.SelectMany(a => Ratings(a, rubric)).ToArray();
        var indicators = rubric.Indicators
            .Select(ind => (ind, figures: Figures(rated.Where(r => r.Indicator == ind))))
            .Where(x => x.figures.Items > 0)
            .Select(x => new IndicatorAgreement(x.ind.Id, x.ind.Name, x.figures))
            .ToArray();
        var threshold = rubric.Scoring.AgreementSpread;
        var decimals = rubric.Scoring.DetailDecimals;
        var spreads = rated
            .Select(r => (r, points: r.Ratings.Where(x => x.Points is not null).ToArray()))
            .Where(x => x.points.Length >= 2)
            .Select(x =>
            {
                var spread = x.points.Max(p => p.Points!.Value) - x.points.Min(p => p.Points!.Value);
                return (x.r, x.points, spread);
            })
            .Where(x => x.spread > Rational.Zero)
            .OrderByDescending(x => x.spread)
            .Select(x => new PointSpread(
                x.r.Audit,
                x.r.Target,
                x.points.Select(p => new AssessorPoints(p.Assessor, p.Points!.Value.Round(decimals))).ToArray(),
                x.spread.Round(decimals),
                x.spread > Rational.FromDecimal(threshold)))
            .ToArray();
        var disagreements = rated
            .Where(r => r.Ratings.Count >= 2 && !r.Ratings.All(x => TeamMerge.Alike(x.Finding, r.Ratings[0].Finding)))
            .Select(r => new TeamFinding(r.Audit, r.Target, r.Team, r.Ratings.Select(x => x.Finding).ToArray()))
            .ToArray();
        var pooled = list
            .SelectMany(a => a.Findings.Where(IsPooled).Select(f => new TeamFinding(a.SourceName, f.Item ?? f.Indicator ?? "", f, f.Assessments)))
            .ToArray();
        return new TeamAgreement(Figures(rated), indicators, spreads, () => PairsOf(rated), threshold)
        {
            Assessors = AssessorsOf(list),
            Disagreements = disagreements,
            Pooled = pooled,
        };
    }

    private static string[] AssessorsOf(IEnumerable<AuditEvidence> audits) => audits
        .SelectMany(a => a.Findings)
        .SelectMany(f => f.By.Concat(f.Assessments.SelectMany(x => x.By)))
        .Distinct(StringComparer.Ordinal)
        .ToArray();

    /// <summary>Per pair of assessors (ordered by names) over the items both rated; none beyond <see cref="MaxPairAssessors"/> assessors.</summary>
    private static PairAgreement[] PairsOf(RatedItem[] rated)
    {
        var names = rated.SelectMany(r => r.Ratings.Select(x => x.Assessor)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var pairs = new List<PairAgreement>();
        for (var i = 0; i < names.Length && names.Length <= MaxPairAssessors; i++)
        {
            for (var j = i + 1; j < names.Length; j++)
            {
                var (a, b) = (names[i], names[j]);
                var both = rated
                    .Select(r => r with { Ratings = r.Ratings.Where(x => x.Assessor == a || x.Assessor == b).ToArray() })
                    .ToArray();
                var figures = Figures(both);
                if (figures.Items > 0)
                {
                    pairs.Add(new PairAgreement(a, b, figures));
                }
            }
        }

        return [.. pairs];
    }

    /// <summary>The figures over items (each with its ratings); items with fewer than two ratings do not count.</summary>
    internal static AgreementFigures Figures(IEnumerable<RatedItem> items)
    {
        var rated = items.Where(i => i.Ratings.Count >= 2).ToArray();
        if (rated.Length == 0)
        {
            return new AgreementFigures(0, 0, null, null, AgreementGap.NoPairs);
        }

        var alike = rated.Count(i => i.Ratings.All(r => TeamMerge.Alike(r.Finding, i.Ratings[0].Finding)));
        var share = Rational.Ratio(alike, rated.Length);

        // Fleiss' kappa for a varying number of raters per item: P_i = Σ_j n_ij (n_ij − 1) / (n_i (n_i − 1)),
        // P̄ = mean of P_i, p_j = Σ_i n_ij / Σ_i n_i, P̄e = Σ_j p_j², κ = (P̄ − P̄e) / (1 − P̄e).
        var meanAgreement = Rational.Zero;
        var perItem = new List<string>(rated.Length);
        var counts = new Dictionary<ItemStatus, long>();
        long ratings = 0;
        foreach (var item in rated)
        {
            var n = item.Ratings.Count;
            var pairsAlike = item.Ratings.GroupBy(r => r.Category).Sum(g => (long)g.Count() * (g.Count() - 1));
            var itemAgreement = Rational.Ratio(pairsAlike, (long)n * (n - 1));
            meanAgreement += itemAgreement;
            perItem.Add(itemAgreement.ToString());
            foreach (var rating in item.Ratings)
            {
                counts[rating.Category] = counts.GetValueOrDefault(rating.Category) + 1;
                ratings++;
            }
        }

        meanAgreement /= Rational.FromInt(rated.Length);
        var expected = counts.Values.Aggregate(Rational.Zero, (sum, c) => sum + Rational.Ratio(c, ratings) * Rational.Ratio(c, ratings));
        var categories = counts.OrderBy(c => c.Key).Select(c => new CategoryCount(c.Key, checked((int)c.Value))).ToArray();
        if (expected == Rational.FromInt(1))
        {
            return new AgreementFigures(rated.Length, alike, share, null, AgreementGap.OneCategory) { Categories = categories, ItemAgreementFractions = perItem, ExactObserved = meanAgreement, ExactExpected = expected };
        }

        var kappa = (meanAgreement - expected) / (Rational.FromInt(1) - expected);
        return new AgreementFigures(rated.Length, alike, share, kappa, AgreementGap.None) { Categories = categories, ItemAgreementFractions = perItem, ExactObserved = meanAgreement, ExactExpected = expected };
    }

    /// <summary>Each item or indicator finding of an audit with the assessors' ratings of it.</summary>
    internal static IEnumerable<RatedItem> Ratings(AuditEvidence audit, Rubric rubric)
    {
        foreach (var finding in audit.Findings)
        {
            var item = finding.Item is null ? null : rubric.FindItem(finding.Item);
            var indicator = item?.Indicator ?? (finding.Indicator is null ? null : rubric.FindIndicator(finding.Indicator));
            if (indicator is null || IsPooled(finding))
            {
                continue;
            }

            var points = item?.Points ?? indicator.Points;
            var records = finding.Assessments.Count > 0
                ? finding.Assessments.Where(a => a.By.Count == 1).Select(a => (Assessor: a.By[0], Finding: a))
                : finding.By.Count >= 2 ? finding.By.Select(name => (Assessor: name, Finding: finding)) : [];
            var ratings = records
                .Select(r => new Rating(r.Assessor, Category(r.Finding), r.Finding, r.Finding.Result == FindingResult.NotApplicable ? null : Consensus.Share(r.Finding, points) * Rational.FromDecimal(points)))
                .ToArray();
            yield return new RatedItem(audit.SourceName, finding.Item ?? indicator.Id, indicator, ratings, finding);
        }
    }

    /// <summary>A sample that is the sum of its assessments' samples was pooled from different records.</summary>
    private static bool IsPooled(Finding finding) =>
        finding.Sample is { } sample && finding.Assessments.Count >= 2 && finding.Assessments.All(a => a.Sample is not null)
        && finding.Assessments.Sum(a => (long)a.Sample!.Size) == sample.Size && finding.Assessments.Sum(a => (long)a.Sample!.Conforming) == sample.Conforming;

    private static ItemStatus Category(Finding finding) => finding.Sample is { } s
        ? s.Conforming >= s.Size ? ItemStatus.Conforming : s.Conforming <= 0 ? ItemStatus.Nonconforming : ItemStatus.Partial
        : finding.Result switch
        {
            FindingResult.Conforming => ItemStatus.Conforming,
            FindingResult.Partial => ItemStatus.Partial,
            FindingResult.NotApplicable => ItemStatus.NotApplicable,
            _ => ItemStatus.Nonconforming,
        };

    internal sealed record Rating(string Assessor, ItemStatus Category, Finding Finding, Rational? Points);

    internal sealed record RatedItem(string Audit, string Target, Indicator Indicator, IReadOnlyList<Rating> Ratings, Finding Team);
}
