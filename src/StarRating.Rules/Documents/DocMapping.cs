namespace StarRating.Rules.Documents;

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
