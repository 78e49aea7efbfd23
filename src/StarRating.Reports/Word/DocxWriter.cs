using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using StarRating.Rules;
using StarRating.Rules.Packaging;

namespace StarRating.Reports.Word;

/// <summary>
/// Turns a <see cref="WordDocument"/> into a .docx package: WordprocessingML written with <see cref="XmlWriter"/>
/// (every text escaped by the writer), native chart parts, header and footer with page-number fields, and the
/// styles, page setup, header and footer of a reference document when one is given. Deterministic: the same
/// document and reference give the same bytes.
/// </summary>
internal static class DocxWriter
{
    private const string WNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    private const string RNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string WpNs = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
    private const string RelNs = OpcPackageWriter.RelationshipsNs;
    private const string OfficeRel = OpcPackageWriter.OfficeRelationshipTypes;
    private const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

    /// <summary>A4 portrait, 2.5 cm top and bottom, 2.2 cm left and right: room for seven-column tables.</summary>
    private static readonly XElement BuiltInPage = new(DocxStyles.W + "sectPr",
        new XElement(DocxStyles.W + "pgSz", new XAttribute(DocxStyles.W + "w", 11906), new XAttribute(DocxStyles.W + "h", 16838)),
        new XElement(DocxStyles.W + "pgMar",
            new XAttribute(DocxStyles.W + "top", 1418), new XAttribute(DocxStyles.W + "right", 1247),
            new XAttribute(DocxStyles.W + "bottom", 1418), new XAttribute(DocxStyles.W + "left", 1247),
            new XAttribute(DocxStyles.W + "header", 851), new XAttribute(DocxStyles.W + "footer", 851), new XAttribute(DocxStyles.W + "gutter", 0)),
        new XElement(DocxStyles.W + "cols", new XAttribute(DocxStyles.W + "space", 425)),
        new XElement(DocxStyles.W + "docGrid", new XAttribute(DocxStyles.W + "type", "lines"), new XAttribute(DocxStyles.W + "linePitch", 312)));

