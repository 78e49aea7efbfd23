namespace StarRating.Rules;

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
