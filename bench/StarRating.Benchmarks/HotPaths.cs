using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;
using YamlDotNet.Core;

namespace StarRating.Benchmarks;

/// <summary>
/// The per-audit hot paths of `starrating batch`, one file at a time on one thread: what each step costs, and
/// how the YAML floor (the parser alone) compares with reading the same file into evidence and scoring it.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Jobs))]
public class HotPaths
{
    private byte[] rubricBytes = [];
    private byte[] evidenceBytes = [];
    private string evidenceText = "";
    private AuditEngine engine = null!;
    private EvidenceLoader loader = null!;
    private AuditEvidence evidence = null!;
    private AuditResult result = null!;

    /// <summary>Two bundled samples: the largest (formal audit, 23 KB) and the mock audit with unassessed items (10 KB).</summary>
    [Params("01-five-star-appliance-maker.yaml", "06-mock-self-assessment.yaml")]
    public string File { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var root = Repository.Root();
        rubricBytes = System.IO.File.ReadAllBytes(Path.Combine(root, "rules", "gbt27922-2011.yaml"));
        evidenceBytes = System.IO.File.ReadAllBytes(Path.Combine(root, "samples", File));
        evidenceText = System.Text.Encoding.UTF8.GetString(evidenceBytes);
        engine = new AuditEngine(Rubric.Default);
        loader = new EvidenceLoader();
        evidence = loader.Parse(evidenceBytes, File).Value!;
        result = engine.Score(evidence).Value!;
        _ = ReportRenderer.Default.Render(result, ReportFormat.Html); // templates compiled once, outside the measurement
        _ = ReportRenderer.Default.Render(result, ReportFormat.Docx);
    }

    [Benchmark(Description = "rubric load (built-in rubric, 41 KB)")]
    public Rubric RubricLoad() => new RubricLoader().Parse(rubricBytes, "gbt27922-2011.yaml").Value!;

    [Benchmark(Baseline = true, Description = "floor: YamlDotNet events only")]
    public int YamlFloor()
    {
        var parser = new Parser(new Scanner(new StringReader(evidenceText), skipComments: true));
        var count = 0;
        while (parser.MoveNext())
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "evidence parse (bytes → AuditEvidence)")]
    public AuditEvidence EvidenceParse() => loader.Parse(evidenceBytes, File).Value!;

    [Benchmark(Description = "score (AuditEvidence → AuditResult)")]
    public AuditResult Score() => engine.Score(evidence).Value!;

    [Benchmark(Description = "parse + score (bytes → AuditResult)")]
    public AuditResult ParseAndScore() => engine.Score(evidenceBytes, File).Value!;

    [Benchmark(Description = "render Markdown")]
    public string RenderMarkdown() => ReportRenderer.Default.Render(result, ReportFormat.Markdown).Value!.Content;

    [Benchmark(Description = "render HTML")]
    public string RenderHtml() => ReportRenderer.Default.Render(result, ReportFormat.Html).Value!.Content;

    [Benchmark(Description = "render JSON")]
    public string RenderJson() => ReportRenderer.Default.Render(result, ReportFormat.Json).Value!.Content;

    /// <summary>The Word report: template → markup → checked model → WordprocessingML, charts, zip (target: 10 ms).</summary>
    [Benchmark(Description = "render DOCX")]
    public ReadOnlyMemory<byte> RenderDocx() => ReportRenderer.Default.Render(result, ReportFormat.Docx).Value!.Bytes;

    [Benchmark(Description = "render NC forms (DOCX)")]
    public ReadOnlyMemory<byte> RenderNcrDocx() => ReportRenderer.Default.RenderNonconformities(result, ReportFormat.Docx).Value!.Bytes;
}

/// <summary>
/// Two runtimes: a library user's defaults, and the runtime settings `starrating` ships with (see
/// src/StarRating.Cli/StarRating.Cli.csproj: tiered PGO off, 1 MiB large-object threshold).
/// </summary>
internal sealed class Jobs : ManualConfig
{
    public Jobs()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("library"));
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithId("cli")
            .WithEnvironmentVariables(new EnvironmentVariable("DOTNET_TieredPGO", "0"), new EnvironmentVariable("DOTNET_GCLOHThreshold", "0x100000")));
    }
}

internal static class Repository
{
    /// <summary>The repository root: BenchmarkDotNet runs the benchmarks from a generated folder under bin/.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(Path.Combine(dir.FullName, "StarRating.sln")))
            {
                return dir.FullName;
            }
        }

        return Environment.GetEnvironmentVariable("STARRATING_ROOT") ?? throw new InvalidOperationException("repository root not found; set STARRATING_ROOT");
    }
}
