using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// What users do to a workbook that must not change the evidence: re-sort and hide rows, add columns, rename and
/// move sheets, delete the hidden key row, type a date that Excel turns into a day number, store 0.3 as
/// 0.30000000000000004; and empty input cells mean "not assessed".
/// </summary>
public sealed class UserEditsTests
{
    private const string Sample = "samples/01-five-star-appliance-maker.yaml";
    private static readonly AuditEvidence Evidence = Audits.Evidence(Sample);
    private static readonly byte[] Filled = AuditWorkbook.FromEvidence(Evidence, Rubric.Default).Content;

    private static string Canonical(byte[] workbook) => RoundTripTests.Canonical(Audits.ReadWorkbook(workbook).GetValueOrThrow());

    private static byte[] EditPart(byte[] workbook, string part, Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(target.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(entry.FullName == part ? edit(text) : text);
            }
        }

        return output.ToArray();
    }

    [Fact]
    public void Re_sorted_hidden_rows_and_extra_columns_read_as_before()
    {
        var reversed = EditPart(Filled, "xl/worksheets/sheet2.xml", xml =>
        {
            var rows = Regex.Matches(xml, "<row r=\"(\\d+)\".*?</row>").Select(m => (Number: int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Text: m.Value)).ToArray();
            var data = rows.Where(r => r.Number >= 5).ToArray();
            var first = data.Min(r => r.Number);
            var last = data.Max(r => r.Number);
            string Renumber(string row, int from, int to) =>
                Regex.Replace(row, "(r=\"[A-Z]*)" + from + "\"", m => m.Groups[1].Value + to + "\"")
                    .Replace("<row r=", "<row hidden=\"1\" r=", StringComparison.Ordinal)
                    .Replace("</row>", $"<c r=\"X{to}\" t=\"inlineStr\"><is><t>my own column</t></is></c></row>", StringComparison.Ordinal);
            var moved = data.Select(r => (Number: first + last - r.Number, Text: Renumber(r.Text, r.Number, first + last - r.Number))).OrderBy(r => r.Number);
            var head = xml[..xml.IndexOf(data[0].Text, StringComparison.Ordinal)];
            var tail = xml[(xml.IndexOf(data[^1].Text, StringComparison.Ordinal) + data[^1].Text.Length)..];
            return head + string.Concat(moved.Select(r => r.Text)) + tail;
        });

        Canonical(reversed).Should().Be(Canonical(Filled));
    }

    [Fact]
    public void Renamed_and_moved_sheets_are_found_by_their_role()
    {
        var renamed = EditPart(Filled, "xl/workbook.xml", xml => xml.Replace("name=\"检查项\"", "name=\"现场记录\"", StringComparison.Ordinal).Replace("'检查项'!", "'现场记录'!", StringComparison.Ordinal));
        var english = EditPart(Filled, "xl/workbook.xml", xml => Regex.Replace(xml.Replace("name=\"检查项\"", "name=\"Check items\"", StringComparison.Ordinal), "<definedNames>.*</definedNames>", ""));

        Canonical(renamed).Should().Be(Canonical(Filled));
        Canonical(english).Should().Be(Canonical(Filled));
    }

    [Fact]
    public void Without_the_hidden_key_row_the_headers_find_the_columns()
    {
        var noKeys = EditPart(Filled, "xl/worksheets/sheet2.xml", xml => Regex.Replace(xml, "<row r=\"3\".*?</row>", ""));
        var noKeyColumn = EditPart(Filled, "xl/worksheets/sheet1.xml", xml => Regex.Replace(xml, "<c r=\"A\\d+\"[^>]*>.*?</c>", ""));

        Canonical(noKeys).Should().Be(Canonical(Filled));
        Canonical(noKeyColumn).Should().Be(Canonical(Filled));
    }

    [Fact]
    public void A_team_row_inserted_by_the_user_is_read()
    {
        // Sample 01 has three members in rows 28-30; row 31 loses its hidden key, as a row inserted in Excel has none.
        var edited = WorkbookEdit.Apply(Filled, ["审核信息!A31 = (clear)", "审核信息!C31 = 李响", "审核信息!D31 = 观察员"]);

        var team = Audits.ReadWorkbook(edited).GetValueOrThrow().Audit.Team;

        team.Select(m => (m.Name, m.Role)).Should().Equal(("王敏", "lead"), ("陈思远", "member"), ("周蕾", "expert"), ("李响", "observer"));
    }

    [Fact]
    public void Excel_day_numbers_and_binary_fractions_read_as_typed()
    {
        var serial = new DateOnly(2026, 9, 15).DayNumber - new DateOnly(1899, 12, 30).DayNumber;
        var edited = WorkbookEdit.Apply(Filled, [$"审核信息!C15 = number:{serial}", "检查项!I12 = number:0.30000000000000004"]);

        var evidence = Audits.ReadWorkbook(edited).GetValueOrThrow();

        evidence.Audit.Dates.Should().Equal(new DateOnly(2026, 9, 15));
        evidence.Findings.Single(f => f.Item == "5.1.2.2").Points.Should().Be(0.3m);
    }

    [Fact]
    public void Empty_input_cells_are_not_assessed()
    {
        var mock = WorkbookEdit.Apply(
            AuditWorkbook.FromEvidence(Evidence with { Audit = Evidence.Audit with { Kind = AuditKind.Mock }, Decision = null, Certificate = null }, Rubric.Default).Content,
            ["检查项!H7 = (clear)", "检查项!M7 = (clear)", "检查项!N7 = (clear)", "检查项!O7 = (clear)"]);

        var result = Audits.ScoreWorkbook(mock).GetValueOrThrow();

        result.NotAssessed.Select(i => i.Item.Id).Should().Equal("5.1.1.1");
    }

    [Fact]
    public void A_workbook_saved_by_another_writer_reads_the_same()
    {
        // The Open XML SDK rewrites every part it loads (as Excel does on save): shared strings stay, layout changes.
        using var stream = new MemoryStream();
        stream.Write(Filled);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            foreach (var part in document.WorkbookPart!.WorksheetParts)
            {
                part.Worksheet.Save();
            }

            document.WorkbookPart.Workbook.Save();
        }

        Canonical(stream.ToArray()).Should().Be(Canonical(Filled));
    }
}
