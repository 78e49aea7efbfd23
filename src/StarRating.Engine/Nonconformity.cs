using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>One line of the rectification list.</summary>
/// <param name="Kind">An item or a special deduction.</param>
/// <param name="Grade">The grade (null for special deductions).</param>
/// <param name="Id">The item id (or the deduction's item, if any).</param>
/// <param name="Requirement">The item's requirement, when about an item.</param>
/// <param name="LostPoints">Points lost.</param>
/// <param name="Description">What was found: the auditor's note (as written, <c>text.verbatim</c>), the engine's explanation when there is no note, or the deduction's reason (as written).</param>
/// <param name="Evidence">Evidence cited.</param>
public sealed record Nonconformity(
    NonconformityKind Kind,
    NonconformityGrade? Grade,
    string? Id,
    LocalizedText? Requirement,
    decimal LostPoints,
    Message Description,
    IReadOnlyList<string> Evidence)
{
    /// <summary>True when the previous audit had a nonconformity on the same item: a repeat finding.</summary>
    public bool Repeated { get; init; }

    /// <summary>The nonconformity record of the finding (<c>nc:</c>), or null.</summary>
    public NonconformityRecord? Record { get; init; }
}
