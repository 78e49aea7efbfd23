using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>How one check item scored, and why.</summary>
public sealed class ItemResult
{
    internal ItemResult(CheckItem item, ItemStatus status, Finding? finding, bool fromIndicatorFinding, decimal earned, NonconformityGrade? grade, Message explanation)
    {
        Item = item;
        Status = status;
        Finding = finding;
        FromIndicatorFinding = fromIndicatorFinding;
        Earned = Numbers.Normalize(earned);
        Grade = grade;
        Explanation = explanation;
    }

    /// <summary>The rubric's check item.</summary>
    public CheckItem Item { get; }

    /// <summary>The outcome.</summary>
    public ItemStatus Status { get; }

    /// <summary>The finding that scored the item (its own, or its indicator's), or null when not assessed.</summary>
    public Finding? Finding { get; }

    /// <summary>True when the item was scored by a finding for its whole indicator.</summary>
    public bool FromIndicatorFinding { get; }

    /// <summary>Points earned, rounded to the rubric's detail decimals (exact values are used for the total).</summary>
    public decimal Earned { get; }

    /// <summary>The item's points when it applies, 0 when excluded.</summary>
    public decimal Applicable => Status == ItemStatus.NotApplicable ? 0m : Numbers.Normalize(Item.Points);

    /// <summary>The item's points in the rubric.</summary>
    public decimal Possible => Numbers.Normalize(Item.Points);

    /// <summary>Points lost: applicable minus earned.</summary>
    public decimal Lost => Numbers.Normalize(Applicable - Earned);

    /// <summary>Earned as a percentage of applicable, one decimal, from the exact earned points; null when excluded.</summary>
    public decimal? Percent => Status == ItemStatus.NotApplicable ? null : Percentages.Of(ExactEarned, Applicable);

    /// <summary>The grade: given by the auditor, or the default (minor) for what is not fully conforming.</summary>
    public NonconformityGrade? Grade { get; }

    /// <summary>Why the item scored what it did: the points won or lost and the rule applied (vocabulary texts <c>explanation.*</c>).</summary>
    public Message Explanation { get; }

    /// <summary>The sample, when the item was sampled.</summary>
    public Sample? Sample => Finding?.Sample;

    /// <summary>Evidence methods used.</summary>
    public IReadOnlyList<EvidenceMethod> Methods => Finding?.Methods ?? [];

    /// <summary>Evidence cited.</summary>
    public IReadOnlyList<string> Evidence => Finding?.Evidence ?? [];

    /// <summary>The auditor's note.</summary>
    public string? Note => Finding?.Note;

    /// <summary>Why the item does not apply, when excluded.</summary>
    public string? ExclusionReason => Status == ItemStatus.NotApplicable ? Finding?.Reason : null;

    /// <summary>Exact earned points, for the total and the gap analysis.</summary>
    internal Scoring.Rational ExactEarned { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Item.Id} {EvidenceWords.Of(Status)} {Earned}/{Applicable}";
}

internal static class Percentages
{
    /// <summary>
    /// Earned ÷ applicable × 100, one decimal, from the exact earned points: 3⅓ of 6 is 55.6 %, as a calculator gives
    /// it, not 55.5 % from the 3.33 shown.
    /// </summary>
    public static decimal? Of(Scoring.Rational earned, decimal applicable) =>
        applicable == 0 ? null : Numbers.Normalize((earned * Scoring.Rational.FromInt(100) / Scoring.Rational.FromDecimal(applicable)).Round(1));
}
