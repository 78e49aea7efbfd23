using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A tier the score reaches but that was not granted, and why.</summary>
/// <param name="Tier">The tier refused.</param>
/// <param name="Reason">Why: <c>tier_block.deductions</c> (<c>count</c>, <c>max</c>) or <c>tier_block.prerequisites</c> (<c>count</c>, <c>items</c>).</param>
/// <param name="Items">The prerequisite items not conforming (empty for other reasons).</param>
public sealed record TierBlock(Tier Tier, Message Reason, IReadOnlyList<string> Items);
