namespace StarRating.Rules.Documents;

/// <summary>The words of the file formats for enum values, in one place.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public static class Words
{
    /// <summary>The words for how evidence was gathered (<c>document</c>, <c>interview</c>, <c>observation</c>, <c>customer</c>), shared by rubrics and evidence files.</summary>
    public static EnumMap<EvidenceMethod> Methods { get; } = new(
        ("document", EvidenceMethod.DocumentReview),
        ("interview", EvidenceMethod.StaffInterview),
        ("observation", EvidenceMethod.SiteObservation),
        ("customer", EvidenceMethod.CustomerVisit));

    internal static EnumMap<Terminology> Terminologies { get; } = new(
        ("audit", Terminology.Audit),
        ("review", Terminology.Review));

    internal static EnumMap<ScoreRounding> Rounding { get; } = new(
        ("half_away_from_zero", ScoreRounding.HalfAwayFromZero),
        ("half_even", ScoreRounding.HalfEven),
        ("down", ScoreRounding.Down));
}
