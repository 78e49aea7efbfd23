namespace StarRating.Rules.Documents;

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
