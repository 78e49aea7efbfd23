using System.Text.RegularExpressions;
using System.Xml.Linq;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Word reports, NC forms, gap analyses and comparisons: packages the Open XML SDK's validator accepts for every
/// sample, report case and engine test audit; byte-identical for the same inputs; hostile text stays text; header
/// rows repeat, rows keep together, the footer numbers pages and carries the report number, mock audits are marked
/// on every page; a reference document gives its styles, page, header and logo.
/// </summary>
public sealed partial class DocxTests
{
    private static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static TheoryData<string> All => Cases.All();

    /// <summary>The engine's test audits (evidence golden inputs), those that score.</summary>
    public static TheoryData<string> EngineAudits()
    {
        var data = new TheoryData<string>();
        var folder = Path.Combine(RepoPaths.Root, "tests", "StarRating.Engine.Tests", "Golden", "evidence");
        foreach (var file in Directory.EnumerateFiles(folder).Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Every_word_document_of_every_case_validates(string id)
    {
        if (Cases.Score(id).Value is not { } result)
        {
            return;
        }

        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var renderer = ReportRenderer.Default;
            var report = renderer.Render(result, ReportFormat.Docx, language);
            report.Diagnostics.Should().BeEmpty();
            Docx.Errors(report.Value!.Bytes).Should().BeEmpty($"the {language} report of {id} should validate");

            var ncr = renderer.RenderNonconformities(result, ReportFormat.Docx, language);
            ncr.Diagnostics.Should().BeEmpty();
            Docx.Errors(ncr.Value!.Bytes).Should().BeEmpty($"the {language} NC forms of {id} should validate");

            var gap = renderer.RenderGap(AuditEngine.AnalyzeGap(result), ReportFormat.Docx, language);
            gap.Diagnostics.Should().BeEmpty();
            Docx.Errors(gap.Value!.Bytes).Should().BeEmpty($"the {language} gap analysis of {id} should validate");
        }
    }

    [Theory]
    [MemberData(nameof(EngineAudits))]
    public void Every_engine_test_audit_that_scores_gives_a_valid_report_and_forms(string file)
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "StarRating.Engine.Tests", "Golden", "evidence", file);
        if (AuditEngine.Default.Score(File.ReadAllBytes(path), file).Value is not { } result)
        {
            return;
        }

