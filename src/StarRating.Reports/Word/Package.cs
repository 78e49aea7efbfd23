using System.IO.Compression;
using System.Text;
using System.Xml;

namespace StarRating.Reports.Word;

/// <summary>
/// Writes an Open Packaging Conventions package (the zip of a .docx) deterministically: parts in the order added,
/// one fixed timestamp (1980-01-01, the earliest a zip can hold), no extra fields, so the same parts always give the
/// same bytes. The content-types part is written first, as Office expects.
/// </summary>
internal sealed class Package
{
    private static readonly DateTimeOffset FixedTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly List<(string Name, byte[]? Bytes, Action<XmlWriter>? Write)> parts = [];
    private readonly SortedDictionary<string, string> defaults = new(StringComparer.Ordinal)
    {
        ["rels"] = "application/vnd.openxmlformats-package.relationships+xml",
        ["xml"] = "application/xml",
    };

    private readonly List<(string Part, string ContentType)> overrides = [];

    /// <summary>The XML writer settings of every part: UTF-8 without a byte-order mark, no indentation.</summary>
    public static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = false,
        NewLineHandling = NewLineHandling.None,
        CheckCharacters = true,
        CloseOutput = false,
    };

    /// <summary>Adds a part with an explicit content type (an Override).</summary>
    public void Add(string name, string contentType, byte[] bytes)
    {
        parts.Add((name, bytes, null));
        overrides.Add(("/" + name, contentType));
    }

    /// <summary>
    /// Adds an XML part written straight into the zip when the package is made: a large part (the document body,
    /// hundreds of kilobytes) then never sits in memory whole, uncompressed, and copied.
    /// </summary>
    public void Add(string name, string contentType, Action<XmlWriter> write)
    {
        parts.Add((name, null, write));
        overrides.Add(("/" + name, contentType));
    }

    /// <summary>Writes a part with an <see cref="XmlWriter"/>.</summary>
    public static byte[] Xml(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, XmlSettings))
        {
            writer.WriteStartDocument(standalone: true);
            write(writer);
            writer.WriteEndDocument();
        }

        return stream.ToArray();
    }

    public byte[] ToBytes()
    {
        var contentTypes = Xml(w =>
        {
            const string ns = "http://schemas.openxmlformats.org/package/2006/content-types";
            w.WriteStartElement("Types", ns);
            foreach (var (extension, type) in defaults)
            {
                w.WriteStartElement("Default", ns);
                w.WriteAttributeString("Extension", extension);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }

            foreach (var (part, type) in overrides)
            {
                w.WriteStartElement("Override", ns);
                w.WriteAttributeString("PartName", part);
                w.WriteAttributeString("ContentType", type);
                w.WriteEndElement();
            }

            w.WriteEndElement();
        });

        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, Encoding.UTF8))
        {
            Write(zip, "[Content_Types].xml", contentTypes);
            foreach (var (name, bytes, write) in parts)
            {
                if (bytes is not null)
                {
                    Write(zip, name, bytes);
                    continue;
                }

                var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
                entry.LastWriteTime = FixedTime;
                using var output = entry.Open();
                using var writer = XmlWriter.Create(output, XmlSettings);
                writer.WriteStartDocument(standalone: true);
                write!(writer);
                writer.WriteEndDocument();
            }
        }

        return stream.ToArray();
    }

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        // Pictures are compressed already; deflating them again costs time for nothing.
        var level = name.StartsWith("word/media/", StringComparison.Ordinal) ? CompressionLevel.NoCompression : CompressionLevel.Fastest;
        var entry = zip.CreateEntry(name, level);
        entry.LastWriteTime = FixedTime;
        using var output = entry.Open();
        output.Write(bytes);
    }
}
