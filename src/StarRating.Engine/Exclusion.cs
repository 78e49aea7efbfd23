using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>An exclusion: a whole indicator or a single item that does not apply.</summary>
/// <param name="Id">The indicator or item id.</param>
/// <param name="IsIndicator">True for a whole indicator.</param>
/// <param name="Name">The indicator's name, or the item's requirement.</param>
/// <param name="Points">Points leaving the denominator.</param>
/// <param name="Reason">Why it does not apply.</param>
public sealed record Exclusion(string Id, bool IsIndicator, LocalizedText Name, decimal Points, string Reason);
