using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A finding several assessors recorded: the team's finding and each assessor's record of it.</summary>
/// <param name="Audit">The audit (its evidence's source name).</param>
/// <param name="Target">The item (or indicator) id.</param>
/// <param name="Finding">The team's finding as the evidence holds it (no result while unresolved).</param>
/// <param name="Assessments">Each assessor's record, <see cref="Finding.By"/> naming the assessor.</param>
public sealed record TeamFinding(string Audit, string Target, Finding Finding, IReadOnlyList<Finding> Assessments)
{
    /// <summary>True when the team's finding is written (by the lead); false while the assessors' disagreement stands.</summary>
    public bool Resolved => !Finding.IsUnresolved;
}
