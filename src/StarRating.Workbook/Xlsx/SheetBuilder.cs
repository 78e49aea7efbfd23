using System.Globalization;
using System.Xml;
using StarRating.Rules.Packaging;

namespace StarRating.Workbook.Xlsx;

/// <summary>A cell style of the workbook: one entry of <c>cellXfs</c> in <see cref="Styles"/>.</summary>
internal enum Style
{
    Default = 0,
    Title,
    Subtitle,
    Header,
    Locked,
    LockedNumber,
    Input,
    InputNumber,
    InputText,
    Indicator,
    Category,
    Preview,
    PreviewBig,
    Hint,
    Label,
    Section,
    Result,
    ResultNumber,
    ResultBig,
    ResultPercent,
    Disabled,
    CategoryNumber,
    CategoryPercent,
    Bold,
}

/// <summary>A drop-down list or number check on a range (SpreadsheetML data validation).</summary>
/// <param name="Range">The cells, e.g. <c>H4:H80</c>.</param>
/// <param name="Type"><c>list</c>, <c>decimal</c> or <c>whole</c>.</param>
/// <param name="Formula">For a list: the choices as <c>"a,b,c"</c>; for numbers the bound.</param>
/// <param name="Operator">For numbers: <c>greaterThanOrEqual</c>, <c>between</c>...</param>
/// <param name="Strict">True to refuse other values; false to allow them (the list only suggests).</param>
/// <param name="Prompt">The input message shown when the cell is selected.</param>
/// <param name="Error">The message shown for a refused value.</param>
/// <param name="Formula2">The upper bound of <c>between</c>.</param>
internal sealed record Validation(string Range, string Type, string Formula, string? Operator, bool Strict, string? Prompt, string? Error, string? Formula2 = null);

/// <summary>
/// One worksheet being written: cells, column widths, hidden rows and columns, frozen panes, drop-downs,
/// protection and print setup, serialised in the element order SpreadsheetML requires.
/// </summary>
internal sealed class SheetBuilder(string name)
{
    private readonly SortedDictionary<long, Cell> cells = [];
    private readonly SortedDictionary<int, (double Width, bool Hidden)> columns = [];
    private readonly HashSet<int> hiddenRows = [];
    private readonly Dictionary<int, double> rowHeights = [];
    private readonly List<Validation> validations = [];

    public string Name { get; } = name;

    /// <summary>Hidden sheets keep the lists the formulas look up; the user does not need them.</summary>
    public bool Hidden { get; init; }

    /// <summary>Locked cells refuse edits (no password): input cells use unlocked styles.</summary>
    public bool Protected { get; init; }

    public int FrozenRows { get; set; }

    public int FrozenColumns { get; set; }

    public string? AutoFilter { get; set; }

    public bool Landscape { get; init; } = true;

    public int MaxRow { get; private set; }

    public int MaxColumn { get; private set; }

    public IReadOnlyList<Validation> Validations => validations;

    public void Width(int column, double width, bool hidden = false) => columns[column] = (width, hidden);

    public void HideRow(int row) => hiddenRows.Add(row);

    public void RowHeight(int row, double points) => rowHeights[row] = points;

    public void Text(int row, int column, string? text, Style style)
    {
        if (string.IsNullOrEmpty(text))
        {
            Blank(row, column, style);
            return;
        }

        Put(row, column, new Cell(CellKind.Text, text, style));
    }

    public void Number(int row, int column, decimal value, Style style) =>
        Put(row, column, new Cell(CellKind.Number, Num(value), style));

    public void Number(int row, int column, decimal? value, Style style)
    {
        if (value is { } v)
        {
            Number(row, column, v, style);
        }
        else
        {
            Blank(row, column, style);
        }
    }

    /// <summary>A formula without a cached value: Excel and LibreOffice compute it when the file is opened.</summary>
    public void Formula(int row, int column, string formula, Style style) => Put(row, column, new Cell(CellKind.Formula, formula, style));

    public void Blank(int row, int column, Style style) => Put(row, column, new Cell(CellKind.Blank, "", style));

    public void Validate(Validation validation) => validations.Add(validation);

