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

/// <summary>
/// Where one value of a rubric was written: for a rubric resolved from overlays, the overlay that set it or the base
/// it kept. <see cref="Key"/> is the rubric key (<c>points</c>, <c>requirement</c>, <c>min</c>...); the key
/// <c>remove</c> records an entry an overlay removed (it is then no longer in the rubric).
/// </summary>
/// <param name="Part">The part of the rubric.</param>
/// <param name="Id">The entry's id (empty for <see cref="RubricPart.Rubric"/> and <see cref="RubricPart.Scoring"/>).</param>
/// <param name="Key">The key whose value this is, or <c>remove</c>.</param>
/// <param name="Location">File, line and column of the value.</param>
/// <param name="Layer">0 for the plain rubric at the bottom of the chain, 1 for the overlay on it, and so on.</param>
public sealed record RubricValueOrigin(RubricPart Part, string Id, string Key, SourceLocation Location, int Layer);
