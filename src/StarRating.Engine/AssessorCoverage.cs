using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>One assessor's part of a team's audit.</summary>
/// <param name="Name">The assessor.</param>
/// <param name="Role">The assessor's role in the team (<c>lead</c>, <c>member</c> …).</param>
/// <param name="Source">The assessor's file.</param>
/// <param name="Indicators">The indicators the assessor recorded findings for, in rubric order.</param>
/// <param name="Findings">How many findings the assessor recorded.</param>
public sealed record AssessorCoverage(string Name, string Role, string Source, IReadOnlyList<string> Indicators, int Findings);
