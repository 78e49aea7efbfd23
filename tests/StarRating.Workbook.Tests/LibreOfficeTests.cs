using System.Diagnostics;
using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// Real LibreOffice, one process for all files: it opens the blank, filled and scored workbooks and converts them
/// without error; with recalculation on load forced, the preview score its formulas compute equals the engine's
/// score for every bundled sample (the cached value we plant first is wrong on purpose, so a file that was not
/// recalculated fails); the file LibreOffice saves reads back as the same evidence; and its data validations
/// survive, so LibreOffice understood our drop-downs.
/// </summary>
public sealed class LibreOfficeTests
{
    [SystemFact("office")]
    public void LibreOffice_opens_recalculates_and_resaves_every_workbook()
    {
        SystemTools.Ensure("office");
        using var temp = new TempFolder();
        var input = Directory.CreateDirectory(Path.Combine(temp.Path, "in")).FullName;
        var expected = new Dictionary<string, (AuditEvidence Evidence, AuditResult Result, string Source)>(StringComparer.Ordinal);
        foreach (var file in Audits.Files().Where(f => f.StartsWith("samples", StringComparison.Ordinal)))
        {
            var evidence = Audits.Evidence(file);
            var rubric = Audits.RubricOf(evidence);
            var result = new AuditEngine(rubric).Score(evidence).GetValueOrThrow();
            var name = Path.GetFileNameWithoutExtension(file);
            expected[name] = (evidence, result, file);
            File.WriteAllBytes(Path.Combine(input, name + ".xlsx"), PlantWrongPreview(AuditWorkbook.FromEvidence(evidence, rubric, name.EndsWith('6') ? Language.English : Language.Chinese).Content));
            File.WriteAllBytes(Path.Combine(input, name + "-scored.xlsx"), AuditWorkbook.Scored(result).Content);
        }

        File.WriteAllBytes(Path.Combine(input, "checklist.xlsx"), AuditWorkbook.Checklist(Rubric.Default));
        File.WriteAllBytes(Path.Combine(input, "checklist-en.xlsx"), AuditWorkbook.Checklist(Rubric.Default, Language.English));
        File.WriteAllBytes(Path.Combine(input, "portfolio.xlsx"), PortfolioWorkbook.Write(Rubric.Default, [new PortfolioEntry { File = "a.yaml", Status = "scored", Score = 97.8m, Tier = Rubric.Default.Tiers[^1] }]));

        var inputs = Directory.GetFiles(input).Order(StringComparer.Ordinal).ToArray();
        var resaved = Soffice(temp.Path, "xlsx", inputs);
        var pdfs = Soffice(temp.Path, "pdf", inputs.Where(f => f.Contains("checklist", StringComparison.Ordinal) || f.Contains("scored", StringComparison.Ordinal)).ToArray());

        pdfs.Should().OnlyContain(p => new FileInfo(p).Length > 10_000, "every PDF should have pages");
        foreach (var (name, (evidence, result, source)) in expected)
        {
            var file = resaved.Single(f => Path.GetFileName(f) == name + ".xlsx");
            var (score, tier) = Preview(file);
            score.Should().Be(result.Score.ToString("F1", CultureInfo.InvariantCulture), $"LibreOffice's preview of {name} should equal the engine's score");
            if (result.TierBlocks.Count == 0)
            {
                tier.Should().Be(result.Tier.Label.Get(name.EndsWith('6') ? Language.English : Language.Chinese));
            }

            var rubric = result.Rubric;
            var back = Audits.ReadWorkbook(File.ReadAllBytes(file), name + ".xlsx", rubric);
            back.Errors.Select(e => e.ToString()).Should().BeEmpty();
            RoundTripTests.Canonical(back.Value!).Should().Be(RoundTripTests.Canonical(evidence), $"the workbook LibreOffice saved should read back as {name}");
            RoundTripTests.Cycle(back.Value!).Should().Be(RoundTripTests.Cycle(evidence), $"LibreOffice keeps the dates and records of {name} as typed");

            // Named beside the sample, so that 'previous:' finds the previous audit as it does from the YAML file.
            var scored = Audits.ScoreWorkbook(File.ReadAllBytes(resaved.Single(f => Path.GetFileName(f) == name + "-scored.xlsx")), Path.ChangeExtension(Audits.Full(source), ".xlsx"), rubric);
            scored.Errors.Select(e => e.ToString()).Should().BeEmpty();
            scored.Value!.Score.Should().Be(result.Score, "a scored workbook reads back as its evidence");
        }

        using var checklist = SpreadsheetDocument.Open(resaved.Single(f => Path.GetFileName(f) == "checklist.xlsx"), false);
        var items = checklist.WorkbookPart!.WorksheetParts.Select(p => p.Worksheet).Single(w => w.Descendants<DataValidation>().Any(v => v.Formula1?.Text.Contains("部分符合", StringComparison.Ordinal) == true));
        items.Descendants<DataValidation>().Count().Should().BeGreaterThanOrEqualTo(6, "LibreOffice kept the drop-downs and number checks");
        // Frozen panes are view settings: a headless conversion has no view and drops them, so they are checked
        // in our own file (WriterTests), not in LibreOffice's.
    }

