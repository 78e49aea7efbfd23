using System.Text.RegularExpressions;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Fuzz;

/// <summary>
/// The fuzz targets, as plain functions of the input bytes. Every input is fine as long as the library answers it
/// with a result or with diagnostics; an exception, a failure without an error diagnostic or a malformed diagnostic
/// is a finding (<see cref="FuzzFindingException"/> or whatever escaped). No SharpFuzz here: the regression tests
/// compile this file and run the kept inputs through exactly these checks.
/// </summary>
internal static partial class FuzzTargets
{
    /// <summary>The targets by name, as <c>fuzz/run.sh</c> and the tests call them.</summary>
    public static readonly IReadOnlyList<string> Names = ["rubric", "evidence", "template", "workbook"];

    /// <summary>The names the inputs are read under: each input goes through both front ends.</summary>
    private static readonly string[] SourceNames = ["fuzz.yaml", "fuzz.json"];

    /// <summary>
    /// Limits for user templates under the fuzzer: a shorter time limit than the default, so that a render that
    /// outlives it (afl-fuzz's timeout is several times longer) shows up as a hang.
    /// </summary>
    public static readonly ReportLimits TemplateLimits = new() { Timeout = TimeSpan.FromSeconds(1), RegexTimeout = TimeSpan.FromMilliseconds(500) };

    /// <summary>
    /// Further checks of every result the evidence target scores, with its gap analysis and its comparison with itself:
    /// the harness and the CLI tests set this to <c>TerminalTarget.Check</c> (the terminal text output), which this file
    /// cannot call itself because StarRating.Reports.Tests compiles it without the tool.
    /// </summary>
    public static Action<AuditResult, GapAnalysis, AuditComparison>? ResultChecks { get; set; }

    /// <summary>Runs one target on one input.</summary>
    /// <param name="target">One of <see cref="Names"/>.</param>
    /// <param name="data">The input.</param>
    /// <param name="templates">The template target's scratch folder and sample; unused by the others.</param>
    public static void Run(string target, byte[] data, TemplateScratch? templates = null)
    {
        switch (target)
        {
            case "rubric":
                Rubric(data);
                break;
            case "evidence":
                Evidence(data);
                break;
            case "template":
                Template(data, templates ?? throw new ArgumentNullException(nameof(templates)));
                break;
            case "workbook":
                Workbook(data);
                break;
            default:
                throw new ArgumentException($"unknown target '{target}'; use one of {string.Join(", ", Names)}", nameof(target));
        }
    }

    /// <summary>
    /// bytes → rubric (YAML and JSON). A rubric that loads is then used: evidence with a finding for every item
    /// (alternately conforming and nonconforming) is scored against it, gap-analysed and written as JSON.
    /// </summary>
    public static void Rubric(byte[] data)
    {
        foreach (var name in SourceNames)
        {
            // Overlays may extend built-in rubrics only: a fuzzer must not read whatever file an input names.
            var result = new RubricLoader { AllowFileBases = false }.Parse(data, name);
            CheckDiagnostics(result, name, data);
            if (result.Value is { } rubric)
            {
                UseRubric(rubric);
            }
        }
    }

    /// <summary>The built-in rubric's engine, reading no file an input names (<c>previous:</c>).</summary>
    private static readonly AuditEngine EvidenceEngine = new(StarRating.Rules.Rubric.Default) { FollowPrevious = false };

