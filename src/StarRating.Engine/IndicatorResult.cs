using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>How one indicator scored.</summary>
public sealed class IndicatorResult
{
    internal IndicatorResult(Indicator indicator, IReadOnlyList<ItemResult> items, int detailDecimals)
    {
        Indicator = indicator;
        Items = items;
        exact = items.Aggregate(Scoring.Rational.Zero, (sum, i) => sum + i.ExactEarned);
        Earned = Numbers.Normalize(exact.Round(detailDecimals));
        Applicable = Numbers.Normalize(items.Sum(i => i.Applicable));
    }

    private readonly Scoring.Rational exact;

    /// <summary>The rubric's indicator.</summary>
    public Indicator Indicator { get; }

    /// <summary>The items, in rubric order.</summary>
    public IReadOnlyList<ItemResult> Items { get; }

    /// <summary>Points earned (rounded to detail decimals from the exact sum).</summary>
    public decimal Earned { get; }

    /// <summary>Points of the items that apply.</summary>
    public decimal Applicable { get; }

    /// <summary>The indicator's points in the rubric.</summary>
    public decimal Possible => Numbers.Normalize(Indicator.Points);

    /// <summary>Earned as a percentage of applicable, one decimal, from the exact earned points; null when the whole indicator is excluded.</summary>
    public decimal? Percent => Percentages.Of(exact, Applicable);

    /// <summary>True when every item of the indicator is excluded.</summary>
    public bool Excluded => Applicable == 0;

    /// <inheritdoc />
    public override string ToString() => $"{Indicator.Id} {Earned}/{Applicable}";
}
