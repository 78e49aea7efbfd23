namespace StarRating.Rules.Documents;

/// <summary>
/// Reads the keys of one mapping, remembering which keys the format knows so that <see cref="Finish"/> can
/// report every other key (with a "did you mean" for misspellings). Duplicate keys are reported on construction.
/// </summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public sealed class MapReader
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

    internal DocMapping Node { get; }

    /// <summary>Where the mapping sits, e.g. <c>findings[2]</c>; empty for the top level.</summary>
    internal string Path { get; }

    /// <summary>Where the mapping sits, for messages: its path, or "the top level" (worded in the reader's language).</summary>
    internal object Context => Path.Length == 0 ? new Message("diagnostic.context.top_level") : Path;

    /// <summary>Where the mapping starts, for diagnostics about the mapping as a whole.</summary>
    public SourceLocation Location => ctx.At(Node);

    /// <summary>
    /// Checks that a top-level mapping is the kind of file expected, before its keys are read one by one: a rubric given
    /// as evidence (or evidence as a rubric, or <c>{}</c>) gets one diagnostic saying what the file is, not one
    /// unknown-key error per key. False (and reported) when the file is of the wrong kind.
    /// </summary>
    /// <param name="node">The document's root.</param>
    /// <param name="ctx">Where to report.</param>
    /// <param name="expected">What the reader expects (<c>diagnostic.file_kind.*</c>), e.g. an evidence file.</param>
    /// <param name="own">Keys only the expected kind has.</param>
    /// <param name="other">Keys only the other kind has.</param>
    /// <param name="otherKind">The other kind, e.g. a rubric.</param>
    /// <param name="fix">What to do when the file is of the other kind.</param>
    public static bool IsKind(DocNode node, ReadContext ctx, Message expected, string[] own, string[] other, Message otherKind, Message fix)
    {
        if (node is not DocMapping map)
        {
            return true; // Reported as a wrong type by Of.
        }

        var keys = map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        if (own.Any(keys.Contains))
        {
            return true;
        }

        var theirs = other.FirstOrDefault(keys.Contains);
        var found = map.Entries.Count == 0 ? new Message("diagnostic.file_kind.empty_mapping")
            : theirs is not null ? new Message("diagnostic.file_kind.other", ("kind", otherKind), ("key", theirs))
            : new Message("diagnostic.file_kind.no_keys", ("expected", expected), ("keys", string.Join(", ", own)));
        var hint = theirs is not null
            ? fix
            : new Message("diagnostic.file_kind.write_keys", ("expected", expected), ("keys", string.Join(", ", own.Select(k => k + ":"))), ("doc", ctx.FormatDoc));
        ctx.Report(DiagnosticCatalog.WrongKindOfFile, map, ("found", found), ("expected", expected), ("fix", hint));
        return false;
    }

    /// <summary>Reads <paramref name="node"/> as a mapping, or reports what it is instead.</summary>
    /// <param name="node">The value; <see langword="null"/> when absent (nothing is reported).</param>
    /// <param name="key">The key the value belongs to, named in the diagnostic.</param>
    /// <param name="path">Where the mapping sits, e.g. <c>findings[2]</c>; empty for the top level.</param>
    /// <param name="ctx">Where to report.</param>
    /// <returns>The reader, or <see langword="null"/> when the value is absent or not a mapping.</returns>
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
    /// <param name="key">The child key.</param>
    public string Child(string key) => Path.Length == 0 ? key : Path + "." + key;

    /// <summary>The value of <paramref name="key"/>; null when absent or written as an empty value.</summary>
    /// <param name="key">The key, remembered as known so that <see cref="Finish"/> does not report it.</param>
    public DocNode? Get(string key)
    {
        known.Add(key);
        return entries.TryGetValue(key, out var entry) && entry.Value is not DocScalar { IsNull: true } ? entry.Value : null;
    }

    /// <summary>True when the key is written, even with an empty value.</summary>
    /// <param name="key">The key, remembered as known.</param>
    public bool Has(string key)
    {
        known.Add(key);
        return entries.ContainsKey(key);
    }

    /// <summary>Where <paramref name="key"/> is written, or the mapping's location when it is absent.</summary>
    /// <param name="key">The key.</param>
    public SourceLocation KeyLocation(string key) =>
        entries.TryGetValue(key, out var entry) ? ctx.At(entry.Key) : Location;

    /// <summary>Where the value of <paramref name="key"/> starts, or the mapping's location when the key is absent.</summary>
    /// <param name="key">The key.</param>
    public SourceLocation ValueLocation(string key) =>
        entries.TryGetValue(key, out var entry) ? ctx.At(entry.Value) : Location;

    /// <summary>The value of <paramref name="key"/>; when absent or empty, reports a missing key or an empty value and returns null.</summary>
    /// <param name="key">The key.</param>
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

    /// <summary>A text value; blank text counts as not given (and is reported when required).</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
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

    /// <summary>An identifier (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>; at most 64 characters), reported when it is not one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public string? Id(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Id(node, key, ctx);
    }

    /// <summary>An exact decimal number (unquoted, at most 12 decimals and 15 digits before the point), reported when it is not one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public decimal? Decimal(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Decimal(node, key, ctx);
    }

    /// <summary>A whole number between <paramref name="min"/> and <paramref name="max"/>, reported when it is not one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="min">The smallest value allowed.</param>
    /// <param name="max">The largest value allowed.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public int? Integer(string key, int min, int max, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Integer(node, key, min, max, ctx);
    }

    internal bool? Boolean(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Boolean(node, key, ctx);
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>, reported when it is not one.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public DateOnly? Date(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Date(node, key, ctx);
    }

    /// <summary>One of the words of <paramref name="map"/>, reported (with a "did you mean") when it is not one.</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="map">The words allowed and their values.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public T? Enum<T>(string key, EnumMap<T> map, bool required = false)
        where T : struct
    {
        var node = required ? Required(key) : Get(key);
        return node is null ? null : Values.Enum(node, key, map, ctx);
    }

    internal LocalizedText? Text(string key, bool required = false)
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
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    /// <param name="allowEmpty">False to report an empty list.</param>
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

    /// <summary>A nested mapping, read with the child path; reported when the value is not a mapping.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Report the key when it is absent or empty.</param>
    public MapReader? Map(string key, bool required = false)
    {
        var node = required ? Required(key) : Get(key);
        return MapReader.Of(node, key, Child(key), ctx);
    }

    /// <summary>Reports every key that was not asked for. Keys starting with <c>x-</c> are extensions and pass.</summary>
    public void Finish()
    {
        for (var index = 0; index < Node.Entries.Count; index++)
        {
            var entry = Node.Entries[index];
            var key = entry.Key.Value;
            if (known.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal))
            {
                continue;
            }

            // result：conforming is one key, "result：conforming", to YAML: point at the full-width colon.
            var fullWidth = key.AsSpan().IndexOfAny(FullWidth.Characters);
            if (fullWidth >= 0 && !entry.Key.IsQuoted && !key.Contains('\n', StringComparison.Ordinal))
            {
                ctx.Bag.Add(FullWidth.Create(ctx.File, new Mark(entry.Key.Start.Line, entry.Key.Start.Column + fullWidth), key[fullWidth]));
                continue;
            }

            // { note: 部分工单无签字, 已整改 }: the comma ended the note, and "已整改" became a key without a value.
            if (Node.IsFlow && index > 0 && entry.Value is DocScalar { IsNull: true } && !entry.Key.IsQuoted
                && Node.Entries[index - 1] is { Value: DocScalar { IsQuoted: false, IsNull: false } } previous && known.Contains(previous.Key.Value))
            {
                ctx.Report(DiagnosticCatalog.CommaInFlowText, entry.Key, ("key", Values.Shorten(key)), ("previous", Values.Shorten(previous.Key.Value)));
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
