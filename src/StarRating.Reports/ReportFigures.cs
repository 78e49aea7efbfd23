using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// How every output writes figures, in one place: invariant culture, points without trailing zeros, the score with
/// the rubric's decimals, percentages with one decimal, one minus sign (U+2212 −) for losses and negative changes.
/// Outputs (terminal, Markdown, HTML, and those to come) format numbers only through these.
/// </summary>
public static class ReportFigures
{
    /// <summary>The minus sign of every output: U+2212, not the hyphen.</summary>
    public const string Minus = "−";

    /// <summary>Points without trailing zeros: 38.50 → "38.5"; null stays null.</summary>
    /// <param name="value">The points.</param>
    public static string? Points(decimal? value) => value is { } v ? Signed(v, plus: false) : null;

    /// <summary>A score with the rubric's decimals: 85 → "85.0" with one decimal.</summary>
    /// <param name="score">The score.</param>
    /// <param name="rubric">The rubric whose decimals apply.</param>
    public static string Score(decimal score, Rubric rubric)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        return Numbers.Fixed(score, rubric.Scoring.Decimals);
    }

    /// <summary>A percentage with one decimal and a percent sign: "96.3%"; null (nothing applies) stays null.</summary>
    /// <param name="value">The percentage.</param>
    public static string? Percent(decimal? value) => value is { } v ? Numbers.Fixed(v, 1) + "%" : null;

    /// <summary>A change with its sign: "+1.5", "−0.5", "0".</summary>
    /// <param name="value">The change.</param>
    public static string Signed(decimal value) => Signed(value, plus: true);

    /// <summary>Points lost, as a negative figure: "−0.5", or "0" when nothing is lost.</summary>
    /// <param name="lost">The points lost (zero or positive).</param>
    public static string Lost(decimal lost) => Signed(-lost, plus: false);

    /// <summary>A kappa (or another coefficient) with three decimals and the report's minus sign: "0.455", "−0.333".</summary>
    /// <param name="value">The value.</param>
    public static string Kappa(decimal value)
    {
        var text = Numbers.Fixed(Math.Abs(value), 3);
        return value < 0 && text != Numbers.Fixed(0m, 3) ? Minus + text : text;
    }

    /// <summary>An exact fraction as the engine writes it (<c>-1/3</c>) with the report's minus sign: "−1/3".</summary>
    /// <param name="fraction">The fraction.</param>
    public static string Fraction(string fraction)
    {
        ArgumentNullException.ThrowIfNull(fraction);
        return fraction.StartsWith('-') ? Minus + fraction[1..] : fraction;
    }

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    /// <param name="date">The date.</param>
    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The audit days: "2026-09-15" or "2026-09-15 – 2026-09-17"; null when none.</summary>
    /// <param name="audit">The audit.</param>
    public static string? DateRange(AuditInfo audit)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return audit.Dates.Count switch
        {
            0 => null,
            1 => Date(audit.Dates[0]),
            _ => Date(audit.Dates[0]) + " – " + Date(audit.Dates[^1]),
        };
    }

    /// <summary>Stars for a number: 3 → "★★★".</summary>
    /// <param name="count">How many.</param>
    public static string Stars(int count) => new('★', Math.Max(0, count));

    private static string Signed(decimal value, bool plus)
    {
        var text = Numbers.Format(Math.Abs(value));
        return value < 0 && text != "0" ? Minus + text : value > 0 && plus ? "+" + text : text;
    }
}
