using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Agreement over a set of items rated by two or more assessors.</summary>
public sealed record AgreementFigures
{
    internal AgreementFigures(int items, int alike, Rational? share, Rational? kappa, AgreementGap gap)
    {
        Items = items;
        Alike = alike;
        ExactShare = share;
        ExactKappa = kappa;
        Gap = gap;
    }

    /// <summary>Items rated by two or more assessors.</summary>
    public int Items { get; }

    /// <summary>Of those, items every assessor rated alike (same result, points and sample).</summary>
    public int Alike { get; }

    /// <summary>The share rated alike in percent, rounded to one decimal for display; null without items.</summary>
    public decimal? AlikePercent => ExactShare is { } share ? (share * Rational.FromInt(100)).Round(1) : null;

    /// <summary>Fleiss' kappa over the result categories, rounded to three decimals for display; null when <see cref="Gap"/> says why not.</summary>
    public decimal? Kappa => ExactKappa?.Round(3);

    /// <summary>Why <see cref="Kappa"/> is null, or <see cref="AgreementGap.None"/>.</summary>
    public AgreementGap Gap { get; }

    /// <summary>
    /// How many ratings fell in each result category (conforming, partial, nonconforming, not applicable; empty ones
    /// left out), so chance agreement can be checked by hand: P̄e = Σ count² ÷ (Σ count)².
    /// </summary>
    public IReadOnlyList<CategoryCount> Categories { get; internal init; } = [];

    /// <summary>
    /// P_i of each item rated by two or more, in the order rated, as exact fractions: the share of the item's pairs of
    /// ratings that agree (Σ_j n_ij (n_ij − 1) ÷ (n_i (n_i − 1))); their mean is <see cref="ObservedFraction"/>.
    /// </summary>
    public IReadOnlyList<string> ItemAgreementFractions { get; internal init; } = [];

    /// <summary>The ratings counted (the sum of <see cref="Categories"/>).</summary>
    public int Ratings => Categories.Sum(c => c.Count);

    /// <summary>The share rated alike as an exact fraction, e.g. <c>1/3</c>; null without items.</summary>
    public string? AlikeFraction => ExactShare?.ToString();

    /// <summary>P̄, the mean agreement per item (the share of agreeing pairs of ratings), as an exact fraction; null without items.</summary>
    public string? ObservedFraction => ExactObserved?.ToString();

    /// <summary>P̄e, the agreement chance gives (Σ p_j²), as an exact fraction; null without items.</summary>
    public string? ExpectedFraction => ExactExpected?.ToString();

    /// <summary>Fleiss' kappa as an exact fraction, e.g. <c>5/11</c>; null when <see cref="Gap"/> says why not.</summary>
    public string? KappaFraction => ExactKappa?.ToString();

    internal Rational? ExactShare { get; }

    internal Rational? ExactKappa { get; }

    internal Rational? ExactObserved { get; init; }

    internal Rational? ExactExpected { get; init; }
}
