using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A note for the reader of a result.</summary>
/// <param name="Code">A stable word: preview, mock, not-assessed, consensus, clamped, initial-star, provisional-points, major-nonconformities-open, repeat-findings or stage-one-no-recommendation.</param>
/// <param name="Text">The note: the vocabulary text <c>notice.CODE</c> with its arguments.</param>
public sealed record Notice(string Code, Message Text);
