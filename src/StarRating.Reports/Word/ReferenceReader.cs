using StarRating.Rules;
using System.IO.Compression;
using System.Xml;
using System.Xml.Linq;

namespace StarRating.Reports.Word;

/// <summary>What a Word report takes from a reference document.</summary>
/// <param name="Styles">The styles part, or null when it has none.</param>
/// <param name="Theme">The theme part (theme fonts and colours), or null.</param>
/// <param name="Numbering">The numbering part (numbered headings), or null.</param>
/// <param name="SectionProperties">The body's section properties: page size, margins, columns, title page, grid.</param>
/// <param name="EvenAndOddHeaders">True when the document has different headers on even pages.</param>
/// <param name="Headers">Its headers, by type (default, first, even).</param>
/// <param name="Footers">Its footers, by type.</param>
internal sealed record ReferenceParts(
    XDocument? Styles,
    byte[]? Theme,
    byte[]? Numbering,
    XElement? SectionProperties,
    bool EvenAndOddHeaders,
    IReadOnlyList<HeaderFooterPart> Headers,
    IReadOnlyList<HeaderFooterPart> Footers);

/// <summary>A header or footer of the reference document with the parts it refers to (pictures...).</summary>
internal sealed record HeaderFooterPart(string Type, XDocument Xml, IReadOnlyList<RelatedPart> Related);

/// <summary>A relationship of a copied part: an external target, or a part (with its own relationships) to copy along.</summary>
internal sealed record RelatedPart(string Id, string Type, string Target, bool External, string? FileName, string? ContentType, byte[]? Bytes, IReadOnlyList<RelatedPart> Related);

