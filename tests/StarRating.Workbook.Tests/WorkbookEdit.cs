using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace StarRating.Workbook.Tests;

/// <summary>
/// Changes a workbook the way a user in Excel would, through the Open XML SDK (a writer other than ours): set a
/// cell to text, a number, a formula or an error value, clear it, rename a sheet.
/// </summary>
internal static class WorkbookEdit
{
    /// <summary>
    /// Applies edits written as <c>Sheet!F12 = value</c>: <c>value</c> is text; <c>=...</c> a formula;
    /// <c>#N/A</c> (or another #...!/#N/A) an error value; <c>number:1.5</c> a number; <c>(clear)</c> empties the cell.
    /// </summary>
    public static byte[] Apply(byte[] workbook, IEnumerable<string> edits)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            foreach (var edit in edits)
            {
                var equals = edit.IndexOf(" = ", StringComparison.Ordinal);
                var target = edit[..equals].Trim();
                var value = edit[(equals + 3)..].Replace("\\n", "\n", StringComparison.Ordinal);
                var bang = target.LastIndexOf('!');
                Set(document, target[..bang], target[(bang + 1)..], value);
            }
        }

        return stream.ToArray();
    }

    public static byte[] RenameSheet(byte[] workbook, string from, string to)
    {
        using var stream = new MemoryStream();
        stream.Write(workbook);
        using (var document = SpreadsheetDocument.Open(stream, true))
        {
            document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == from).Name = to;
        }

        return stream.ToArray();
    }

    private static void Set(SpreadsheetDocument document, string sheetName, string reference, string value)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!);
        var data = part.Worksheet.GetFirstChild<SheetData>()!;
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()), CultureInfo.InvariantCulture);
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex!.Value == rowIndex);
        if (row is null)
        {
            row = new Row { RowIndex = rowIndex };
            var after = data.Elements<Row>().LastOrDefault(r => r.RowIndex!.Value < rowIndex);
            if (after is null)
            {
                data.PrependChild(row);
            }
            else
            {
                after.InsertAfterSelf(row);
            }
        }

        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference!.Value == reference);
        if (cell is null)
        {
            cell = new Cell { CellReference = reference };
            var before = row.Elements<Cell>().FirstOrDefault(c => Column(c.CellReference!.Value!) > Column(reference));
            if (before is null)
            {
                row.Append(cell);
            }
            else
            {
                before.InsertBeforeSelf(cell);
            }
        }

        cell.RemoveAllChildren();
        cell.DataType = null;
        if (value == "(clear)")
        {
            return;
        }

        if (value.StartsWith('='))
        {
            cell.CellFormula = new CellFormula(value[1..]);
            cell.CellValue = new CellValue("1");
        }
        else if (value.StartsWith('#'))
        {
            cell.DataType = CellValues.Error;
            cell.CellValue = new CellValue(value);
        }
        else if (value.StartsWith("number:", StringComparison.Ordinal))
        {
            cell.CellValue = new CellValue(value["number:".Length..]);
        }
        else
        {
            cell.DataType = CellValues.InlineString;
            cell.InlineString = new InlineString(new Text(value) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve });
        }
    }

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
