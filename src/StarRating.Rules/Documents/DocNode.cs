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

    /// <summary>How the value is described in messages: "text", "a mapping", "a list" (worded in the reader's language).</summary>
    public abstract Message Describe();
}

internal sealed class DocScalar(Mark start, string value, bool isQuoted, bool isNull) : DocNode(start)
{
    public string Value { get; } = value;

    /// <summary>True for quoted or block YAML scalars and JSON strings: text that was written as text.</summary>
    public bool IsQuoted { get; } = isQuoted;

    /// <summary>True for YAML <c>~</c>, <c>null</c>, an empty plain value, or JSON <c>null</c>.</summary>
    public bool IsNull { get; } = isNull;

    public override Message Describe() => IsNull ? ValueWords.Empty : IsQuoted ? ValueWords.QuotedText : ValueWords.SingleValue;
}

internal sealed class DocMapping(Mark start, bool isFlow = false) : DocNode(start)
{
    /// <summary>True for a '{ ... }' mapping, where a comma separates entries.</summary>
    public bool IsFlow { get; } = isFlow;

    public List<KeyValuePair<DocScalar, DocNode>> Entries { get; } = [];

    public override Message Describe() => ValueWords.Mapping;
}

internal sealed class DocSequence(Mark start) : DocNode(start)
{
    public List<DocNode> Items { get; } = [];

    public override Message Describe() => ValueWords.List;
}

internal enum DocumentFormat
{
    Yaml,
    Json,
}

/// <summary>A parsed file: its tree, its raw bytes' SHA-256 and the name used in diagnostics.</summary>
internal sealed record ParsedDocument(string File, DocNode Root, DocumentFormat Format, string Sha256);

/// <summary>How diagnostics name the kinds of values (vocabulary texts <c>diagnostic.value.*</c>).</summary>
internal static class ValueWords
{
    public static readonly Message Text = new("diagnostic.value.text");
    public static readonly Message Number = new("diagnostic.value.number");
    public static readonly Message QuotedText = new("diagnostic.value.quoted_text");
    public static readonly Message SingleValue = new("diagnostic.value.single_value");
    public static readonly Message Empty = new("diagnostic.value.empty");
    public static readonly Message Mapping = new("diagnostic.value.mapping");
    public static readonly Message List = new("diagnostic.value.list");
    public static readonly Message TextOrMapping = new("diagnostic.value.text_or_mapping");
}