        Docx.Errors(Docx.Report(result).Bytes).Should().BeEmpty();
        Docx.Errors(ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value!.Bytes).Should().BeEmpty();
    }

    [Fact]
    public void A_comparison_validates_in_both_languages()
    {
        var comparison = AuditEngine.Compare(Cases.Result("mock-partial-assessment"), Cases.Result("formal-complete")).GetValueOrThrow();
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var rendered = ReportRenderer.Default.RenderComparison(comparison, ReportFormat.Docx, language);
            rendered.Diagnostics.Should().BeEmpty();
            Docx.Errors(rendered.Value!.Bytes).Should().BeEmpty();
            Docx.Part(rendered.Value.Bytes, "word/document.xml").Should().Contain("5.2.3");
        }
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_documents()
    {
        var result = Cases.Result("formal-complete");
        var again = Cases.Result("formal-complete");
        var reference = ReferenceDocument.Load(ReferenceFixture.Build(), "letterhead.docx").GetValueOrThrow();

        Docx.Report(result).Bytes.ToArray().Should().Equal(Docx.Report(again).Bytes.ToArray());
        Docx.Report(result).Bytes.ToArray().Should().Equal(new ReportRenderer().Render(again, ReportFormat.Docx).Value!.Bytes.ToArray());
        var withReference = new ReportRenderer { ReferenceDocument = reference };
        withReference.Render(result, ReportFormat.Docx).Value!.Bytes.ToArray()
            .Should().Equal(new ReportRenderer { ReferenceDocument = reference }.Render(again, ReportFormat.Docx).Value!.Bytes.ToArray());
    }

    [Fact]
    public void The_package_has_fixed_timestamps_and_content_types_first()
    {
        var bytes = Docx.Report(Cases.Result("formal-complete")).Bytes;

        Docx.PartNames(bytes)[0].Should().Be("[Content_Types].xml");
        using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(bytes.ToArray()));
        zip.Entries.Select(e => e.LastWriteTime.DateTime).Distinct().Should().Equal(new DateTime(1980, 1, 1));
        // The only date inside is the audit's last day, which the input supplies.
        Docx.Part(bytes, "docProps/core.xml").Should().Contain("2026-10-13T00:00:00Z");
    }

    [Fact]
    public void Hostile_text_stays_text_in_every_part()
    {
        var bytes = Docx.Report(Cases.Result("hostile-text"), Language.English).Bytes;
        var body = Docx.Part(bytes, "word/document.xml");
        var header = Docx.Part(bytes, "word/header1.xml");

        Docx.Errors(bytes).Should().BeEmpty();
        var texts = XDocument.Parse(body).Descendants(W + "t").Select(t => t.Value).ToArray();
        texts.Should().Contain(t => t.Contains("<script>alert(1)</script> 电器 & Co. \"Ltd\" 'x'", StringComparison.Ordinal));
        texts.Should().Contain(t => t.Contains("</div><script>alert(6)</script>", StringComparison.Ordinal));
        // Nothing a value wrote became an element of the document.
        XDocument.Parse(body).Descendants().Select(e => e.Name.LocalName).Should().NotContain(["script", "img", "iframe", "svg", "marquee", "style"]);
        header.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        // A line break in a note is a line break in Word, not a new paragraph or lost.
        Regex.IsMatch(body, "多行</w:t></w:r><w:r><w:br\\s*/></w:r><w:r><w:t>说明").Should().BeTrue();
    }

    [Fact]
    public void Control_and_bidi_characters_never_reach_the_document()
    {
        // Control and bidi-override characters are refused with the evidence, even when it is built in code, so no
        // report ever sees them (SR1017, SR1018).
        var refused = AuditEngine.Default.Score(new AuditEvidence
        {
            Company = new Company { Name = "ACME\u202Egnp.exe\u202C \u0007Bell\u001B[31m 公司\u2066x\u2069" },
            Audit = new AuditInfo { Kind = AuditKind.Mock, Reference = "R-1\u0000", Team = [new TeamMember { Name = "王\u0085敏", Role = "lead" }] },
            Findings = [new Finding { Item = "5.1.1.1", Result = FindingResult.Nonconforming, Grade = NonconformityGrade.Major, Note = "看\u202Bء\u202C见\u0008" }],
        });
        refused.Value.Should().BeNull();
        refused.Diagnostics.Select(d => d.Code).Should().Contain(["SR1017", "SR1018"]);

        // What the evidence may carry, the Word renderer still keeps out: directional marks, byte-order marks and the
        // line separators its markup uses for line breaks in values; tabs and line breaks become layout.
        var result = AuditEngine.Default.Score(new AuditEvidence
        {
            Company = new Company { Name = "ACME\u200Fgnp.exe\u061C 公司\n第二行\t\u2028" },
            Audit = new AuditInfo { Kind = AuditKind.Mock, Reference = "R\u200E-1\u2029", Team = [new TeamMember { Name = "王\uFEFF敏", Role = "lead" }] },
            Findings = [new Finding { Item = "5.1.1.1", Result = FindingResult.Nonconforming, Grade = NonconformityGrade.Major, Note = "看见\uFEFF记录", Evidence = ["doc\u2028x"] }],
        }).GetValueOrThrow();

        foreach (var rendered in new[] { Docx.Report(result), ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value! })
        {
            Docx.Errors(rendered.Bytes).Should().BeEmpty();
            foreach (var part in Docx.PartNames(rendered.Bytes).Where(p => p.EndsWith(".xml", StringComparison.Ordinal)))
            {
                var text = Docx.Part(rendered.Bytes, part);
                text.Should().NotContainAny(["\u200F", "\u200E", "\u061C", "\uFEFF", "\u2028", "\u2029", "\t"], part);
            }

            Docx.Part(rendered.Bytes, "word/document.xml").Should().Contain("ACME\uFFFDgnp.exe");
        }
    }

    [Fact]
    public void Header_rows_repeat_rows_keep_together_and_the_footer_numbers_pages()
    {
        var bytes = Docx.Report(Cases.Result("blocked-by-deductions")).Bytes;
        var body = XDocument.Parse(Docx.Part(bytes, "word/document.xml"));
        var footer = Docx.Part(bytes, "word/footer2.xml");

        var tables = body.Descendants(W + "tbl").ToArray();
        tables.Should().HaveCountGreaterThan(10);
        var withHeader = tables.Where(t => t.Elements(W + "tr").First().Descendants(W + "tblHeader").Any()).ToArray();
        withHeader.Should().HaveCountGreaterThan(8, "data tables repeat their header row on every page");
        // No row breaks across pages, but for the long narrative rows of the item record and the rectification list.
        var splittable = body.Descendants(W + "tr").Where(r => !r.Descendants(W + "cantSplit").Any()).ToArray();
        splittable.Should().NotBeEmpty().And.OnlyContain(r => r.Value.Contains("评分说明") || r.Value.Contains("要求：") || r.Value.Contains("证据："));
        body.Descendants(W + "tr").Count(r => r.Descendants(W + "cantSplit").Any()).Should().BeGreaterThan(100);
        footer.Should().Contain("w:instr=\" PAGE \"").And.Contain("w:instr=\" NUMPAGES \"").And.Contain("HX-SS-2026-0923");
        Docx.Part(bytes, "word/header1.xml").Should().NotContain("模拟审核");
    }

    [Fact]
    public void Mock_and_self_assessments_are_marked_in_the_header_of_every_page()
    {
        foreach (var (kind, mark) in new[] { (AuditKind.Mock, "模拟审核 — 非认证结论"), (AuditKind.Self, "自我评价 — 非认证结论") })
        {
            var result = AuditEngine.Default.Score(new AuditEvidence
            {
                Company = new Company { Name = "测试公司" },
                Audit = new AuditInfo { Kind = kind },
            }).GetValueOrThrow();

            foreach (var rendered in new[] { Docx.Report(result), ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value!, ReportRenderer.Default.RenderGap(AuditEngine.AnalyzeGap(result), ReportFormat.Docx).Value! })
            {
                Docx.Part(rendered.Bytes, "word/header1.xml").Should().Contain(mark);
                Docx.Part(rendered.Bytes, "word/document.xml").Should().Contain("<w:headerReference w:type=\"default\"");
            }
        }
    }

    [Fact]
    public void Charts_are_native_chart_parts_with_the_results_values()
    {
        var bytes = Docx.Report(Cases.Result("formal-complete")).Bytes;

        Docx.PartNames(bytes).Should().Contain(["word/charts/chart1.xml", "word/charts/chart2.xml"]);
        var bars = Docx.Part(bytes, "word/charts/chart1.xml");
        var radar = Docx.Part(bytes, "word/charts/chart2.xml");
        bars.Should().Contain("<c:barChart>").And.Contain("5.1 售后服务体系");
        radar.Should().Contain("<c:radarChart>").And.Contain("5.3.2 投诉处理");
        // 5.2.3 is excluded in this case: a gap in the radar, never a 0.
        var values = XDocument.Parse(radar).Descendants(XName.Get("numCache", "http://schemas.openxmlformats.org/drawingml/2006/chart")).Single();
        values.Elements(XName.Get("pt", "http://schemas.openxmlformats.org/drawingml/2006/chart")).Should().HaveCount(14);
    }

    [Fact]
    public void Nonconformity_forms_are_numbered_one_per_graded_nonconformity_with_blank_fields()
    {
        var result = Cases.Result("formal-complete");
        var forms = ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value!;
        var markup = forms.Content;

        var graded = result.Nonconformities.Count(n => n.Grade is NonconformityGrade.Major or NonconformityGrade.Minor || n.Kind == NonconformityKind.SpecialDeduction);
        graded.Should().BeGreaterThan(1);
        Regex.Matches(markup, "<h2 page-break-before=\"true\">不符合项报告 NC-\\d\\d</h2>").Count.Should().Be(graded);
        foreach (var n in result.Nonconformities.Where(n => n.Grade != NonconformityGrade.Observation && n.Id is not null))
        {
            markup.Should().Contain("<td>" + n.Id + "</td>");
        }

        foreach (var label in new[] { "受审核方确认", "原因分析", "纠正措施", "计划完成日期", "验证人", "验证日期", "签字" })
        {
            markup.Should().Contain(label);
        }
    }

    [Fact]
    public void The_report_ends_with_the_nonconformity_forms()
    {
        var markup = Docx.Report(Cases.Result("formal-complete")).Content;

        markup.IndexOf("不符合项报告 NC-01", StringComparison.Ordinal).Should().BeGreaterThan(markup.IndexOf("13 签字确认", StringComparison.Ordinal));
    }

    [Fact]
    public void A_reference_document_gives_its_header_logo_page_and_styles()
    {
        var reference = ReferenceDocument.Load(ReferenceFixture.Build(), "letterhead.docx");
        reference.Diagnostics.Should().BeEmpty();
        var renderer = new ReportRenderer { ReferenceDocument = reference.Value };
        var mock = Cases.Result("mock-partial-assessment");

        var bytes = renderer.Render(mock, ReportFormat.Docx).Value!.Bytes;

        Docx.Errors(bytes).Should().BeEmpty();
        var header = Docx.Part(bytes, "word/header1.xml");
        header.Should().Contain(ReferenceFixture.Marker).And.Contain("模拟审核 — 非认证结论", "the mark of a mock audit is kept in the body's own header");
        Docx.Part(bytes, "word/_rels/header1.xml.rels").Should().Contain("media/ref1.png");
        Docx.PartNames(bytes).Should().Contain("word/media/ref1.png");
        var body = XDocument.Parse(Docx.Part(bytes, "word/document.xml"));
        var size = body.Descendants(W + "pgSz").Single();
        ((int)size.Attribute(W + "w")!, (int)size.Attribute(W + "h")!).Should().Be((ReferenceFixture.PageWidth, ReferenceFixture.PageHeight));
        // Headings take the body's own "heading 1" (id "1", as a Chinese Word names it); styles it lacks are added.
        body.Descendants(W + "pStyle").Select(s => s.Attribute(W + "val")!.Value).Should().Contain("1").And.NotContain("Heading1");
        var styles = Docx.Part(bytes, "word/styles.xml");
        styles.Should().Contain(ReferenceFixture.HeadingColour).And.Contain("w:styleId=\"TableText\"");
        // The body has no footer: the report's own footer (report number, page numbers) is used.
        Docx.Part(bytes, "word/footer2.xml").Should().Contain("NUMPAGES");
        body.ToString().Should().NotContain("never used");
    }

    [Fact]
    public void A_reference_footer_keeps_the_report_number_and_page_numbers()
    {
        var renderer = new ReportRenderer { ReferenceDocument = ReferenceDocument.Load(ReferenceFixture.Build(withFooter: true), "letterhead.docx").GetValueOrThrow() };

        var bytes = renderer.RenderNonconformities(Cases.Result("blocked-by-deductions"), ReportFormat.Docx).Value!.Bytes;

        Docx.Errors(bytes).Should().BeEmpty();
        var footer = Docx.Part(bytes, "word/footer2.xml");
        footer.Should().Contain("FOOTER-OF-THE-BODY").And.Contain("HX-SS-2026-0923").And.Contain("NUMPAGES");
    }

    [Theory]
    [InlineData("not a zip at all", "not a zip package")]
    [InlineData("", "not a zip package")]
    public void A_file_that_is_not_a_word_document_is_refused(string content, string reason)
    {
        var loaded = ReferenceDocument.Load(System.Text.Encoding.UTF8.GetBytes(content), "body.docx");

        loaded.Value.Should().BeNull();
        loaded.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR4110");
        loaded.Diagnostics[0].Message.Should().Contain(reason);
    }

    [Fact]
    public void A_zip_without_a_word_document_and_a_zip_that_escapes_are_refused()
    {
        var empty = Zip(("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"));
        var escaping = Zip(
            ("[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"),
            ("_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"../../etc/passwd\"/></Relationships>"));
        var dtd = Zip(
            ("[Content_Types].xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">&a;</Types>"));

        ReferenceDocument.Load(empty, "a.docx").Diagnostics.Single().Message.Should().Contain("no main document");
        ReferenceDocument.Load(escaping, "b.docx").Diagnostics.Single().Message.Should().Contain("outside the package");
        ReferenceDocument.Load(dtd, "c.docx").Diagnostics.Single().Code.Should().Be("SR4110");
    }

    [Fact]
    public void A_reference_document_over_the_size_limit_is_refused()
    {
        var loaded = ReferenceDocument.Load(new byte[ReferenceDocument.MaxBytes + 1], "huge.docx");

        loaded.Diagnostics.Single().Code.Should().Be("SR4111");
    }

    [Theory]
    [InlineData("<document><p>x</q></document>", "SR4100", "line 1")]
    [InlineData("<document><blink>x</blink></document>", "SR4100", "<blink> cannot stand inside <document>")]
    [InlineData("<document><p colour=\"red\">x</p></document>", "SR4100", "no attribute 'colour'")]
    [InlineData("<document><table widths=\"1,1\"><tr><td>a</td></tr></table></document>", "SR4100", "fills 1 columns")]
    [InlineData("<document>loose text</document>", "SR4100", "put it in a <p>")]
    [InlineData("<document><p style=\"Fancy\">x</p></document>", "SR4101", "'Fancy'")]
    [InlineData("<!DOCTYPE document [<!ENTITY x \"y\">]><document/>", "SR4100", "line 1")]
    public void A_template_writing_bad_markup_gets_a_located_diagnostic_and_no_document(string template, string code, string text)
    {
        using var folder = new TempFolder(("report.docx.sbn", template));
        var set = TemplateSet.LoadFolder(folder.Path).GetValueOrThrow();

        var rendered = new ReportRenderer(set).Render(Cases.Result("formal-complete"), ReportFormat.Docx);

        rendered.Value.Should().BeNull();
        var diagnostic = rendered.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(code);
        diagnostic.Format(includeHint: false).Should().Contain(text);
    }

    [Fact]
    public void A_user_template_can_reword_the_report_without_knowing_ooxml()
    {
        const string template = """
            <document title="{{ company.name }}">
            <footer><p>第 <field name="page"/> 页</p></footer>
            <h1>审查报告 — {{ company.name }}</h1>
            <table widths="30,70">
              <tr header="true"><td>项目</td><td>内容</td></tr>
              <tr><td>得分</td><td><b>{{ score.value }}</b></td></tr>
            </table>
            <pagebreak/>
            <chart kind="bar" title="得分率">{{ for c in categories }}<point label="{{ c.name }}" value="{{ c.percent ?? "" }}"/>{{ end }}</chart>
            </document>
            """;
        using var folder = new TempFolder(("report.docx.sbn", template));
        var renderer = new ReportRenderer(TemplateSet.LoadFolder(folder.Path).GetValueOrThrow());

        var rendered = renderer.Render(Cases.Result("formal-complete"), ReportFormat.Docx);

        rendered.Diagnostics.Should().BeEmpty();
        Docx.Errors(rendered.Value!.Bytes).Should().BeEmpty();
        Docx.Part(rendered.Value.Bytes, "word/document.xml").Should().Contain("审查报告 — ").And.Contain("96.9");
    }

    [Fact]
    public void Nonconformity_forms_in_markdown_and_html_hold_the_same_forms()
    {
        var result = Cases.Result("formal-complete");

        var md = ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Markdown).Value!.Content;
        var html = ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Html, Language.English).Value!.Content;

        Regex.Matches(md, "^## 不符合项报告 NC-\\d\\d$", RegexOptions.Multiline).Count.Should().Be(Regex.Matches(html, "<h2>Nonconformity Report NC-\\d\\d</h2>").Count).And.BeGreaterThan(1);
        var act = () => ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Json);
        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData("formal-complete")]
    [InlineData("hostile-text")]
    [InlineData("mock-partial-assessment")]
    [InlineData("blocked-by-deductions")]
    public void Nonconformity_form_markup_matches_the_golden_file(string name)
    {
        var forms = ReportRenderer.Default.RenderNonconformities(Cases.Result(name), ReportFormat.Docx).Value!;

        Golden.Check(Path.Combine(Cases.ReportFolder, name + ".expected.ncr.zh.docx.xml"), forms.Content);
    }

    [Fact]
    public void Report_markup_matches_the_golden_file()
    {
        var report = ReportRenderer.Default.Render(Cases.Result("mock-partial-assessment"), ReportFormat.Docx, Language.English).Value!;

        Golden.Check(Path.Combine(Cases.ReportFolder, "mock-partial-assessment.expected.en.docx.xml"), report.Content);
        (report.FileExtension, report.IsBinary, report.Format).Should().Be((".docx", true, ReportFormat.Docx));
        report.MediaType.Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        report.Bytes.Span[..2].ToArray().Should().Equal((byte)'P', (byte)'K');
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
