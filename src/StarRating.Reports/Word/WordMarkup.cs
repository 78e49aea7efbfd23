using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using StarRating.Rules;

namespace StarRating.Reports.Word;

/// <summary>
/// Reads the structured markup a Word template writes (documented in docs/reports.md) into a <see cref="WordDocument"/>.
/// The markup is a small XML vocabulary — headings, paragraphs with style names, tables with header rows and column
/// widths, page breaks, page-number fields, charts — so a template author never writes WordprocessingML. Every
/// element and attribute is checked; the first problem is reported as SR4100 with its line and column in the output.
/// No DTD, no entity other than the five of XML, no external resource is ever read.
/// </summary>
internal static partial class WordMarkup
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CheckCharacters = true,
        CloseInput = true,
    };

    public static WordDocument? Parse(string markup, string templateName, DiagnosticBag bag)
    {
        using var reader = XmlReader.Create(new StringReader(markup), Settings);
        var parser = new Parser(reader);
        try
        {
            return parser.Document();
        }
        catch (MarkupException ex)
        {
            // The markup's own rules are told to template authors in English, as the template language's are.
            bag.Add(ReportDiagnostics.WordMarkupInvalid, SourceLocation.WholeFile(templateName), ("line", ex.Line), ("column", ex.Column), ("detail", Message.Verbatim(ex.Message)));
        }
        catch (XmlException ex)
        {
            bag.Add(ReportDiagnostics.WordMarkupInvalid, SourceLocation.WholeFile(templateName), ("line", Math.Max(1, ex.LineNumber)), ("column", Math.Max(1, ex.LinePosition)), ("detail", new Message("diagnostic.word.markup_not_well_formed")));
        }

        return null;
    }

    /// <summary>Whitespace containing a line break is the template's layout, not text.</summary>
    [GeneratedRegex(@"[ \t\r\n]*\n[ \t\r\n]*")]
    private static partial Regex LayoutWhitespace();

    private sealed class MarkupException(IXmlLineInfo position, string message) : Exception(message)
    {
        public int Line { get; } = position.LineNumber;

        public int Column { get; } = position.LinePosition;
    }

    private readonly record struct Format(bool Bold, bool Italic, bool Underline, string? Style);

    private sealed class Parser(XmlReader reader)
    {
        private readonly IXmlLineInfo position = (IXmlLineInfo)reader;

        /// <summary>The style of a paragraph that names none: Normal in the body, header or footer in those.</summary>
        private string defaultStyle = "Normal";

        public WordDocument Document()
        {
            reader.MoveToContent();
            Expect("document");
            var attributes = Attributes("title", "subject", "author", "keywords", "created", "lang");
            DateOnly? created = null;
            if (attributes.GetValueOrDefault("created") is { Length: > 0 } date)
            {
                created = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                    ? d
                    : throw Fail($"created=\"{date}\" is not a date written yyyy-MM-dd");
            }

            var properties = new WordProperties(
                Blank(attributes.GetValueOrDefault("title")),
                Blank(attributes.GetValueOrDefault("subject")),
                Blank(attributes.GetValueOrDefault("author")),
                Blank(attributes.GetValueOrDefault("keywords")),
                created,
                attributes.GetValueOrDefault("lang") is { Length: > 0 } lang ? Language(lang) : "zh-CN");

            var header = new List<Block>();
            var footer = new List<Block>();
            var body = new List<Block>();
            Children("document", name =>
            {
                switch (name)
                {
                    case "header":
                        header.AddRange(Blocks("header", inHeader: true));
                        break;
                    case "footer":
                        footer.AddRange(Blocks("footer", inHeader: true));
                        break;
                    default:
                        body.Add(Block(name, inHeader: false) ?? throw Unknown(name, "document"));
                        break;
                }
            });
            return new WordDocument(properties, header, footer, body);
        }

        private List<Block> Blocks(string parent, bool inHeader)
        {
            Attributes();
            var blocks = new List<Block>();
            defaultStyle = parent;
            Children(parent, name => blocks.Add(Block(name, inHeader) ?? throw Unknown(name, parent)));
            defaultStyle = "Normal";
            return blocks;
        }

        private Block? Block(string name, bool inHeader) => name switch
        {
            "p" => Paragraph(null, inHeader),
            "h1" or "h2" or "h3" or "title" or "subtitle" when !inHeader => Paragraph(name switch
            {
                "h1" => "heading 1",
                "h2" => "heading 2",
                "h3" => "heading 3",
                "title" => "Title",
                _ => "Subtitle",
            }, inHeader),
            "table" => Table(inHeader),
            "pagebreak" when !inHeader => PageBreak(),
            "chart" when !inHeader => Chart(),
            _ => null,
        };

        private PageBreak PageBreak()
        {
            Attributes();
            Empty("pagebreak");
            return new PageBreak();
        }

        private Paragraph Paragraph(string? fixedStyle, bool inHeader)
        {
            var element = reader.LocalName;
            var attributes = fixedStyle is null
                ? Attributes("style", "align", "keep-next", "page-break-before", "always")
                : Attributes("align", "keep-next", "page-break-before");
            var always = Bool(attributes, "always");
            if (always && !inHeader)
            {
                throw Fail("always=\"true\" applies only to paragraphs and tables of <header> and <footer>");
            }

            var style = fixedStyle ?? attributes.GetValueOrDefault("style") ?? defaultStyle;
            var content = Inlines(element, new Format(false, false, false, null));
            return new Paragraph(
                style,
                Align(attributes.GetValueOrDefault("align")),
                Bool(attributes, "keep-next"),
                Bool(attributes, "page-break-before"),
                always,
                content);
        }

        private List<Inline> Inlines(string parent, Format format)
        {
            var runs = new List<Inline>();
            if (reader.IsEmptyElement)
            {
                return runs;
            }

            while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
            {
                Inline(parent, format, runs);
            }

            return runs;
        }

        /// <summary>One node of inline content (the reader stands on it): text, or an inline element with its content.</summary>
        private void Inline(string parent, Format format, List<Inline> runs)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                    AddText(runs, reader.Value, format);
                    return;
                case XmlNodeType.Element:
                    break;
                default:
                    return;
            }

            var name = reader.LocalName;
            switch (name)
            {
                case "br":
                    Attributes();
                    Empty(name);
                    runs.Add(new LineBreak());
                    break;
                case "tab":
                    Attributes();
                    Empty(name);
                    runs.Add(new TabRun());
                    break;
                case "field":
                    var field = Attributes("name").GetValueOrDefault("name");
                    if (field is not ("page" or "pages"))
                    {
                        throw Fail($"<field name=\"{field}\"> is not a field; use name=\"page\" or name=\"pages\"");
                    }

                    Empty(name);
                    runs.Add(new FieldRun(field));
                    break;
                case "b":
                    Attributes();
                    runs.AddRange(Inlines(name, format with { Bold = true }));
                    break;
                case "i":
                    Attributes();
                    runs.AddRange(Inlines(name, format with { Italic = true }));
                    break;
                case "u":
                    Attributes();
                    runs.AddRange(Inlines(name, format with { Underline = true }));
                    break;
                case "span":
                    var style = Attributes("style").GetValueOrDefault("style") ?? throw Fail("<span> needs style=\"a character style\"");
                    runs.AddRange(Inlines(name, format with { Style = style }));
                    break;
                default:
                    throw Fail($"<{name}> cannot stand inside <{parent}>; inside a paragraph or cell use text, <b>, <i>, <u>, <span style>, <br/>, <tab/> or <field name> (a cell may hold <p> paragraphs instead)");
            }
        }

        /// <summary>Text of the markup as runs: layout whitespace dropped, a value's line break (U+2028) a line break.</summary>
        private static void AddText(List<Inline> runs, string value, Format format)
        {
            var text = value.Contains('\n', StringComparison.Ordinal) ? LayoutWhitespace().Replace(value, string.Empty) : value;
            if (text.Length == 0)
            {
                return;
            }

            if (!text.Contains(WordText.ValueLineBreak, StringComparison.Ordinal))
            {
                runs.Add(new TextRun(WordText.Clean(text), format.Bold, format.Italic, format.Underline, format.Style));
                return;
            }

            var lines = text.Split(WordText.ValueLineBreak);
            for (var i = 0; i < lines.Length; i++)
            {
                if (i > 0)
                {
                    runs.Add(new LineBreak());
                }

                if (lines[i].Length > 0)
                {
                    runs.Add(new TextRun(WordText.Clean(lines[i]), format.Bold, format.Italic, format.Underline, format.Style));
                }
            }
        }

        private Table Table(bool inHeader)
        {
            var attributes = Attributes("widths", "kind", "always");
            var always = Bool(attributes, "always");
            if (always && !inHeader)
            {
                throw Fail("always=\"true\" applies only to paragraphs and tables of <header> and <footer>");
            }

            var widthsText = attributes.GetValueOrDefault("widths") ?? throw Fail("<table> needs widths=\"...\": one relative width per column, e.g. widths=\"15,55,30\"");
            var widths = new List<decimal>();
            foreach (var part in widthsText.Split(',', StringSplitOptions.TrimEntries))
            {
                if (!decimal.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var w) || w <= 0 || w > 10_000)
                {
                    throw Fail($"widths=\"{widthsText}\": '{part}' is not a positive number");
                }

                widths.Add(w);
            }

            if (widths.Count > 63)
            {
                throw Fail("a table has at most 63 columns");
            }

            var kind = attributes.GetValueOrDefault("kind");
            if (kind is not (null or "grid" or "form" or "plain"))
            {
                throw Fail($"kind=\"{kind}\" is not a table kind; use grid (the default), form or plain");
            }

            var rows = new List<Row>();
            Children("table", name =>
            {
                if (name != "tr")
                {
                    throw Unknown(name, "table");
                }

                var row = Row();
                var columns = row.Cells.Sum(c => c.Span);
                if (columns != widths.Count)
                {
                    throw Fail($"this row fills {columns} columns, and the table's widths give {widths.Count}");
                }

                rows.Add(row);
            });
            if (rows.Count == 0)
            {
                throw Fail("a table needs at least one <tr>");
            }

            return new Table(widths, kind, rows, always);
        }

        private Row Row()
        {
            var attributes = Attributes("header", "split", "height");
            var header = Bool(attributes, "header");
            int? height = attributes.GetValueOrDefault("height") is { } h ? Length(h, "height") : null;
            var cells = new List<Cell>();
            Children("tr", name =>
            {
                if (name is not ("td" or "th"))
                {
                    throw Unknown(name, "tr");
                }

                cells.Add(Cell(name == "th" || header));
            });
            if (cells.Count == 0)
            {
                throw Fail("a <tr> needs at least one <td>");
            }

            return new Row(header, Bool(attributes, "split"), height, cells);
        }

        private Cell Cell(bool heading)
        {
            var attributes = Attributes("span", "shade", "align", "valign", "style");
            var span = 1;
            if (attributes.GetValueOrDefault("span") is { } s && (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out span) || span is < 1 or > 63))
            {
                throw Fail($"span=\"{s}\" is not a number of columns");
            }

            var shade = attributes.GetValueOrDefault("shade");
            if (shade is not null && !Shades.ContainsKey(shade) && !IsHexColour(shade))
            {
                throw Fail($"shade=\"{shade}\" is not a shade; use {string.Join(", ", Shades.Keys)} or a colour as six hex digits");
            }

            var valign = attributes.GetValueOrDefault("valign");
            if (valign is not (null or "top" or "center" or "bottom"))
            {
                throw Fail($"valign=\"{valign}\" is not top, center or bottom");
            }

            var align = Align(attributes.GetValueOrDefault("align"));
            var style = attributes.GetValueOrDefault("style") ?? (heading ? "Table Heading" : "Table Text");
            var element = reader.LocalName;
            var paragraphs = new List<Paragraph>();
            var loose = new List<Inline>();
            if (!reader.IsEmptyElement)
            {
                // A cell holds either <p> elements or inline content (one paragraph), not both.
                while (reader.Read() && reader.NodeType != XmlNodeType.EndElement)
                {
                    if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "p")
                    {
                        if (loose.Count > 0)
                        {
                            throw Fail("a cell holds either text or <p> paragraphs, not both");
                        }

                        var p = Paragraph(null, inHeader: false);
                        paragraphs.Add(p with { Style = p.Style == "Normal" ? style : p.Style, Align = p.Align ?? align });
                        continue;
                    }

                    if (paragraphs.Count > 0 && !(reader.NodeType is XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace || (reader.NodeType == XmlNodeType.Text && string.IsNullOrWhiteSpace(reader.Value))))
                    {
                        throw Fail("a cell holds either text or <p> paragraphs, not both");
                    }

                    Inline(element, new Format(false, false, false, null), loose);
                }
            }

            if (paragraphs.Count == 0)
            {
                paragraphs.Add(new Paragraph(style, align, false, false, false, loose));
            }

            return new Cell(span, shade ?? (heading ? "header" : null), valign, paragraphs);
        }

        private Chart Chart()
        {
            var attributes = Attributes("kind", "title", "series", "height");
            var kind = attributes.GetValueOrDefault("kind");
            if (kind is not ("bar" or "radar"))
            {
                throw Fail($"kind=\"{kind}\" is not a chart kind; use bar or radar");
            }

            var height = attributes.GetValueOrDefault("height") is { } h ? Length(h, "height") : 4_000;
            if (height is < 567 or > 14_400)
            {
                throw Fail("a chart's height is between 1cm and 25cm");
            }

            var points = new List<ChartPoint>();
            Children("chart", name =>
            {
                if (name != "point")
                {
                    throw Unknown(name, "chart");
                }

                var point = Attributes("label", "value");
                var label = point.GetValueOrDefault("label") ?? throw Fail("<point> needs label=\"...\"");
                var valueText = (point.GetValueOrDefault("value") ?? string.Empty).Trim().TrimEnd('%').Trim();
                decimal? value = null;
                if (valueText.Length > 0)
                {
                    value = decimal.TryParse(valueText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= 1_000_000
                        ? v
                        : throw Fail($"value=\"{point["value"]}\" is not a number (a percentage such as 96.5% or empty for an excluded category)");
                }

                Empty(name);
                points.Add(new ChartPoint(WordText.Clean(label), value));
            });
            if (points.Count > 200)
            {
                throw Fail("a chart has at most 200 points");
            }

            return new Chart(kind, attributes.GetValueOrDefault("title") is { } t ? WordText.Clean(t) : null, attributes.GetValueOrDefault("series") is { } s ? WordText.Clean(s) : null, height, points);
        }

        /// <summary>Calls <paramref name="element"/> for each child element; text other than layout whitespace is an error.</summary>
        private void Children(string parent, Action<string> element)
        {
            if (reader.IsEmptyElement)
            {
                return;
            }

            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.EndElement:
                        return;
                    case XmlNodeType.Element:
                        element(reader.LocalName);
                        break;
                    case XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace:
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA when string.IsNullOrWhiteSpace(reader.Value):
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA:
                        throw Fail($"text cannot stand directly inside <{parent}>; put it in a <p> (or <td>)");
                }
            }
        }

        private void Empty(string name)
        {
            if (reader.IsEmptyElement)
            {
                return;
            }

            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.EndElement)
                {
                    return;
                }

                if (reader.NodeType is not (XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace))
                {
                    throw Fail($"<{name}> holds nothing; write it as <{name} .../>");
                }
            }
        }

        private void Expect(string name)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != name)
            {
                throw Fail($"the markup starts with <{name}>");
            }
        }

        /// <summary>The element's attributes, refusing any not in <paramref name="allowed"/> and any namespace.</summary>
        private Dictionary<string, string> Attributes(params string[] allowed)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            var element = reader.LocalName;
            if (reader.NamespaceURI.Length > 0 || reader.Prefix.Length > 0)
            {
                throw Fail($"<{reader.Name}>: the markup has no namespaces");
            }

            if (reader.MoveToFirstAttribute())
            {
                do
                {
                    if (!allowed.Contains(reader.Name, StringComparer.Ordinal))
                    {
                        throw Fail(allowed.Length == 0
                            ? $"<{element}> takes no attributes ({reader.Name})"
                            : $"<{element}> has no attribute '{reader.Name}'; it takes {string.Join(", ", allowed)}");
                    }

                    values[reader.Name] = reader.Value.Replace(WordText.ValueLineBreak, ' ');
                }
                while (reader.MoveToNextAttribute());
                reader.MoveToElement();
            }

            return values;
        }

        private bool Bool(Dictionary<string, string> attributes, string name) => attributes.GetValueOrDefault(name) switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw Fail($"{name}=\"{other}\" is not true or false"),
        };

        private string? Align(string? value) => value switch
        {
            null => null,
            "left" or "center" or "right" or "justify" => value,
            _ => throw Fail($"align=\"{value}\" is not left, center, right or justify"),
        };

        /// <summary>A length in twips from <c>12mm</c>, <c>1.5cm</c>, <c>20pt</c> or <c>0.5in</c>.</summary>
        private int Length(string value, string name)
        {
            var text = value.Trim();
            var (unit, factor) = text.EndsWith("mm", StringComparison.Ordinal) ? ("mm", 1440m / 25.4m)
                : text.EndsWith("cm", StringComparison.Ordinal) ? ("cm", 1440m / 2.54m)
                : text.EndsWith("pt", StringComparison.Ordinal) ? ("pt", 20m)
                : text.EndsWith("in", StringComparison.Ordinal) ? ("in", 1440m)
                : (string.Empty, 0m);
            if (factor == 0 || !decimal.TryParse(text[..^unit.Length], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number > 1000)
            {
                throw Fail($"{name}=\"{value}\" is not a length such as 12mm, 1.5cm, 20pt or 0.5in");
            }

            return (int)Math.Round(number * factor, MidpointRounding.AwayFromZero);
        }

        private string Language(string value) =>
            value.Length is > 0 and <= 35 && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
                ? value
                : throw Fail($"lang=\"{value}\" is not a language tag such as zh-CN or en-US");

        private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : WordText.Clean(value);

        private MarkupException Unknown(string name, string parent) =>
            Fail($"<{name}> cannot stand inside <{parent}>");

        private MarkupException Fail(string message) => new(position, message);
    }

    /// <summary>Cell shades by name (fill colours), and the colours a template may also give as six hex digits.</summary>
    internal static readonly IReadOnlyDictionary<string, string> Shades = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["header"] = "E8EDF3",
        ["group"] = "F2F4F7",
        ["total"] = "F2F4F7",
        ["muted"] = "F7F7F7",
        ["good"] = "E6F4EA",
        ["fair"] = "FFF4E0",
        ["poor"] = "FCE8E6",
        ["none"] = "auto",

        // An item's status (it.status) names its shade, so a template needs no mapping of its own.
        ["conforming"] = "auto",
        ["partial"] = "FFF4E0",
        ["nonconforming"] = "FCE8E6",
        ["not_applicable"] = "F7F7F7",
        ["not_assessed"] = "F7F7F7",
    };

    internal static bool IsHexColour(string value) => value.Length == 6 && value.All(char.IsAsciiHexDigit);

    internal static string Fill(string shade) => Shades.TryGetValue(shade, out var fill) ? fill : shade.ToUpperInvariant();
}
