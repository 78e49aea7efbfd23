using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// The score formula and the grading condition on special deductions, in one place: the scorer, the tier rules
/// and the gap analysis all call these, so a projected score is computed exactly as a real one.
/// </summary>
/// <remarks>
/// score = round(clamp(earned ÷ applicable × total − deductions + bonus, 0, total)), exact until the one rounding.
/// </remarks>
internal static class ScoreRules
{
    /// <summary>Earned ÷ applicable × total: the item score before special deductions and bonus.</summary>
    public static Rational ItemScore(Rational earned, decimal applicable, decimal total) =>
        earned * Rational.FromDecimal(total) / Rational.FromDecimal(applicable);

    /// <summary>The item score after special deductions and bonus, before clamping.</summary>
    public static Rational Adjusted(Rational itemScore, decimal deductions, decimal bonus) =>
        itemScore - Rational.FromDecimal(deductions) + Rational.FromDecimal(bonus);

    /// <summary>An adjusted score held within 0..total.</summary>
    public static Rational Clamp(Rational adjusted, decimal total) =>
        Rational.Max(Rational.Zero, Rational.Min(Rational.FromDecimal(total), adjusted));

    /// <summary>The final score: rounded as the rubric says. The tier is decided on it.</summary>
    public static decimal Round(Rational clamped, ScoringPolicy policy) => clamped.Round(policy.Decimals, policy.Rounding);

    /// <summary>The final score of <paramref name="earned"/> points with the result's applicable points and adjustments.</summary>
    public static decimal Score(Rational earned, decimal applicable, decimal deductions, decimal bonus, Rubric rubric) =>
        Round(Clamp(Adjusted(ItemScore(earned, applicable, rubric.TotalPoints), deductions, bonus), rubric.TotalPoints), rubric.Scoring);

    /// <summary>
    /// True when a company with <paramref name="specialDeductions"/> special deductions may not be graded above the
    /// lowest tier (the rubric's <c>max_special_deductions</c>).
    /// </summary>
    public static bool RefusesGrade(Rubric rubric, int specialDeductions) =>
        rubric.Scoring.MaxSpecialDeductions is { } max && specialDeductions > max;

    /// <summary>
    /// The calculation as printed, with figures that give the printed result on a calculator: earned points shown
    /// with the rubric's detail decimals (more when needed), the item score computed from the earned points shown and
    /// rounded to four decimals (marked when rounded), then the adjustments, and the final score. More decimals are
    /// shown only in the rare case where the usual ones would lead a calculator to another final score.
    /// </summary>
    public static ScoreFormula Figures(Rational exactEarned, decimal applicable, decimal deductions, decimal bonus, decimal score, Rubric rubric)
    {
        ScoreFormula? figures = null;
        for (var extra = 0; extra <= 6; extra++)
        {
            var earned = Numbers.Normalize(exactEarned.Round(rubric.Scoring.DetailDecimals + extra));
            var quotient = ItemScore(Rational.FromDecimal(earned), applicable, rubric.TotalPoints);
            var itemScore = Numbers.Normalize(quotient.Round(4 + extra));
            var sum = itemScore - deductions + bonus;
            var clamped = sum < 0 || sum > rubric.TotalPoints;
            var shownScore = Round(Clamp(Rational.FromDecimal(sum), rubric.TotalPoints), rubric.Scoring);
            figures = new ScoreFormula(
                earned,
                Numbers.Normalize(applicable),
                Numbers.Normalize(rubric.TotalPoints),
                itemScore,
                !quotient.IsExactAt(4 + extra),
                Numbers.Normalize(deductions),
                Numbers.Normalize(bonus),
                Numbers.Normalize(sum),
                clamped,
                score);
            if (shownScore == score)
            {
                break;
            }
        }

        return figures!;
    }
}