    public void Write(XmlWriter x, SharedStrings strings)
    {
        x.WriteStartElement("worksheet", Ns.Main);
        x.WriteAttributeString("xmlns", "r", null, Ns.Relationships);

        x.WriteStartElement("sheetPr");
        if (AutoFilter is not null)
        {
            x.WriteAttributeString("filterMode", "0");
        }

        x.WriteStartElement("pageSetUpPr");
        x.WriteAttributeString("fitToPage", "1");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("dimension");
        x.WriteAttributeString("ref", MaxRow == 0 ? "A1" : "A1:" + Ref(MaxRow, Math.Max(1, MaxColumn)));
        x.WriteEndElement();

        WriteViews(x);

        x.WriteStartElement("sheetFormatPr");
        x.WriteAttributeString("defaultRowHeight", "15");
        x.WriteEndElement();

        if (columns.Count > 0)
        {
            x.WriteStartElement("cols");
            foreach (var (column, (width, hidden)) in columns)
            {
                x.WriteStartElement("col");
                x.WriteAttributeString("min", Int(column));
                x.WriteAttributeString("max", Int(column));
                x.WriteAttributeString("width", width.ToString("0.##", CultureInfo.InvariantCulture));
                x.WriteAttributeString("customWidth", "1");
                if (hidden)
                {
                    x.WriteAttributeString("hidden", "1");
                }

                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        WriteData(x, strings);

        if (Protected)
        {
            // No password: protection guards against accidental edits; Review → Unprotect Sheet lifts it.
            // Formatting rows and columns (widths, heights), sorting and filtering stay allowed ("0" = not protected).
            x.WriteStartElement("sheetProtection");
            x.WriteAttributeString("sheet", "1");
            x.WriteAttributeString("objects", "1");
            x.WriteAttributeString("scenarios", "1");
            x.WriteAttributeString("formatColumns", "0");
            x.WriteAttributeString("formatRows", "0");
            x.WriteAttributeString("sort", "0");
            x.WriteAttributeString("autoFilter", "0");
            x.WriteEndElement();
        }

        if (AutoFilter is not null)
        {
            x.WriteStartElement("autoFilter");
            x.WriteAttributeString("ref", AutoFilter);
            x.WriteEndElement();
        }

        if (validations.Count > 0)
        {
            x.WriteStartElement("dataValidations");
            x.WriteAttributeString("count", Int(validations.Count));
            foreach (var v in validations)
            {
                WriteValidation(x, v);
            }

            x.WriteEndElement();
        }

        x.WriteStartElement("pageMargins");
        x.WriteAttributeString("left", "0.4");
        x.WriteAttributeString("right", "0.4");
        x.WriteAttributeString("top", "0.5");
        x.WriteAttributeString("bottom", "0.5");
        x.WriteAttributeString("header", "0.3");
        x.WriteAttributeString("footer", "0.3");
        x.WriteEndElement();

        x.WriteStartElement("pageSetup");
        x.WriteAttributeString("paperSize", "9");
        x.WriteAttributeString("orientation", Landscape ? "landscape" : "portrait");
        x.WriteAttributeString("fitToWidth", "1");
        x.WriteAttributeString("fitToHeight", "0");
        x.WriteEndElement();

        x.WriteEndElement();
    }

    /// <summary>Invariant decimal text without trailing zeros (1.50 → 1.5), as SpreadsheetML numbers are written.</summary>
    public static string Num(decimal value)
    {
        var text = value.ToString("G29", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    public static string Ref(int row, int column) => Rules.SourceLocation.ColumnName(column) + Int(row);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static long Key(int row, int column) => ((long)row << 20) | (uint)column;

    private void Put(int row, int column, Cell cell)
    {
        cells[Key(row, column)] = cell;
        MaxRow = Math.Max(MaxRow, row);
        MaxColumn = Math.Max(MaxColumn, column);
    }

    /// <summary>
    /// The height that shows every wrapped text of the row in full (neither Excel nor LibreOffice grows rows for
    /// wrapped text when a file opens), or 0 for the default height. Estimated from the text: a CJK character takes
    /// two width units, any other character one.
    /// </summary>
    private double FittingHeight(List<(int Column, Cell Cell)> rowCells)
    {
        var lines = 1;
        var size = 11;
        foreach (var (column, cell) in rowCells)
        {
            if (cell.Kind != CellKind.Text || !Styles.Wraps(cell.Style) || !columns.TryGetValue(column, out var width) || width.Hidden)
            {
                continue;
            }

            var usable = Math.Max(1, width.Width - 1.5);
            var needed = 0;
            var units = 0.0;
            foreach (var c in cell.Value)
            {
                if (c == '\n')
                {
                    needed += Math.Max(1, (int)Math.Ceiling(units / usable));
                    units = 0;
                }
                else
                {
                    units += IsWide(c) ? 2.0 : 1.05;
                }
            }

            needed += Math.Max(1, (int)Math.Ceiling(units / usable));
            lines = Math.Max(lines, needed);
            size = Math.Max(size, Styles.FontSize(cell.Style));
        }

        return lines <= 1 ? 0 : Math.Min(409, Math.Round((lines * size * 1.36) + 3, 1));
    }

    // East Asian wide ranges as numbers: characters, not words, so they are not written as literals.
    private static bool IsWide(char c) =>
        c is >= (char)0x1100 and <= (char)0x115F or >= (char)0x2E80 and <= (char)0xA4CF or >= (char)0xAC00 and <= (char)0xD7A3 or >= (char)0xF900 and <= (char)0xFAFF or >= (char)0xFE30 and <= (char)0xFE4F or >= (char)0xFF00 and <= (char)0xFF60 or >= (char)0xFFE0 and <= (char)0xFFE6;

    private void WriteViews(XmlWriter x)
    {
        x.WriteStartElement("sheetViews");
        x.WriteStartElement("sheetView");
        x.WriteAttributeString("workbookViewId", "0");
        if (FrozenRows > 0 || FrozenColumns > 0)
        {
            var topLeft = Ref(FrozenRows + 1, FrozenColumns + 1);
            var pane = FrozenRows > 0 && FrozenColumns > 0 ? "bottomRight" : FrozenRows > 0 ? "bottomLeft" : "topRight";
            x.WriteStartElement("pane");
            if (FrozenColumns > 0)
            {
                x.WriteAttributeString("xSplit", Int(FrozenColumns));
            }

            if (FrozenRows > 0)
            {
                x.WriteAttributeString("ySplit", Int(FrozenRows));
            }

            x.WriteAttributeString("topLeftCell", topLeft);
            x.WriteAttributeString("activePane", pane);
            x.WriteAttributeString("state", "frozen");
            x.WriteEndElement();
            x.WriteStartElement("selection");
            x.WriteAttributeString("pane", pane);
            x.WriteAttributeString("activeCell", topLeft);
            x.WriteAttributeString("sqref", topLeft);
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
    }

    private void WriteData(XmlWriter x, SharedStrings strings)
    {
        x.WriteStartElement("sheetData");
        var row = new List<(int Column, Cell Cell)>();
        var currentRow = 0;
        foreach (var (key, cell) in cells)
        {
            var rowNumber = (int)(key >> 20);
            if (rowNumber != currentRow && row.Count > 0)
            {
                WriteRow(x, strings, currentRow, row);
                row.Clear();
            }

            currentRow = rowNumber;
            row.Add(((int)(key & 0xFFFFF), cell));
        }

        if (row.Count > 0)
        {
            WriteRow(x, strings, currentRow, row);
        }

        x.WriteEndElement();
    }

    private void WriteRow(XmlWriter x, SharedStrings strings, int row, List<(int Column, Cell Cell)> rowCells)
    {
        x.WriteStartElement("row");
        x.WriteAttributeString("r", Int(row));
        if (rowHeights.TryGetValue(row, out var height) || (height = FittingHeight(rowCells)) > 0)
        {
            x.WriteAttributeString("ht", height.ToString("0.##", CultureInfo.InvariantCulture));
            x.WriteAttributeString("customHeight", "1");
        }

        if (hiddenRows.Contains(row))
        {
            x.WriteAttributeString("hidden", "1");
        }

        foreach (var (column, cell) in rowCells)
        {
            x.WriteStartElement("c");
            x.WriteAttributeString("r", Ref(row, column));
            if (cell.Style != Style.Default)
            {
                x.WriteAttributeString("s", Int((int)cell.Style));
            }

            switch (cell.Kind)
            {
                case CellKind.Text:
                    x.WriteAttributeString("t", "s");
                    x.WriteElementString("v", Int(strings.Index(cell.Value)));
                    break;
                case CellKind.Number:
                    x.WriteElementString("v", cell.Value);
                    break;
                case CellKind.Formula:
                    x.WriteElementString("f", cell.Value);
                    break;
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();
    }

    private static void WriteValidation(XmlWriter x, Validation v)
    {
        x.WriteStartElement("dataValidation");
        x.WriteAttributeString("type", v.Type);
        if (!v.Strict)
        {
            x.WriteAttributeString("errorStyle", "information");
        }

        if (v.Operator is not null)
        {
            x.WriteAttributeString("operator", v.Operator);
        }

        x.WriteAttributeString("allowBlank", "1");
        if (v.Prompt is not null)
        {
            x.WriteAttributeString("showInputMessage", "1");
        }

        x.WriteAttributeString("showErrorMessage", v.Strict ? "1" : "0");
        if (v.Error is not null)
        {
            x.WriteAttributeString("error", v.Error);
        }

        if (v.Prompt is not null)
        {
            x.WriteAttributeString("prompt", v.Prompt);
        }

        x.WriteAttributeString("sqref", v.Range);
        x.WriteElementString("formula1", v.Formula);
        if (v.Formula2 is not null)
        {
            x.WriteElementString("formula2", v.Formula2);
        }

        x.WriteEndElement();
    }

    private enum CellKind
    {
        Blank,
        Text,
        Number,
        Formula,
    }

    private sealed record Cell(CellKind Kind, string Value, Style Style);
}

/// <summary>The shared string table: each text stored once, numbered in order of first use.</summary>
internal sealed class SharedStrings
{
    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    private readonly List<string> strings = [];

    public int References { get; private set; }

    public IReadOnlyList<string> Strings => strings;

    public int Index(string text)
    {
        References++;
        if (!index.TryGetValue(text, out var i))
        {
            i = strings.Count;
            index[text] = i;
            strings.Add(text);
        }

        return i;
    }
}

/// <summary>The namespaces and content types of SpreadsheetML packages.</summary>
internal static class Ns
{
    public const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    public const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string WorksheetRel = OpcPackageWriter.OfficeRelationshipTypes + "worksheet";
    public const string StylesRel = OpcPackageWriter.OfficeRelationshipTypes + "styles";
    public const string SharedStringsRel = OpcPackageWriter.OfficeRelationshipTypes + "sharedStrings";
}
