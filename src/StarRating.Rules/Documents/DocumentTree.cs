namespace StarRating.Rules.Documents;

/// <summary>
/// A document read by a front end outside this library (for example a workbook): its tree, or none when it could
/// not be read, with the diagnostics found while reading it. The evidence loader and the engine take it like a
/// YAML or JSON file, run the same checks, and report the front end's diagnostics together with their own.
/// </summary>
public sealed class DocumentTree
{
    /// <summary>Creates a document tree.</summary>
    /// <param name="file">The name diagnostics use.</param>
    /// <param name="root">The tree, or <see langword="null"/> when the document could not be read.</param>
    /// <param name="sha256">Lower-case hex SHA-256 of the file's bytes.</param>
    /// <param name="diagnostics">What the front end found (errors stop the document from being used).</param>
    public DocumentTree(string file, DocNode? root, string sha256, IEnumerable<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(sha256);
        ArgumentNullException.ThrowIfNull(diagnostics);
        File = file;
        Root = root;
        Sha256 = sha256;
        Diagnostics = diagnostics.ToArray();
    }

    /// <summary>The name diagnostics use.</summary>
    public string File { get; }

    /// <summary>The tree, or <see langword="null"/> when the document could not be read.</summary>
    public DocNode? Root { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }

    /// <summary>What the front end found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Adds the front end's diagnostics to <paramref name="bag"/> and returns the parsed document, if any.</summary>
    public ParsedDocument? Open(DiagnosticBag bag)
    {
        bag.AddRange(Diagnostics);
        return Root is null ? null : new ParsedDocument(File, Root, DocumentFormat.Workbook, Sha256);
    }
}
