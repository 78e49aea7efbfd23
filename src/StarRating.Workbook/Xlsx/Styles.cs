using System.Xml;

namespace StarRating.Workbook.Xlsx;

/// <summary>
/// The styles part: fonts, fills, borders and one cell format per <see cref="Style"/> value, in enum order. Input
/// cells are the only unlocked ones and the only ones with the pale yellow fill, so they stand out and stay editable
/// on a protected sheet.
/// </summary>
internal static class Styles
{
    private const string Yellow = "FFFFF2CC";
    private const string HeaderGrey = "FFD9D9D9";
    private const string IndicatorBlue = "FFDDEBF7";
    private const string CategoryBlue = "FFBDD7EE";
    private const string PreviewGrey = "FFF2F2F2";
    private const string DisabledGrey = "FFE7E6E6";

    // font: 0 regular, 1 bold, 2 title, 3 hint (grey italic), 4 big bold, 5 preview (dark blue italic)
    // fill: 0 none, 1 gray125 (required), 2 input, 3 header, 4 indicator, 5 category, 6 preview, 7 disabled
    // numFmt: 0 General, 2 0.00, 49 @ (text), 164 0.0
    private static readonly (int Font, int Fill, int Border, int NumFmt, bool Wrap, bool Unlocked, string? Horizontal)[] Formats =
    [
        (0, 0, 0, 0, false, false, null), // Default
        (2, 0, 0, 0, false, false, null), // Title
        (3, 0, 0, 0, false, false, null), // Subtitle
        (1, 3, 1, 0, true, false, "center"), // Header
        (0, 0, 1, 0, true, false, null), // Locked
        (0, 0, 1, 0, false, false, "center"), // LockedNumber
        (0, 2, 1, 0, true, true, null), // Input
        (0, 2, 1, 0, false, true, "center"), // InputNumber
        (0, 2, 1, 49, true, true, null), // InputText
        (1, 4, 1, 0, true, false, null), // Indicator
        (1, 5, 1, 0, true, false, null), // Category
        (5, 6, 1, 2, false, false, "center"), // Preview
        (4, 6, 1, 164, false, false, "left"), // PreviewBig
        (3, 0, 0, 0, true, false, null), // Hint
        (1, 0, 0, 0, true, false, null), // Label
        (1, 3, 1, 0, false, false, null), // Section
        (0, 0, 1, 0, true, false, null), // Result
        (0, 0, 1, 0, false, false, "center"), // ResultNumber
        (4, 0, 0, 164, false, false, "left"), // ResultBig
        (0, 0, 1, 164, false, false, "center"), // ResultPercent
        (0, 7, 1, 0, false, false, null), // Disabled
        (1, 5, 1, 0, false, false, "center"), // CategoryNumber
        (1, 5, 1, 164, false, false, "center"), // CategoryPercent
        (1, 0, 0, 0, false, false, null), // Bold
    ];

    /// <summary>How many cell formats there are: one per <see cref="Style"/>.</summary>
    public static int Count => Formats.Length;

    /// <summary>True when cells of the style wrap their text (their rows grow to show it all).</summary>
    public static bool Wraps(Style style) => Formats[(int)style].Wrap;

    /// <summary>The font size of the style, in points.</summary>
    public static int FontSize(Style style) => Formats[(int)style].Font switch
    {
        2 => 14,
        3 => 10,
        4 => 13,
        _ => 11,
    };

