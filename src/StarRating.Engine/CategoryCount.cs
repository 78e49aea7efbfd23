using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>How many ratings fell in one result category.</summary>
/// <param name="Category">The category (a sample counts as conforming when every record conforms, nonconforming when none does, else partial).</param>
/// <param name="Count">The ratings in it.</param>
public sealed record CategoryCount(ItemStatus Category, int Count);
