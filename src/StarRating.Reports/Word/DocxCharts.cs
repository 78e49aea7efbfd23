using System.Globalization;
using System.Xml;
using StarRating.Rules.Packaging;

namespace StarRating.Reports.Word;

/// <summary>
/// Native Word charts (DrawingML chart parts): a horizontal bar chart and a radar chart of percentages, with the
/// values cached in the part, so Word and LibreOffice draw them, and Word lets the reader restyle them. Excluded
/// categories have no value and are drawn as gaps, never as 0.
/// </summary>
internal static class DocxCharts
{
    public const string ChartNs = "http://schemas.openxmlformats.org/drawingml/2006/chart";
    public const string DrawingNs = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public const string RelNs = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public const string ContentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
    public const string RelationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";

    private const string Accent = "2E75B6";

    public static byte[] Part(Chart chart) => OpcPackageWriter.Xml(w =>
    {
        var c = new Writer(w);
        w.WriteStartElement("c", "chartSpace", ChartNs);
        w.WriteAttributeString("xmlns", "a", null, DrawingNs);
        w.WriteAttributeString("xmlns", "r", null, RelNs);
        c.Val("date1904", "0");
        c.Val("lang", "zh-CN");
        c.Val("roundedCorners", "0");
        w.WriteStartElement("c", "chart", ChartNs);
        if (chart.Title is { } title)
        {
            w.WriteStartElement("c", "title", ChartNs);
            w.WriteStartElement("c", "tx", ChartNs);
            c.TextBody("rich", 1000, bold: true, title);
            w.WriteEndElement();
            c.Val("overlay", "0");
            w.WriteEndElement();
            c.Val("autoTitleDeleted", "0");
        }
        else
        {
            c.Val("autoTitleDeleted", "1");
        }

        w.WriteStartElement("c", "plotArea", ChartNs);
        w.WriteStartElement("c", "layout", ChartNs);
        w.WriteEndElement();
        var max = chart.Points.Select(p => p.Value ?? 0).DefaultIfEmpty(0).Max();
        var percentages = max <= 100;
        if (chart.Kind == "bar")
        {
            w.WriteStartElement("c", "barChart", ChartNs);
            c.Val("barDir", "bar");
            c.Val("grouping", "clustered");
            c.Val("varyColors", "0");
            Series(c, chart, radar: false);
            w.WriteStartElement("c", "dLbls", ChartNs);
            c.Val("numFmt", null, ("formatCode", percentages ? "0.0\"%\"" : "General"), ("sourceLinked", "0"));
            c.Val("showLegendKey", "0");
            c.Val("showVal", "1");
            c.Val("showCatName", "0");
            c.Val("showSerName", "0");
            c.Val("showPercent", "0");
            c.Val("showBubbleSize", "0");
            w.WriteEndElement();
            c.Val("gapWidth", "60");
            c.Val("axId", "500001");
            c.Val("axId", "500002");
            w.WriteEndElement();
            // Categories top to bottom in the order given, values from 0 to 100 %.
            CategoryAxis(c, "500001", "500002", "l", reverse: true);
            ValueAxis(c, "500002", "500001", "b", percentages, crossesMax: true);
        }
        else
        {
            w.WriteStartElement("c", "radarChart", ChartNs);
            c.Val("radarStyle", "marker");
            c.Val("varyColors", "0");
            Series(c, chart, radar: true);
            c.Val("axId", "500001");
            c.Val("axId", "500002");
            w.WriteEndElement();
            CategoryAxis(c, "500001", "500002", "b", reverse: false);
            ValueAxis(c, "500002", "500001", "l", percentages, crossesMax: false);
        }

        w.WriteEndElement(); // plotArea
        c.Val("plotVisOnly", "1");
        c.Val("dispBlanksAs", "gap");
        w.WriteEndElement(); // chart
        c.TextBody("txPr", 800, bold: false, text: null);
        w.WriteEndElement(); // chartSpace
    });

