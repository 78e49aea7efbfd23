using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>What <see cref="TeamMerge.Merge"/> made: the team's evidence and who covered what.</summary>
/// <param name="Evidence">The team's evidence, ready to write or score (unresolved findings still need the lead in a formal audit).</param>
/// <param name="Coverage">Who covered which indicators, and what was agreed, left unresolved, pooled or not assessed.</param>
public sealed record TeamMergeResult(AuditEvidence Evidence, TeamCoverage Coverage);
