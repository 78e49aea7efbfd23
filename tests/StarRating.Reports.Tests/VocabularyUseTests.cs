using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// No output builds a label of its own: every report, gap analysis and comparison is rendered in the pseudo-language
/// (every vocabulary text wrapped in ⟦ ⟧); once those spans, the markup and the input's data are taken out, no word may
/// be left. A word written into a template or a renderer is left over, and named.
/// </summary>
public sealed class VocabularyUseTests
{
    private static readonly Language Pseudo = Language.Parse(Vocabulary.PseudoLanguageTag);

    public static TheoryData<string> All => Cases.All();

    [Theory]
    [MemberData(nameof(All))]
    public void Reports_and_gap_analyses_take_every_word_from_the_vocabulary(string id)
    {
        if (Cases.Score(id).Value is not { } result)
        {
            return; // A sample that does not score has no report.
        }

        var model = AuditReport.Create(result, Pseudo);
        var data = ReportData.Of(result).ToArray();
        // Word markup is XML: its elements are taken out like HTML tags.
        foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html, ReportFormat.Docx })
        {
            var renders = new[]
            {
                ("report", ReportRenderer.Default.Render(model, format)),
                ("gap", ReportRenderer.Default.RenderGap(model, format)),
                ("nonconformity forms", ReportRenderer.Default.RenderNonconformities(model, format)),
            };
            foreach (var (what, rendered) in renders)
            {
                PseudoText.Leftovers(rendered.Value!.Content.Replace('\u2028', '\n'), data, format != ReportFormat.Markdown)
                    .Should().BeEmpty($"the {format} {what} of {id} should take every word from the vocabulary");
            }
        }
    }

    [Fact]
    public void Comparisons_take_every_word_from_the_vocabulary()
    {
        var before = Cases.Result("mock-partial-assessment");
        var after = Cases.Result("formal-complete");
        var model = ComparisonReport.Create(AuditEngine.Compare(before, after).GetValueOrThrow(), Pseudo);
        var data = ReportData.Of(before).Concat(ReportData.Of(after)).ToArray();

        foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html, ReportFormat.Docx })
        {
            PseudoText.Leftovers(ReportRenderer.Default.RenderComparison(model, format).Value!.Content, data, format != ReportFormat.Markdown)
                .Should().BeEmpty($"the {format} comparison should take every word from the vocabulary");
        }
    }

    [Fact]
    public void A_template_that_writes_a_word_of_its_own_is_caught()
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder.File("report.md.sbn"), "{{ t.score }}: {{ score.value }} · Rating {{ tier.label }}\n");
        var renderer = new ReportRenderer(TemplateSet.LoadFolder(folder.Path).GetValueOrThrow());
        var result = Cases.Result("formal-complete");

        var output = renderer.Render(AuditReport.Create(result, Pseudo), ReportFormat.Markdown).Value!.Content;

        PseudoText.Leftovers(output, ReportData.Of(result), html: false).Should().Equal("Rating");
    }
}