    /// <summary>
    /// bytes → evidence scored by the built-in rubric (YAML and JSON). Evidence that scores is gap-analysed,
    /// compared with itself, and rendered by the built-in templates in every format and both languages.
    /// </summary>
    public static void Evidence(byte[] data)
    {
        // EvidenceEngine: an input's previous: is not followed, so that no input makes the fuzzer read files.
        foreach (var name in SourceNames)
        {
            var outcome = EvidenceEngine.Score(data, name);
            CheckDiagnostics(outcome, name, data);
            if (outcome.Value is { } result)
            {
                UseResult(result, name);
            }

            // The team's paths over whatever the bytes read as: agreement statistics, consensus scoring of a mock reading,
            // and a merge with a copy of the file (under another assessor, so the merge itself runs).
            if (new EvidenceLoader().Parse(data, name).Value is { } evidence)
            {
                _ = TeamAgreement.Of([evidence], Rules.Rubric.Default);
                _ = new AuditEngine(Rules.Rubric.Default) { Consensus = ConsensusRule.Median }.Score(evidence with { Audit = evidence.Audit with { Kind = AuditKind.Mock } });
                var copy = evidence with { SourceName = "copy", Assessor = evidence.Audit.Team.LastOrDefault()?.Name ?? "copy" };
                _ = TeamMerge.Merge([evidence, copy], Rules.Rubric.Default, poolSamples: true);
            }
        }
    }

