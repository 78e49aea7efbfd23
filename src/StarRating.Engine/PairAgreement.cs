using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Agreement of two assessors over the items both rated.</summary>
/// <param name="First">One assessor (the first by name).</param>
/// <param name="Second">The other.</param>
/// <param name="Figures">The figures.</param>
public sealed record PairAgreement(string First, string Second, AgreementFigures Figures);
