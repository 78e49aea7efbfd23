using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>The same result renders to the same bytes on any machine culture and from any number of threads.</summary>
public sealed class DeterminismTests
{
    private static readonly string[] CaseNames = ["formal-complete", "mock-partial-assessment", "hostile-text", "blocked-by-deductions"];

    private static IEnumerable<(string Name, ReportFormat Format, Language Language)> Jobs() =>
        from name in CaseNames
        from format in new[] { ReportFormat.Markdown, ReportFormat.Html, ReportFormat.Json }
        from language in new[] { Language.Chinese, Language.English }
        select (name, format, language);

    private static string RenderAll(AuditResult result, ReportFormat format, Language language)
    {
        var renderer = ReportRenderer.Default;
        return renderer.Render(result, format, language).Value!.Content
            + renderer.RenderGap(AuditEngine.AnalyzeGap(result), format, language).Value!.Content;
    }

    [Fact]
    public void Output_does_not_depend_on_the_culture()
    {
        var results = CaseNames.ToDictionary(n => n, Cases.Result);
        var expected = WithCulture(CultureInfo.InvariantCulture, () => Jobs().Select(j => RenderAll(results[j.Name], j.Format, j.Language)).ToArray());

        foreach (var culture in new[] { "de-DE", "tr-TR", "ar-SA", "zh-CN", "fa-IR" })
        {
            var actual = WithCulture(new CultureInfo(culture), () => Jobs().Select(j => RenderAll(results[j.Name], j.Format, j.Language)).ToArray());
            actual.Should().Equal(expected, "rendering under " + culture + " must give the same bytes");
        }
    }

    [Fact]
    public void Eight_threads_render_the_same_bytes_as_a_serial_run()
    {
        var results = CaseNames.ToDictionary(n => n, Cases.Result);
        var jobs = Jobs().ToArray();
        var serial = jobs.Select(j => RenderAll(results[j.Name], j.Format, j.Language)).ToArray();

        var parallel = new string[jobs.Length * 4];
        var threads = Enumerable.Range(0, 8).Select(t => new Thread(() =>
        {
            for (var k = t; k < parallel.Length; k += 8)
            {
                var j = jobs[k % jobs.Length];
                parallel[k] = RenderAll(results[j.Name], j.Format, j.Language);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        for (var k = 0; k < parallel.Length; k++)
        {
            parallel[k].Should().Be(serial[k % jobs.Length], "job " + k + " must match the serial run");
        }
    }

    private static T WithCulture<T>(CultureInfo culture, Func<T> action)
    {
        var (culture0, ui0) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = culture;
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture0;
            CultureInfo.CurrentUICulture = ui0;
        }
    }
}
