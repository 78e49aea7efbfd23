using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>An item that lost points, and what fixing it is worth.</summary>
/// <param name="Item">The item's result.</param>
/// <param name="LostPoints">Item points lost (detail decimals).</param>
/// <param name="ScoreGain">Score points gained by making the item conforming (two decimals, rounded half toward zero like <paramref name="LostPoints"/>, so a loss of 0.675 shows as 0.67 lost and 0.67 gained).</param>
/// <param name="Prerequisite">True when the target tier requires the item.</param>
public sealed record GapItem(ItemResult Item, decimal LostPoints, decimal ScoreGain, bool Prerequisite);
