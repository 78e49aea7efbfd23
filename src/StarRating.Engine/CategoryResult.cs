using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>How one category scored.</summary>
public sealed class CategoryResult
{
    internal CategoryResult(RubricCategory category, IReadOnlyList<IndicatorResult> indicators, int detailDecimals)
    {
        Category = category;
        Indicators = indicators;
        exact = indicators.SelectMany(i => i.Items).Aggregate(Scoring.Rational.Zero, (sum, i) => sum + i.ExactEarned);
        Earned = Numbers.Normalize(exact.Round(detailDecimals));
        Applicable = Numbers.Normalize(indicators.Sum(i => i.Applicable));
    }

    private readonly Scoring.Rational exact;

    /// <summary>The rubric's category.</summary>
    public RubricCategory Category { get; }

    /// <summary>The indicators, in rubric order.</summary>
    public IReadOnlyList<IndicatorResult> Indicators { get; }

    /// <summary>Points earned (rounded to detail decimals from the exact sum).</summary>
    public decimal Earned { get; }

    /// <summary>Points of the items that apply.</summary>
    public decimal Applicable { get; }

    /// <summary>The category's points in the rubric.</summary>
    public decimal Possible => Numbers.Normalize(Category.Points);

    /// <summary>Earned as a percentage of applicable, one decimal, from the exact earned points; null when nothing applies.</summary>
    public decimal? Percent => Percentages.Of(exact, Applicable);

    /// <inheritdoc />
    public override string ToString() => $"{Category.Id} {Earned}/{Applicable}";
}
