namespace StarRating.Rules.Documents;

/// <summary>
/// Reads the keys of one mapping, remembering which keys the format knows so that <see cref="Finish"/> can
/// report every other key (with a "did you mean" for misspellings). Duplicate keys are reported on construction.
/// </summary>
internal sealed class MapReader
{
    private readonly Dictionary<string, KeyValuePair<DocScalar, DocNode>> entries = new(StringComparer.Ordinal);
    private readonly List<string> known = [];
    private readonly ReadContext ctx;

    private MapReader(DocMapping map, string path, ReadContext ctx)
    {
        Node = map;
        Path = path;
        this.ctx = ctx;
        foreach (var entry in map.Entries)
        {
            if (entries.TryGetValue(entry.Key.Value, out var first))
            {
                ctx.Report(DiagnosticCatalog.DuplicateKey, entry.Key, ("key", Values.Shorten(entry.Key.Value)), ("context", Context), ("line", first.Key.Start.Line));
            }
            else
            {
                entries[entry.Key.Value] = entry;
            }
        }
    }

    public DocMapping Node { get; }

    /// <summary>Where the mapping sits, e.g. <c>findings[2]</c>; empty for the top level.</summary>
    public string Path { get; }

    /// <summary>Where the mapping sits, for messages: its path, or "the top level" (worded in the reader's language).</summary>
    public object Context => Path.Length == 0 ? new Message("diagnostic.context.top_level") : Path;

    public SourceLocation Location => ctx.At(Node);

    /// <summary>Reads <paramref name="node"/> as a mapping, or reports what it is instead.</summary>
    public static MapReader? Of(DocNode? node, string key, string path, ReadContext ctx)
    {
        switch (node)
        {
            case DocMapping map:
                return new MapReader(map, path, ctx);
            case null:
                return null;
            default:
                ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.Mapping), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
                return null;
        }
    }

    /// <summary>A child path for messages: <c>audit.team[1]</c>.</summary>
    public string Child(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>The value of <paramref name="key"/>; null when absent or written as an empty value.</summary>
    public DocNode? Get(string key)
    {
        known.Add(key);
        return entries.TryGetValue(key, out var entry) && entry.Value is not DocScalar { IsNull: true } ? entry.Value : null;
    }

    /// <summary>True when the key is written, even with an empty value.</summary>
    public bool Has(string key)
    {
        known.Add(key);
        return entries.ContainsKey(key);
    }

    public SourceLocation KeyLocation(string key) =>
        entries.TryGetValue(key, out var entry) ? ctx.At(entry.Key) : Location;

    public SourceLocation ValueLocation(string key) =>
        entries.TryGetValue(key, out var entry) ? ctx.At(entry.Value) : Location;

    public DocNode? Required(string key)
    {
        var node = Get(key);
        if (node is null)
        {
            if (entries.ContainsKey(key))
            {
                ctx.Report(DiagnosticCatalog.EmptyValue, KeyLocation(key), ("key", key), ("doc", ctx.FormatDoc));
            }
            else
            {
                ctx.Report(DiagnosticCatalog.MissingKey, Location, ("key", key), ("context", Context), ("doc", ctx.FormatDoc));
            }
        }

        return node;
    }

    public string? String(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        var value = node is null ? null : Values.String(node, key, ctx);
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            // An optional text left blank ("") means "not given"; a required one is reported.
            if (required)
            {
                ctx.Report(DiagnosticCatalog.EmptyValue, node!, ("key", key), ("doc", ctx.FormatDoc));
            }

            return null;
        }

        return value;
    }

    public string? Id(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Id(node, key, ctx);
    }

    public decimal? Decimal(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Decimal(node, key, ctx);
    }

    public int? Integer(string key, int min, int max, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Integer(node, key, min, max, ctx);
    }

    public bool? Boolean(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Boolean(node, key, ctx);
    }

    public DateOnly? Date(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Date(node, key, ctx);
    }

    public T? Enum<T>(string key, EnumMap<T> map, bool required = false)
        where T : struct
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Enum(node, key, map, ctx);
    }

    public LocalizedText? Text(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        var text = node is null ? null : Values.Text(node, key, ctx, Child(key));
        if (text is null && node is DocScalar && required)
        {
            ctx.Report(DiagnosticCatalog.EmptyValue, node, ("key", key), ("doc", ctx.FormatDoc));
        }

        return text;
    }

    /// <summary>A list value; a single scalar is not silently promoted to a list.</summary>
    public DocSequence? List(string key, bool required = false, bool allowEmpty = true)
    {
        var node = required ? Required(key) : Get(key);
        switch (node)
        {
            case null:
                return null;
            case DocSequence sequence:
                if (!allowEmpty && sequence.Items.Count == 0)
                {
                    ctx.Report(DiagnosticCatalog.EmptyValue, sequence, ("key", key), ("doc", ctx.FormatDoc));
                    return null;
                }

                if (sequence.Items.Count > ctx.Limits.MaxListEntries)
                {
                    ctx.Report(DiagnosticCatalog.TooManyEntries, sequence, ("key", key), ("count", sequence.Items.Count), ("limit", ctx.Limits.MaxListEntries));
                    return null;
                }

                return sequence;
            default:
                ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.List), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
                return null;
        }
    }

    public MapReader? Map(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return MapReader.Of(node, key, Child(key), ctx);
    }

    /// <summary>Reports every key that was not asked for. Keys starting with <c>x-</c> are extensions and pass.</summary>
    public void Finish()
    {
        foreach (var entry in Node.Entries)
        {
            var key = entry.Key.Value;
            if (known.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            ctx.Report(
                DiagnosticCatalog.UnknownKey,
                entry.Key,
                ("key", Values.Shorten(key)),
                ("context", Context),
                ("suggestion", Suggest.DidYouMean(key, known)),
                ("allowed", string.Join(", ", known.Distinct(StringComparer.Ordinal))));
        }
    }
}
