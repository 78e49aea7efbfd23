namespace StarRating.Rules.Documents;

/// <summary>The words of the file formats for enum values, in one place.</summary>
internal static class Words
{
    public static readonly EnumMap<EvidenceMethod> Methods = new(
        ("document", EvidenceMethod.DocumentReview),
        ("interview", EvidenceMethod.StaffInterview),
        ("observation", EvidenceMethod.SiteObservation),
        ("customer", EvidenceMethod.CustomerVisit));

    public static readonly EnumMap<Terminology> Terminologies = new(
        ("audit", Terminology.Audit),
        ("review", Terminology.Review));

    public static readonly EnumMap<ScoreRounding> Rounding = new(
        ("half_away_from_zero", ScoreRounding.HalfAwayFromZero),
        ("half_even", ScoreRounding.HalfEven),
        ("down", ScoreRounding.Down));
}
