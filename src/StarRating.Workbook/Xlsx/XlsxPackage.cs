using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using StarRating.Rules.Packaging;

namespace StarRating.Workbook.Xlsx;

/// <summary>A defined name: a role marker for the reader, a print title or an autofilter range.</summary>
internal sealed record DefinedName(string Name, string Formula, bool Hidden = true, int? LocalSheet = null);

/// <summary>
/// Writes a SpreadsheetML package (.xlsx) from sheets built with <see cref="SheetBuilder"/>: the parts in a fixed
/// order through the deterministic package writer the Word reports use too (<see cref="OpcPackageWriter"/>: one
/// fixed timestamp, no document dates), so the same content always gives the same bytes.
/// </summary>
internal sealed class XlsxPackage(string fontName)
{
    private const string SheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

    private readonly List<SheetBuilder> sheets = [];
    private readonly List<DefinedName> names = [];

    public SheetBuilder Add(SheetBuilder sheet)
    {
        sheets.Add(sheet);
        return sheet;
    }

    public void Name(DefinedName name) => names.Add(name);

    public int IndexOf(SheetBuilder sheet) => sheets.IndexOf(sheet);

    public byte[] Write()
    {
        var strings = new SharedStrings();
        // The sheets first: writing them fills the shared strings.
        var sheetParts = sheets.Select(s => OpcPackageWriter.Xml(x => s.Write(x, strings))).ToArray();
        var package = new OpcPackageWriter(CompressionLevel.Optimal);
        package.AddPackageRelationships("xl/workbook.xml");
        package.Add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", OpcPackageWriter.Xml(AppProperties));
        package.Add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", OpcPackageWriter.Xml(CoreProperties));
        package.Add("xl/workbook.xml", SheetType + "sheet.main+xml", OpcPackageWriter.Xml(WorkbookPart));
        package.Add("xl/_rels/workbook.xml.rels", null, WorkbookRels());
        package.Add("xl/styles.xml", SheetType + "styles+xml", OpcPackageWriter.Xml(x => Styles.Write(x, fontName)));
        for (var i = 0; i < sheetParts.Length; i++)
        {
            package.Add($"xl/worksheets/sheet{i + 1}.xml", SheetType + "worksheet+xml", sheetParts[i]);
        }

        package.Add("xl/sharedStrings.xml", SheetType + "sharedStrings+xml", OpcPackageWriter.Xml(x => SharedStringsPart(x, strings)));
        return package.ToBytes();
    }

    /// <summary>
    /// Text as SpreadsheetML stores it: characters XML cannot carry become <c>_xHHHH_</c>, and a literal
    /// <c>_xHHHH_</c> in the text is escaped as <c>_x005F_xHHHH_</c> so that it reads back unchanged.
    /// </summary>
    public static string Escape(string text)
    {
        StringBuilder? escaped = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var needsEscape = (c < 0x20 && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF'
                || (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    && !(char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1])));
            var literalEscape = c == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && Uri.IsHexDigit(text[i + 2]) && Uri.IsHexDigit(text[i + 3]) && Uri.IsHexDigit(text[i + 4]) && Uri.IsHexDigit(text[i + 5]);
            if (needsEscape || literalEscape || c == '\r')
            {
                escaped ??= new StringBuilder(text, 0, i, text.Length + 16);
                escaped.Append("_x").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append('_');
            }
            else
            {
                escaped?.Append(c);
            }
        }

        return escaped?.ToString() ?? text;
    }

    private static void AppProperties(XmlWriter x)
    {
        x.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        x.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "StarRating");
        x.WriteEndElement();
    }

    private static void CoreProperties(XmlWriter x)
    {
        // No dates: the same audit gives the same file.
        x.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        x.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        x.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", "StarRating");
        x.WriteEndElement();
    }

    private void WorkbookPart(XmlWriter x)
    {
        x.WriteStartElement("workbook", Ns.Main);
        x.WriteAttributeString("xmlns", "r", null, Ns.Relationships);
        x.WriteStartElement("workbookPr");
        x.WriteEndElement();
        x.WriteStartElement("bookViews");
        x.WriteStartElement("workbookView");
        x.WriteAttributeString("activeTab", "0");
        x.WriteEndElement();
        x.WriteEndElement();
        x.WriteStartElement("sheets");
        for (var i = 0; i < sheets.Count; i++)
        {
            x.WriteStartElement("sheet");
            x.WriteAttributeString("name", sheets[i].Name);
            x.WriteAttributeString("sheetId", (i + 1).ToString(CultureInfo.InvariantCulture));
            if (sheets[i].Hidden)
            {
                x.WriteAttributeString("state", "hidden");
            }

            x.WriteAttributeString("id", Ns.Relationships, "rId" + (i + 1).ToString(CultureInfo.InvariantCulture));
            x.WriteEndElement();
        }

        x.WriteEndElement();
        if (names.Count > 0)
        {
            x.WriteStartElement("definedNames");
            foreach (var name in names)
            {
                x.WriteStartElement("definedName");
                x.WriteAttributeString("name", name.Name);
                if (name.LocalSheet is { } local)
                {
                    x.WriteAttributeString("localSheetId", local.ToString(CultureInfo.InvariantCulture));
                }

                if (name.Hidden)
                {
                    x.WriteAttributeString("hidden", "1");
                }

                x.WriteString(name.Formula);
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        // Formulas carry no cached values: both Excel and LibreOffice compute them when the file opens.
        x.WriteStartElement("calcPr");
        x.WriteAttributeString("calcId", "191029");
        x.WriteAttributeString("fullCalcOnLoad", "1");
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private byte[] WorkbookRels()
    {
        static string Id(int n) => "rId" + n.ToString(CultureInfo.InvariantCulture);
        return OpcPackageWriter.Relationships(
            sheets.Select((_, i) => (Id(i + 1), Ns.WorksheetRel, $"worksheets/sheet{i + 1}.xml"))
                .Append((Id(sheets.Count + 1), Ns.StylesRel, "styles.xml"))
                .Append((Id(sheets.Count + 2), Ns.SharedStringsRel, "sharedStrings.xml")));
    }

    private static void SharedStringsPart(XmlWriter x, SharedStrings strings)
    {
        x.WriteStartElement("sst", Ns.Main);
        x.WriteAttributeString("count", strings.References.ToString(CultureInfo.InvariantCulture));
        x.WriteAttributeString("uniqueCount", strings.Strings.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var text in strings.Strings)
        {
            x.WriteStartElement("si");
            x.WriteStartElement("t");
            var escaped = Escape(text);
            if (escaped.Length > 0 && (char.IsWhiteSpace(escaped[0]) || char.IsWhiteSpace(escaped[^1]) || escaped.Contains('\n', StringComparison.Ordinal)))
            {
                x.WriteAttributeString("xml", "space", null, "preserve");
            }

            x.WriteString(escaped);
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteEndElement();
    }
}
