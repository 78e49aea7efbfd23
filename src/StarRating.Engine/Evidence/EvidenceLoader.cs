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
