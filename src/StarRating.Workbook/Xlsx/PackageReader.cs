using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;
using StarRating.Rules;

namespace StarRating.Workbook.Xlsx;

/// <summary>Thrown inside the reader when a limit is reached; the diagnostic is already reported.</summary>
internal sealed class WorkbookRefusedException : Exception
{
    public WorkbookRefusedException()
    {
    }

    public WorkbookRefusedException(string message)
        : base(message)
    {
    }

    public WorkbookRefusedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Opens an .xlsx package safely: refuses what is not a ZIP package, macro-enabled and encrypted workbooks, too
/// many parts, parts that declare more bytes than allowed or are compressed like a bomb — all before anything is
/// unpacked — and then unpacks only the parts asked for, through a stream that stops at the declared size and the
/// total budget. XML is read without DTDs, entities or external resources.
/// </summary>
internal sealed class PackageReader : IDisposable
{
    private const int RatioThreshold = 1024 * 1024;
    private readonly ZipArchive zip;
    private readonly Dictionary<string, ZipArchiveEntry> entries;
    private readonly WorkbookLimits limits;
    private long unpacked;

    private PackageReader(ZipArchive zip, Dictionary<string, ZipArchiveEntry> entries, string file, WorkbookLimits limits, List<Diagnostic> diagnostics)
    {
        this.zip = zip;
        this.entries = entries;
        File = file;
        this.limits = limits;
        Diagnostics = diagnostics;
    }

    public string File { get; }

    public List<Diagnostic> Diagnostics { get; }

    public static PackageReader? Open(byte[] bytes, string file, WorkbookLimits limits, List<Diagnostic> diagnostics)
    {
        var whole = SourceLocation.WholeFile(file);
        if (bytes.Length > limits.MaxFileBytes)
        {
            diagnostics.Add(WorkbookDiagnostics.WorkbookFileTooLarge.Create(whole, ("size", bytes.Length), ("limit", limits.MaxFileBytes)));
            return null;
        }

        if (bytes.Length >= 8 && bytes[0] == 0xD0 && bytes[1] == 0xCF && bytes[2] == 0x11 && bytes[3] == 0xE0)
        {
            diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.encrypted"))));
            return null;
        }

        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
        {
            diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.not_zip"))));
            return null;
        }

        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.zip_damaged"))));
            return null;
        }

        try
        {
            var count = zip.Entries.Count;
            if (count > limits.MaxParts)
            {
                diagnostics.Add(WorkbookDiagnostics.WorkbookTooManyParts.Create(whole, ("count", count), ("what", new Message("diagnostic.workbook.parts")), ("limit", limits.MaxParts)));
                zip.Dispose();
                return null;
            }

            var entries = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUnpackedBytes)
                {
                    diagnostics.Add(WorkbookDiagnostics.WorkbookTooLarge.Create(whole, ("limit", limits.MaxUnpackedBytes)));
                    zip.Dispose();
                    return null;
                }

                if (entry.Length > RatioThreshold && entry.Length / Math.Max(1, entry.CompressedLength) > limits.MaxCompressionRatio)
                {
                    diagnostics.Add(WorkbookDiagnostics.WorkbookCompressionRatio.Create(whole, ("part", entry.FullName), ("limit", limits.MaxCompressionRatio)));
                    zip.Dispose();
                    return null;
                }

                entries.TryAdd(entry.FullName.TrimStart('/'), entry);
            }

