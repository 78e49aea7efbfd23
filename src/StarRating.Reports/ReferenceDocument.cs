using System.IO.Compression;
using System.Xml;
using StarRating.Reports.Word;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// A certification body's own Word file (.docx or .dotx) whose look Word reports take, as pandoc's
/// <c>--reference-doc</c> does: its styles (matched by the names Word shows), page size and margins, header and
/// footer (with their pictures, such as a logo), theme fonts and numbering. Its text is not used. Loaded once,
/// immutable, safe to share between threads. See <c>docs/reports.md</c>.
/// </summary>
public sealed class ReferenceDocument
{
    /// <summary>Largest reference document accepted, packed (20 MB).</summary>
    public const long MaxBytes = 20_000_000;

    /// <summary>Most bytes its parts may unpack to, all together (60 MB): a guard against zip bombs.</summary>
    public const long MaxUnpackedBytes = 60_000_000;

    private ReferenceDocument(string name, Word.ReferenceParts parts)
    {
        Name = name;
        Parts = parts;
    }

    /// <summary>The file name the document was loaded from.</summary>
    public string Name { get; }

    internal Word.ReferenceParts Parts { get; }

    /// <summary>Loads a reference document from a file; problems come back as diagnostics (SR1001, SR1002, SR4110, SR4111).</summary>
    /// <param name="path">The .docx or .dotx file.</param>
    public static LoadResult<ReferenceDocument> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var location = SourceLocation.WholeFile(path);
        byte[] bytes;
        try
        {
            if (!File.Exists(path))
            {
                if (Directory.Exists(path))
                {
                    bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", new Message("diagnostic.reason.folder")));
                }
                else
                {
                    bag.Add(DiagnosticCatalog.FileNotFound, location);
                }

                return LoadResult.From<ReferenceDocument>(null, bag);
            }

            var read = Rules.Files.BoundedFile.Read(path, MaxBytes);
            if (read.TooLarge)
            {
                bag.Add(ReportDiagnostics.ReferenceDocumentTooLarge, location, ("size", read.Size), ("limit", MaxBytes));
                return LoadResult.From<ReferenceDocument>(null, bag);
            }

            bytes = read.Bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Our words, never the exception's (a .NET resource key in the native tool).
            bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", Rules.Files.IoErrors.Describe(ex)));
            return LoadResult.From<ReferenceDocument>(null, bag);
        }

        return Load(bytes, path);
    }

    /// <summary>Loads a reference document from its bytes.</summary>
    /// <param name="bytes">The .docx or .dotx package.</param>
    /// <param name="name">The name used in diagnostics.</param>
    public static LoadResult<ReferenceDocument> Load(ReadOnlyMemory<byte> bytes, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var bag = new DiagnosticBag();
        var location = SourceLocation.WholeFile(name);
        if (bytes.Length > MaxBytes)
        {
            bag.Add(ReportDiagnostics.ReferenceDocumentTooLarge, location, ("size", bytes.Length), ("limit", MaxBytes));
            return LoadResult.From<ReferenceDocument>(null, bag);
        }

        try
        {
            using var stream = new MemoryStream(bytes.ToArray(), writable: false);
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
            var parts = ReferenceReader.Read(zip);
            return LoadResult.From(new ReferenceDocument(Path.GetFileName(name), parts), bag);
        }
        catch (ReferenceReader.TooLargeException ex)
        {
            bag.Add(ReportDiagnostics.ReferenceDocumentTooLarge, location, ("size", ex.Size), ("limit", MaxUnpackedBytes));
        }
        catch (ReferenceReader.InvalidException ex)
        {
            bag.Add(ReportDiagnostics.ReferenceDocumentInvalid, location, ("reason", ex.Reason));
        }
        catch (InvalidDataException)
        {
            bag.Add(ReportDiagnostics.ReferenceDocumentInvalid, location, ("reason", new Message("diagnostic.word.not_zip")));
        }
        catch (XmlException ex)
        {
            bag.Add(ReportDiagnostics.ReferenceDocumentInvalid, location, ("reason", new Message("diagnostic.word.xml", ("line", ex.LineNumber), ("column", ex.LinePosition))));
        }

        return LoadResult.From<ReferenceDocument>(null, bag);
    }
}
