using StarRating.Rules;

namespace StarRating.Reports.Tests;

public sealed class TemplateSetTests
{
    [Fact]
    public void The_built_in_set_has_a_template_per_report_and_format()
    {
        TemplateSet.BuiltIn.Names.Should().Contain(
        [
            "report.md.sbn", "report.html.sbn", "gap.md.sbn", "gap.html.sbn", "comparison.md.sbn", "comparison.html.sbn",
        ]);
        TemplateSet.BuiltIn.Names.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public void A_folder_replaces_built_ins_by_name_and_falls_back_for_the_rest()
    {
        using var folder = new TempFolder(("report.md.sbn", "# {{ company.name }}: {{ score.value }} {{ tier.id }}\n"));

        var set = TemplateSet.LoadFolder(folder.Path).GetValueOrThrow();
        var renderer = new ReportRenderer(set);
        var result = Cases.Result("formal-complete");

        renderer.Render(result, ReportFormat.Markdown).Value!.Content.Should().Be("# 测试电器有限公司: 96.9 five-star\n");
        renderer.Render(result, ReportFormat.Html).Value!.Content
            .Should().Be(ReportRenderer.Default.Render(result, ReportFormat.Html).Value!.Content, "the built-in HTML template is used");
        set.Names.Should().BeEquivalentTo(TemplateSet.BuiltIn.Names);
    }

    [Fact]
    public void Every_syntax_error_of_every_file_is_reported_with_its_file_line_and_column()
    {
        using var folder = new TempFolder(
            ("report.md.sbn", "line one\n  {{ if }}\n"),
            ("report.html.sbn", "<p>\n<p>{{ for x in }}{{ end }}\n"),
            ("_extra.md.sbn", "{{ end }}"));

        var set = TemplateSet.LoadFolder(folder.Path);

        set.Value.Should().BeNull();
        set.Diagnostics.Should().OnlyContain(d => d.Code == "SR4001");
        set.Diagnostics.Select(d => (Path.GetFileName(d.Location.File), d.Location.Line, d.Location.Column)).Should().Equal(
            ("_extra.md.sbn", 1, 6),
            ("report.html.sbn", 2, 16),
            ("report.md.sbn", 2, 9),
            ("report.md.sbn", 2, 11));
        set.Diagnostics[0].ToString().Should().StartWith(folder.File("_extra.md.sbn") + "(1,6): error SR4001: template error: ");
    }

    [Fact]
    public void A_missing_folder_or_a_folder_without_templates_is_an_error()
    {
        using var empty = new TempFolder(("notes.txt", "not a template"));

        TemplateSet.LoadFolder(Path.Combine(empty.Path, "nope")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR5005");
        TemplateSet.LoadFolder(empty.Path).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR4008");
    }

    [Fact]
    public void A_template_larger_than_the_limit_is_refused()
    {
        using var folder = new TempFolder(("report.md.sbn", new string('x', 2_000)));

        var set = TemplateSet.LoadFolder(folder.Path, new ReportLimits { MaxTemplateChars = 1_000 });

        set.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR4013");
    }

    [Fact]
    public void The_folder_limits_become_the_renderer_limits()
    {
        using var folder = new TempFolder(("report.md.sbn", "x"));
        var limits = new ReportLimits { LoopLimit = 7 };

        var renderer = new ReportRenderer(TemplateSet.LoadFolder(folder.Path, limits).GetValueOrThrow());

        renderer.Limits.Should().Be(limits);
    }
}