    public static byte[]? Write(WordDocument document, ReferenceParts? reference, string templateName, DiagnosticBag bag)
    {
        var styles = new StyleSheet(reference?.Styles, document.Properties.Language);
        var context = new Context(styles, TextWidth(reference?.SectionProperties ?? BuiltInPage));
        var package = new OpcPackageWriter();
        var rels = new List<(string Id, string Type, string Target)>();
        string Rel(string type, string target)
        {
            var id = "rId" + (rels.Count + 1).ToString(CultureInfo.InvariantCulture);
            rels.Add((id, type, target));
            return id;
        }

        // Resolve every style first: unknown names are the template's mistake, reported together.
        var unknown = new SortedSet<(string Type, string Name)>();
        foreach (var (name, type) in StylesUsed(document))
        {
            if (styles.Resolve(name, type) is null)
            {
                unknown.Add((type, name));
            }
        }

        foreach (var (type, name) in unknown)
        {
            bag.Add(ReportDiagnostics.WordStyleUnknown, SourceLocation.WholeFile(templateName), ("kind", new Message("diagnostic.word.style_kind." + type)), ("name", name), ("available", styles.Available(type)));
        }

        if (unknown.Count > 0)
        {
            return null;
        }

        Rel(OfficeRel + "styles", "styles.xml");
        Rel(OfficeRel + "settings", "settings.xml");
        Rel(OfficeRel + "fontTable", "fontTable.xml");
        if (reference?.Theme is not null)
        {
            Rel(OfficeRel + "theme", "theme/theme1.xml");
        }

        if (reference?.Numbering is not null)
        {
            Rel(OfficeRel + "numbering", "numbering.xml");
        }

        // Header and footer: the reference document's when it has them (with the template's always="true" blocks
        // added), else the template's.
        var sideParts = new List<(string Name, string ContentType, byte[] Bytes)>();
        var references = new List<(string Element, string Type, string Id)>();
        var mediaCount = 0;
        void Side(bool header, IReadOnlyList<Block> blocks, IReadOnlyList<HeaderFooterPart>? fromReference)
        {
            var element = header ? "hdr" : "ftr";
            var kind = header ? "header" : "footer";
            if (fromReference is { Count: > 0 })
            {
                var always = blocks.Where(b => b is Paragraph { Always: true } or Table { Always: true }).ToArray();
                foreach (var part in fromReference)
                {
                    var name = kind + (sideParts.Count + 1).ToString(CultureInfo.InvariantCulture) + ".xml";
                    var xml = new XDocument(part.Xml);
                    if (always.Length > 0)
                    {
                        xml.Root!.Add(Fragment(always, context));
                    }

                    sideParts.Add(("word/" + name, WordType + kind + "+xml", OpcPackageWriter.Xml(w => xml.Root!.WriteTo(w))));
                    if (part.Related.Count > 0)
                    {
                        package.Add("word/_rels/" + name + ".rels", "application/vnd.openxmlformats-package.relationships+xml", CopyRelated(package, part.Related, "media/", ref mediaCount));
                    }

                    references.Add((kind + "Reference", part.Type, Rel(OfficeRel + kind, name)));
                }

                return;
            }

            if (blocks.Count == 0)
            {
                return;
            }

            var own = kind + (sideParts.Count + 1).ToString(CultureInfo.InvariantCulture) + ".xml";
            sideParts.Add(("word/" + own, WordType + kind + "+xml", OpcPackageWriter.Xml(w =>
            {
                w.WriteStartElement("w", element, WNs);
                Namespaces(w);
                Blocks(w, blocks, context);
                w.WriteEndElement();
            })));
            references.Add((kind + "Reference", "default", Rel(OfficeRel + kind, own)));
        }

        Side(header: true, document.Header, reference?.Headers);
        Side(header: false, document.Footer, reference?.Footers);

        // The body's charts get their parts and relationships first, so the body can be written straight into the zip.
        foreach (var chart in document.Body.OfType<Chart>())
        {
            context.Charts.Add(chart, Rel(DocxCharts.RelationshipType, "charts/chart" + (context.Charts.Count + 1).ToString(CultureInfo.InvariantCulture) + ".xml"));
        }

        void Body(XmlWriter w)
        {
            w.WriteStartElement("w", "document", WNs);
            Namespaces(w);
            w.WriteStartElement("w", "body", WNs);
            Blocks(w, document.Body, context);
            if (document.Body.Count == 0 || document.Body[^1] is Table)
            {
                w.WriteStartElement("w", "p", WNs);
                w.WriteEndElement();
            }

            SectionProperties(w, reference?.SectionProperties ?? BuiltInPage, references);
            w.WriteEndElement();
            w.WriteEndElement();
        }

        var settings = OpcPackageWriter.Xml(w => Settings(w, reference?.EvenAndOddHeaders == true && references.Exists(r => r.Type == "even"), document.Properties.Language));

        // The package, parts in a fixed order.
        package.AddPackageRelationships("word/document.xml");
        package.Add("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", CoreProperties(document.Properties));
        package.Add("docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml", AppProperties());
        package.Add("word/document.xml", WordType + "document.main+xml", Body);
        package.Add("word/_rels/document.xml.rels", "application/vnd.openxmlformats-package.relationships+xml", OpcPackageWriter.Relationships(rels));
        package.Add("word/styles.xml", WordType + "styles+xml", styles.ToBytes());
        package.Add("word/settings.xml", WordType + "settings+xml", settings);
        package.Add("word/fontTable.xml", WordType + "fontTable+xml", DocxStyles.FontTable());
        if (reference?.Theme is { } theme)
        {
            package.Add("word/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml", theme);
        }

        if (reference?.Numbering is { } numbering)
        {
            package.Add("word/numbering.xml", WordType + "numbering+xml", numbering);
        }

        foreach (var (name, type, bytes) in sideParts)
        {
            package.Add(name, type, bytes);
        }

        var number = 0;
        foreach (var chart in context.Charts.Keys)
        {
            package.Add("word/charts/chart" + (++number).ToString(CultureInfo.InvariantCulture) + ".xml", DocxCharts.ContentType, DocxCharts.Part(chart));
        }

        return package.ToBytes();
    }

