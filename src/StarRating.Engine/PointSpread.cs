using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>An item whose assessors gave different points.</summary>
/// <param name="Audit">The audit (its evidence's source name).</param>
/// <param name="Target">The item (or indicator) id.</param>
/// <param name="Points">Each assessor's points, rounded to the rubric's detail decimals.</param>
/// <param name="Spread">Highest minus lowest points.</param>
/// <param name="Flagged">True when the spread is above the rubric's <see cref="ScoringPolicy.AgreementSpread"/>.</param>
public sealed record PointSpread(string Audit, string Target, IReadOnlyList<AssessorPoints> Points, decimal Spread, bool Flagged);
