using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>Word reports, NC forms, gap analyses and comparisons: valid packages for every case, deterministic, safe.</summary>
public sealed class DocxTests
{
    public static TheoryData<string> All => Cases.All();

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
}
