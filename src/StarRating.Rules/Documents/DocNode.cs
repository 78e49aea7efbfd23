namespace StarRating.Rules.Documents;

/// <summary>
/// Where a value starts: a 1-based line and column in a text file, or a cell of a workbook sheet
/// (<see cref="Sheet"/> set, <see cref="Line"/> the row, <see cref="Column"/> the column number).
/// </summary>
/// <param name="Line">1-based line (or row).</param>
/// <param name="Column">1-based column (or column number, A = 1).</param>
public readonly record struct Mark(int Line, int Column)
{
    /// <summary>The sheet of a workbook cell, or <see langword="null"/> in a text file.</summary>
    public string? Sheet { get; init; }

    /// <summary>A cell of a workbook sheet.</summary>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="row">1-based row.</param>
    /// <param name="column">1-based column number (A = 1).</param>
    public static Mark Cell(string sheet, int row, int column) => new(row, column) { Sheet = sheet };

    /// <summary>The location of this mark in <paramref name="file"/>.</summary>
    /// <param name="file">The file name diagnostics use.</param>
    public SourceLocation In(string file) => new(file, Line, Column) { Sheet = Sheet };
}

/// <summary>
/// A parsed value with its position: the one tree every front end produces (YAML, JSON, and readers outside this
/// library such as the workbook reader), so every check downstream works the same on any format and every
/// diagnostic can name a line and column, or a sheet and cell. Front ends build the tree; the rubric and evidence
/// readers only read it.
/// </summary>
public abstract class DocNode
{
    private protected DocNode(Mark start) => Start = start;

    /// <summary>Where the value starts.</summary>
    public Mark Start { get; }

    /// <summary>How the value is described in messages: "text", "a mapping", "a list" (worded in the reader's language).</summary>
    public abstract Message Describe();
}

/// <summary>A single value: text, a number, a word, or empty.</summary>
/// <param name="start">Where the value starts.</param>
/// <param name="value">The value's text (a number's digits as written).</param>
/// <param name="isQuoted">True for text that was written as text (quoted YAML, JSON strings, workbook text cells).</param>
/// <param name="isNull">True for an empty value.</param>
public sealed class DocScalar(Mark start, string value, bool isQuoted, bool isNull) : DocNode(start)
{
    /// <summary>The value's text.</summary>
    public string Value { get; } = value;

    /// <summary>True for quoted or block YAML scalars and JSON strings: text that was written as text.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>True for YAML <c>~</c>, <c>null</c>, an empty plain value, or JSON <c>null</c>.</summary>
    public bool IsNull { get; } = isNull;

    /// <inheritdoc />
    public override Message Describe() => IsNull ? ValueWords.Empty : IsQuoted ? ValueWords.QuotedText : ValueWords.SingleValue;
}

/// <summary>Key: value pairs, in the order written (duplicates kept, for the reader to report).</summary>
/// <param name="start">Where the mapping starts.</param>
public sealed class DocMapping(Mark start) : DocNode(start)
{
    private readonly List<KeyValuePair<DocScalar, DocNode>> entries = [];

    /// <summary>A YAML or JSON mapping that may be a '{ ... }' flow mapping.</summary>
    internal DocMapping(Mark start, bool isFlow)
        : this(start) => IsFlow = isFlow;

    /// <summary>True for a '{ ... }' mapping, where a comma separates entries.</summary>
    internal bool IsFlow { get; }

    /// <summary>The entries in the order written.</summary>
    public IReadOnlyList<KeyValuePair<DocScalar, DocNode>> Entries => entries;

    /// <summary>The entries, for the front ends and the overlay resolver of this library, which build and merge trees.</summary>
    internal List<KeyValuePair<DocScalar, DocNode>> MutableEntries => entries;

    /// <summary>Appends an entry.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value.</param>
    public void Add(DocScalar key, DocNode value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        entries.Add(new(key, value));
    }

    /// <inheritdoc />
    public override Message Describe() => ValueWords.Mapping;
}

/// <summary>A list of values, in order.</summary>
/// <param name="start">Where the list starts.</param>
public sealed class DocSequence(Mark start) : DocNode(start)
{
    private readonly List<DocNode> items = [];

    /// <summary>The values in order.</summary>
    public IReadOnlyList<DocNode> Items => items;

    /// <summary>The values, for the overlay resolver of this library, which merges trees.</summary>
    internal List<DocNode> MutableItems => items;

    /// <summary>Appends a value.</summary>
    /// <param name="item">The value.</param>
    public void Add(DocNode item)
    {
        ArgumentNullException.ThrowIfNull(item);
        items.Add(item);
    }

    /// <inheritdoc />
    public override Message Describe() => ValueWords.List;
}

/// <summary>
/// A document read by a front end outside this library (for example a workbook): its tree, or none when it could
/// not be read, with the diagnostics found while reading it. The evidence loader and the engine take it like a
/// YAML or JSON file, run the same checks, and report the front end's diagnostics together with their own.
/// </summary>
public sealed class DocumentTree
{
    /// <summary>Creates a document tree.</summary>
    /// <param name="file">The name diagnostics use.</param>
    /// <param name="root">The tree, or <see langword="null"/> when the document could not be read.</param>
    /// <param name="sha256">Lower-case hex SHA-256 of the file's bytes.</param>
    /// <param name="diagnostics">What the front end found (errors stop the document from being used).</param>
    public DocumentTree(string file, DocNode? root, string sha256, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(diagnostics);
        File = file;
        Root = root;
        Sha256 = sha256;
        Diagnostics = diagnostics.ToArray();
    }

    /// <summary>The name diagnostics use.</summary>
    public string File { get; }

    /// <summary>The tree, or <see langword="null"/> when the document could not be read.</summary>
    public DocNode? Root { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>What the front end found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Adds the front end's diagnostics to <paramref name="bag"/> and returns the parsed document, if any.</summary>
    public ParsedDocument? Open(DiagnosticBag bag)
    {
        bag.AddRange(Diagnostics);
        return Root is null ? null : new ParsedDocument(File, Root, DocumentFormat.Workbook, Sha256);
    }
}

internal enum DocumentFormat
{
    Yaml,
    Json,
    Workbook,
}

/// <summary>A parsed file: its tree, its raw bytes' SHA-256 and the name used in diagnostics.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public sealed class ParsedDocument
{
    internal ParsedDocument(string file, DocNode root, DocumentFormat format, string sha256)
    {
        File = file;
        Root = root;
        Format = format;
        Sha256 = sha256;
    }

    /// <summary>The name diagnostics use.</summary>
    public string File { get; }

    /// <summary>The document's tree.</summary>
    public DocNode Root { get; }

    internal DocumentFormat Format { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }
}

/// <summary>How diagnostics name the kinds of values (vocabulary texts <c>diagnostic.value.*</c>).</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public static class ValueWords
{
    internal static readonly Message Text = new("diagnostic.value.text");
    internal static readonly Message Number = new("diagnostic.value.number");
    internal static readonly Message QuotedText = new("diagnostic.value.quoted_text");
    internal static readonly Message SingleValue = new("diagnostic.value.single_value");
    internal static readonly Message Empty = new("diagnostic.value.empty");
    internal static readonly Message Mapping = new("diagnostic.value.mapping");
    /// <summary>"a list", for a wrong-type diagnostic that expected a list.</summary>
    public static Message List { get; } = new("diagnostic.value.list");
    internal static readonly Message TextOrMapping = new("diagnostic.value.text_or_mapping");
}
