using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>Why each item scored what it did, as a message (vocabulary texts <c>explanation.*</c>).</summary>
internal static class Explanations
{
    public static Message ForItem(CheckItem item, ItemStatus status, Finding? finding, bool fromIndicator, Rational exactEarned, decimal earned)
    {
        var points = Numbers.Normalize(item.Points);
        var lost = Numbers.Normalize(item.Points - earned);
        var explanation = status switch
        {
            ItemStatus.NotAssessed => new Message("explanation.not_assessed", ("points", points)),
            ItemStatus.NotApplicable => new Message("explanation.not_applicable", ("points", points), ("reason", finding?.Reason ?? "")),
            _ when finding?.Sample is { } s => new Message(
                "explanation.sample",
                ("points", points),
                ("size", s.Size),
                ("conforming", s.Conforming),
                // "=" when the points shown are the exact product, "≈" when they are rounded (2 × 5/6 ≈ 1.67).
                ("equals", exactEarned == Rational.FromDecimal(earned) ? "=" : "≈"),
                ("earned", Numbers.Normalize(earned)),
                ("lost", lost)),
            ItemStatus.Conforming => new Message("explanation.conforming", ("points", points)),
            ItemStatus.Partial => new Message("explanation.partial", ("points", points), ("earned", Numbers.Normalize(earned)), ("lost", lost)),
            _ => new Message("explanation.nonconforming", ("points", points)),
        };

        if (!fromIndicator)
        {
            return explanation;
        }

        // A sample on the whole indicator applies to each of its items; any other indicator finding is a judgement of it.
        return finding?.Sample is not null
            ? new Message("explanation.by_indicator_sample", ("indicator", item.Indicator.Id), ("explanation", explanation))
            : new Message("explanation.by_indicator", ("indicator", item.Indicator.Id), ("explanation", explanation));
    }
}