    /// <summary>
    /// bytes → a user template (<c>report.md.sbn</c> and <c>report.html.sbn</c> in a folder) → <see cref="TemplateSet.LoadFolder"/>
    /// → rendered against a fixed scored sample. Any diagnostic is an answer; anything thrown is a finding.
    /// </summary>
    public static void Template(byte[] data, TemplateScratch scratch)
    {
        File.WriteAllBytes(Path.Combine(scratch.Folder, "report.md.sbn"), data);
        File.WriteAllBytes(Path.Combine(scratch.Folder, "report.html.sbn"), data);
        var set = TemplateSet.LoadFolder(scratch.Folder, TemplateLimits);
        CheckDiagnostics(set, null, null);
        if (set.Value is null)
        {
            return;
        }

        var renderer = new ReportRenderer(set.Value);
        foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html })
        {
            var report = renderer.Render(scratch.Sample, format, format == ReportFormat.Html ? Language.English : Language.Chinese);
            CheckDiagnostics(report, null, null);
            if (report.Value is { } rendered && rendered.Content.Length > TemplateLimits.MaxOutputChars)
            {
                throw new FuzzFindingException($"a {format} report of {rendered.Content.Length} characters passed the output limit");
            }
        }
    }

    /// <summary>What an input does, in one line: per front end (or per template format) the diagnostic codes and the outcome.</summary>
    public static string Describe(string target, byte[] data, TemplateScratch? templates = null)
    {
        static string Codes<T>(LoadResult<T> result, string outcome)
            where T : class =>
            string.Join(",", result.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal)) + (result.Succeeded ? " " + outcome : " failed");

        switch (target)
        {
            case "rubric":
                return string.Join("\t", SourceNames.Select(name => Codes(new RubricLoader { AllowFileBases = false }.Parse(data, name), "loaded")));
            case "evidence":
                return string.Join("\t", SourceNames.Select(name => Codes(EvidenceEngine.Score(data, name), "scored")));
            case "workbook":
                return DescribeWorkbook(data);
            default:
                ArgumentNullException.ThrowIfNull(templates);
                File.WriteAllBytes(Path.Combine(templates.Folder, "report.md.sbn"), data);
                var set = TemplateSet.LoadFolder(templates.Folder, TemplateLimits);
                return set.Value is null
                    ? Codes(set, "loaded")
                    : Codes(new ReportRenderer(set.Value).Render(templates.Sample, ReportFormat.Markdown), "rendered");
        }
    }

    private static void UseRubric(Rubric rubric)
    {
        var findings = rubric.Items.Select((item, i) => i % 2 == 0
            ? new Finding { Item = item.Id, Result = FindingResult.Conforming }
            : new Finding { Item = item.Id, Result = FindingResult.Nonconforming, Grade = NonconformityGrade.Minor, Note = "fuzz" }).ToArray();
        var evidence = new AuditEvidence
        {
            RubricId = rubric.Id,
            Company = new Company { Name = "fuzz" },
            Audit = new AuditInfo { Kind = AuditKind.Mock },
            Findings = findings,
            SourceName = "fuzz-evidence",
        };
        var outcome = new AuditEngine(rubric).Score(evidence);
        CheckDiagnostics(outcome, null, null);
        if (outcome.Value is { } result)
        {
            var gap = AuditEngine.AnalyzeGap(result);
            _ = ResultJson.Write(result);
            _ = ResultJson.Write(gap);
        }
    }

    private static void UseResult(AuditResult result, string name)
    {
        var gap = AuditEngine.AnalyzeGap(result);
        var renderer = ReportRenderer.Default;
        foreach (var format in new[] { ReportFormat.Markdown, ReportFormat.Html, ReportFormat.Json })
        {
            var language = format == ReportFormat.Html ? Language.English : Language.Chinese;
            RequireReport(renderer.Render(result, format, language), $"{name}: the {format} report");
            RequireReport(renderer.RenderGap(gap, format, language == Language.English ? Language.Chinese : Language.English), $"{name}: the {format} gap analysis");
        }

        var comparison = AuditEngine.Compare(result, result);
        if (comparison.Value is not { } same)
        {
            throw new FuzzFindingException($"{name}: a result cannot be compared with itself: {string.Join("; ", comparison.Diagnostics)}");
        }

        if (same.ScoreDelta != 0 || same.TierChange != 0 || same.ChangedItems.Count != 0)
        {
            throw new FuzzFindingException($"{name}: a result compared with itself changed (score {same.ScoreDelta}, tier {same.TierChange}, {same.ChangedItems.Count} items)");
        }

        RequireReport(renderer.RenderComparison(same, ReportFormat.Markdown), $"{name}: the comparison");
        ResultChecks?.Invoke(result, gap, same);
    }

    /// <summary>The built-in templates must render every result the engine produces, and no control or bidi character reaches it.</summary>
    private static void RequireReport(LoadResult<RenderedReport> report, string what)
    {
        CheckDiagnostics(report, null, null);
        if (!report.Succeeded)
        {
            throw new FuzzFindingException($"{what} did not render: {string.Join("; ", report.Diagnostics)}");
        }

        foreach (var c in report.Value!.Content)
        {
            if ((c < ' ' && c is not ('\n' or '\t')) || c is (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069'))
            {
                throw new FuzzFindingException($"{what} contains the character U+{(int)c:X4}");
            }
        }
    }

    /// <summary>
    /// A failure carries at least one error; every diagnostic has a stable code, a message, and a position that is
    /// either the whole file or a line and column of the input (when <paramref name="sourceName"/> is given).
    /// </summary>
    private static void CheckDiagnostics<T>(LoadResult<T> result, string? sourceName, byte[]? input)
        where T : class
    {
        if (!result.Succeeded && !result.Errors.Any())
        {
            throw new FuzzFindingException("failed without an error diagnostic");
        }

        var lines = input is null ? int.MaxValue : CountLines(input);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (!CodePattern().IsMatch(diagnostic.Code) || string.IsNullOrWhiteSpace(diagnostic.Message))
            {
                throw new FuzzFindingException($"malformed diagnostic: {diagnostic}");
            }

            var location = diagnostic.Location;
            if (location.Line < 0 || location.Column < 0 || (location.Line > 0) != (location.Column > 0) || location.Line > lines)
            {
                throw new FuzzFindingException($"diagnostic outside the input ({lines} lines): {diagnostic}");
            }

            if (sourceName is not null && location.File != sourceName)
            {
                throw new FuzzFindingException($"diagnostic names another file than {sourceName}: {diagnostic}");
            }
        }
    }

    /// <summary>An upper bound on the lines of the input, however line breaks are counted: one per byte, plus one.</summary>
    private static int CountLines(byte[] input) => input.Length + 1;

    [GeneratedRegex("^SR[0-9]{4}$")]
    private static partial Regex CodePattern();
}

/// <summary>The template target's working folder and the scored sample its templates are rendered against.</summary>
/// <param name="Folder">An empty folder of its own; the target writes <c>report.md.sbn</c> and <c>report.html.sbn</c> into it.</param>
/// <param name="Sample">The result to render.</param>
internal sealed record TemplateScratch(string Folder, AuditResult Sample);

/// <summary>A broken invariant found by a fuzz target: reported to the fuzzer as a crash.</summary>
internal sealed class FuzzFindingException(string message) : Exception(message);
