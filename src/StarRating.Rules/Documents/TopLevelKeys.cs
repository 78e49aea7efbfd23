namespace StarRating.Rules.Documents;

/// <summary>
/// Reads a YAML or JSON file far enough to tell what it is: its top-level keys. For tools that take a rubric or an
/// evidence file at one place (StarRating's <c>validate</c>) and choose the loader by the keys, as the loaders' own
/// wrong-kind check (SR1116) does.
/// </summary>
public static class TopLevelKeys
{
    /// <summary>
    /// Reads <paramref name="path"/> with every check and limit of the loaders (size, encoding, syntax, depth) and
    /// returns the keys of its top-level mapping: empty when the document is not a mapping, null (with the diagnostics
    /// in <paramref name="diagnostics"/>) when it cannot be read or parsed.
    /// </summary>
    /// <param name="path">The file; its extension chooses YAML or JSON, as the loaders do.</param>
    /// <param name="limits">The input limits.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    /// <param name="bytes">The file's bytes, to hand to a loader, when it was read.</param>
    public static IReadOnlySet<string>? ReadFile(string path, InputLimits limits, DiagnosticBag diagnostics, out byte[]? bytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(limits);
        ArgumentNullException.ThrowIfNull(diagnostics);
        bytes = SourceText.ReadFile(path, path, limits, diagnostics);
        var document = bytes is null ? null : DocumentLoader.Parse(bytes, path, limits, diagnostics);
        return document is null ? null
            : document.Root is DocMapping map ? map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal)
            : new HashSet<string>(StringComparer.Ordinal);
    }
}
