namespace StarRating.Rules.Documents;

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
