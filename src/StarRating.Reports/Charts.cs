using System.Collections.Concurrent;
using System.Globalization;
using Scriban.Runtime;
using StarRating.Engine;
using StarRating.Rules;
using static StarRating.Reports.Views;

namespace StarRating.Reports;

/// <summary>
/// Chart geometry for the HTML report, computed here from the result's percentages and handed to the template as
/// data (coordinates as invariant strings), so the template only draws. Excluded categories and indicators are
/// marked as excluded, never drawn as 0.
/// </summary>
internal static class Charts
{
    // Category bars: a label column, then the bar track, then the value.
    private const decimal BarLabelWidth = 230m;
    private const decimal BarTrackWidth = 330m;
    private const decimal BarRowHeight = 34m;
    private const decimal BarHeight = 16m;
    private const decimal BarTop = 26m;

    // Radar: the centre and the radius of 100 %.
    private const double RadarWidth = 800;
    private const double RadarHeight = 480;
    private const double RadarCx = 400;
    private const double RadarCy = 242;
    private const double RadarR = 165;

    public static ScriptObject Build(AuditResult result, Language language)
    {
        var tones = Tones.Of(result.Rubric);
        return Obj(
            ("bars", Bars(result.Categories, language, tones)),
            ("radar", Radar(result.Indicators, language, tones)));
    }

    private static ScriptObject Bars(IReadOnlyList<CategoryResult> categories, Language language, Tones tones)
    {
        string Tone(decimal? percent) => tones.Of(percent);
        var rows = new List<object?>();
        for (var i = 0; i < categories.Count; i++)
        {
            var c = categories[i];
            var y = BarTop + (i * BarRowHeight);
            var width = c.Percent is { } p ? BarTrackWidth * p / 100m : 0m;
            rows.Add(Obj(
                ("id", c.Category.Id),
                ("label", c.Category.Id + " " + c.Category.Name.Get(language)),
                ("percent", Percent(c.Percent)),
                ("excluded", c.Percent is null),
                ("tone", Tone(c.Percent)),
                ("y", F(y)),
                ("text_y", F(y + (BarHeight / 2m) + 5m)),
                ("x", F(BarLabelWidth)),
                ("width", F(width)),
                ("track_width", F(BarTrackWidth)),
                ("height", F(BarHeight)),
                ("value_x", F(BarLabelWidth + BarTrackWidth + 10m))));
        }

        var ticks = Enumerable.Range(0, 6).Select(k => (object?)Obj(
            ("x", F(BarLabelWidth + (BarTrackWidth * k / 5m))),
            ("label", (k * 20).ToString(CultureInfo.InvariantCulture) + "%")));
        var height = BarTop + (categories.Count * BarRowHeight) + 6m;
        return Obj(
            ("width", F(BarLabelWidth + BarTrackWidth + 70m)),
            ("height", F(height)),
            ("axis_y1", F(BarTop - 8m)),
            ("axis_y2", F(height - 6m)),
            ("tick_label_y", F(BarTop - 12m)),
            ("rows", Arr(rows)),
            ("ticks", Arr(ticks)));
    }

    private static ScriptObject Radar(IReadOnlyList<IndicatorResult> indicators, Language language, Tones tones)
    {
        string Tone(decimal? percent) => tones.Of(percent);
        var n = indicators.Count;
        var frame = RadarFrames.GetOrAdd(n, count => new RadarFrame(count));
        var labels = PlaceLabels(frame, indicators.Select(i => (i.Indicator.Id + " " + i.Indicator.Name.Get(language), Percent(i.Percent) ?? "")).ToArray());
        var axes = new List<object?>();
        var points = new List<string>();
        var dots = new List<object?>();
        for (var i = 0; i < n; i++)
        {
            var indicator = indicators[i];
            var axis = frame.Axes[i];
            axes.Add(Obj(
                ("id", indicator.Indicator.Id),
                ("name", indicator.Indicator.Name.Get(language)),
                ("percent", Percent(indicator.Percent)),
                ("excluded", indicator.Excluded),
                ("x2", axis.X2),
                ("y2", axis.Y2),
                ("label_x", D(labels[i].X)),
                ("label_y", D(labels[i].Y)),
                ("anchor", axis.Anchor)));
            if (indicator.Percent is { } percent)
            {
                var r = RadarR * (double)percent / 100;
                var (x, y) = (RadarCx + (r * axis.Cos), RadarCy + (r * axis.Sin));
                points.Add(D(x) + "," + D(y));
                dots.Add(Obj(("x", D(x)), ("y", D(y)), ("id", indicator.Indicator.Id), ("percent", Percent(percent)), ("tone", Tone(percent))));
            }
        }

        var rings = frame.Rings.Select(ring => (object?)Obj(
            ("level", ring.Level),
            ("points", ring.Points),
            ("label_x", ring.LabelX),
            ("label_y", ring.LabelY)));

        return Obj(
            ("width", D(RadarWidth)),
            ("height", D(RadarHeight)),
            ("cx", D(RadarCx)),
            ("cy", D(RadarCy)),
            ("axes", Arr(axes)),
            ("rings", Arr(rings)),
            ("points", string.Join(" ", points)),
            ("dots", Arr(dots)),
            ("has_polygon", points.Count >= 3),
            ("any_excluded", indicators.Any(i => i.Excluded)));
    }

    /// <summary>The radar's axes and rings depend only on the number of indicators: computed once per count.</summary>
    private static readonly ConcurrentDictionary<int, RadarFrame> RadarFrames = new();

