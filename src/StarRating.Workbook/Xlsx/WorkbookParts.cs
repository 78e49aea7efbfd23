using System.Globalization;
using System.Xml;
using StarRating.Rules;

namespace StarRating.Workbook.Xlsx;

/// <summary>What a cell holds, as stored.</summary>
internal enum CellType
{
    Text,
    Number,
    Boolean,
    Error,
}

/// <summary>A cell with a value or a formula: its text (a number as stored), its type, and its formula, if any.</summary>
internal sealed record RawCell(int Row, int Column, string Text, CellType Type, string? Formula);

/// <summary>A sheet of the workbook: name, visibility and part.</summary>
internal sealed record SheetInfo(string Name, string Part, bool Hidden);

/// <summary>
/// The workbook part and what it points at: sheets, defined names, the date system, the shared strings. Refuses
/// macros, external links and data connections.
/// </summary>
internal sealed class WorkbookParts
{
    private const string MacroContent = "macroEnabled";

    private WorkbookParts(string workbookPart)
    {
        WorkbookPart = workbookPart;
    }

    public string WorkbookPart { get; }

    public List<SheetInfo> Sheets { get; } = [];

    public Dictionary<string, string> DefinedNames { get; } = new(StringComparer.OrdinalIgnoreCase);

    public bool Date1904 { get; private set; }

    public List<string> SharedStrings { get; } = [];

    public static WorkbookParts? Open(PackageReader package, string file, WorkbookLimits limits)
    {
        var whole = SourceLocation.WholeFile(file);
        var diagnostics = package.Diagnostics;
        if (file.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".xltm", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(WorkbookDiagnostics.WorkbookMacros.Create(whole, ("what", new Message("diagnostic.workbook.macro_file_type"))));
            return null;
        }

        var macro = package.Parts.FirstOrDefault(p => p.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase));
        var types = new List<string>();
        if (!package.Read("[Content_Types].xml", x =>
            {
                while (x.Read())
                {
                    if (x.NodeType == XmlNodeType.Element && x.GetAttribute("ContentType") is { } type)
                    {
                        types.Add(type);
                    }
                }
            }))
        {
            return null;
        }

        if (macro is not null || types.Any(t => t.Contains(MacroContent, StringComparison.OrdinalIgnoreCase)))
        {
            diagnostics.Add(WorkbookDiagnostics.WorkbookMacros.Create(whole, ("what", new Message("diagnostic.workbook." + (macro is not null ? "vba_project" : "macro_content_type")))));
            return null;
        }

        var root = package.Relationships("");
        var office = root.Values.FirstOrDefault(r => r.Type.EndsWith("/officeDocument", StringComparison.Ordinal) && !r.External);
        var workbookPart = office.Target ?? "xl/workbook.xml";
        if (!package.Has(workbookPart))
        {
            diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.no_workbook_part"))));
            return null;
        }

        var parts = new WorkbookParts(workbookPart);
        var rels = package.Relationships(workbookPart);
        foreach (var rel in rels.Values)
        {
            var kind = rel.Type[(rel.Type.LastIndexOf('/') + 1)..];
            if (rel.External || kind is "externalLink" or "connections" or "queryTable")
            {
                diagnostics.Add(WorkbookDiagnostics.WorkbookExternalLink.Create(whole, ("what", rel.External ? rel.Target : kind)));
                return null;
            }
        }

        var sheetRefs = new List<(string Name, string Id, bool Hidden)>();
        var external = false;
        var ok = package.Read(workbookPart, x =>
        {
            x.Read();
            while (!x.EOF)
            {
                if (x.NodeType == XmlNodeType.Element)
                {
                    switch (x.LocalName)
                    {
                        case "workbookPr":
                            parts.Date1904 = x.GetAttribute("date1904") is "1" or "true";
                            break;
                        case "sheet":
                            var state = x.GetAttribute("state");
                            var id = x.GetAttribute("id", Ns.Relationships) ?? x.GetAttribute("id", "http://purl.oclc.org/ooxml/officeDocument/relationships") ?? "";
                            sheetRefs.Add((x.GetAttribute("name") ?? "", id, state is "hidden" or "veryHidden"));
                            break;
                        case "externalReference":
                            external = true;
                            break;
                        case "definedName":
                            var name = x.GetAttribute("name") ?? "";
                            var local = x.GetAttribute("localSheetId");
                            var formula = x.ReadElementContentAsString();
                            if (local is null)
                            {
                                parts.DefinedNames.TryAdd(name, formula);
                            }

                            continue;
                    }
                }

                x.Read();
            }
        });
        if (!ok)
        {
            return null;
        }

