using System.Text;
using Microsoft.Extensions.DependencyInjection;
using StarRating.Engine;
using StarRating.Reports.Hosting;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>What an application embedding StarRating (the HTTP service first) uses: DI registration, templates from
/// texts, rendering into a writer or a stream.</summary>
public sealed class EmbeddingApiTests
{
    private static readonly string SamplePath = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    private static AuditReport Report() => AuditReport.Create(AuditEngine.ScoreFileWithBuiltInRubric(SamplePath).GetValueOrThrow());

    [Fact]
    public void AddStarRating_registers_an_engine_a_loader_and_a_renderer_built_from_the_options()
    {
        var templates = TemplateSet.FromTexts(new Dictionary<string, string> { ["report.md.sbn"] = "{{ company.name }}" }).GetValueOrThrow();
        using var provider = new ServiceCollection()
            .AddStarRating(o =>
            {
                o.RubricId = "gbt27925-2011";
                o.Templates = templates;
                o.InputLimits = InputLimits.Default with { MaxFileBytes = 4096 };
            })
            .BuildServiceProvider();

        var engine = provider.GetRequiredService<AuditEngine>();
        engine.Rubric.Id.Should().Be("gbt27925-2011");
        engine.Should().BeSameAs(provider.GetRequiredService<AuditEngine>(), "a singleton");
        provider.GetRequiredService<EvidenceLoader>().Limits.MaxFileBytes.Should().Be(4096);
        provider.GetRequiredService<ReportRenderer>().Render(Report(), ReportFormat.Markdown).GetValueOrThrow().Content
            .Should().Be(Report().Result.Company.Name, "the configured templates render");
    }

    [Fact]
    public void AddStarRating_keeps_services_the_application_registered_first()
    {
        var own = new ReportRenderer();
        using var provider = new ServiceCollection().AddSingleton(own).AddStarRating().BuildServiceProvider();

        provider.GetRequiredService<ReportRenderer>().Should().BeSameAs(own);
        provider.GetRequiredService<AuditEngine>().Rubric.Id.Should().Be("gbt27922-2011", "the default rubric");
    }

    [Fact]
    public void Templates_from_texts_replace_built_in_ones_and_report_errors_by_name_and_position()
    {
        var good = TemplateSet.FromTexts(new Dictionary<string, string> { ["report.md.sbn"] = "# {{ include \"_mine.sbn\" }}", ["_mine.sbn"] = "{{ score.value }}" });
        var bad = TemplateSet.FromTexts(new Dictionary<string, string> { ["report.md.sbn"] = "line\n{{ if }}", ["../x.sbn"] = "x" });

        new ReportRenderer(good.GetValueOrThrow()).Render(Report(), ReportFormat.Markdown).GetValueOrThrow().Content.Should().Be("# 97.8");
        good.Value!.Names.Should().Contain(["report.html.sbn", "_mine.sbn"], "built-in templates the texts do not replace stay");
        bad.Value.Should().BeNull();
        bad.Diagnostics.Select(d => d.Code).Distinct().Should().BeEquivalentTo(["SR4012", "SR4001"]);
        bad.Diagnostics.First(d => d.Code == "SR4001").Location.Should().Match<SourceLocation>(l => l.File == "report.md.sbn" && l.Line == 2);
    }

    [Fact]
    public async Task Rendering_into_a_writer_or_a_stream_gives_the_rendered_text()
    {
        var renderer = ReportRenderer.Default;
        var expected = renderer.Render(Report(), ReportFormat.Html).GetValueOrThrow().Content;
        await using var writer = new StringWriter();
        using var stream = new MemoryStream();

        (await renderer.RenderAsync(Report(), ReportFormat.Html, writer)).Should().BeEmpty();
        (await renderer.RenderAsync(Report(), ReportFormat.Html, stream)).Should().BeEmpty();

        writer.ToString().Should().Be(expected);
        stream.ToArray().Should().Equal(new UTF8Encoding(false).GetBytes(expected));
    }

    [Fact]
    public async Task A_failed_render_writes_nothing()
    {
        var failing = new ReportRenderer(TemplateSet.FromTexts(new Dictionary<string, string> { ["report.md.sbn"] = "partial {{ nothing.here }}" }).GetValueOrThrow());
        await using var writer = new StringWriter();

        var diagnostics = await failing.RenderAsync(Report(), ReportFormat.Markdown, writer);

        diagnostics.Should().Contain(d => d.IsError);
        writer.ToString().Should().BeEmpty();
    }
}