    private sealed class Context(StyleSheet styles, int textWidth)
    {
        private readonly Dictionary<(string Name, string Type), string> attributes = [];

        public StyleSheet Styles { get; } = styles;

        /// <summary>A style's id, escaped for an attribute value (a reference document's ids are its own text).</summary>
        public string StyleAttribute(string name, string type)
        {
            if (!attributes.TryGetValue((name, type), out var escaped))
            {
                escaped = System.Security.SecurityElement.Escape(Styles.Resolve(name, type)!);
                attributes[(name, type)] = escaped;
            }

            return escaped;
        }

        public int TextWidth { get; } = textWidth;

        /// <summary>The body's charts, in order, with their relationship ids (the same chart object is one chart).</summary>
        public OrderedDictionary<Chart, string> Charts { get; } = new(ReferenceEqualityComparer.Instance);

        public int DrawingId { get; set; }
    }

    private static IEnumerable<(string Name, string Type)> StylesUsed(WordDocument document)
    {
        IEnumerable<(string, string)> Of(IEnumerable<Block> blocks) => blocks.SelectMany(block => block switch
        {
            Paragraph p => Paragraph(p),
            Table t => t.Rows.SelectMany(r => r.Cells).SelectMany(c => c.Paragraphs).SelectMany(Paragraph),
            _ => [],
        });
        IEnumerable<(string, string)> Paragraph(Paragraph p) =>
            p.Content.OfType<TextRun>().Where(r => r.CharacterStyle is not null).Select(r => (r.CharacterStyle!, "character")).Prepend((p.Style, "paragraph"));
        return Of(document.Header).Concat(Of(document.Footer)).Concat(Of(document.Body)).Distinct();
    }

    private static void Namespaces(XmlWriter w)
    {
        w.WriteAttributeString("xmlns", "r", null, RNs);
        w.WriteAttributeString("xmlns", "wp", null, WpNs);
        w.WriteAttributeString("xmlns", "a", null, DocxCharts.DrawingNs);
        w.WriteAttributeString("xmlns", "c", null, DocxCharts.ChartNs);
    }

    private static void Blocks(XmlWriter w, IReadOnlyList<Block> blocks, Context context)
    {
        for (var i = 0; i < blocks.Count; i++)
        {
            switch (blocks[i])
            {
                case Paragraph p:
                    Paragraph(w, p, context);
                    break;
                case Table t:
                    // Two tables in a row would merge into one: Word needs a paragraph between them.
                    if (i > 0 && blocks[i - 1] is Table)
                    {
                        w.WriteStartElement("w", "p", WNs);
                        w.WriteEndElement();
                    }

                    Table(w, t, context);
                    break;
                case PageBreak:
                    w.WriteStartElement("w", "p", WNs);
                    w.WriteStartElement("w", "r", WNs);
                    w.WriteStartElement("w", "br", WNs);
                    w.WriteAttributeString("w", "type", WNs, "page");
                    w.WriteEndElement();
                    w.WriteEndElement();
                    w.WriteEndElement();
                    break;
                case Chart c:
                    Chart(w, c, context);
                    break;
            }
        }
    }

    /// <summary>Blocks written as elements, to add to a reference document's header or footer.</summary>
    private static IEnumerable<XElement> Fragment(IReadOnlyList<Block> blocks, Context context)
    {
        var bytes = OpcPackageWriter.Xml(w =>
        {
            w.WriteStartElement("w", "hdr", WNs);
            Namespaces(w);
            Blocks(w, blocks, context);
            w.WriteEndElement();
        });
        using var stream = new MemoryStream(bytes);
        return XDocument.Load(stream).Root!.Elements().ToArray();
    }

