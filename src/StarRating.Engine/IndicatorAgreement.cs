using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>Agreement within one indicator.</summary>
/// <param name="Id">The indicator id.</param>
/// <param name="Name">The indicator's name.</param>
/// <param name="Figures">The figures.</param>
public sealed record IndicatorAgreement(string Id, LocalizedText Name, AgreementFigures Figures);
