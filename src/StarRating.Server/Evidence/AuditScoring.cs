using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;
using StarRating.Server.Storage;
using StarRating.Workbook;

namespace StarRating.Server.Evidence;

/// <summary>A validated evidence upload: its tree, the library's reading of it, and its score when complete.</summary>
internal sealed record ValidatedEvidence(JsonObject Root, AuditEvidence Evidence, AuditResult? Result, IReadOnlyList<Diagnostic> Warnings);

/// <summary>A scored snapshot of a stored audit: the evidence document, and the library's result or diagnostics.</summary>
internal sealed record ScoredAudit(long Revision, byte[] Evidence, LoadResult<AuditResult> Outcome)
{
    private byte[]? resultBytes;
    private byte[]? previewBytes;
    private LoadResult<AuditResult>? preview;

    /// <summary>The result document, written once per revision (the same bytes <c>starrating score --format json</c> writes).</summary>
    public byte[] ResultBytes => resultBytes ??= Encoding.UTF8.GetBytes(ResultJson.Write(Outcome.Value!));

    /// <summary>Scores a formal audit that is only incomplete as a preview; set by <see cref="AuditScoring"/>.</summary>
    internal Func<byte[], LoadResult<AuditResult>>? Previewer { get; init; }

    /// <summary>
    /// The live score: the result when the audit scores; for a formal audit whose only errors are missing findings,
    /// the library's preview of it (<see cref="ScoringOptions.Preview"/>); otherwise the diagnostics. Once per revision.
    /// </summary>
    public LoadResult<AuditResult> Preview => preview ??=
        Outcome.Value is null && Previewer is not null && Outcome.Diagnostics.Where(d => d.IsError).All(AuditScoring.IsIncompleteness)
            ? Previewer(Evidence)
            : Outcome;

    /// <summary>The preview's result document.</summary>
    public byte[] PreviewBytes => previewBytes ??= ReferenceEquals(Preview, Outcome) ? ResultBytes : Encoding.UTF8.GetBytes(ResultJson.Write(Preview.Value!));
}

/// <summary>
/// The service's only way to judge and score evidence: through the library, exactly as <c>starrating score</c> does
/// (same engine, same rubric, same JSON writer, same report renderer). Stored audits are scored from the composed
/// evidence document under the name it downloads as, so the result is byte-identical to scoring the download.
/// </summary>
internal sealed class AuditScoring(AuditEngine engine)
{
    private const int CacheLimit = 1024;
    private readonly EvidenceLoader loader = new();
    private readonly ConcurrentDictionary<(long Id, long Revision), ScoredAudit> cache = new();

    public AuditEngine Engine { get; } = engine;

    /// <summary>The same engine scoring formal audits in progress as previews (the live checklist).</summary>
    public AuditEngine PreviewEngine { get; } = engine.WithOptions(new ScoringOptions { Preview = true });

    /// <summary>
    /// Errors that only say an audit is not finished yet: a formal audit in progress may lack findings, and may hold
    /// the assessors' disagreements (a team's file from <c>starrating merge</c>) for the lead to resolve on the
    /// checklist. Finalising still needs the whole outcome, so neither passes it.
    /// </summary>
    public static bool IsIncompleteness(Diagnostic d) =>
        d.Code == EngineDiagnostics.MissingFinding.Code || d.Code == EngineDiagnostics.UnresolvedInFormalAudit.Code;