        if (external)
        {
            diagnostics.Add(WorkbookDiagnostics.WorkbookExternalLink.Create(whole, ("what", new Message("diagnostic.workbook.external_reference"))));
            return null;
        }

        if (sheetRefs.Count > limits.MaxSheets)
        {
            diagnostics.Add(WorkbookDiagnostics.WorkbookTooManyParts.Create(whole, ("count", sheetRefs.Count), ("what", new Message("diagnostic.workbook.sheets")), ("limit", limits.MaxSheets)));
            return null;
        }

        foreach (var (name, id, hidden) in sheetRefs)
        {
            if (rels.TryGetValue(id, out var rel) && package.Has(rel.Target))
            {
                parts.Sheets.Add(new SheetInfo(name, rel.Target, hidden));
            }
        }

        var strings = rels.Values.FirstOrDefault(r => r.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
        if (strings.Target is not null && !ReadSharedStrings(package, strings.Target, parts.SharedStrings, file, limits))
        {
            return null;
        }

        return parts;
    }

    /// <summary>Reads the cells of a sheet that hold a value or a formula; null when a limit stopped it (reported).</summary>
    public Dictionary<(int Row, int Column), RawCell>? ReadCells(PackageReader package, SheetInfo sheet, WorkbookLimits limits, ref int cellBudget)
    {
        var cells = new Dictionary<(int, int), RawCell>();
        var budget = cellBudget;
        var strings = SharedStrings;
        var refused = false;
        var ok = package.Read(sheet.Part, x =>
        {
            var row = 0;
            var column = 0;
            x.Read();
            while (!x.EOF)
            {
                if (x.NodeType != XmlNodeType.Element)
                {
                    x.Read();
                    continue;
                }

                if (x.LocalName == "row")
                {
                    row = int.TryParse(x.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : row + 1;
                    column = 0;
                    x.Read();
                    continue;
                }

                if (x.LocalName != "c")
                {
                    x.Read();
                    continue;
                }

                var reference = x.GetAttribute("r");
                if (reference is not null && TryParseReference(reference, out var refRow, out var refColumn))
                {
                    row = refRow;
                    column = refColumn;
                }
                else
                {
                    column++;
                }

                var cell = ReadCell(x, row, column, strings);
                if (cell is null)
                {
                    continue;
                }

                if (row > limits.MaxRows || column > limits.MaxColumns)
                {
                    package.Diagnostics.Add(WorkbookDiagnostics.SheetTooLarge.Create(
                        SourceLocation.InCell(package.File, sheet.Name, 0, 0),
                        ("limit", row > limits.MaxRows ? limits.MaxRows : limits.MaxColumns),
                        ("what", new Message("diagnostic.workbook." + (row > limits.MaxRows ? "rows" : "columns")))));
                    refused = true;
                    return;
                }

                if (--budget < 0)
                {
                    package.Diagnostics.Add(WorkbookDiagnostics.SheetTooLarge.Create(SourceLocation.InCell(package.File, sheet.Name, 0, 0), ("limit", limits.MaxCells), ("what", new Message("diagnostic.workbook.cells"))));
                    refused = true;
                    return;
                }

                cells[(row, column)] = cell;
            }
        });
        cellBudget = budget;
        return ok && !refused ? cells : null;
    }

    /// <summary>Parses <c>F12</c> into row 12, column 6.</summary>
    public static bool TryParseReference(string reference, out int row, out int column)
    {
        row = 0;
        column = 0;
        var i = 0;
        while (i < reference.Length && char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (char.ToUpperInvariant(reference[i]) - 'A' + 1);
            i++;
            if (column > 1_000_000)
            {
                return false;
            }
        }

        if (i == 0 || i == reference.Length)
        {
            return false;
        }

        return int.TryParse(reference.AsSpan(i), NumberStyles.None, CultureInfo.InvariantCulture, out row) && row > 0;
    }

    /// <summary>Reads a <c>c</c> element and leaves the reader after it.</summary>
    private static RawCell? ReadCell(XmlReader x, int row, int column, List<string> strings)
    {
        var type = x.GetAttribute("t");
        if (x.IsEmptyElement)
        {
            x.Read();
            return null;
        }

        string? value = null;
        string? formula = null;
        string? inline = null;
        var depth = x.Depth;
        x.Read();
        while (!x.EOF && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType != XmlNodeType.Element)
            {
                x.Read();
                continue;
            }

            switch (x.LocalName)
            {
                case "v":
                    value = x.ReadElementContentAsString();
                    break;
                case "f":
                    // A shared formula's followers have an empty <f si="n"/>: still a formula.
                    formula = x.ReadElementContentAsString();
                    formula = formula.Length == 0 ? "(shared formula)" : formula;
                    break;
                case "is":
                    inline = ReadRichText(x);
                    break;
                default:
                    x.Skip();
                    break;
            }
        }

        x.Read();
        if (value is null && inline is null && formula is null)
        {
            return null;
        }

        switch (type)
        {
            case "s":
                var index = int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1;
                if (index < 0 || index >= strings.Count)
                {
                    throw new XmlException("shared string index out of range", null, row, column);
                }

                return new RawCell(row, column, strings[index], CellType.Text, formula);
            case "inlineStr":
                return new RawCell(row, column, inline ?? "", CellType.Text, formula);
            case "str":
                return new RawCell(row, column, XlsxText.Unescape(value ?? ""), CellType.Text, formula);
            case "b":
                return new RawCell(row, column, value == "1" ? "TRUE" : "FALSE", CellType.Boolean, formula);
            case "e":
                return new RawCell(row, column, value ?? "#VALUE!", CellType.Error, formula);
            case "d":
                return new RawCell(row, column, value ?? "", CellType.Text, formula);
            default:
                return new RawCell(row, column, value ?? "", value is null ? CellType.Text : CellType.Number, formula);
        }
    }

