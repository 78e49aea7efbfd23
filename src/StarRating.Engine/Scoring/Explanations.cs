using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>The sentences that explain each item's points, in Chinese and English.</summary>
internal static class Explanations
{
    public static LocalizedText ForItem(CheckItem item, ItemStatus status, Finding? finding, bool fromIndicator, decimal earned)
    {
        var p = Numbers.Format(item.Points);
        var pointsWord = item.Points == 1 ? "point" : "points";
        var e = Numbers.Format(earned);
        var lost = Numbers.Format(item.Points - earned);
        var (zh, en) = status switch
        {
            ItemStatus.NotAssessed => (
                $"未评价:按 0 分计,失 {p} 分。",
                $"Not assessed: counts as 0, {p} {pointsWord} lost."),
            ItemStatus.NotApplicable => (
                $"不适用(删减):{finding?.Reason};{p} 分不计入涉及项分值。",
                $"Not applicable (excluded): {finding?.Reason}; {p} {pointsWord} leave the denominator."),
            _ when finding?.Sample is { } s => (
                $"抽样 {s.Size} 个,{s.Conforming} 个符合:{p} × {s.Conforming}/{s.Size} = {e} 分" + (s.Conforming < s.Size ? $",失 {lost} 分。" : "。"),
                $"Sample of {s.Size}, {s.Conforming} conforming: {p} × {s.Conforming}/{s.Size} = {e} points" + (s.Conforming < s.Size ? $", {lost} lost." : ".")),
            ItemStatus.Conforming => (
                $"符合:得满分 {p} 分。",
                $"Conforming: full {p} {pointsWord}."),
            ItemStatus.Partial => (
                $"部分符合:得 {e}/{p} 分,失 {lost} 分。",
                $"Partly conforming: {e} of {p} points, {lost} lost."),
            _ => (
                $"不符合:失 {p} 分。",
                $"Nonconforming: {p} {pointsWord} lost."),
        };

        if (fromIndicator && finding?.Sample is not null)
        {
            zh = $"(按指标 {item.Indicator.Id} 的整体抽样,用于该指标的每个检查项)" + zh;
            en = $"(By the sample recorded for indicator {item.Indicator.Id}, applied to each of its items) " + en;
        }
        else if (fromIndicator)
        {
            zh = $"(按指标 {item.Indicator.Id} 的整体判定)" + zh;
            en = $"(By the finding for indicator {item.Indicator.Id}) " + en;
        }

        return new LocalizedText(zh, en);
    }
}
