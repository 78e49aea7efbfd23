namespace StarRating.Rules.Documents;

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

internal enum DocumentFormat
{
    Yaml,
    Json,
    Workbook,
}