    private static void Series(Writer c, Chart chart, bool radar)
    {
        var w = c.W;
        var count = chart.Points.Count.ToString(CultureInfo.InvariantCulture);
        var last = (chart.Points.Count + 1).ToString(CultureInfo.InvariantCulture);
        w.WriteStartElement("c", "ser", ChartNs);
        c.Val("idx", "0");
        c.Val("order", "0");
        w.WriteStartElement("c", "tx", ChartNs);
        w.WriteStartElement("c", "strRef", ChartNs);
        w.WriteElementString("c", "f", ChartNs, "Sheet1!$B$1");
        w.WriteStartElement("c", "strCache", ChartNs);
        c.Val("ptCount", "1");
        w.WriteStartElement("c", "pt", ChartNs);
        w.WriteAttributeString("idx", "0");
        w.WriteElementString("c", "v", ChartNs, chart.Series ?? chart.Title ?? "%");
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("c", "spPr", ChartNs);
        if (!radar)
        {
            c.SolidFill(Accent);
        }

        w.WriteStartElement("a", "ln", DrawingNs);
        w.WriteAttributeString("w", "19050");
        c.SolidFill(Accent);
        w.WriteEndElement();
        w.WriteEndElement();
        if (radar)
        {
            w.WriteStartElement("c", "marker", ChartNs);
            c.Val("symbol", "circle");
            c.Val("size", "5");
            w.WriteStartElement("c", "spPr", ChartNs);
            c.SolidFill(Accent);
            w.WriteEndElement();
            w.WriteEndElement();
        }
        else
        {
            c.Val("invertIfNegative", "0");
        }

        w.WriteStartElement("c", "cat", ChartNs);
        w.WriteStartElement("c", "strRef", ChartNs);
        w.WriteElementString("c", "f", ChartNs, "Sheet1!$A$2:$A$" + last);
        w.WriteStartElement("c", "strCache", ChartNs);
        c.Val("ptCount", count);
        for (var i = 0; i < chart.Points.Count; i++)
        {
            w.WriteStartElement("c", "pt", ChartNs);
            w.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
            w.WriteElementString("c", "v", ChartNs, chart.Points[i].Label);
            w.WriteEndElement();
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteStartElement("c", "val", ChartNs);
        w.WriteStartElement("c", "numRef", ChartNs);
        w.WriteElementString("c", "f", ChartNs, "Sheet1!$B$2:$B$" + last);
        w.WriteStartElement("c", "numCache", ChartNs);
        w.WriteElementString("c", "formatCode", ChartNs, "General");
        c.Val("ptCount", count);
        for (var i = 0; i < chart.Points.Count; i++)
        {
            if (chart.Points[i].Value is { } value)
            {
                w.WriteStartElement("c", "pt", ChartNs);
                w.WriteAttributeString("idx", i.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("c", "v", ChartNs, value.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }
        }

        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndElement(); // ser
    }

    private static void CategoryAxis(Writer c, string id, string cross, string position, bool reverse)
    {
        var w = c.W;
        w.WriteStartElement("c", "catAx", ChartNs);
        c.Val("axId", id);
        w.WriteStartElement("c", "scaling", ChartNs);
        c.Val("orientation", reverse ? "maxMin" : "minMax");
        w.WriteEndElement();
        c.Val("delete", "0");
        c.Val("axPos", position);
        if (!reverse)
        {
            c.Gridlines();
        }

        c.Val("numFmt", null, ("formatCode", "General"), ("sourceLinked", "0"));
        c.Val("majorTickMark", "none");
        c.Val("minorTickMark", "none");
        c.Val("tickLblPos", "nextTo");
        c.Val("crossAx", cross);
        c.Val("crosses", "autoZero");
        c.Val("auto", "1");
        c.Val("lblAlgn", "ctr");
        c.Val("lblOffset", "100");
        c.Val("noMultiLvlLbl", "0");
        w.WriteEndElement();
    }

    private static void ValueAxis(Writer c, string id, string cross, string position, bool percentages, bool crossesMax)
    {
        var w = c.W;
        w.WriteStartElement("c", "valAx", ChartNs);
        c.Val("axId", id);
        w.WriteStartElement("c", "scaling", ChartNs);
        c.Val("orientation", "minMax");
        if (percentages)
        {
            c.Val("max", "100");
            c.Val("min", "0");
        }

        w.WriteEndElement();
        c.Val("delete", "0");
        c.Val("axPos", position);
        c.Gridlines();
        c.Val("numFmt", null, ("formatCode", percentages ? "0\"%\"" : "General"), ("sourceLinked", "0"));
        c.Val("majorTickMark", "out");
        c.Val("minorTickMark", "none");
        c.Val("tickLblPos", "nextTo");
        c.Val("crossAx", cross);
        c.Val("crosses", crossesMax ? "max" : "autoZero");
        c.Val("crossBetween", "between");
        if (percentages)
        {
            c.Val("majorUnit", "20");
        }

        w.WriteEndElement();
    }

    private sealed class Writer(XmlWriter w)
    {
        public XmlWriter W { get; } = w;

        public void Val(string name, string? value, params (string Name, string Value)[] attributes)
        {
            W.WriteStartElement("c", name, ChartNs);
            if (value is not null)
            {
                W.WriteAttributeString("val", value);
            }

            foreach (var (attribute, text) in attributes)
            {
                W.WriteAttributeString(attribute, text);
            }

            W.WriteEndElement();
        }

        public void SolidFill(string rgb)
        {
            W.WriteStartElement("a", "solidFill", DrawingNs);
            W.WriteStartElement("a", "srgbClr", DrawingNs);
            W.WriteAttributeString("val", rgb);
            W.WriteEndElement();
            W.WriteEndElement();
        }

        public void Gridlines()
        {
            W.WriteStartElement("c", "majorGridlines", ChartNs);
            W.WriteStartElement("c", "spPr", ChartNs);
            W.WriteStartElement("a", "ln", DrawingNs);
            W.WriteAttributeString("w", "6350");
            SolidFill("D9D9D9");
            W.WriteEndElement();
            W.WriteEndElement();
            W.WriteEndElement();
        }

        /// <summary>
        /// A text body (<c>c:rich</c> for a title with its text, <c>c:txPr</c> for the chart's default text): one
        /// paragraph in the report's fonts.
        /// </summary>
        public void TextBody(string element, int size, bool bold, string? text)
        {
            W.WriteStartElement("c", element, ChartNs);
            W.WriteStartElement("a", "bodyPr", DrawingNs);
            W.WriteEndElement();
            W.WriteStartElement("a", "lstStyle", DrawingNs);
            W.WriteEndElement();
            W.WriteStartElement("a", "p", DrawingNs);
            W.WriteStartElement("a", "pPr", DrawingNs);
            DefaultRunProperties(size, bold);
            W.WriteEndElement();
            if (text is not null)
            {
                W.WriteStartElement("a", "r", DrawingNs);
                W.WriteStartElement("a", "rPr", DrawingNs);
                W.WriteAttributeString("lang", "zh-CN");
                W.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
                W.WriteAttributeString("b", bold ? "1" : "0");
                W.WriteEndElement();
                W.WriteElementString("a", "t", DrawingNs, text);
                W.WriteEndElement();
            }
            else
            {
                W.WriteStartElement("a", "endParaRPr", DrawingNs);
                W.WriteAttributeString("lang", "zh-CN");
                W.WriteEndElement();
            }

            W.WriteEndElement();
            W.WriteEndElement();
        }

        /// <summary>Chart text in the report's fonts: Arial for Latin, Microsoft YaHei for Chinese.</summary>
        public void DefaultRunProperties(int size, bool bold)
        {
            W.WriteStartElement("a", "defRPr", DrawingNs);
            W.WriteAttributeString("sz", size.ToString(CultureInfo.InvariantCulture));
            W.WriteAttributeString("b", bold ? "1" : "0");
            W.WriteStartElement("a", "latin", DrawingNs);
            W.WriteAttributeString("typeface", "Arial");
            W.WriteEndElement();
            W.WriteStartElement("a", "ea", DrawingNs);
            W.WriteAttributeString("typeface", DocxStyles.SideFont);
            W.WriteEndElement();
            W.WriteEndElement();
        }
    }
}
