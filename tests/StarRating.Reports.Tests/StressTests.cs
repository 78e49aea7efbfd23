using System.Collections.Concurrent;
using System.Text;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// One loaded rubric, one engine and one renderer shared by many threads, each scoring evidence from bytes and
/// rendering every format and language: the output must equal a serial run byte for byte.
/// </summary>
public sealed class StressTests
{
    private static readonly Rubric SharedRubric = Rubric.Load(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml")).GetValueOrThrow();

    private static string Pipeline(AuditEngine engine, ReportRenderer renderer, string name, byte[] evidence)
    {
        var result = engine.Score(evidence, name).GetValueOrThrow();
        var gap = AuditEngine.AnalyzeGap(result);
        var text = new StringBuilder();
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html, ReportFormat.Json })
            {
                text.Append(renderer.Render(result, format, language).GetValueOrThrow().Content);
                text.Append(renderer.RenderGap(gap, format, language).GetValueOrThrow().Content);
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Sixteen_threads_scoring_and_rendering_match_a_serial_run()
    {
        // One shared engine per rubric: the samples name GB/T 27922 or GB/T 27925.
        var engines = new Dictionary<string, AuditEngine>(StringComparer.Ordinal)
        {
            [SharedRubric.Id] = new AuditEngine(SharedRubric),
            ["gbt27925-2011"] = new AuditEngine(Rubric.BuiltIn("gbt27925-2011")!),
        };
        var renderer = ReportRenderer.Default;
        var inputs = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(f => (Name: f, Bytes: File.ReadAllBytes(f))) // the path, so that a surveillance sample finds the audit it names in previous:
            .ToArray();
        inputs.Should().HaveCountGreaterThanOrEqualTo(6);
        AuditEngine EngineFor(byte[] bytes) => engines[Encoding.UTF8.GetString(bytes).Contains("rubric: gbt27925-2011", StringComparison.Ordinal) ? "gbt27925-2011" : SharedRubric.Id];
        var serial = inputs.Select(i => Pipeline(EngineFor(i.Bytes), renderer, i.Name, i.Bytes)).ToArray();

        var mismatches = new ConcurrentBag<string>();
        var threads = Enumerable.Range(0, 16).Select(t => new Thread(() =>
        {
            for (var round = 0; round < 1; round++)
            {
                for (var k = 0; k < inputs.Length; k++)
                {
                    var index = (k + t) % inputs.Length;
                    if (Pipeline(EngineFor(inputs[index].Bytes), renderer, inputs[index].Name, inputs[index].Bytes) != serial[index])
                    {
                        mismatches.Add($"thread {t} round {round} {inputs[index].Name}");
                    }
                }
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }

        mismatches.Should().BeEmpty();
    }
}
