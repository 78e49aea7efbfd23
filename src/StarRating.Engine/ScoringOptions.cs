namespace StarRating.Engine;

/// <summary>How <see cref="AuditEngine"/> scores; see <see cref="AuditEngine.WithOptions"/>.</summary>
public sealed record ScoringOptions
{
    /// <summary>The options every engine starts with: a formal audit must be complete to be scored.</summary>
    public static ScoringOptions Default { get; } = new();

    /// <summary>
    /// Scores a formal audit (initial, surveillance, recertification) that still lacks findings instead of refusing
    /// it with SR3015: the items not yet recorded count as not assessed — 0 points, still in the denominator, as in a
    /// mock audit — and the result is marked <see cref="AuditResult.IsPreview"/> with the notice <c>preview</c>. For
    /// a live score while the team records the audit; the audit's result is the score of the complete evidence, which
    /// this option does not change (a complete audit scores exactly as without it). Default: false.
    /// </summary>
    public bool Preview { get; init; }
}