    /// <summary>Writes a wrong cached value (12.3) into the preview cells, so only a real recalculation gives the right one.</summary>
    private static byte[] PlantWrongPreview(byte[] workbook)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            foreach (var cell in document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>()).Where(c => c.CellFormula is not null))
            {
                cell.CellValue = new CellValue("12.3");
            }
        }

        return stream.ToArray();
    }

    /// <summary>The preview score and tier on the audit sheet of a workbook LibreOffice saved (found by the hidden keys in column A).</summary>
    private static (string Score, string Tier) Preview(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var strings = document.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToArray() ?? [];
        string Text(Cell c) => c.DataType?.Value == CellValues.SharedString ? strings[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)] : c.CellValue?.Text ?? "";
        foreach (var sheet in document.WorkbookPart.WorksheetParts)
        {
            var cells = sheet.Worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!);
            var scoreRow = cells.Values.FirstOrDefault(c => c.CellReference!.Value!.StartsWith('A') && Text(c) == "preview.score");
            if (scoreRow is null)
            {
                continue;
            }

            var row = int.Parse(scoreRow.CellReference!.Value![1..], CultureInfo.InvariantCulture);
            var score = decimal.Parse(Text(cells["C" + row]), NumberStyles.Float, CultureInfo.InvariantCulture);
            return (Math.Round(score, 1).ToString("F1", CultureInfo.InvariantCulture), Text(cells["C" + (row + 1)]));
        }

        throw new InvalidOperationException("no preview in " + path);
    }

    /// <summary>Converts files with one headless LibreOffice process whose profile recalculates every formula on load.</summary>
    private static string[] Soffice(string work, string format, string[] files)
    {
        var profile = Path.Combine(work, "profile");
        var user = Directory.CreateDirectory(Path.Combine(profile, "user")).FullName;
        File.WriteAllText(Path.Combine(user, "registrymodifications.xcu"), """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
            </oor:items>
            """);
        var output = Directory.CreateDirectory(Path.Combine(work, "out-" + format)).FullName;
        var start = new ProcessStartInfo("soffice") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--headless", "--norestore", "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--convert-to", format, "--outdir", output }.Concat(files))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("soffice did not finish in 5 minutes");
        }

        process.ExitCode.Should().Be(0, stderr.Result);
        stderr.Result.Should().NotContain("Error", "LibreOffice should load every file: " + stdout.Result);
        var converted = files.Select(f => Path.Combine(output, Path.GetFileNameWithoutExtension(f) + "." + format)).ToArray();
        converted.Should().OnlyContain(f => File.Exists(f), stdout.Result + stderr.Result);
        return converted;
    }
}