    // Paragraphs, runs, rows and cells are most of a document (tens of thousands of elements): their fixed markup is
    // written raw, and every value in them goes through WriteString or Attribute, which escape it. Writing each
    // element through XmlWriter's namespace bookkeeping took most of a render.
    private static void Paragraph(XmlWriter w, Paragraph p, Context context)
    {
        w.WriteRaw("<w:p><w:pPr><w:pStyle w:val=\"");
        w.WriteRaw(context.StyleAttribute(p.Style, "paragraph"));
        w.WriteRaw("\"/>");
        if (p.KeepNext)
        {
            w.WriteRaw("<w:keepNext/>");
        }

        if (p.PageBreakBefore)
        {
            w.WriteRaw("<w:pageBreakBefore/>");
        }

        if (p.Align is { } align)
        {
            w.WriteRaw(align switch
            {
                "center" => "<w:jc w:val=\"center\"/>",
                "right" => "<w:jc w:val=\"right\"/>",
                "justify" => "<w:jc w:val=\"both\"/>",
                _ => "<w:jc w:val=\"left\"/>",
            });
        }

        w.WriteRaw("</w:pPr>");
        foreach (var inline in p.Content)
        {
            switch (inline)
            {
                case TextRun run:
                    w.WriteRaw("<w:r>");
                    RunProperties(w, run, context);
                    w.WriteRaw(run.Text.Length > 0 && (char.IsWhiteSpace(run.Text[0]) || char.IsWhiteSpace(run.Text[^1]) || run.Text.Contains("  ", StringComparison.Ordinal))
                        ? "<w:t xml:space=\"preserve\">"
                        : "<w:t>");
                    w.WriteString(run.Text);
                    w.WriteRaw("</w:t></w:r>");
                    break;
                case LineBreak:
                    w.WriteRaw("<w:r><w:br/></w:r>");
                    break;
                case TabRun:
                    w.WriteRaw("<w:r><w:tab/></w:r>");
                    break;
                case FieldRun field:
                    w.WriteRaw(field.Name == "page"
                        ? "<w:fldSimple w:instr=\" PAGE \"><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>"
                        : "<w:fldSimple w:instr=\" NUMPAGES \"><w:r><w:rPr><w:noProof/></w:rPr><w:t>1</w:t></w:r></w:fldSimple>");
                    break;
            }
        }

        w.WriteRaw("</w:p>");
    }

    private static void RunProperties(XmlWriter w, TextRun run, Context context)
    {
        if (!run.Bold && !run.Italic && !run.Underline && run.CharacterStyle is null)
        {
            return;
        }

        w.WriteRaw("<w:rPr>");
        if (run.CharacterStyle is { } style)
        {
            w.WriteRaw("<w:rStyle w:val=\"");
            w.WriteRaw(context.StyleAttribute(style, "character"));
            w.WriteRaw("\"/>");
        }

        if (run.Bold)
        {
            w.WriteRaw("<w:b/><w:bCs/>");
        }

        if (run.Italic)
        {
            w.WriteRaw("<w:i/><w:iCs/>");
        }

        if (run.Underline)
        {
            w.WriteRaw("<w:u w:val=\"single\"/>");
        }

        w.WriteRaw("</w:rPr>");
    }

    private static void Table(XmlWriter w, Table table, Context context)
    {
        var total = table.Widths.Sum();
        var columns = new int[table.Widths.Count];
        var used = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = i == columns.Length - 1 ? context.TextWidth - used : (int)Math.Round(context.TextWidth * table.Widths[i] / total, MidpointRounding.AwayFromZero);
            used += columns[i];
        }