            return new PackageReader(zip, entries, file, limits, diagnostics);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.zip_damaged"))));
            zip.Dispose();
            return null;
        }
    }

    public bool Has(string part) => entries.ContainsKey(part);

    public IEnumerable<string> Parts => entries.Keys;

    /// <summary>
    /// Reads a part with <paramref name="read"/>; returns false (diagnostic reported) when the part is missing and
    /// required, is not well-formed, declares a DTD, or breaks a limit.
    /// </summary>
    public bool Read(string part, Action<XmlReader> read, bool required = true)
    {
        var whole = SourceLocation.WholeFile(File);
        if (!entries.TryGetValue(part, out var entry))
        {
            if (required)
            {
                Diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.part_missing", ("part", part)))));
            }

            return false;
        }

        try
        {
            using var raw = entry.Open();
            using var bounded = new BoundedStream(raw, entry.Length, this);
            var prolog = new byte[1024];
            var length = bounded.ReadAtLeast(prolog, prolog.Length, throwOnEndOfStream: false);
            if (Contains(prolog.AsSpan(0, length), "<!DOCTYPE"u8) || Contains(prolog.AsSpan(0, length), "<!ENTITY"u8))
            {
                Diagnostics.Add(WorkbookDiagnostics.WorkbookDtd.Create(whole, ("part", part)));
                return false;
            }

            using var stream = new PrologStream(prolog, length, bounded);
            using var xml = XmlReader.Create(stream, Settings);
            read(xml);
            return true;
        }
        catch (XmlException ex)
        {
            var where = ex.LineNumber > 0 ? new Message("diagnostic.workbook.xml_at", ("line", ex.LineNumber), ("position", ex.LinePosition)) : new Message("diagnostic.workbook.xml_start");
            Diagnostics.Add(WorkbookDiagnostics.WorkbookXml.Create(whole, ("part", part), ("detail", where)));
            return false;
        }
        catch (InvalidDataException)
        {
            Diagnostics.Add(WorkbookDiagnostics.NotAWorkbook.Create(whole, ("reason", new Message("diagnostic.workbook.part_unpack", ("part", part)))));
            return false;
        }
        catch (WorkbookRefusedException)
        {
            return false;
        }
    }

    /// <summary>The relationships of a part: id → (type, target part or address, external).</summary>
    public Dictionary<string, (string Type, string Target, bool External)> Relationships(string part)
    {
        var folder = part.Contains('/', StringComparison.Ordinal) ? part[..part.LastIndexOf('/')] : "";
        var relsPart = (folder.Length == 0 ? "" : folder + "/") + "_rels/" + part[(part.LastIndexOf('/') + 1)..] + ".rels";
        var relationships = new Dictionary<string, (string, string, bool)>(StringComparer.Ordinal);
        Read(relsPart, x =>
        {
            while (x.Read())
            {
                if (x.NodeType == XmlNodeType.Element && x.LocalName == "Relationship")
                {
                    var external = string.Equals(x.GetAttribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase);
                    var target = x.GetAttribute("Target") ?? "";
                    relationships.TryAdd(x.GetAttribute("Id") ?? "", (x.GetAttribute("Type") ?? "", external ? target : Resolve(folder, target), external));
                }
            }
        }, required: false);
        return relationships;
    }

    public void Dispose() => zip.Dispose();

    /// <summary>A relationship target relative to <paramref name="folder"/>, as a part name without a leading '/'.</summary>
    public static string Resolve(string folder, string target)
    {
        var path = target.StartsWith('/') ? target[1..] : (folder.Length == 0 ? target : folder + "/" + target);
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (segment is not ("." or ""))
            {
                parts.Add(segment);
            }
        }

        return string.Join('/', parts);
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        MaxCharactersFromEntities = 0,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = false,
        CloseInput = false,
    };

    private static bool Contains(ReadOnlySpan<byte> text, ReadOnlySpan<byte> what) => text.IndexOf(what) >= 0;

    private void Count(int bytes)
    {
        unpacked += bytes;
        if (unpacked > limits.MaxUnpackedBytes)
        {
            Diagnostics.Add(WorkbookDiagnostics.WorkbookTooLarge.Create(SourceLocation.WholeFile(File), ("limit", limits.MaxUnpackedBytes)));
            throw new WorkbookRefusedException();
        }
    }

    /// <summary>Unpacks no more than the entry declares, and no more than the package's budget.</summary>
    private sealed class BoundedStream(Stream inner, long declared, PackageReader owner) : Stream
    {
        private long read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => read;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            read += n;
            if (read > declared)
            {
                // The ZIP directory said less: a lying header is how bombs get past size checks.
                owner.Diagnostics.Add(WorkbookDiagnostics.WorkbookTooLarge.Create(SourceLocation.WholeFile(owner.File), ("limit", owner.limits.MaxUnpackedBytes)));
                throw new WorkbookRefusedException();
            }

            owner.Count(n);
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>The bytes already read to look for a DTD, followed by the rest of the part.</summary>
    private sealed class PrologStream(byte[] prolog, int length, Stream rest) : Stream
    {
        private int position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (position < length)
            {
                var n = Math.Min(buffer.Length, length - position);
                prolog.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }

            return rest.Read(buffer);
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Text of a SpreadsheetML string: the <c>_xHHHH_</c> escapes turned back into characters.</summary>
internal static class XlsxText
{
    public static string Unescape(string text)
    {
        if (!text.Contains("_x", StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '_' && i + 6 < text.Length && text[i + 1] == 'x' && text[i + 6] == '_'
                && int.TryParse(text.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }
}
