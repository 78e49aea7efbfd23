namespace StarRating.Rules;

/// <summary>One of the three indicator categories (评价指标大类), e.g. 5.1 售后服务体系 (40 points).</summary>
public sealed class RubricCategory
{
    internal RubricCategory(string id, LocalizedText name, decimal points, IReadOnlyList<Indicator> indicators)
    {
        Id = id;
        Name = name;
        Points = points;
        Indicators = indicators;
        foreach (var indicator in indicators)
        {
            indicator.Category = this;
        }
    }

    /// <summary>The clause number, e.g. <c>5.1</c>.</summary>
    public string Id { get; }

    /// <summary>The category's name.</summary>
    public LocalizedText Name { get; }

    /// <summary>Points of the category: the sum of its indicators' points.</summary>
    public decimal Points { get; }

    /// <summary>The indicators, in rubric order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