    /// <summary>A reading (SR10xx) problem is a bad request (400); anything the rules refuse is unprocessable (422).</summary>
    public static bool IsReadingProblem(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Any(d => d.IsError && (d.Code.StartsWith("SR10", StringComparison.Ordinal) || WorkbookPackageCodes.Contains(d.Code)));

    /// <summary>A workbook that is no readable workbook at all (not a package, macros, bombs, broken XML): a bad request.</summary>
    private static readonly HashSet<string> WorkbookPackageCodes =
    [
        .. new[]
        {
            WorkbookDiagnostics.NotAWorkbook, WorkbookDiagnostics.WorkbookMacros, WorkbookDiagnostics.WorkbookTooLarge,
            WorkbookDiagnostics.WorkbookCompressionRatio, WorkbookDiagnostics.WorkbookTooManyParts, WorkbookDiagnostics.SheetTooLarge,
            WorkbookDiagnostics.WorkbookDtd, WorkbookDiagnostics.WorkbookXml, WorkbookDiagnostics.WorkbookExternalLink,
            WorkbookDiagnostics.WorkbookSharedStrings, WorkbookDiagnostics.WorkbookFileTooLarge,
        }.Select(d => d.Code),
    ];

    /// <summary>
    /// Validates an uploaded evidence document: JSON or YAML by the name's extension, or an audit workbook (<c>.xlsx</c>,
    /// read by StarRating.Workbook with every diagnostic at its sheet and cell). Errors: the diagnostics.
    /// </summary>
    public (ValidatedEvidence? Value, IReadOnlyList<Diagnostic> Diagnostics) ValidateUpload(byte[] bytes, string sourceName)
    {
        var workbook = IsWorkbook(sourceName);
        var read = workbook ? loader.Read(new WorkbookReader(Engine.Rubric).Read(bytes, sourceName)) : loader.Parse(bytes, sourceName);
        if (read.Value is null)
        {
            return (null, read.Diagnostics);
        }

        var scored = Engine.Score(read.Value);
        var blocking = scored.Diagnostics.Where(d => d.IsError && !IsIncompleteness(d)).ToArray();
        var all = read.Diagnostics.Concat(scored.Diagnostics).ToArray();
        if (blocking.Length > 0)
        {
            return (null, all);
        }

        // A workbook is stored as the evidence format's JSON, written by the library's own evidence writer (what
        // `starrating convert audit.xlsx -o audit.json` writes); text uploads are stored as the tree they are.
        var root = workbook ? (JsonObject)JsonNode.Parse(EvidenceWriter.ToJson(read.Value))!
            : sourceName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? (JsonObject)JsonNode.Parse(Decode(bytes))!
            : EvidenceDocument.YamlToJson(Decode(bytes));

        // The stored form must read as the upload did: score the composed document once and refuse any difference.
        var (head, findings) = EvidenceDocument.Split(root);
        var composed = EvidenceDocument.Compose(head, findings.Select(f => f.Json));
        var again = Engine.Score(composed, "evidence.json");
        var diverged = again.Diagnostics.Where(d => d.IsError && !IsIncompleteness(d)).ToArray();
        if (diverged.Length > 0)
        {
            return (null, diverged);
        }

        return (new ValidatedEvidence(root, read.Value, scored.Value, all.Where(d => !d.IsError).ToArray()), all);
    }

    /// <summary>True for a workbook's name: <c>.xlsx</c>, and <c>.xlsm</c>, which the reader refuses as macro-enabled (SR6002).</summary>
    public static bool IsWorkbook(string sourceName) =>
        sourceName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || sourceName.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Validates one finding against the audit's head. The finding's own text sits verbatim in a probe document from
    /// its second line, so diagnostics are given back at the request body's own lines and columns.
    /// </summary>
    public (JsonObject? Finding, IReadOnlyList<Diagnostic> Diagnostics) ValidateFinding(string headJson, byte[] body, string sourceName)
    {
        var read = loader.Parse(body, sourceName);
        // Syntax and reading problems (and duplicate keys, which a JSON tree cannot hold) stop here; the rest of the
        // reader's complaints are about a finding not being a whole evidence file, which the probe below judges.
        var readingErrors = read.Diagnostics.Where(d => d.IsError && (d.Code.StartsWith("SR10", StringComparison.Ordinal) || d.Code == DiagnosticCatalog.DuplicateKey.Code)).ToArray();
        if (readingErrors.Length > 0)
        {
            return (null, readingErrors);
        }

        var text = Decode(body);
        if (JsonNode.Parse(text) is not JsonObject finding)
        {
            return (null, []);
        }

        var probe = Engine.Score(EvidenceDocument.Probe(headJson, text), sourceName);
        var relevant = probe.Diagnostics.Where(d => !IsIncompleteness(d)).Select(d => d.Descriptor.Create(
            d.Location.Line >= 2 ? d.Location with { Line = d.Location.Line - 1 } : SourceLocation.WholeFile(sourceName),
            [.. d.Arguments.Select(a => (a.Key, a.Value))])).ToArray();
        return (finding, relevant);
    }

    /// <summary>Scores the audit's current state (cached per revision: the same revision always scores the same).</summary>
    public async Task<ScoredAudit?> ScoreAsync(Store store, long auditId, CancellationToken ct)
    {
        var snapshot = await store.SnapshotAsync(auditId, ct).ConfigureAwait(false);
        if (snapshot is not { } s)
        {
            return null;
        }

        if (cache.TryGetValue((auditId, s.Revision), out var cached))
        {
            return cached;
        }

        return Score(auditId, s.Revision, s.Head, s.Findings);
    }

    /// <summary>Scores a given state of an audit (and keeps it for the result requests of that revision).</summary>
    public ScoredAudit Score(long auditId, long revision, string head, IReadOnlyList<FindingRow> findings)
    {
        var scored = Unstored(auditId, revision, head, findings);
        Remember(auditId, scored);
        return scored;
    }

    /// <summary>Scores a state without caching it (a prediction, kept only once the save it predicts commits).</summary>
    public ScoredAudit Unstored(long auditId, long revision, string head, IReadOnlyList<FindingRow> findings)
    {
        var evidence = EvidenceDocument.Compose(head, findings.Select(f => f.BodyJson));
        var name = EvidenceDocument.FileName(auditId);
        return new ScoredAudit(revision, evidence, Engine.Score(evidence, name)) { Previewer = bytes => PreviewEngine.Score(bytes, name) };
    }

    public void Remember(long auditId, ScoredAudit scored)
    {
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[(auditId, scored.Revision)] = scored;
    }

    /// <summary>
    /// The state after saving (or, with a null body, deleting) one finding on a snapshot, scored: the save's own
    /// prediction, so the scoring work happens before the write transaction.
    /// </summary>
    public ScoredAudit Predict(long auditId, (string Head, long Revision, IReadOnlyList<FindingRow> Findings) snapshot, string target, string? bodyJson)
    {
        var findings = snapshot.Findings.Where(f => f.Target != target || bodyJson is not null)
            .Select(f => f.Target == target ? f with { BodyJson = bodyJson! } : f).ToList();
        if (bodyJson is not null && findings.All(f => f.Target != target))
        {
            findings.Add(new FindingRow(target, long.MaxValue, 0, bodyJson, "", 0));
        }

        return Unstored(auditId, snapshot.Revision + 1, snapshot.Head, findings);
    }

    /// <summary>The score and tier of a state, as the audit list keeps them; nulls while it cannot be scored.</summary>
    public (string? Score, string? Tier) ScoreAndTier(long auditId, long revision, string head, IReadOnlyList<FindingRow> findings) =>
        Score(auditId, revision, head, findings).Outcome.Value is { } result ? (ScoreText(result), result.Tier.Id) : (null, null);

    /// <summary>The score as the result file writes it (invariant culture, the rubric's decimals).</summary>
    public static string ScoreText(AuditResult result) => result.Score.ToString(CultureInfo.InvariantCulture);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