    /// <summary>The text of an <c>si</c> or <c>is</c> element: its <c>t</c>, or the <c>t</c> of each run; phonetic runs left out.</summary>
    private static string ReadRichText(XmlReader x)
    {
        if (x.IsEmptyElement)
        {
            x.Read();
            return "";
        }

        var text = new System.Text.StringBuilder();
        var depth = x.Depth;
        x.Read();
        while (!x.EOF && !(x.NodeType == XmlNodeType.EndElement && x.Depth == depth))
        {
            if (x.NodeType == XmlNodeType.Element && x.LocalName == "rPh")
            {
                x.Skip();
            }
            else if (x.NodeType == XmlNodeType.Element && x.LocalName == "t")
            {
                text.Append(x.ReadElementContentAsString());
            }
            else
            {
                x.Read();
            }
        }

        x.Read();
        return XlsxText.Unescape(text.ToString());
    }

    private static bool ReadSharedStrings(PackageReader package, string part, List<string> strings, string file, WorkbookLimits limits)
    {
        var refused = false;
        long chars = 0;
        var ok = package.Read(part, x =>
        {
            x.Read();
            while (!x.EOF)
            {
                if (x.NodeType != XmlNodeType.Element || x.LocalName != "si")
                {
                    x.Read();
                    continue;
                }

                var text = ReadRichText(x);
                chars += text.Length;
                if (strings.Count >= limits.MaxSharedStrings || chars > limits.MaxSharedStringChars)
                {
                    package.Diagnostics.Add(WorkbookDiagnostics.WorkbookSharedStrings.Create(
                        SourceLocation.WholeFile(file),
                        ("limit", strings.Count >= limits.MaxSharedStrings ? limits.MaxSharedStrings : limits.MaxSharedStringChars),
                        ("what", new Message("diagnostic.workbook." + (strings.Count >= limits.MaxSharedStrings ? "entries" : "characters")))));
                    refused = true;
                    return;
                }

                strings.Add(text);
            }
        });
        return ok && !refused;
    }
}
