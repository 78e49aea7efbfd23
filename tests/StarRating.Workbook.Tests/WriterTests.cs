using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// The workbooks we write: valid against the Office schemas (what Excel would otherwise "repair"), deterministic to
/// the byte, and laid out as an auditor expects (drop-downs in the rubric's language, frozen headers, protection
/// without a password, input cells unlocked and the rest locked).
/// </summary>
public sealed class WriterTests
{
    public static TheoryData<string> Samples() => Audits.Samples();

    private static IEnumerable<(string Name, byte[] Content)> Workbooks()
    {
        yield return ("checklist-zh", AuditWorkbook.Checklist(Rubric.Default));
        yield return ("checklist-en", AuditWorkbook.Checklist(Rubric.Default, Language.English, AuditKind.Mock));
        foreach (var file in Audits.Files().Where(f => f.StartsWith("samples", StringComparison.Ordinal)))
        {
            var evidence = Audits.Evidence(file);
            var rubric = Audits.RubricOf(evidence);
            yield return (file, AuditWorkbook.FromEvidence(evidence, rubric).Content);
            yield return (file + " scored", AuditWorkbook.Scored(new AuditEngine(rubric).Score(evidence).GetValueOrThrow(), Language.English).Content);
        }

        yield return ("portfolio", PortfolioWorkbook.Write(Rubric.Default, [new PortfolioEntry { File = "a.yaml", Status = "scored", Company = "甲公司", Score = 85.2m, Tier = Rubric.Default.Tiers[2], Dates = "2026-10-20" }, new PortfolioEntry { File = "b.yaml", Status = "invalid", Errors = 3 }]));
    }

    [Fact]
    public void Every_workbook_is_valid_against_the_office_schema()
    {
        var validator = new OpenXmlValidator(FileFormatVersions.Office2019);
        foreach (var (name, content) in Workbooks())
        {
            using var stream = new MemoryStream(content);
            using var document = SpreadsheetDocument.Open(stream, false);
            var errors = validator.Validate(document).Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToArray();

            errors.Should().BeEmpty($"{name} should open in Excel without repairs");
        }
    }

    [Fact]
    public void The_same_evidence_gives_the_same_bytes()
    {
        var evidence = Audits.Evidence("samples/02-three-star-regional-retailer.yaml");
        var result = AuditEngine.Default.Score(evidence).GetValueOrThrow();

        AuditWorkbook.FromEvidence(evidence, Rubric.Default).Content.Should().Equal(AuditWorkbook.FromEvidence(evidence, Rubric.Default).Content);
        AuditWorkbook.Scored(result).Content.Should().Equal(AuditWorkbook.Scored(result).Content);
        AuditWorkbook.Checklist(Rubric.Default).Should().Equal(AuditWorkbook.Checklist(Rubric.Default));
        using var zip = new ZipArchive(new MemoryStream(AuditWorkbook.Checklist(Rubric.Default)));
        zip.Entries.Select(e => e.LastWriteTime).Distinct().Should().ContainSingle().Which.Year.Should().Be(1980, "entries carry the package writer's fixed timestamp, not the clock");
    }

    [Fact]
    public void The_checklist_has_drop_downs_in_the_rubric_language_and_frozen_protected_sheets()
    {
        foreach (var (language, conforming, grade) in new[] { (Language.Chinese, "符合,部分符合,不符合,不适用", "严重不符合,一般不符合,观察项"), (Language.English, "conforming,partial,nonconforming,not applicable", "major,minor,observation") })
        {
            using var stream = new MemoryStream(AuditWorkbook.Checklist(Rubric.Default, language));
            using var document = SpreadsheetDocument.Open(stream, false);
            var workbook = document.WorkbookPart!;
            var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToArray();
            sheets.Select(s => s.Name!.Value).Should().Equal(language == Language.Chinese
                ? ["审核信息", "检查项", "不符合项", "特别扣分和加分", "文件清单", "StarRating"]
                : ["Audit", "Check items", "Nonconformities", "Adjustments", "Documents", "StarRating"]);
            sheets[^1].State!.Value.Should().Be(SheetStateValues.Hidden);
            workbook.Workbook.DefinedNames!.Elements<DefinedName>().Select(n => n.Name!.Value).Should().Contain(["StarRating.Audit", "StarRating.Items", "StarRating.Nonconformities", "StarRating.Adjustments"]);

            var items = (WorksheetPart)workbook.GetPartById(sheets[1].Id!);
            var lists = items.Worksheet.Descendants<DataValidation>().Where(v => v.Type!.Value == DataValidationValues.List).Select(v => v.Formula1!.Text).ToArray();
            lists.Should().Contain("\"" + conforming + "\"").And.Contain("\"" + grade + "\"");
            var pane = items.Worksheet.Descendants<Pane>().Single();
            pane.State!.Value.Should().Be(PaneStateValues.Frozen);
            pane.TopLeftCell!.Value.Should().Be("D5", "the header rows and the id columns stay in view");
            var protection = items.Worksheet.Descendants<SheetProtection>().Single();
            protection.Sheet!.Value.Should().BeTrue();
            protection.Password.Should().BeNull("protection guards against slips, not people");

            // The result cell of the first item row is unlocked and yellow; its id cell is locked.
            var styles = workbook.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ToArray();
            var cells = items.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            var input = styles[(int)cells["H7"].StyleIndex!.Value];
            input.Protection!.Locked!.Value.Should().BeFalse();
            var locked = styles[(int)cells["C7"].StyleIndex!.Value];
            locked.Protection.Should().BeNull("cells are locked unless unlocked");
            input.FillId!.Value.Should().NotBe(locked.FillId!.Value, "input cells look different");
        }
    }

    [Fact]
    public void Text_that_spreadsheets_escape_survives_the_round_trip()
    {
        var evidence = Audits.Evidence("samples/06-mock-self-assessment.yaml") with
        {
            Conclusion = "literal _x0041_ stays; tab\tand a line\nbreak; 𠀀 surrogate pair; <b>&amp;</b>",
        };

        var back = Audits.ReadWorkbook(AuditWorkbook.FromEvidence(evidence, Rubric.Default).Content).GetValueOrThrow();

        back.Conclusion.Should().Be(evidence.Conclusion);
    }

    [Fact]
    public void Entries_the_workbook_cannot_hold_exactly_are_reported()
    {
        var evidence = Audits.Evidence("samples/06-mock-self-assessment.yaml");
        var first = evidence.Findings[0];
        var lossy = evidence with { Findings = [first with { Evidence = ["two\nlines"] }, .. evidence.Findings.Skip(1)] };

        var workbook = AuditWorkbook.FromEvidence(lossy, Rubric.Default);

        workbook.Warnings.Should().ContainSingle().Which.Code.Should().Be("SR5302");
        Encoding.UTF8.GetString(workbook.Content).Should().NotBeEmpty();
    }
}

public sealed class StyleTableTests
{
    [Fact]
    public void Every_style_has_a_cell_format()
    {
        StarRating.Workbook.Xlsx.Styles.Count.Should().Be(Enum.GetValues<StarRating.Workbook.Xlsx.Style>().Length);
    }
}
