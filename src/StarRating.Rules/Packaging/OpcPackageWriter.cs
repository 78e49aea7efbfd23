using System.IO.Compression;
using System.Text;
using System.Xml;

namespace StarRating.Rules.Packaging;

/// <summary>
/// Writes an Open Packaging Conventions package (the zip of a .docx or an .xlsx) deterministically: the
/// content-types part first, as Office expects, then the parts in the order added, every entry with one fixed
/// timestamp (1980-01-01, the earliest a zip can hold) and no extra fields, so the same parts always give the same
/// bytes. Word reports (StarRating.Reports) and audit workbooks (StarRating.Workbook) are both written with it.
/// </summary>
/// <remarks>
/// Public for StarRating's own layers, which share it (the lowest layer both writers build on is Rules); it writes
/// what it is given and checks no Office schema, so it is not meant as a general package API.
/// </remarks>
/// <param name="compression">How XML parts are compressed; parts that are compressed already are stored.</param>
public sealed class OpcPackageWriter(CompressionLevel compression = CompressionLevel.Fastest)
{
    /// <summary>The content type of relationship parts (<c>*.rels</c>), also the package's default for that extension.</summary>
    public const string RelationshipsContentType = "application/vnd.openxmlformats-package.relationships+xml";

    /// <summary>The namespace of relationship parts.</summary>
    public const string RelationshipsNs = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The prefix of the Office relationship types (<c>officeDocument</c>, <c>styles</c>, <c>worksheet</c>...).</summary>
    public const string OfficeRelationshipTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

    private const string CorePropertiesType = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties";

    private const string ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";

    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(string Name, byte[]? Bytes, Action<XmlWriter>? Write, CompressionLevel Level)> parts = [];

    private readonly SortedDictionary<string, string> defaults = new(StringComparer.Ordinal)
    {
        ["rels"] = RelationshipsContentType,
        ["xml"] = "application/xml",
    };

    private readonly List<(string Part, string ContentType)> overrides = [];

    /// <summary>
    /// The XML writer settings of every part: UTF-8 without a byte-order mark, no indentation, <c>\n</c> for a line
    /// break in text and a line break in an attribute value written as a character reference, so it reads back.
    /// </summary>
    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineChars = "\n",
        NewLineHandling = NewLineHandling.Replace,
        CheckCharacters = true,
        CloseOutput = false,
    };

    /// <summary>
    /// Adds a part. A content type makes an Override; null leaves the part to its extension's default
    /// (<c>.rels</c>, <c>.xml</c>). Parts that are compressed already (pictures) are stored, not deflated again.
    /// </summary>
    public void Add(string name, string? contentType, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(bytes);
        var level = contentType?.StartsWith("image/", StringComparison.Ordinal) == true ? CompressionLevel.NoCompression : compression;
        parts.Add((name, bytes, null, level));
        Override(name, contentType);
    }

    /// <summary>
    /// Adds an XML part written straight into the zip when the package is made (the XML declaration is written
    /// around <paramref name="write"/>): a large part then never sits in memory whole, uncompressed, and copied.
    /// </summary>
    public void Add(string name, string? contentType, Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(write);
        parts.Add((name, null, write, compression));
        Override(name, contentType);
    }

    /// <summary>
    /// Adds the package's own relationships (<c>_rels/.rels</c>): the main document, and the core and extended
    /// properties, which the caller adds as <c>docProps/core.xml</c> and <c>docProps/app.xml</c>.
    /// </summary>
    public void AddPackageRelationships(string mainDocument) => Add("_rels/.rels", null, Relationships(
    [
        ("rId1", OfficeRelationshipTypes + "officeDocument", mainDocument),
        ("rId2", CorePropertiesType, "docProps/core.xml"),
        ("rId3", OfficeRelationshipTypes + "extended-properties", "docProps/app.xml"),
    ]));

    /// <summary>A relationships part (<c>*.rels</c>) of internal targets.</summary>
    public static byte[] Relationships(IEnumerable<(string Id, string Type, string Target)> relationships) => Xml(w =>
    {
        w.WriteStartElement("Relationships", RelationshipsNs);
        foreach (var (id, type, target) in relationships)
        {
            w.WriteStartElement("Relationship", RelationshipsNs);
            w.WriteAttributeString("Id", id);
            w.WriteAttributeString("Type", type);
            w.WriteAttributeString("Target", target);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    });

    /// <summary>An XML part's bytes: the XML declaration (standalone), then what <paramref name="write"/> writes.</summary>
    public static byte[] Xml(Action<XmlWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        WriteXml(stream, write);
        return stream.ToArray();
    }

    /// <summary>The package's bytes.</summary>
    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            Entry(zip, "[Content_Types].xml", compression, output => WriteXml(output, ContentTypes));
            foreach (var (name, bytes, write, level) in parts)
            {
                Entry(zip, name, level, output =>
                {
                    if (bytes is not null)
                    {
                        output.Write(bytes);
                    }
                    else
                    {
                        WriteXml(output, write!);
                    }
                });
            }
        }

        return stream.ToArray();
    }

    private static void WriteXml(Stream output, Action<XmlWriter> write)
    {
        using var writer = XmlWriter.Create(output, XmlSettings);
        writer.WriteStartDocument(standalone: true);
        write(writer);
        writer.WriteEndDocument();
    }

    private static void Entry(ZipArchive zip, string name, CompressionLevel level, Action<Stream> write)
    {
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = FixedTime;
        using var output = entry.Open();
        write(output);
    }

    private void Override(string name, string? contentType)
    {
        if (contentType is not null)
        {
            overrides.Add(("/" + name, contentType));
        }
    }

    private void ContentTypes(XmlWriter w)
    {
        w.WriteStartElement("Types", ContentTypesNs);
        foreach (var (extension, type) in defaults)
        {
            w.WriteStartElement("Default", ContentTypesNs);
            w.WriteAttributeString("Extension", extension);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        foreach (var (part, type) in overrides)
        {
            w.WriteStartElement("Override", ContentTypesNs);
            w.WriteAttributeString("PartName", part);
            w.WriteAttributeString("ContentType", type);
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }
}
