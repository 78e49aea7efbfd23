using System.IO.Compression;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook;

namespace StarRating.Fuzz;

/// <summary>
/// The workbook target. Mutating a whole .xlsx blindly mostly breaks its compression, so the input is one part of a
/// real workbook: the first byte picks the part (audit sheet, check items sheet, adjustments sheet, shared strings,
/// workbook part, content types), the rest replaces it in the filled workbook of sample 02; a first byte of 255
/// takes the rest as a whole file instead. The reader must answer with evidence or diagnostics, never an exception,
/// and evidence it reads must score, convert to YAML and read back the same.
/// </summary>
internal static partial class FuzzTargets
{
    /// <summary>The parts the first byte of a workbook input selects.</summary>
    public static readonly string[] WorkbookParts =
    [
        "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml", "xl/sharedStrings.xml",
        "xl/workbook.xml", "[Content_Types].xml",
    ];

    private static readonly Lazy<byte[]> WorkbookBase = new(() =>
    {
        using var stream = typeof(FuzzTargets).Assembly.GetManifestResourceStream("StarRating.Fuzz.sample.yaml")
            ?? File.OpenRead(Path.Combine(AppContext.BaseDirectory, "sample.yaml"));
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        var evidence = new EvidenceLoader().Parse(memory.ToArray(), "sample.yaml").GetValueOrThrow();
        return AuditWorkbook.FromEvidence(evidence, StarRating.Rules.Rubric.Default).Content;
    });

    /// <summary>The workbook an input stands for: a whole file, or the base workbook with one part replaced.</summary>
    public static byte[] WorkbookOf(byte[] data)
    {
        if (data.Length == 0 || data[0] == 255)
        {
            return data.Length == 0 ? data : data[1..];
        }

        var part = WorkbookParts[data[0] % WorkbookParts.Length];
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(WorkbookBase.Value)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var write = target.CreateEntry(entry.FullName, CompressionLevel.Fastest).Open();
                if (entry.FullName == part)
                {
                    write.Write(data, 1, data.Length - 1);
                }
                else
                {
                    using var read = entry.Open();
                    read.CopyTo(write);
                }
            }
        }

        return output.ToArray();
    }

    /// <summary>bytes → workbook → evidence tree → scored; evidence that reads converts to YAML and back unchanged.</summary>
    public static void Workbook(byte[] data)
    {
        var tree = new WorkbookReader(StarRating.Rules.Rubric.Default).Read(WorkbookOf(data), "fuzz.xlsx");
        var outcome = AuditEngine.Default.Score(tree);
        CheckDiagnostics(outcome, null, null);
        if (outcome.Value is not { } result)
        {
            return;
        }

        var yaml = EvidenceWriter.ToYaml(result.Evidence);
        var again = new EvidenceLoader().Parse(yaml, "fuzz.yaml");
        if (again.Value is not { } back || EvidenceWriter.ToYaml(back) != yaml)
        {
            throw new FuzzFindingException("evidence read from a workbook does not survive YAML: " + string.Join("; ", again.Diagnostics));
        }

        _ = AuditWorkbook.Scored(result);
    }

    private static string DescribeWorkbook(byte[] data)
    {
        var outcome = AuditEngine.Default.Score(new WorkbookReader(StarRating.Rules.Rubric.Default).Read(WorkbookOf(data), "fuzz.xlsx"));
        return string.Join(",", outcome.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal)) + (outcome.Succeeded ? " scored" : " failed");
    }
}