    /// <summary>
    /// Colour classes for percentages, from the rubric's own tiers rather than one scale: fair from the first tier
    /// above the lowest (the pass mark: 70 % in GB/T 27922 and in GB/T 27925), good from the second-highest tier (90 %
    /// in both). Each as a share of the total, so a 1000-point rubric colours like a 100-point one.
    /// </summary>
    private sealed record Tones(decimal Fair, decimal Good)
    {
        public static Tones Of(Rubric rubric)
        {
            var tiers = rubric.Tiers;
            decimal Percent(Tier tier) => tier.MinScore * 100m / rubric.TotalPoints;
            var fair = tiers.Count > 1 ? Percent(tiers[1]) : 0m;
            var good = tiers.Count > 2 ? Percent(tiers[^2]) : Math.Max(fair, 100m);
            return new Tones(fair, Math.Max(fair, good));
        }

        public string Of(decimal? percent) => percent switch
        {
            null => "excluded",
            { } p when p >= Good => "good",
            { } p when p >= Fair => "fair",
            _ => "poor",
        };
    }

    private static string F(decimal value) => Numbers.Fixed(value, 1);

    /// <summary>
    /// The part of the radar that does not depend on the scores, as the strings the template draws (axis ends,
    /// label positions, ring polygons). Formatting these ~250 coordinates took a tenth of an HTML render.
    /// </summary>
    private sealed class RadarFrame
    {
        public RadarFrame(int n)
        {
            Axes = new Axis[n];
            for (var i = 0; i < n; i++)
            {
                var angle = (-Math.PI / 2) + (2 * Math.PI * i / n);
                var (cos, sin) = (Math.Cos(angle), Math.Sin(angle));
                // Two-line labels (id and name, then the percentage) beside the axis end, pushed away from the centre.
                var labelR = RadarR + 12;
                var anchor = cos > 0.1 ? "start" : cos < -0.1 ? "end" : "middle";
                var labelY = RadarCy + (labelR * sin) + (sin > 0.5 ? 10 : sin < -0.5 ? -16 : -3);

                Axes[i] = new Axis(cos, sin, D(RadarCx + (RadarR * cos)), D(RadarCy + (RadarR * sin)), RadarCx + (labelR * cos), labelY, anchor);
            }

            Rings = [.. new[] { 20, 40, 60, 80, 100 }.Select(level => new Ring(
                level.ToString(CultureInfo.InvariantCulture) + "%",
                string.Join(" ", Enumerable.Range(0, n).Select(i =>
                {
                    var angle = (-Math.PI / 2) + (2 * Math.PI * i / n);
                    var r = RadarR * level / 100;
                    return D(RadarCx + (r * Math.Cos(angle))) + "," + D(RadarCy + (r * Math.Sin(angle)));
                })),
                D(RadarCx + 4),
                D(RadarCy - (RadarR * level / 100) + 11)))];
        }

        public Axis[] Axes { get; }

        public Ring[] Rings { get; }
    }

    private sealed record Axis(double Cos, double Sin, string X2, string Y2, double LabelX, double LabelY, string Anchor);

    /// <summary>
    /// Label positions: each axis's own, unless a line of the label would overlap a line of a label placed before it
    /// (many axes, long names: neighbours at the top and bottom sit side by side); it then moves away from the centre,
    /// vertically, in small steps. Each label is two lines (title, then value), each a box of its estimated width
    /// (11 px text: CJK about 11 px, other characters about 5.6 px).
    /// </summary>
    private static (double X, double Y)[] PlaceLabels(RadarFrame frame, IReadOnlyList<(string Title, string Value)> labels)
    {
        const double Step = 6;
        const int MaxSteps = 10;
        var placed = new List<(double Left, double Top, double Right, double Bottom)>();
        var positions = new (double X, double Y)[labels.Count];
        (double Left, double Right) Span(Axis axis, double width) => axis.Anchor switch
        {
            "start" => (axis.LabelX, axis.LabelX + width),
            "end" => (axis.LabelX - width, axis.LabelX),
            _ => (axis.LabelX - (width / 2), axis.LabelX + (width / 2)),
        };

        for (var i = 0; i < labels.Count; i++)
        {
            var axis = frame.Axes[i];
            var title = Span(axis, TextWidth(labels[i].Title));
            var value = Span(axis, TextWidth(labels[i].Value));
            var y = axis.LabelY;
            (double, double, double, double)[] Boxes(double at) => [(title.Left, at - 10, title.Right, at + 3), (value.Left, at + 3, value.Right, at + 16)];
            bool Overlaps(double at) => Boxes(at).Any(b => placed.Any(p => b.Item1 < p.Right && b.Item3 > p.Left && b.Item2 < p.Bottom && b.Item4 > p.Top));
            for (var step = 0; step < MaxSteps && Overlaps(y); step++)
            {
                y += (axis.Sin >= 0 ? 1 : -1) * Step;
            }

            placed.AddRange(Boxes(y));
            positions[i] = (axis.LabelX, y);
        }

        return positions;
    }

    private static double TextWidth(string text) => text.Sum(c => c >= 0x2E80 ? 11.0 : 5.6);

    private sealed record Ring(string Level, string Points, string LabelX, string LabelY);

    // Doubles only for drawing: rounded to one decimal, formatted invariantly; no score passes through here.
    private static string D(double value)
    {
        var rounded = Math.Round(value, 1, MidpointRounding.AwayFromZero);
        return (rounded == 0 ? 0d : rounded).ToString("0.0", CultureInfo.InvariantCulture);
    }
}
