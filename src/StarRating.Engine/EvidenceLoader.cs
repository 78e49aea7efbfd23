using StarRating.Engine.Evidence;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>
/// Reads evidence files (YAML, or JSON when the name ends in <c>.json</c>) and checks their structure: keys,
/// types, dates and enum words. Rubric-dependent checks (item ids, points ranges, completeness) happen when
/// <see cref="AuditEngine"/> scores the evidence. Never throws for bad input; thread-safe.
/// </summary>
public sealed class EvidenceLoader
{
    /// <summary>Creates a loader.</summary>
    /// <param name="limits">Input limits; <see cref="InputLimits.Default"/> when null.</param>
    public EvidenceLoader(InputLimits? limits = null)
    {
        Limits = limits ?? InputLimits.Default;
    }

    /// <summary>The input limits in force.</summary>
    public InputLimits Limits { get; }

    /// <summary>Reads an evidence file.</summary>
    /// <param name="path">The path; diagnostics name it as given.</param>
    public LoadResult<AuditEvidence> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var evidence = Read(DocumentLoader.LoadFile(path, path, Limits, bag), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads evidence text.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<AuditEvidence> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var evidence = Read(DocumentLoader.Parse(text, sourceName, Limits, bag), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads evidence bytes (UTF-8, or UTF-16 with a byte-order mark).</summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<AuditEvidence> Parse(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var evidence = Read(DocumentLoader.Parse(bytes, sourceName, Limits, bag), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads evidence bytes in a stated format (no file name to tell it).</summary>
    /// <param name="bytes">The bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    public LoadResult<AuditEvidence> Parse(ReadOnlyMemory<byte> bytes, InputFormat format, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var evidence = Read(DocumentLoader.Parse(bytes.Span, format, sourceName, Limits, bag), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads evidence from a stream to its end (at most <see cref="InputLimits.MaxFileBytes"/>); the stream is not closed.</summary>
    /// <param name="stream">The evidence.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<AuditEvidence>> LoadAsync(Stream stream, InputFormat format, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var evidence = Read(await DocumentLoader.LoadAsync(stream, format, sourceName, Limits, bag, cancellationToken).ConfigureAwait(false), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads an evidence file without blocking a thread on the disk.</summary>
    /// <param name="path">The path (YAML, or JSON when it ends in <c>.json</c>); diagnostics name it as given.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<AuditEvidence>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var evidence = Read(await DocumentLoader.LoadFileAsync(path, path, Limits, bag, cancellationToken).ConfigureAwait(false), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>
    /// Reads a document tree built by another front end (for example the workbook reader): the same key, type,
    /// date and enum checks as a YAML or JSON file, reported together with the front end's own diagnostics.
    /// </summary>
    /// <param name="document">The tree and the front end's diagnostics.</param>
    public LoadResult<AuditEvidence> Read(DocumentTree document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bag = new DiagnosticBag();
        var evidence = Read(document.Open(bag), bag);
        return LoadResult.From(evidence, bag);
    }

    /// <summary>Reads a document, returning the evidence even when it has errors (for further checks).</summary>
    internal AuditEvidence? Read(ParsedDocument? document, DiagnosticBag bag) =>
        document is null ? null : EvidenceReader.Read(document, bag, Limits);
}
