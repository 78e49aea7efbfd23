namespace StarRating.Rules.Documents;

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
