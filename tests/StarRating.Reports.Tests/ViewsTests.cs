using Scriban.Runtime;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>The view data templates see: built once per render (docs/performance.md).</summary>
public sealed class ViewsTests
{
    [Fact]
    public void An_item_or_indicator_is_one_view_object_wherever_the_report_lists_it()
    {
        var result = Cases.Result("formal-complete");
        var view = Views.Report(AuditReport.Create(result));

        var items = Arr(view["items"]);
        var indicators = Arr(view["indicators"]);
        var categoryIndicator = Arr(Obj(Arr(view["categories"])[0])["indicators"])[0];
        var indicator = Obj(indicators[0]);

        categoryIndicator.Should().BeSameAs(indicator);
        Arr(indicator["items"])[0].Should().BeSameAs(items[0]);
        items.Count.Should().Be(result.Items.Count);
        indicators.Count.Should().Be(result.Indicators.Count);
    }

    [Fact]
    public void Each_render_builds_its_own_view_data()
    {
        var result = Cases.Result("formal-complete");
        var report = AuditReport.Create(result);

        var first = Views.Report(report);
        var second = Views.Report(report);

        Arr(first["items"])[0].Should().NotBeSameAs(Arr(second["items"])[0]);
    }

    private static ScriptArray Arr(object? value) => value.Should().BeOfType<ScriptArray>().Subject;

    private static ScriptObject Obj(object? value) => value.Should().BeOfType<ScriptObject>().Subject;
}
