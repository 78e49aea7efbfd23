namespace StarRating.Rules.Documents;

/// <summary>A parsed file: its tree, its raw bytes' SHA-256 and the name used in diagnostics.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public sealed class ParsedDocument
{
    internal ParsedDocument(string file, DocNode root, DocumentFormat format, string sha256)
    {
        File = file;
        Root = root;
        Format = format;
        Sha256 = sha256;
    }

    /// <summary>The name diagnostics use.</summary>
    public string File { get; }

    /// <summary>The document's tree.</summary>
    public DocNode Root { get; }

    internal DocumentFormat Format { get; }

    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public string Sha256 { get; }
}
