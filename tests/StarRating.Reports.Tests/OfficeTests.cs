using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Real LibreOffice (installed by tools/setup-system.sh when missing) opens every Word document we write: every
/// sample's report and NC forms, a hostile report and a report on a body's letterhead are converted to PDF in one
/// batched soffice call, and the text of each PDF holds the company, the score, the tier, every nonconformity's item
/// id (and the letterhead's marker).
/// </summary>
public sealed class OfficeTests
{
    [SystemFact("office")]
    public void LibreOffice_prints_every_samples_report_and_forms_with_their_figures()
    {
        SystemTools.Ensure("office");
        using var folder = new TempFolder();
        var expected = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Cases.SampleFolder, "*.yaml").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            var result = Cases.Score("samples/" + Path.GetFileName(file)).GetValueOrThrow(); // as the report goldens: a surveillance sample finds its previous audit
            var score = result.Score.ToString("F" + result.Rubric.Scoring.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            var ids = result.Nonconformities.Where(n => n.Grade != NonconformityGrade.Observation).Select(n => n.Id).OfType<string>().Distinct().ToArray();
            var common = new[] { result.Company.Name, score, result.Tier.Label.Zh };

            File.WriteAllBytes(folder.File(name + ".report.docx"), Docx.Report(result).Bytes.ToArray());
            expected[name + ".report"] = [.. common, .. ids, "不符合项报告"];
            File.WriteAllBytes(folder.File(name + ".ncr.docx"), ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value!.Bytes.ToArray());
            expected[name + ".ncr"] = [.. common, .. ids];
        }

        var hostile = Cases.Result("hostile-text");
        File.WriteAllBytes(folder.File("hostile.report.docx"), Docx.Report(hostile, Language.English).Bytes.ToArray());
        expected["hostile.report"] = ["<script>alert(1)</script>", "95.8", "5.1.4.1"];
        var letterhead = new ReportRenderer { ReferenceDocument = ReferenceDocument.Load(ReferenceFixture.Build(), "letterhead.docx").GetValueOrThrow() };
        File.WriteAllBytes(folder.File("letterhead.report.docx"), letterhead.Render(Cases.Result("mock-partial-assessment"), ReportFormat.Docx).Value!.Bytes.ToArray());
        expected["letterhead.report"] = [ReferenceFixture.Marker, "模拟审核 — 非认证结论", "32.6"];
        expected.Should().HaveCountGreaterThan(12);

        // One soffice process for every document, with a profile of its own (another soffice may be running).
        var docs = expected.Keys.Select(k => folder.File(k + ".docx")).ToArray();
        var (exit, log) = ProcessRunner.Run("soffice", ["-env:UserInstallation=file://" + folder.File("profile"), "--headless", "--norestore", "--convert-to", "pdf", "--outdir", folder.Path, .. docs]);
        exit.Should().Be(0, log);

        foreach (var (name, texts) in expected)
        {
            var pdf = folder.File(name + ".pdf");
            File.Exists(pdf).Should().BeTrue($"soffice should have printed {name}.docx: {log}");
            var (textExit, text) = ProcessRunner.Run("pdftotext", [pdf, "-"]);
            textExit.Should().Be(0);
            var flat = Flatten(text);
            foreach (var wanted in texts)
            {
                flat.Should().Contain(Flatten(wanted), $"{name}.pdf should show {wanted}");
            }
        }
    }

    /// <summary>Text without white space: line breaks and justified spacing differ between renderers.</summary>
    private static string Flatten(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
