using System.Xml.Linq;
using StarRating.Rules.Packaging;

namespace StarRating.Reports.Word;

/// <summary>
/// The built-in look of Word reports: A4, Chinese fonts that Chinese Windows and Office for Mac carry (宋体 SimSun
/// for text, 黑体 SimHei for headings, 微软雅黑 Microsoft YaHei for header and footer; Latin text in Times New Roman
/// and Arial), with font-table entries that let Word and LibreOffice substitute a similar font where one is missing.
/// Styles are found by the name Word shows (<c>heading 1</c>, <c>Table Text</c>…), never by id, because localized
/// Word versions give built-in styles other ids (a Chinese Word calls <c>heading 1</c> "1").
/// </summary>
internal static class DocxStyles
{
    public static readonly XNamespace W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    /// <summary>Body text font (East Asian, then Latin).</summary>
    public const string BodyFont = "SimSun";

    /// <summary>Heading font (East Asian).</summary>
    public const string HeadingFont = "SimHei";

    /// <summary>Header and footer font (East Asian).</summary>
    public const string SideFont = "Microsoft YaHei";

    private static XElement El(string name, params object?[] content) => new(W + name, content);

    private static XAttribute A(string name, object value) => new(W + name, value);

    private static XElement Val(string name, object value) => El(name, A("val", value));

    private static XElement Fonts(string eastAsia, string latin) =>
        El("rFonts", A("ascii", latin), A("hAnsi", latin), A("eastAsia", eastAsia), A("cs", latin));

    /// <summary>The built-in styles by name: type, id and definition (the w:style element).</summary>
    public static IReadOnlyList<(string Name, string Type, string Id, XElement Element)> BuiltIn { get; } = Build();

