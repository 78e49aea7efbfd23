namespace StarRating.Reports.Word;

/// <summary>A Word document as the markup describes it: properties, header, footer and body blocks (docs/reports.md).</summary>
internal sealed record WordDocument(
    WordProperties Properties,
    IReadOnlyList<Block> Header,
    IReadOnlyList<Block> Footer,
    IReadOnlyList<Block> Body);

/// <summary>Document properties (docProps/core.xml) and the document's language.</summary>
internal sealed record WordProperties(string? Title, string? Subject, string? Author, string? Keywords, DateOnly? Created, string Language);

/// <summary>A block of the body, header or footer.</summary>
internal abstract record Block;

/// <summary>A paragraph; <paramref name="Always"/> keeps it in a reference document's header or footer too.</summary>
internal sealed record Paragraph(string Style, string? Align, bool KeepNext, bool PageBreakBefore, bool Always, IReadOnlyList<Inline> Content) : Block;

/// <summary>A page break.</summary>
internal sealed record PageBreak : Block;

/// <summary>A table: relative column widths, rows; borders and padding come from the renderer.</summary>
internal sealed record Table(IReadOnlyList<decimal> Widths, string? Kind, IReadOnlyList<Row> Rows, bool Always) : Block;

/// <summary>A table row: a header row repeats on every page; rows do not break across pages unless split is allowed.</summary>
internal sealed record Row(bool Header, bool AllowSplit, int? MinHeightTwips, IReadOnlyList<Cell> Cells);

/// <summary>A table cell spanning <paramref name="Span"/> columns, holding paragraphs.</summary>
internal sealed record Cell(int Span, string? Shade, string? VerticalAlign, IReadOnlyList<Paragraph> Paragraphs);

/// <summary>A native chart: a horizontal bar chart or a radar chart of percentages (null value = excluded, drawn as a gap).</summary>
internal sealed record Chart(string Kind, string? Title, string? Series, int HeightTwips, IReadOnlyList<ChartPoint> Points) : Block;

/// <summary>One category of a chart.</summary>
internal sealed record ChartPoint(string Label, decimal? Value);

/// <summary>Inline content of a paragraph.</summary>
internal abstract record Inline;

/// <summary>A run of text with its formatting.</summary>
internal sealed record TextRun(string Text, bool Bold, bool Italic, bool Underline, string? CharacterStyle) : Inline;

/// <summary>A line break inside a paragraph.</summary>
internal sealed record LineBreak : Inline;

/// <summary>A tab.</summary>
internal sealed record TabRun : Inline;

/// <summary>A field Word computes: the page number or the number of pages.</summary>
internal sealed record FieldRun(string Name) : Inline;
