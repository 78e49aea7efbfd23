namespace StarRating.Rules;

/// <summary>The parts of a rubric that hold values: the top level, the scoring rules, and the entries addressed by id.</summary>
public enum RubricPart
{
    /// <summary>A top-level value: <c>id</c>, <c>title</c>, <c>version</c>, <c>total</c> and so on (id is empty).</summary>
    Rubric = 0,

    /// <summary>A key of <c>scoring</c> (id is empty).</summary>
    Scoring = 1,

    /// <summary>A tier, by tier id.</summary>
    Tier = 2,

    /// <summary>A category, by id.</summary>
    Category = 3,

    /// <summary>An indicator, by id.</summary>
    Indicator = 4,

    /// <summary>A check item, by id.</summary>
    Item = 5,
}