        w.WriteStartElement("w", "tbl", WNs);
        w.WriteStartElement("w", "tblPr", WNs);
        w.WriteStartElement("w", "tblW", WNs);
        w.WriteAttributeString("w", "w", WNs, Int(context.TextWidth));
        w.WriteAttributeString("w", "type", WNs, "dxa");
        w.WriteEndElement();
        var (border, size, color) = table.Kind switch
        {
            "plain" => ("nil", 0, "auto"),
            "form" => ("single", 6, "000000"),
            _ => ("single", 4, "808080"),
        };
        w.WriteStartElement("w", "tblBorders", WNs);
        foreach (var side in new[] { "top", "left", "bottom", "right", "insideH", "insideV" })
        {
            w.WriteStartElement("w", side, WNs);
            w.WriteAttributeString("w", "val", WNs, border);
            if (border != "nil")
            {
                w.WriteAttributeString("w", "sz", WNs, Int(size));
                w.WriteAttributeString("w", "space", WNs, "0");
                w.WriteAttributeString("w", "color", WNs, color);
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteStartElement("w", "tblLayout", WNs);
        w.WriteAttributeString("w", "type", WNs, "fixed");
        w.WriteEndElement();
        w.WriteStartElement("w", "tblCellMar", WNs);
        foreach (var (side, width) in new[] { ("top", 28), ("left", 85), ("bottom", 28), ("right", 85) })
        {
            w.WriteStartElement("w", side, WNs);
            w.WriteAttributeString("w", "w", WNs, Int(width));
            w.WriteAttributeString("w", "type", WNs, "dxa");
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement(); // tblPr
        w.WriteStartElement("w", "tblGrid", WNs);
        foreach (var column in columns)
        {
            w.WriteStartElement("w", "gridCol", WNs);
            w.WriteAttributeString("w", "w", WNs, Int(column));
            w.WriteEndElement();
        }

        w.WriteEndElement();
        foreach (var row in table.Rows)
        {
            w.WriteRaw("<w:tr>");
            if (!row.AllowSplit || row.MinHeightTwips is not null || row.Header)
            {
                w.WriteRaw("<w:trPr>");
                if (!row.AllowSplit)
                {
                    w.WriteRaw("<w:cantSplit/>");
                }

                if (row.MinHeightTwips is { } height)
                {
                    w.WriteRaw("<w:trHeight w:val=\"" + Int(height) + "\" w:hRule=\"atLeast\"/>");
                }

                if (row.Header)
                {
                    w.WriteRaw("<w:tblHeader/>");
                }

                w.WriteRaw("</w:trPr>");
            }

            var column = 0;
            foreach (var cell in row.Cells)
            {
                var width = 0;
                for (var i = column; i < column + cell.Span; i++)
                {
                    width += columns[i];
                }

                column += cell.Span;
                w.WriteRaw("<w:tc><w:tcPr><w:tcW w:w=\"" + Int(width) + "\" w:type=\"dxa\"/>");
                if (cell.Span > 1)
                {
                    w.WriteRaw("<w:gridSpan w:val=\"" + Int(cell.Span) + "\"/>");
                }

                // Fills are named shades or six hex digits (checked by the markup reader).
                if (cell.Shade is { } shade && WordMarkup.Fill(shade) is var fill && fill != "auto")
                {
                    w.WriteRaw("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"" + fill + "\"/>");
                }

                // Top is Word's default: written only when it differs, as every cell's properties add up.
                var valign = cell.VerticalAlign ?? (row.Header ? "center" : "top");
                if (valign != "top")
                {
                    w.WriteRaw(valign == "center" ? "<w:vAlign w:val=\"center\"/>" : "<w:vAlign w:val=\"bottom\"/>");
                }

                w.WriteRaw("</w:tcPr>");
                foreach (var paragraph in cell.Paragraphs)
                {
                    Paragraph(w, paragraph, context);
                }

                w.WriteRaw("</w:tc>");
            }

            w.WriteRaw("</w:tr>");
        }

        w.WriteEndElement(); // tbl
    }

    private static void Chart(XmlWriter w, Chart chart, Context context)
    {
        var id = context.Charts[chart];
        context.DrawingId++;
        const long EmuPerTwip = 635;
        w.WriteStartElement("w", "p", WNs);
        w.WriteStartElement("w", "pPr", WNs);
        Val(w, "pStyle", context.Styles.Resolve("Normal", "paragraph")!);
        Val(w, "jc", "center");
        w.WriteEndElement();
        w.WriteStartElement("w", "r", WNs);
        w.WriteStartElement("w", "drawing", WNs);
        w.WriteStartElement("wp", "inline", WpNs);
        foreach (var distance in new[] { "distT", "distB", "distL", "distR" })
        {
            w.WriteAttributeString(distance, "0");
        }

        w.WriteStartElement("wp", "extent", WpNs);
        w.WriteAttributeString("cx", (context.TextWidth * EmuPerTwip).ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("cy", (chart.HeightTwips * EmuPerTwip).ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        w.WriteStartElement("wp", "effectExtent", WpNs);
        foreach (var side in new[] { "l", "t", "r", "b" })
        {
            w.WriteAttributeString(side, "0");
        }

        w.WriteEndElement();
        w.WriteStartElement("wp", "docPr", WpNs);
        w.WriteAttributeString("id", Int(context.DrawingId));
        w.WriteAttributeString("name", "Chart " + Int(context.DrawingId));
        if (chart.Title is { } title)
        {
            w.WriteAttributeString("descr", title);
        }

        w.WriteEndElement();
        w.WriteStartElement("wp", "cNvGraphicFramePr", WpNs);
        w.WriteEndElement();
        w.WriteStartElement("a", "graphic", DocxCharts.DrawingNs);
        w.WriteStartElement("a", "graphicData", DocxCharts.DrawingNs);
        w.WriteAttributeString("uri", DocxCharts.ChartNs);
        w.WriteStartElement("c", "chart", DocxCharts.ChartNs);
        w.WriteAttributeString("r", "id", RNs, id);
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement(); // inline
        w.WriteEndElement(); // drawing
        w.WriteEndElement(); // r
        w.WriteEndElement(); // p
    }

    private static void SectionProperties(XmlWriter w, XElement source, List<(string Element, string Type, string Id)> references)
    {
        var section = new XElement(source);
        // Drop what points into the reference package (its header and footer are re-added below, printer settings not).
        section.Elements().Where(e => e.Name == DocxStyles.W + "headerReference" || e.Name == DocxStyles.W + "footerReference" || e.Name == DocxStyles.W + "printerSettings").Remove();
        section.Descendants().Attributes().Where(a => a.Name.NamespaceName == RNs).Remove();
        foreach (var (element, type, id) in Enumerable.Reverse(references))
        {
            section.AddFirst(new XElement(DocxStyles.W + element, new XAttribute(DocxStyles.W + "type", type), new XAttribute(XName.Get("id", RNs), id)));
        }

        section.WriteTo(w);
    }

    /// <summary>The width between the margins, in twentieths of a point, from the section's page size and margins.</summary>
    private static int TextWidth(XElement section)
    {
        var w = DocxStyles.W;
        int Number(XElement? element, string attribute, int fallback) =>
            int.TryParse(element?.Attribute(w + attribute)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : fallback;
        var size = section.Element(w + "pgSz");
        var margins = section.Element(w + "pgMar");
        var width = Number(size, "w", 11906) - Number(margins, "left", 1247) - Number(margins, "right", 1247) - Number(margins, "gutter", 0);
        return Math.Clamp(width, 1440, 31680);
    }

    private static void Settings(XmlWriter w, bool evenAndOdd, string language)
    {
        w.WriteStartElement("w", "settings", WNs);
        w.WriteStartElement("w", "zoom", WNs);
        w.WriteAttributeString("w", "percent", WNs, "100");
        w.WriteEndElement();
        Val(w, "defaultTabStop", "420");
        if (evenAndOdd)
        {
            Empty(w, "evenAndOddHeaders");
        }

        Val(w, "characterSpacingControl", "compressPunctuation");
        w.WriteStartElement("w", "compat", WNs);
        w.WriteStartElement("w", "compatSetting", WNs);
        w.WriteAttributeString("w", "name", WNs, "compatibilityMode");
        w.WriteAttributeString("w", "uri", WNs, "http://schemas.microsoft.com/office/word");
        w.WriteAttributeString("w", "val", WNs, "15");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("w", "themeFontLang", WNs);
        w.WriteAttributeString("w", "val", WNs, language.StartsWith("zh", StringComparison.Ordinal) ? "en-US" : language);
        w.WriteAttributeString("w", "eastAsia", WNs, "zh-CN");
        w.WriteEndElement();
        w.WriteEndElement();
    }

    private static byte[] CopyRelated(OpcPackageWriter package, IReadOnlyList<RelatedPart> related, string prefix, ref int count)
    {
        var rels = new List<(string Id, string Type, string Target, bool External)>();
        foreach (var part in related)
        {
            if (part.External)
            {
                rels.Add((part.Id, part.Type, part.Target, true));
                continue;
            }

            count++;
            var file = "ref" + count.ToString(CultureInfo.InvariantCulture) + Path.GetExtension(part.FileName ?? string.Empty).ToLowerInvariant();
            var path = "word/media/" + file;
            package.Add(path, part.ContentType ?? "application/octet-stream", part.Bytes!);
            if (part.Related.Count > 0)
            {
                package.Add("word/media/_rels/" + file + ".rels", "application/vnd.openxmlformats-package.relationships+xml", CopyRelated(package, part.Related, string.Empty, ref count));
            }

            rels.Add((part.Id, part.Type, prefix + file, false));
        }

        return OpcPackageWriter.Xml(w =>
        {
            w.WriteStartElement("Relationships", RelNs);
            foreach (var (id, type, target, external) in rels)
            {
                w.WriteStartElement("Relationship", RelNs);
                w.WriteAttributeString("Id", id);
                w.WriteAttributeString("Type", type);
                w.WriteAttributeString("Target", target);
                if (external)
                {
                    w.WriteAttributeString("TargetMode", "External");
                }

                w.WriteEndElement();
            }

            w.WriteEndElement();
        });
    }

    private static byte[] CoreProperties(WordProperties properties) => OpcPackageWriter.Xml(w =>
    {
        const string cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        const string dc = "http://purl.org/dc/elements/1.1/";
        const string dcterms = "http://purl.org/dc/terms/";
        const string xsi = "http://www.w3.org/2001/XMLSchema-instance";
        w.WriteStartElement("cp", "coreProperties", cp);
        w.WriteAttributeString("xmlns", "dc", null, dc);
        w.WriteAttributeString("xmlns", "dcterms", null, dcterms);
        w.WriteAttributeString("xmlns", "xsi", null, xsi);
        if (properties.Title is { } title)
        {
            w.WriteElementString("dc", "title", dc, title);
        }

        if (properties.Subject is { } subject)
        {
            w.WriteElementString("dc", "subject", dc, subject);
        }

        if (properties.Author is { } author)
        {
            w.WriteElementString("dc", "creator", dc, author);
        }

        if (properties.Keywords is { } keywords)
        {
            w.WriteElementString("cp", "keywords", cp, keywords);
        }

        w.WriteElementString("dc", "language", dc, properties.Language);
        // Only a date the input supplies (the audit's last day): the same inputs give the same bytes.
        if (properties.Created is { } created)
        {
            foreach (var name in new[] { "created", "modified" })
            {
                w.WriteStartElement("dcterms", name, dcterms);
                w.WriteAttributeString("xsi", "type", xsi, "dcterms:W3CDTF");
                w.WriteString(created.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z");
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
    });

    private static byte[] AppProperties() => OpcPackageWriter.Xml(w =>
    {
        const string ns = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
        w.WriteStartElement("Properties", ns);
        w.WriteElementString("Application", ns, "StarRating");
        w.WriteEndElement();
    });

    private static void Val(XmlWriter w, string name, string value)
    {
        w.WriteStartElement("w", name, WNs);
        w.WriteAttributeString("w", "val", WNs, value);
        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string name)
    {
        w.WriteStartElement("w", name, WNs);
        w.WriteEndElement();
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
