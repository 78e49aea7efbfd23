using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Tests;

/// <summary>
/// The terminal summaries, the rubric table and the blank checklist build no label of their own: rendered in the
/// pseudo-language, every word left once the vocabulary's ⟦ ⟧ spans and the input's data are taken out is a word
/// written into code (the checklist may also show the evidence format's own keys and words, which are syntax).
/// </summary>
public sealed class VocabularyUseTests
{
    private static readonly Wording Pseudo = new(Language.Parse(Vocabulary.PseudoLanguageTag));

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Terminal_summaries_take_every_word_from_the_vocabulary(string sample)
    {
        // A sample names its built-in rubric (GB/T 27922 or GB/T 27925), as the CLI reads it.
        var result = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(RepoPaths.Root, "samples", sample)).GetValueOrThrow();
        var report = AuditReport.Create(result, Pseudo.Language);
        var data = ReportData.Of(result).ToArray();

        PseudoText.Leftovers(TerminalText.Score(report), data, html: false).Should().BeEmpty("the score summary");
        PseudoText.Leftovers(TerminalText.Gap(report), data, html: false).Should().BeEmpty("the gap summary");
        var comparison = ComparisonReport.Create(AuditEngine.Compare(result, result).GetValueOrThrow(), Pseudo.Language);
        PseudoText.Leftovers(TerminalText.Diff(comparison), data, html: false).Should().BeEmpty("the comparison");
    }

    [Fact]
    public void The_rubric_table_and_the_checklist_take_every_word_from_the_vocabulary()
    {
        var rubric = Rubric.Default;
        var data = ReportData.Of(rubric).ToArray();
        PseudoText.Leftovers(TerminalText.Rubric(rubric, Pseudo), data.Append("half_away_from_zero"), html: false).Should().BeEmpty();

        // The checklist is an evidence file: its keys and enum words are the format's syntax, not labels.
        var syntax = new[]
        {
            "rubric", "company", "name", "credit_code", "address", "scope", "contact", "audit", "kind", "dates", "body", "reference",
            "team", "role", "lead", "findings", "item", "result", "methods", "evidence", "note", "adjustments", "deductions",
            "points", "reason", "basis", "bonus", "conclusion", "initial", "surveillance", "recertification", "mock", "self",
            "document", "interview", "observation", "customer", "x",
        };
        PseudoText.Leftovers(ChecklistWriter.Write(rubric, Pseudo, AuditKind.Initial), data, html: false)
            .Except(syntax).Should().BeEmpty();
    }
}
