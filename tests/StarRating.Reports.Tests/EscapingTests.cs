using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>Text from the evidence is always text: HTML-encoded in HTML, backslash-escaped in Markdown, for built-in and user templates alike.</summary>
public sealed class EscapingTests
{
    // The payloads of Golden/reports/hostile-text.yaml as they would appear if written raw.
    private static readonly string[] Hostile =
    [
        "<script>", "<img src=x", "<iframe src", "<svg/onload", "<style>body", "<marquee>", "</td></tr></table><h1>",
        "</div><script>", "<b>91310115", "<i>审核", "<a href=\"javascript", "<u>1</u>", "<b>加粗</b>", "<x>",
    ];

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public void Hostile_company_notes_and_evidence_stay_text_in_html(string tag)
    {
        var language = Language.Parse(tag);
        var result = Cases.Result("hostile-text");

        var html = ReportRenderer.Default.Render(result, ReportFormat.Html, language).Value!.Content;
        var gap = ReportRenderer.Default.RenderGap(Engine.AuditEngine.AnalyzeGap(result), ReportFormat.Html, language).Value!.Content;

        foreach (var page in new[] { html, gap })
        {
            foreach (var markup in Hostile)
            {
                page.Should().NotContain(markup, "evidence text must never become markup");
            }

            page.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt; 电器 &amp; Co. &quot;Ltd&quot; &#39;x&#39;");
            page.Should().NotContain("onerror=alert(2)>");
        }

        html.Should().Contain("&lt;/div&gt;&lt;script&gt;alert(6)&lt;/script&gt; 承诺未公开", "the item note is escaped");
        html.Should().Contain("&lt;script&gt;document.cookie&lt;/script&gt;", "the evidence is escaped");
        html.Should().Contain("&lt;a href=&quot;javascript:alert(5)&quot;&gt;点此&lt;/a&gt;");
        html.Should().Contain("{{ company.name }} {% raw %}", "template syntax in the evidence is data, not code");
        html.Should().Contain("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'");
    }

    [Fact]
    public void Hostile_text_stays_text_in_markdown()
    {
        var md = ReportRenderer.Default.Render(Cases.Result("hostile-text"), ReportFormat.Markdown).Value!.Content;

        md.Should().Contain(@"\<script\>alert(1)\</script\> 电器 \& Co.");
        md.Should().Contain(@"\</div\>\<script\>alert(6)\</script\> 承诺未公开 \| 表格 \| 破坏", "a note cannot open HTML or break a table");
        md.Should().Contain(@"\[link\](javascript:alert(3))", "a value cannot open a link");
        md.Should().Contain("多行<br>说明", "line breaks people wrote are kept, and cannot break a table");
        md.Split('\n').Should().Contain(l => l.StartsWith("| 3 | 观察项 | 5.1.4.2 | 多行<br>说明", StringComparison.Ordinal) && l.EndsWith('|'), "the note stays in its table row");
        md.Should().NotContain("<script>");
    }

    [Theory]
    [InlineData("{{ company.name }}")]
    [InlineData("{{ company.name | string.upcase }}")]
    [InlineData("{{ x = company.name; x }}")]
    [InlineData("{{ capture c }}{{ company.name }}{{ end }}{{ c }}")]
    [InlineData("{{ html.escape company.name }}")]
    [InlineData("{{ [company.name] | array.join \"\" }}")]
    [InlineData("{{ \"<script>alert(1)</script>\" }}")]
    [InlineData("{{ company.name | string.replace \"&\" \"&\" }}")]
    public void User_html_templates_cannot_write_unescaped_values(string body)
    {
        var report = UserTemplate.Render("<p>" + body + "</p>", ReportFormat.Html);

        report.Diagnostics.Should().BeEmpty();
        report.Value!.Content.Should().StartWith("<p>").And.EndWith("</p>");
        report.Value.Content[3..^4].Should().NotContainAny("<", ">", "\"");
    }

    [Fact]
    public void A_user_template_can_include_its_own_partials_whose_values_are_escaped_too()
    {
        using var folder = new TempFolder(
            ("report.html.sbn", "<main>{{ include \"_part.html.sbn\" }}</main>"),
            ("_part.html.sbn", "<b>{{ company.name }}</b>"));
        var set = TemplateSet.LoadFolder(folder.Path).GetValueOrThrow();

        var html = new ReportRenderer(set).Render(Cases.Result("hostile-text"), ReportFormat.Html).Value!.Content;

        html.Should().StartWith("<main><b>&lt;script&gt;alert(1)&lt;/script&gt;").And.EndWith("</b></main>");
    }
}
