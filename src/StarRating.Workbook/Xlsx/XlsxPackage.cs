using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace StarRating.Workbook.Xlsx;

/// <summary>A defined name: a role marker for the reader, a print title or an autofilter range.</summary>
internal sealed record DefinedName(string Name, string Formula, bool Hidden = true, int? LocalSheet = null);

/// <summary>
/// Writes a SpreadsheetML package (.xlsx) from sheets built with <see cref="SheetBuilder"/>: the parts in a fixed
/// order, every ZIP entry with the same fixed timestamp and no document dates, so the same content always gives
/// the same bytes.
/// </summary>
internal sealed class XlsxPackage(string fontName)
{
    /// <summary>The timestamp of every ZIP entry (the format needs one; a fixed one keeps the output deterministic).</summary>
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

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
        var sheetParts = sheets.Select(s => Xml(x => s.Write(x, strings))).ToArray();
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Entry(zip, "[Content_Types].xml", Xml(ContentTypes));
            Entry(zip, "_rels/.rels", Xml(PackageRels));
            Entry(zip, "docProps/app.xml", Xml(AppProperties));
            Entry(zip, "docProps/core.xml", Xml(CoreProperties));
            Entry(zip, "xl/workbook.xml", Xml(WorkbookPart));
            Entry(zip, "xl/_rels/workbook.xml.rels", Xml(WorkbookRels));
            Entry(zip, "xl/styles.xml", Xml(x => Styles.Write(x, fontName)));
            for (var i = 0; i < sheetParts.Length; i++)
            {
                Entry(zip, $"xl/worksheets/sheet{i + 1}.xml", sheetParts[i]);
            }

            Entry(zip, "xl/sharedStrings.xml", Xml(x => SharedStringsPart(x, strings)));
        }

        return buffer.ToArray();
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

    private static void Entry(ZipArchive zip, string name, byte[] content)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static byte[] Xml(Action<XmlWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var x = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), NewLineChars = "\n", Indent = false, CheckCharacters = true }))
        {
            write(x);
        }

        return buffer.ToArray();
    }

    private void ContentTypes(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("Types", Ns.ContentTypes);
        Default(x, "rels", "application/vnd.openxmlformats-package.relationships+xml");
        Default(x, "xml", "application/xml");
        Override(x, "/xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
        for (var i = 0; i < sheets.Count; i++)
        {
            Override(x, $"/xl/worksheets/sheet{i + 1}.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml");
        }

        Override(x, "/xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
        Override(x, "/xl/sharedStrings.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml");
        Override(x, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
        Override(x, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
        x.WriteEndElement();
        x.WriteEndDocument();

        static void Default(XmlWriter x, string extension, string type)
        {
            x.WriteStartElement("Default");
            x.WriteAttributeString("Extension", extension);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }

        static void Override(XmlWriter x, string part, string type)
        {
            x.WriteStartElement("Override");
            x.WriteAttributeString("PartName", part);
            x.WriteAttributeString("ContentType", type);
            x.WriteEndElement();
        }
    }

    private static void PackageRels(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("Relationships", Ns.PackageRelationships);
        Relationship(x, "rId1", Ns.OfficeDocument, "xl/workbook.xml");
        Relationship(x, "rId2", Ns.CorePropertiesRel, "docProps/core.xml");
        Relationship(x, "rId3", Ns.ExtendedPropertiesRel, "docProps/app.xml");
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void Relationship(XmlWriter x, string id, string type, string target)
    {
        x.WriteStartElement("Relationship");
        x.WriteAttributeString("Id", id);
        x.WriteAttributeString("Type", type);
        x.WriteAttributeString("Target", target);
        x.WriteEndElement();
    }

    private static void AppProperties(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("Properties", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
        x.WriteElementString("Application", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties", "StarRating");
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void CoreProperties(XmlWriter x)
    {
        // No dates: the same audit gives the same file.
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("cp", "coreProperties", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
        x.WriteAttributeString("xmlns", "dc", null, "http://purl.org/dc/elements/1.1/");
        x.WriteElementString("dc", "creator", "http://purl.org/dc/elements/1.1/", "StarRating");
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private void WorkbookPart(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
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
        x.WriteEndDocument();
    }

    private void WorkbookRels(XmlWriter x)
    {
        x.WriteStartDocument(standalone: true);
        x.WriteStartElement("Relationships", Ns.PackageRelationships);
        for (var i = 0; i < sheets.Count; i++)
        {
            Relationship(x, "rId" + (i + 1).ToString(CultureInfo.InvariantCulture), Ns.WorksheetRel, $"worksheets/sheet{i + 1}.xml");
        }

        Relationship(x, "rId" + (sheets.Count + 1).ToString(CultureInfo.InvariantCulture), Ns.StylesRel, "styles.xml");
        Relationship(x, "rId" + (sheets.Count + 2).ToString(CultureInfo.InvariantCulture), Ns.SharedStringsRel, "sharedStrings.xml");
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void SharedStringsPart(XmlWriter x, SharedStrings strings)
    {
        x.WriteStartDocument(standalone: true);
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
        x.WriteEndDocument();
    }
}
