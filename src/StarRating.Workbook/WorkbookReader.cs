using System.Security.Cryptography;
using StarRating.Rules;
using StarRating.Rules.Documents;
using StarRating.Workbook.Layout;
using StarRating.Workbook.Xlsx;

namespace StarRating.Workbook;

/// <summary>
/// Reads an audit workbook (.xlsx) into the document tree the YAML and JSON front ends build, every value marked
/// with its sheet and cell, so that the evidence loader and the engine apply the very same rules and codes and
/// every diagnostic reads <c>audit.xlsx(检查项!F12): error SR3007: …</c>. Sheets are found by their hidden role
/// names (or their names in either language), columns by their hidden keys (or their headers), rows by the id
/// in them, so re-sorted or hidden rows, moved sheets and extra columns are fine; an empty input cell means "not
/// assessed". Hostile files are refused by <see cref="WorkbookLimits"/> before they cost time or memory. Never
/// throws for bad input; thread-safe.
/// </summary>
public sealed class WorkbookReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="rubric">The rubric in use: it tells indicator rows from item rows.</param>
    /// <param name="limits">Package and sheet limits; <see cref="WorkbookLimits.Default"/> when null.</param>
    /// <param name="inputLimits">Value limits shared with YAML evidence; <see cref="InputLimits.Default"/> when null.</param>
    public WorkbookReader(Rubric rubric, WorkbookLimits? limits = null, InputLimits? inputLimits = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        Rubric = rubric;
        Limits = limits ?? WorkbookLimits.Default;
        InputLimits = inputLimits ?? InputLimits.Default;
    }

    /// <summary>The rubric in use.</summary>
    public Rubric Rubric { get; }

    /// <summary>The package and sheet limits in force.</summary>
    public WorkbookLimits Limits { get; }

    /// <summary>The value limits in force.</summary>
    public InputLimits InputLimits { get; }

    /// <summary>Reads a workbook file.</summary>
    /// <param name="path">The path; diagnostics name it as given.</param>
    public DocumentTree ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var whole = SourceLocation.WholeFile(path);
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return Failed(path, DiagnosticCatalog.FileUnreadable.Create(whole, ("reason", new Message("diagnostic.reason.folder"))));
            }

            if (!info.Exists)
            {
                return Failed(path, DiagnosticCatalog.FileNotFound.Create(whole));
            }

            var read = Rules.Files.BoundedFile.Read(path, Limits.MaxFileBytes);
            if (read.TooLarge)
            {
                return Failed(path, WorkbookDiagnostics.WorkbookFileTooLarge.Create(whole, ("size", read.Size), ("limit", Limits.MaxFileBytes)));
            }

            return Read(read.Bytes, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            var reason = ex is UnauthorizedAccessException ? new Message("diagnostic.reason.permission_denied") : new Message("diagnostic.workbook.open_failed");
            return Failed(path, DiagnosticCatalog.FileUnreadable.Create(whole, ("reason", reason)));
        }
    }

    /// <summary>Reads workbook bytes.</summary>
    /// <param name="bytes">The .xlsx file's bytes.</param>
    /// <param name="sourceName">The name diagnostics use (an <c>.xlsm</c> name is refused as macro-enabled).</param>
    public DocumentTree Read(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var diagnostics = new List<Diagnostic>();
        using var package = PackageReader.Open(bytes, sourceName, Limits, diagnostics);
        if (package is null)
        {
            return new DocumentTree(sourceName, null, sha256, diagnostics);
        }

        var parts = WorkbookParts.Open(package, sourceName, Limits);
        var root = parts is null ? null : EvidenceTree.Build(package, parts, Rubric, Limits, InputLimits);
        // Cell-level errors keep the tree: the evidence checks still run, so every problem is reported at once.
        return new DocumentTree(sourceName, root, sha256, diagnostics);
    }

    private static DocumentTree Failed(string file, Diagnostic diagnostic) => new(file, null, "", [diagnostic]);
}