    private static List<(string, string, string, XElement)> Build()
    {
        var list = new List<(string, string, string, XElement)>();
        void Add(string type, string id, string name, bool isDefault, string? basedOn, string? next, XElement? pPr, XElement? rPr, bool primary = true)
        {
            var style = El("style", A("type", type), A("styleId", id),
                isDefault ? A("default", "1") : null,
                Val("name", name),
                basedOn is null ? null : Val("basedOn", basedOn),
                next is null ? null : Val("next", next),
                primary ? El("qFormat") : null,
                pPr,
                rPr);
            list.Add((name, type, id, style));
        }

        XElement Ppr(params object?[] content) => El("pPr", content);
        XElement Rpr(params object?[] content) => El("rPr", content);
        XElement Spacing(int before, int after, int? line = null) =>
            El("spacing", A("before", before), A("after", after), line is null ? null : A("line", line), line is null ? null : A("lineRule", "auto"));
        XElement Size(int halfPoints) => Val("sz", halfPoints);
        XElement SizeCs(int halfPoints) => Val("szCs", halfPoints);
        XElement Color(string rgb) => Val("color", rgb);

        Add("paragraph", "Normal", "Normal", true, null, null, Ppr(El("widowControl"), Spacing(0, 60, 312)), Rpr(Fonts(BodyFont, "Times New Roman"), Size(21), SizeCs(21)));
        Add("paragraph", "Title", "Title", false, "Normal", "Normal",
            Ppr(El("keepNext"), Spacing(480, 240), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Size(44), SizeCs(44)));
        Add("paragraph", "Subtitle", "Subtitle", false, "Normal", "Normal",
            Ppr(Spacing(120, 120), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), Color("404040"), Size(28), SizeCs(28)));
        foreach (var (level, size, before) in new[] { (1, 32, 360), (2, 28, 240), (3, 24, 180) })
        {
            Add("paragraph", "Heading" + level, "heading " + level, false, "Normal", "Normal",
                Ppr(El("keepNext"), El("keepLines"), Spacing(before, 120), Val("outlineLvl", level - 1)),
                Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Color("1F3864"), Size(size), SizeCs(size)));
        }

        Add("paragraph", "Header", "header", false, "Normal", null,
            Ppr(El("pBdr", El("bottom", A("val", "single"), A("sz", 4), A("space", 1), A("color", "808080"))),
                El("tabs", El("tab", A("val", "right"), A("pos", 9412))), Spacing(0, 0, 240)),
            Rpr(Fonts(SideFont, "Arial"), Color("404040"), Size(18), SizeCs(18)), primary: false);
        Add("paragraph", "Footer", "footer", false, "Normal", null,
            Ppr(El("tabs", El("tab", A("val", "right"), A("pos", 9412))), Spacing(0, 0, 240)),
            Rpr(Fonts(SideFont, "Arial"), Color("404040"), Size(18), SizeCs(18)), primary: false);
        Add("paragraph", "TableText", "Table Text", false, "Normal", null,
            Ppr(Spacing(0, 0, 252)),
            Rpr(Size(18), SizeCs(18)));
        Add("paragraph", "TableNote", "Table Note", false, "TableText", null,
            Ppr(Spacing(20, 0, 240)),
            Rpr(Color("595959"), Size(16), SizeCs(16)));
        Add("paragraph", "TableHeading", "Table Heading", false, "TableText", null,
            Ppr(El("keepNext")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs")));
        Add("paragraph", "Note", "Note", false, "Normal", null,
            Ppr(Spacing(60, 60, 264)),
            Rpr(Color("595959"), Size(18), SizeCs(18)));
        Add("paragraph", "Stamp", "Stamp", false, "Normal", null,
            Ppr(Spacing(0, 0, 240), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Color("C00000"), Size(21), SizeCs(21)));
        Add("paragraph", "Score", "Score", false, "Normal", null,
            Ppr(Spacing(120, 0), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Color("1F3864"), Size(56), SizeCs(56)));
        Add("paragraph", "Cover", "Cover", false, "Normal", null,
            Ppr(Spacing(240, 240), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Size(32), SizeCs(32)));
        Add("paragraph", "Callout", "Callout", false, "Normal", null,
            Ppr(El("pBdr", El("left", A("val", "single"), A("sz", 24), A("space", 4), A("color", "C00000"))),
                El("shd", A("val", "clear"), A("color", "auto"), A("fill", "FDF0EF")), Spacing(120, 120), El("ind", A("left", 113))),
            null);
        Add("paragraph", "Caption", "caption", false, "Normal", "Normal",
            Ppr(El("keepNext"), Spacing(120, 60), Val("jc", "center")),
            Rpr(Fonts(HeadingFont, "Arial"), El("b"), El("bCs"), Size(18), SizeCs(18)));
        Add("character", "Stars", "Stars", false, null, null, null, Rpr(Color("BF9000")));
        Add("character", "Strong", "Strong", false, null, null, null, Rpr(El("b"), El("bCs")));
        return list;
    }

    /// <summary>The document defaults of the built-in styles: Chinese body font, 五号 (10.5 pt), zh-CN.</summary>
    public static XElement DocDefaults(string language) => El("docDefaults",
        El("rPrDefault", El("rPr", Fonts(BodyFont, "Times New Roman"), Val("kern", 2), Val("sz", 21), Val("szCs", 21),
            El("lang", A("val", language.StartsWith("zh", StringComparison.Ordinal) ? "en-US" : language), A("eastAsia", "zh-CN"), A("bidi", "ar-SA")))),
        El("pPrDefault", El("pPr", El("spacing", A("after", 0), A("line", 312), A("lineRule", "auto")))));

    private static string ChineseName(string key) => Rules.Wording.Chinese.Text(key);

    /// <summary>The font table: each font with the alternative name, character set, family and PANOSE for substitution.</summary>
    public static byte[] FontTable() => OpcPackageWriter.Xml(w =>
    {
        var ns = W.NamespaceName;
        w.WriteStartElement("w", "fonts", ns);
        foreach (var (name, alt, panose, charset, family, pitch) in new[]
                 {
                     ("Times New Roman", (string?)null, "02020603050405020304", "00", "roman", "variable"),
                     ("Arial", null, "020B0604020202020204", "00", "swiss", "variable"),
                     // The Chinese fonts' other names (宋体 for SimSun) come from the vocabulary's font names.
                     ("SimSun", ChineseName("font.simsun"), "02010600030101010101", "86", "auto", "variable"),
                     ("SimHei", ChineseName("font.simhei"), "02010609060101010101", "86", "modern", "fixed"),
                     ("Microsoft YaHei", ChineseName("font.yahei"), "020B0503020204020204", "86", "swiss", "variable"),
                 })
        {
            w.WriteStartElement("w", "font", ns);
            w.WriteAttributeString("w", "name", ns, name);
            if (alt is not null)
            {
                w.WriteStartElement("w", "altName", ns);
                w.WriteAttributeString("w", "val", ns, alt);
                w.WriteEndElement();
            }

            foreach (var (element, value) in new[] { ("panose1", panose), ("charset", charset), ("family", family), ("pitch", pitch) })
            {
                w.WriteStartElement("w", element, ns);
                w.WriteAttributeString("w", "val", ns, value);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        }

        w.WriteEndElement();
    });
}
