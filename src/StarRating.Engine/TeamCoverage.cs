using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Who covered what in a team's audit.</summary>
/// <param name="Assessors">Each input's assessor, in the order given.</param>
/// <param name="Unassessed">Check items no assessor recorded (by item or by indicator), in rubric order.</param>
/// <param name="Agreed">Items or indicators several assessors recorded alike.</param>
/// <param name="Unresolved">Items or indicators the assessors disagree on.</param>
/// <param name="Pooled">Items or indicators whose samples were added up (<c>--pool-samples</c>).</param>
public sealed record TeamCoverage(
    IReadOnlyList<AssessorCoverage> Assessors,
    IReadOnlyList<string> Unassessed,
    IReadOnlyList<string> Agreed,
    IReadOnlyList<string> Unresolved,
    IReadOnlyList<string> Pooled);
