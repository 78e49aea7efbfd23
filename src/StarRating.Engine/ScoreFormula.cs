using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// The score's calculation as a person checks it on a calculator:
/// <c>Earned ÷ Applicable × Total = ItemScore</c> (≈ when <see cref="ItemScoreRounded"/>), <c>− Deductions + Bonus = Sum</c>,
/// then <c>Sum</c> rounded (and held within 0..total when <see cref="Clamped"/>) gives <see cref="Score"/>. The figures are the
/// printed ones, so the chain gives the printed score; the engine's own values (<see cref="AuditResult.ItemScore"/>,
/// <see cref="AuditResult.UnroundedScore"/>) are exact and may differ in the last decimals.
/// </summary>
/// <param name="Earned">Earned points as shown (the rubric's detail decimals, more in the rare case they are needed).</param>
/// <param name="Applicable">Applicable points.</param>
/// <param name="Total">The rubric's total.</param>
/// <param name="ItemScore">Earned ÷ applicable × total, from the figures shown, to four decimals.</param>
/// <param name="ItemScoreRounded">True when <paramref name="ItemScore"/> is rounded (write ≈, not =).</param>
/// <param name="Deductions">Special deductions.</param>
/// <param name="Bonus">Special bonus.</param>
/// <param name="Sum">Item score − deductions + bonus.</param>
/// <param name="Clamped">True when the sum lies outside 0..total, so the score is the bound.</param>
/// <param name="Score">The final score.</param>
public sealed record ScoreFormula(
    decimal Earned,
    decimal Applicable,
    decimal Total,
    decimal ItemScore,
    bool ItemScoreRounded,
    decimal Deductions,
    decimal Bonus,
    decimal Sum,
    bool Clamped,
    decimal Score)
{
    /// <summary>True when special deductions or bonus change the item score.</summary>
    public bool HasAdjustments => Deductions != 0 || Bonus != 0;
}
