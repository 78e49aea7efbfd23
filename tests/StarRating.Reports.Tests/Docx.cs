using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>Helpers for Word documents in tests: the Open XML SDK's validator and reading parts back.</summary>
internal static class Docx
{
    /// <summary>Every validation error of a package, one line each (part, path, description); empty when valid.</summary>
    public static IReadOnlyList<string> Errors(ReadOnlyMemory<byte> package)
    {
        using var stream = new MemoryStream(package.ToArray());
        using var document = WordprocessingDocument.Open(stream, false);
        var validator = new OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToArray();
    }

    /// <summary>The text of a part of the package.</summary>
    public static string Part(ReadOnlyMemory<byte> package, string name)
    {
        using var zip = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException(name + " is not in the package: " + string.Join(", ", zip.Entries.Select(e => e.FullName)));
        using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The names of the package's parts, in zip order.</summary>
    public static IReadOnlyList<string> PartNames(ReadOnlyMemory<byte> package)
    {
        using var zip = new ZipArchive(new MemoryStream(package.ToArray()), ZipArchiveMode.Read);
        return zip.Entries.Select(e => e.FullName).ToArray();
    }

    public static RenderedReport Report(AuditResult result, Language language = default, ReportRenderer? renderer = null)
    {
        var rendered = (renderer ?? ReportRenderer.Default).Render(result, ReportFormat.Docx, language);
        rendered.Diagnostics.Should().BeEmpty();
        return rendered.Value!;
    }
}
