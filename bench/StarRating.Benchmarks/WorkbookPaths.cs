using BenchmarkDotNet.Attributes;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook;

namespace StarRating.Benchmarks;

/// <summary>
/// The audit workbook (docs/workbook.md), warm, on one thread: reading a filled 54-item workbook into evidence and
/// scoring it, and writing the scored workbook. Goal: each within 20 ms.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Jobs))]
public class WorkbookPaths
{
    private byte[] filled = [];
    private WorkbookReader reader = null!;
    private AuditResult result = null!;

    /// <summary>The largest sample (formal audit, every item with evidence and notes) and the mock audit.</summary>
    [Params("01-five-star-appliance-maker.yaml", "06-mock-self-assessment.yaml")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var evidence = new EvidenceLoader().LoadFile(Path.Combine(Repository.Root(), "samples", File)).Value!;
        filled = AuditWorkbook.FromEvidence(evidence, Rubric.Default).Content;
        reader = new WorkbookReader(Rubric.Default);
        result = AuditEngine.Default.Score(evidence).Value!;
    }

    [Benchmark(Description = "read a filled workbook (bytes → evidence tree)")]
    public object Read() => reader.Read(filled, "audit.xlsx").Root!;

    [Benchmark(Description = "read + score a filled workbook (bytes → AuditResult)")]
    public AuditResult ReadAndScore() => AuditEngine.Default.Score(reader.Read(filled, "audit.xlsx")).Value!;

    [Benchmark(Description = "write the scored workbook (AuditResult → .xlsx bytes)")]
    public byte[] WriteScored() => AuditWorkbook.Scored(result).Content;

    [Benchmark(Description = "write the blank checklist")]
    public byte[] WriteChecklist() => AuditWorkbook.Checklist(Rubric.Default);
}
