using System.Text;

namespace StarRating.Rules.Documents;

/// <summary>File or text → size and encoding checks → YAML or JSON front end → <see cref="ParsedDocument"/>.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public static class DocumentLoader
{
    /// <summary>Reads a file (never more than the size limit allows), checks its encoding and parses it; the format follows the name (<c>.json</c>, else YAML).</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static ParsedDocument? LoadFile(string path, string displayName, InputLimits limits, DiagnosticBag bag)
    {
        var bytes = SourceText.ReadFile(path, displayName, limits, bag);
        return bytes is null ? null : Parse(bytes, displayName, limits, bag);
    }

    /// <summary>Checks the size and encoding of a file's bytes and parses them; the format follows the name (<c>.json</c>, else YAML).</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static ParsedDocument? Parse(ReadOnlySpan<byte> bytes, string displayName, InputLimits limits, DiagnosticBag bag) =>
        Parse(bytes, FormatOf(displayName), displayName, limits, bag);

    /// <summary>Reads a stream to its end (never more than the size limit allows) and parses it in <paramref name="format"/>.</summary>
    /// <param name="stream">The stream, read to its end.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static async Task<ParsedDocument?> LoadAsync(Stream stream, InputFormat format, string displayName, InputLimits limits, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadStreamAsync(stream, displayName, limits, bag, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Parse(bytes, Of(format), displayName, limits, bag);
    }

    /// <summary>Reads a file asynchronously, with the checks of <see cref="LoadFile"/>; the format follows the name.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static async Task<ParsedDocument?> LoadFileAsync(string path, string displayName, InputLimits limits, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var bytes = await SourceText.ReadFileAsync(path, displayName, limits, bag, cancellationToken).ConfigureAwait(false);
        return bytes is null ? null : Parse(bytes, displayName, limits, bag);
    }

    /// <summary>Checks the size and encoding of a file's bytes and parses them in <paramref name="format"/>.</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static ParsedDocument? Parse(ReadOnlySpan<byte> bytes, InputFormat format, string displayName, InputLimits limits, DiagnosticBag bag) =>
        Parse(bytes, Of(format), displayName, limits, bag);

    internal static DocumentFormat Of(InputFormat format) => format == InputFormat.Json ? DocumentFormat.Json : DocumentFormat.Yaml;

    internal static ParsedDocument? Parse(ReadOnlySpan<byte> bytes, DocumentFormat format, string displayName, InputLimits limits, DiagnosticBag bag)
    {
        if (bytes.Length > limits.MaxFileBytes)
        {
            bag.Add(DiagnosticCatalog.FileTooLarge, SourceLocation.WholeFile(displayName), ("size", bytes.Length), ("limit", limits.MaxFileBytes));
            return null;
        }

        var text = SourceText.Decode(bytes, displayName, bag);
        if (text is null)
        {
            return null;
        }

        return ParseText(text, SourceText.Sha256Hex(bytes), format, displayName, limits, bag);
    }

    /// <summary>Checks the size of a text and parses it; the format follows the name (<c>.json</c>, else YAML).</summary>
    /// <param name="text">The document's text.</param>
    /// <param name="displayName">The name diagnostics use.</param>
    /// <param name="limits">The size, line-length, depth and node limits.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <returns>The document, or <see langword="null"/> when it could not be read (the reason is in <paramref name="bag"/>).</returns>
    public static ParsedDocument? Parse(string text, string displayName, InputLimits limits, DiagnosticBag bag)
    {
        var byteCount = Encoding.UTF8.GetByteCount(text);
        if (byteCount > limits.MaxFileBytes)
        {
            bag.Add(DiagnosticCatalog.FileTooLarge, SourceLocation.WholeFile(displayName), ("size", byteCount), ("limit", limits.MaxFileBytes));
            return null;
        }

        return ParseText(text, SourceText.Sha256Hex(Encoding.UTF8.GetBytes(text)), FormatOf(displayName), displayName, limits, bag);
    }

    internal static DocumentFormat FormatOf(string name) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? DocumentFormat.Json : DocumentFormat.Yaml;

    private static ParsedDocument? ParseText(string text, string sha256, DocumentFormat format, string displayName, InputLimits limits, DiagnosticBag bag)
    {
        if (!SourceText.CheckLineLengths(text, displayName, limits, bag) || !SourceText.CheckCharacters(text, displayName, bag))
        {
            return null;
        }

        var root = format == DocumentFormat.Json
            ? JsonReader.Read(text, displayName, limits, bag)
            : YamlReader.Read(text, displayName, limits, bag);
        if (root is DocScalar { IsNull: true })
        {
            bag.Add(DiagnosticCatalog.EmptyDocument, SourceLocation.WholeFile(displayName));
            return null;
        }

        return root is null ? null : new ParsedDocument(displayName, root, format, sha256);
    }
}
