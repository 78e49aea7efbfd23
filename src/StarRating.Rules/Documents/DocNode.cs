namespace StarRating.Rules.Documents;

/// <summary>A 1-based line and column in a source text.</summary>
internal readonly record struct Mark(int Line, int Column);

/// <summary>
/// A parsed YAML or JSON value with its position: the one tree both front ends produce, so every check
/// downstream works the same on either format and every diagnostic can name a line and column.
/// </summary>
internal abstract class DocNode
{
    protected DocNode(Mark start) => Start = start;

    public Mark Start { get; }

    /// <summary>How the value is described in messages: "text", "a mapping", "a list".</summary>
    public abstract string Describe();
}

internal sealed class DocScalar(Mark start, string value, bool isQuoted, bool isNull) : DocNode(start)
{
    public string Value { get; } = value;

    /// <summary>True for quoted or block YAML scalars and JSON strings: text that was written as text.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>True for YAML <c>~</c>, <c>null</c>, an empty plain value, or JSON <c>null</c>.</summary>
    public bool IsNull { get; } = isNull;

    public override string Describe() => IsNull ? "empty" : IsQuoted ? "quoted text" : "a single value";
}

internal sealed class DocMapping(Mark start, bool isFlow = false) : DocNode(start)
{
    /// <summary>True for a '{ ... }' mapping, where a comma separates entries.</summary>
    public bool IsFlow { get; } = isFlow;

    public List<KeyValuePair<DocScalar, DocNode>> Entries { get; } = [];

    public override string Describe() => "a mapping (key: value pairs)";
}

internal sealed class DocSequence(Mark start) : DocNode(start)
{
    public List<DocNode> Items { get; } = [];

    public override string Describe() => "a list";
}

internal enum DocumentFormat
{
    Yaml,
    Json,
}

/// <summary>A parsed file: its tree, its raw bytes' SHA-256 and the name used in diagnostics.</summary>
internal sealed record ParsedDocument(string File, DocNode Root, DocumentFormat Format, string Sha256);