/// <summary>
/// Reads a .docx package defensively: parts are found through relationships only (never by guessing paths),
/// targets that leave the package are refused, every part's unpacked size counts against
/// <see cref="ReferenceDocument.MaxUnpackedBytes"/>, and XML is read without DTDs or external resources.
/// </summary>
internal static class ReferenceReader
{
    private const string RelNs = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    private static readonly XNamespace W = DocxStyles.W;
    private static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private static readonly XmlReaderSettings XmlSettings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersInDocument = ReferenceDocument.MaxUnpackedBytes,
    };

    public sealed class InvalidException(Message reason) : Exception(reason.Key)
    {
        /// <summary>Why, in words of the vocabulary.</summary>
        public Message Reason { get; } = reason;
    }

    public sealed class TooLargeException(long size) : Exception("too large")
    {
        public long Size { get; } = size;
    }

    public static ReferenceParts Read(ZipArchive zip)
    {
        var budget = new Budget();
        var types = ContentTypes(zip, budget);
        var main = Relationships(zip, string.Empty, budget)
            .FirstOrDefault(r => r.Type == OfficeRel + "officeDocument" && !r.External)
            ?? throw new InvalidException(new Message("diagnostic.word.no_main_document"));
        var mainPath = main.Target;
        var document = XmlPart(zip, mainPath, budget) ?? throw new InvalidException(new Message("diagnostic.word.main_document_missing", ("path", mainPath)));
        if (document.Root?.Name != W + "document")
        {
            throw new InvalidException(new Message("diagnostic.word.not_wordprocessing"));
        }

        var relationships = Relationships(zip, mainPath, budget);
        RelationshipTarget? Find(string type) => relationships.FirstOrDefault(r => r.Type == OfficeRel + type && !r.External);

        var styles = Find("styles") is { } s ? XmlPart(zip, s.Target, budget) : null;
        // Theme and numbering travel as they are, so only when they refer to no other part.
        var theme = Find("theme") is { } t && Relationships(zip, t.Target, budget).Count == 0 ? Bytes(zip, t.Target, budget) : null;
        byte[]? numbering = null;
        if (Find("numbering") is { } n && Relationships(zip, n.Target, budget).Count == 0)
        {
            numbering = Bytes(zip, n.Target, budget);
        }

        var settings = Find("settings") is { } st ? XmlPart(zip, st.Target, budget) : null;
        var evenAndOdd = settings?.Root?.Element(W + "evenAndOddHeaders") is { } eo && eo.Attribute(W + "val")?.Value is null or "1" or "true" or "on";

        var sectPr = document.Root.Element(W + "body")?.Elements(W + "sectPr").LastOrDefault();
        var headers = new List<HeaderFooterPart>();
        var footers = new List<HeaderFooterPart>();
        foreach (var reference in sectPr?.Elements().Where(e => e.Name == W + "headerReference" || e.Name == W + "footerReference") ?? [])
        {
            var isHeader = reference.Name == W + "headerReference";
            var type = reference.Attribute(W + "type")?.Value ?? "default";
            var id = reference.Attribute(R + "id")?.Value;
            var target = relationships.FirstOrDefault(r => r.Id == id && !r.External);
            if (target is null || type is not ("default" or "first" or "even"))
            {
                continue;
            }

            var xml = XmlPart(zip, target.Target, budget);
            if (xml?.Root is null || xml.Root.Name != W + (isHeader ? "hdr" : "ftr"))
            {
                continue;
            }

            var part = new HeaderFooterPart(type, xml, Related(zip, target.Target, types, budget, depth: 0));
            (isHeader ? headers : footers).Add(part);
        }

        return new ReferenceParts(styles, theme, numbering, sectPr is null ? null : new XElement(sectPr), evenAndOdd, headers, footers);
    }

    /// <summary>The relationships of a part and, for each internal one, the part's bytes and its own relationships (three levels at most).</summary>
    private static List<RelatedPart> Related(ZipArchive zip, string partPath, ContentTypeMap types, Budget budget, int depth)
    {
        var list = new List<RelatedPart>();
        foreach (var r in Relationships(zip, partPath, budget))
        {
            if (r.External)
            {
                list.Add(new RelatedPart(r.Id, r.Type, r.Target, true, null, null, null, []));
                continue;
            }

            var bytes = Bytes(zip, r.Target, budget);
            if (bytes is null || depth >= 2)
            {
                throw new InvalidException(new Message("diagnostic.word.target_missing", ("part", partPath), ("target", r.Target)));
            }

            list.Add(new RelatedPart(r.Id, r.Type, r.Target, false, Path.GetFileName(r.Target), types.Of(r.Target), bytes, Related(zip, r.Target, types, budget, depth + 1)));
        }

        return list;
    }

    private sealed record RelationshipTarget(string Id, string Type, string Target, bool External);

    private static List<RelationshipTarget> Relationships(ZipArchive zip, string partPath, Budget budget)
    {
        var folder = partPath.Length == 0 ? string.Empty : partPath[..(partPath.LastIndexOf('/') + 1)];
        var relsPath = folder + "_rels/" + (partPath.Length == 0 ? string.Empty : partPath[(partPath.LastIndexOf('/') + 1)..]) + ".rels";
        var rels = XmlPart(zip, relsPath, budget);
        var list = new List<RelationshipTarget>();
        foreach (var r in rels?.Root?.Elements(XName.Get("Relationship", RelNs)) ?? [])
        {
            var id = r.Attribute("Id")?.Value;
            var type = r.Attribute("Type")?.Value;
            var target = r.Attribute("Target")?.Value;
            if (id is null || type is null || target is null)
            {
                continue;
            }

            var external = r.Attribute("TargetMode")?.Value == "External";
            list.Add(new RelationshipTarget(id, type, external ? target : Resolve(folder, target), external));
        }

        return list;
    }

    /// <summary>A target relative to a part's folder, as a package path; a target that leaves the package is refused.</summary>
    private static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var segments = new List<string>();
        foreach (var segment in Uri.UnescapeDataString(path).Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count == 0)
                {
                    throw new InvalidException(new Message("diagnostic.word.outside_package", ("target", target)));
                }

                segments.RemoveAt(segments.Count - 1);
                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    private static byte[]? Bytes(ZipArchive zip, string path, Budget budget)
    {
        var entry = Entry(zip, path);
        if (entry is null)
        {
            return null;
        }

        budget.Take(entry.Length);
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            // The size in the zip's directory can lie: count what really comes out.
            if (copy.Length + read > entry.Length)
            {
                budget.Take(read);
            }

            copy.Write(buffer, 0, read);
        }

        return copy.ToArray();
    }

    private static XDocument? XmlPart(ZipArchive zip, string path, Budget budget)
    {
        var bytes = Bytes(zip, path, budget);
        if (bytes is null)
        {
            return null;
        }

        using var reader = XmlReader.Create(new MemoryStream(bytes), XmlSettings);
        return XDocument.Load(reader, LoadOptions.None);
    }

    private static ContentTypeMap ContentTypes(ZipArchive zip, Budget budget)
    {
        var xml = XmlPart(zip, "[Content_Types].xml", budget) ?? throw new InvalidException(new Message("diagnostic.word.no_content_types"));
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var overrides = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var d in xml.Root?.Elements(ns + "Default") ?? [])
        {
            if (d.Attribute("Extension")?.Value is { } e && d.Attribute("ContentType")?.Value is { } t)
            {
                defaults[e] = t;
            }
        }

        foreach (var o in xml.Root?.Elements(ns + "Override") ?? [])
        {
            if (o.Attribute("PartName")?.Value is { } p && o.Attribute("ContentType")?.Value is { } t)
            {
                overrides[p.TrimStart('/')] = t;
            }
        }

        return new ContentTypeMap(defaults, overrides);
    }

    private sealed record ContentTypeMap(Dictionary<string, string> Defaults, Dictionary<string, string> Overrides)
    {
        public string Of(string path) =>
            Overrides.TryGetValue(path, out var type) ? type
            : Defaults.TryGetValue(Path.GetExtension(path).TrimStart('.'), out type) ? type
            : "application/octet-stream";
    }

    private sealed class Budget
    {
        private long used;

        public void Take(long bytes)
        {
            used += bytes;
            if (used > ReferenceDocument.MaxUnpackedBytes)
            {
                throw new TooLargeException(used);
            }
        }
    }
}
