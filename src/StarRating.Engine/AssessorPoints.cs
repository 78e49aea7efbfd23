using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>One assessor's points for an item.</summary>
/// <param name="Assessor">The assessor.</param>
/// <param name="Points">The points.</param>
public sealed record AssessorPoints(string Assessor, decimal Points);
