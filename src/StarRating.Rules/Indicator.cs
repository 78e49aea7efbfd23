namespace StarRating.Rules;

/// <summary>One of the standard's evaluation indicators (评价指标), identified by its clause number.</summary>
public sealed class Indicator
{
    internal Indicator(string id, LocalizedText name, decimal points, bool pointsProvisional, LocalizedText? summary, IReadOnlyList<CheckItem> items)
    {
        Id = id;
        Name = name;
        Points = points;
        PointsProvisional = pointsProvisional;
        Summary = summary;
        Items = items;
        foreach (var item in items)
        {
            item.Indicator = this;
        }
    }

    /// <summary>The clause number, e.g. <c>5.1.2</c>.</summary>
    public string Id { get; }

    /// <summary>The indicator's name, e.g. 人员配置 / Staffing.</summary>
    public LocalizedText Name { get; }

    /// <summary>Points of the indicator: the sum of its items' points.</summary>
    public decimal Points { get; }

    /// <summary>True when the rubric marks the points as provisional (not from an official table).</summary>
    public bool PointsProvisional { get; }

    /// <summary>What the indicator covers, in our own words; may be absent.</summary>
    public LocalizedText? Summary { get; }

    /// <summary>The check items, in rubric order.</summary>
    public IReadOnlyList<CheckItem> Items { get; }

    /// <summary>The category the indicator belongs to.</summary>
    public RubricCategory Category { get; internal set; } = null!;

    /// <inheritdoc />
    public override string ToString() => Id;
}
