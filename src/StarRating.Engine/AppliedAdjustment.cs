using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A special deduction or bonus as applied.</summary>
/// <param name="Points">Points applied.</param>
/// <param name="Reason">What was found.</param>
/// <param name="Basis">The rule, law or evidence behind it.</param>
/// <param name="Item">The check item concerned, if any.</param>
public sealed record AppliedAdjustment(decimal Points, string Reason, string? Basis, string? Item);
