using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// Golden files for reading workbooks: <c>NAME.edits.txt</c> names the evidence a workbook is written from and the
/// cells a user then changed; the diagnostics of reading and scoring the edited workbook are compared with
/// <c>NAME.expected.txt</c>. Each case shows a problem located by sheet and cell, reported with the same codes and
/// rules as YAML evidence, all at once.
/// </summary>
public sealed class ReaderGoldenTests
{
    private static readonly string Folder = Golden.Folder("Golden/workbook");

    public static TheoryData<string> Cases() => Golden.Cases(Folder, ".edits.txt");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Reading_the_edited_workbook_gives_the_expected_diagnostics(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, file)).Where(l => l.Length > 0 && !l.StartsWith('#')).ToArray();
        var base_ = lines.Single(l => l.StartsWith("base: ", StringComparison.Ordinal))["base: ".Length..];
        var language = lines.Any(l => l == "lang: en") ? Language.English : Language.Chinese;
        var edits = lines.Where(l => l.Contains(" = ", StringComparison.Ordinal));
        var workbook = base_ == "checklist"
            ? AuditWorkbook.Checklist(Rubric.Default, language)
            : AuditWorkbook.FromEvidence(Audits.Evidence(base_), Rubric.Default, language).Content;
        var name = file.Replace(".edits.txt", ".xlsx", StringComparison.Ordinal);

        var outcome = Audits.ScoreWorkbook(WorkbookEdit.Apply(workbook, edits), name);

        var text = string.Concat(outcome.Diagnostics.Select(d => d.Format(includeHint: true) + "\n"))
            + (outcome.Value is { } r ? $"score {r.Score} {r.Tier.Id}\n" : $"{outcome.Errors.Count()} errors\n");
        Golden.Check(Path.Combine(Folder, file.Replace(".edits.txt", ".expected.txt", StringComparison.Ordinal)), text);
    }
}
