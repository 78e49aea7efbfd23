using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Why a kappa cannot be given.</summary>
public enum AgreementGap
{
    /// <summary>It can.</summary>
    None = 0,

    /// <summary>No item was rated by two or more assessors: there are no pairs to compare.</summary>
    NoPairs = 1,

    /// <summary>Every rating fell in one result category, so chance agreement is total and kappa is 0 ÷ 0.</summary>
    OneCategory = 2,
}