    public static void Write(XmlWriter x, string fontName)
    {
        x.WriteStartElement("styleSheet", Ns.Main);

        x.WriteStartElement("numFmts");
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("numFmt");
        x.WriteAttributeString("numFmtId", "164");
        x.WriteAttributeString("formatCode", "0.0");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("fonts");
        x.WriteAttributeString("count", "6");
        Font(x, fontName, 11, bold: false, italic: false, color: null);
        Font(x, fontName, 11, bold: true, italic: false, color: null);
        Font(x, fontName, 14, bold: true, italic: false, color: null);
        Font(x, fontName, 10, bold: false, italic: true, color: "FF595959");
        Font(x, fontName, 13, bold: true, italic: false, color: null);
        Font(x, fontName, 11, bold: false, italic: true, color: "FF1F3864");
        x.WriteEndElement();

        x.WriteStartElement("fills");
        x.WriteAttributeString("count", "8");
        Fill(x, "none", null);
        Fill(x, "gray125", null);
        foreach (var color in new[] { Yellow, HeaderGrey, IndicatorBlue, CategoryBlue, PreviewGrey, DisabledGrey })
        {
            Fill(x, "solid", color);
        }

        x.WriteEndElement();

        x.WriteStartElement("borders");
        x.WriteAttributeString("count", "2");
        x.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom", "diagonal" })
        {
            x.WriteElementString(side, "");
        }

        x.WriteEndElement();
        x.WriteStartElement("border");
        foreach (var side in new[] { "left", "right", "top", "bottom" })
        {
            x.WriteStartElement(side);
            x.WriteAttributeString("style", "thin");
            x.WriteStartElement("color");
            x.WriteAttributeString("rgb", "FFBFBFBF");
            x.WriteEndElement();
            x.WriteEndElement();
        }

        x.WriteElementString("diagonal", "");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("cellStyleXfs");
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("xf");
        x.WriteAttributeString("numFmtId", "0");
        x.WriteAttributeString("fontId", "0");
        x.WriteAttributeString("fillId", "0");
        x.WriteAttributeString("borderId", "0");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteStartElement("cellXfs");
        x.WriteAttributeString("count", Formats.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var f in Formats)
        {
            x.WriteStartElement("xf");
            x.WriteAttributeString("numFmtId", f.NumFmt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("fontId", f.Font.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("fillId", f.Fill.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("borderId", f.Border.ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("xfId", "0");
            if (f.NumFmt != 0)
            {
                x.WriteAttributeString("applyNumberFormat", "1");
            }

            if (f.Font != 0)
            {
                x.WriteAttributeString("applyFont", "1");
            }

            if (f.Fill != 0)
            {
                x.WriteAttributeString("applyFill", "1");
            }

            if (f.Border != 0)
            {
                x.WriteAttributeString("applyBorder", "1");
            }

            x.WriteAttributeString("applyAlignment", "1");
            if (f.Unlocked)
            {
                x.WriteAttributeString("applyProtection", "1");
            }

            x.WriteStartElement("alignment");
            if (f.Horizontal is not null)
            {
                x.WriteAttributeString("horizontal", f.Horizontal);
            }

            x.WriteAttributeString("vertical", "top");
            if (f.Wrap)
            {
                x.WriteAttributeString("wrapText", "1");
            }

            x.WriteEndElement();
            if (f.Unlocked)
            {
                x.WriteStartElement("protection");
                x.WriteAttributeString("locked", "0");
                x.WriteEndElement();
            }

            x.WriteEndElement();
        }

        x.WriteEndElement();

        x.WriteStartElement("cellStyles");
        x.WriteAttributeString("count", "1");
        x.WriteStartElement("cellStyle");
        x.WriteAttributeString("name", "Normal");
        x.WriteAttributeString("xfId", "0");
        x.WriteAttributeString("builtinId", "0");
        x.WriteEndElement();
        x.WriteEndElement();

        x.WriteEndElement();
    }

    private static void Font(XmlWriter x, string name, int size, bool bold, bool italic, string? color)
    {
        x.WriteStartElement("font");
        if (bold)
        {
            x.WriteElementString("b", "");
        }

        if (italic)
        {
            x.WriteElementString("i", "");
        }

        x.WriteStartElement("sz");
        x.WriteAttributeString("val", size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        x.WriteEndElement();
        if (color is not null)
        {
            x.WriteStartElement("color");
            x.WriteAttributeString("rgb", color);
            x.WriteEndElement();
        }

        x.WriteStartElement("name");
        x.WriteAttributeString("val", name);
        x.WriteEndElement();
        x.WriteStartElement("family");
        x.WriteAttributeString("val", "2");
        x.WriteEndElement();
        x.WriteEndElement();
    }

    private static void Fill(XmlWriter x, string pattern, string? color)
    {
        x.WriteStartElement("fill");
        x.WriteStartElement("patternFill");
        x.WriteAttributeString("patternType", pattern);
        if (color is not null)
        {
            x.WriteStartElement("fgColor");
            x.WriteAttributeString("rgb", color);
            x.WriteEndElement();
            x.WriteStartElement("bgColor");
            x.WriteAttributeString("indexed", "64");
            x.WriteEndElement();
        }

        x.WriteEndElement();
        x.WriteEndElement();
    }
}
