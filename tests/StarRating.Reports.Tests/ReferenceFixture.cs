using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using A = DocumentFormat.OpenXml.Drawing;
using DW = DocumentFormat.OpenXml.Drawing.Wordprocessing;
using PIC = DocumentFormat.OpenXml.Drawing.Pictures;

namespace StarRating.Reports.Tests;

/// <summary>
/// A certification body's letterhead as Word writes it, built with the Open XML SDK: US Letter with 1.76 cm margins,
/// a Normal style in KaiTi, <c>heading 1</c> under the id "1" (as a Chinese Word names it) in purple, and a header
/// with a marker text and a logo picture. No footer, so the report's own footer stays.
/// </summary>
internal static class ReferenceFixture
{
    public const string Marker = "华信认证 LETTERHEAD-MARKER-7731";
    public const int PageWidth = 12240;
    public const int PageHeight = 15840;
    public const string HeadingColour = "7030A0";

    /// <summary>A 1×1 PNG, the smallest picture that is still a real one.</summary>
    private static readonly byte[] Logo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    public static byte[] Build(bool withFooter = false)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = new Styles(
                new Style(
                    new StyleName { Val = "Normal" },
                    new PrimaryStyle(),
                    new StyleRunProperties(new RunFonts { Ascii = "Georgia", HighAnsi = "Georgia", EastAsia = "KaiTi" }, new FontSize { Val = "22" }))
                { Type = StyleValues.Paragraph, StyleId = "a", Default = true },
                new Style(
                    new StyleName { Val = "heading 1" },
                    new BasedOn { Val = "a" },
                    new NextParagraphStyle { Val = "a" },
                    new PrimaryStyle(),
                    new StyleParagraphProperties(new KeepNext(), new OutlineLevel { Val = 0 }),
                    new StyleRunProperties(new Bold(), new Color { Val = HeadingColour }, new FontSize { Val = "36" }))
                { Type = StyleValues.Paragraph, StyleId = "1" });

            var header = main.AddNewPart<HeaderPart>();
            var image = header.AddImagePart(ImagePartType.Png);
            using (var logo = new MemoryStream(Logo))
            {
                image.FeedData(logo);
            }

            header.Header = new Header(
                new Paragraph(new Run(new Text(Marker))),
                new Paragraph(new Run(Picture(header.GetIdOfPart(image)))));

            var section = new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) });
            if (withFooter)
            {
                var footer = main.AddNewPart<FooterPart>();
                footer.Footer = new Footer(new Paragraph(new Run(new Text("FOOTER-OF-THE-BODY"))));
                section.Append(new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) });
            }

            section.Append(
                new PageSize { Width = PageWidth, Height = PageHeight },
                new PageMargin { Top = 1000, Right = 1000, Bottom = 1000, Left = 1000, Header = 500, Footer = 500, Gutter = 0 });
            main.Document = new Document(new Body(new Paragraph(new Run(new Text("This text is the body's, and is never used."))), section));
        }

        return stream.ToArray();
    }

    private static Drawing Picture(string relationshipId)
    {
        const long size = 360000; // 1 cm
        return new Drawing(new DW.Inline(
            new DW.Extent { Cx = size, Cy = size },
            new DW.EffectExtent { LeftEdge = 0, TopEdge = 0, RightEdge = 0, BottomEdge = 0 },
            new DW.DocProperties { Id = 1U, Name = "Logo" },
            new DW.NonVisualGraphicFrameDrawingProperties(new A.GraphicFrameLocks { NoChangeAspect = true }),
            new A.Graphic(new A.GraphicData(
                new PIC.Picture(
                    new PIC.NonVisualPictureProperties(new PIC.NonVisualDrawingProperties { Id = 0U, Name = "logo.png" }, new PIC.NonVisualPictureDrawingProperties()),
                    new PIC.BlipFill(new A.Blip { Embed = relationshipId }, new A.Stretch(new A.FillRectangle())),
                    new PIC.ShapeProperties(
                        new A.Transform2D(new A.Offset { X = 0L, Y = 0L }, new A.Extents { Cx = size, Cy = size }),
                        new A.PresetGeometry(new A.AdjustValueList()) { Preset = A.ShapeTypeValues.Rectangle })))
            { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
        {
            DistanceFromTop = 0U,
            DistanceFromBottom = 0U,
            DistanceFromLeft = 0U,
            DistanceFromRight = 0U,
        });
    }
}
