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
/// evidence document under the name it downloads as, so the result is byte-identical to scoring the download; each
/// with the rubric it was created with (<see cref="RubricRegistry"/>).
/// </summary>
internal sealed class AuditScoring(RubricRegistry rubrics)
{
    private const int CacheLimit = 1024;
    private readonly EvidenceLoader loader = new();
    private readonly ConcurrentDictionary<(long Id, long Revision), ScoredAudit> cache = new();

    /// <summary>The rubrics audits are scored with.</summary>
    public RubricRegistry Rubrics { get; } = rubrics;

    /// <summary>The engine of the default rubric (audits whose evidence names none).</summary>
    public AuditEngine Engine => Rubrics.Default.Engine;

    /// <summary>The default rubric's engine scoring formal audits in progress as previews (the live checklist).</summary>
    public AuditEngine PreviewEngine => Rubrics.Default.Preview;

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
    /// <remarks>Judged with the built-in rubric the evidence names (the default when it names none), as the command line does.</remarks>
    public (ValidatedEvidence? Value, IReadOnlyList<Diagnostic> Diagnostics) ValidateUpload(byte[] bytes, string sourceName) =>
        ValidateUpload(bytes, sourceName, PinOf(bytes, sourceName) is { Id: { } id } && Rubrics.BuiltIn(id) is { } named ? named : Rubrics.Default);

    /// <summary>Validates an uploaded evidence document with a given rubric (the one its pin resolves to).</summary>
    public (ValidatedEvidence? Value, IReadOnlyList<Diagnostic> Diagnostics) ValidateUpload(byte[] bytes, string sourceName, AuditRubric rubric)
    {
        var workbook = IsWorkbook(sourceName);
        var read = workbook ? loader.Read(new WorkbookReader(rubric.Rubric).Read(bytes, sourceName)) : loader.Parse(bytes, sourceName);
        if (read.Value is null)
        {
            return (null, read.Diagnostics);
        }

        var scored = rubric.Engine.Score(read.Value);
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
        var again = rubric.Engine.Score(composed, "evidence.json");
        var diverged = again.Diagnostics.Where(d => d.IsError && !IsIncompleteness(d)).ToArray();
        if (diverged.Length > 0)
        {
            return (null, diverged);
        }

        return (new ValidatedEvidence(root, read.Value, scored.Value, all.Where(d => !d.IsError).ToArray()), all);
    }

    /// <summary>
    /// The rubric an upload names (<c>rubric: ID@VERSION</c>), read without judging anything else; nulls when it names
    /// none or cannot be read (the validation then reports why). A workbook is read with the default rubric for this,
    /// as the command line does: the pin is on its audit sheet whatever the rubric.
    /// </summary>
    public (string? Id, string? Version) PinOf(byte[] bytes, string sourceName)
    {
        var read = IsWorkbook(sourceName) ? loader.Read(new WorkbookReader(Rubrics.Default.Rubric).Read(bytes, sourceName)) : loader.Parse(bytes, sourceName);
        return read.Value is { } evidence ? (evidence.RubricId, evidence.RubricVersion) : (null, null);
    }

    /// <summary>True for a workbook's name: <c>.xlsx</c>, and <c>.xlsm</c>, which the reader refuses as macro-enabled (SR6002).</summary>
    public static bool IsWorkbook(string sourceName) =>
        sourceName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || sourceName.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Validates one finding against the audit's head. The finding's own text sits verbatim in a probe document from
    /// its second line, so diagnostics are given back at the request body's own lines and columns.
    /// </summary>
    public (JsonObject? Finding, IReadOnlyList<Diagnostic> Diagnostics) ValidateFinding(AuditRubric rubric, string headJson, byte[] body, string sourceName)
    {
        if (ReadingErrors(body, sourceName) is { Length: > 0 } readingErrors)
        {
            return (null, readingErrors);
        }

        var text = Decode(body);
        if (JsonNode.Parse(text) is not JsonObject finding)
        {
            return (null, []);
        }

        var probe = rubric.Engine.Score(EvidenceDocument.Probe(headJson, text), sourceName);
        return (finding, FromProbe(probe.Diagnostics, sourceName));
    }

    /// <summary>
    /// The syntax and reading problems of a request body (and duplicate keys, which a JSON tree cannot hold); the
    /// reader's other complaints are about the body not being a whole evidence file, which a probe document judges.
    /// </summary>
    private Diagnostic[] ReadingErrors(byte[] body, string sourceName) =>
        loader.Parse(body, sourceName).Diagnostics
            .Where(d => d.IsError && (d.Code.StartsWith("SR10", StringComparison.Ordinal) || d.Code == DiagnosticCatalog.DuplicateKey.Code)).ToArray();

    /// <summary>A probe's diagnostics moved back into the request body (one line up; line 1 is the probe's own: the whole body).</summary>
    private static Diagnostic[] FromProbe(IEnumerable<Diagnostic> diagnostics, string sourceName) =>
        diagnostics.Where(d => !IsIncompleteness(d)).Select(d => d.Descriptor.Create(
            d.Location.Line >= 2 ? d.Location with { Line = d.Location.Line - 1 } : SourceLocation.WholeFile(sourceName),
            [.. d.Arguments.Select(a => (a.Key, a.Value))])).ToArray();

    /// <summary>
    /// Validates a new value of an audit-level part (adjustments, conclusion, decision, certificate) against the
    /// audit's head and findings, with its rubric. The value's own text sits verbatim in a probe document from its
    /// second line, so diagnostics are given back at the request body's own lines and columns.
    /// </summary>
    public (JsonNode? Value, IReadOnlyList<Diagnostic> Diagnostics) ValidatePart(AuditRubric rubric, string headJson, IReadOnlyList<FindingRow> findings, string part, byte[] body, string sourceName)
    {
        if (ReadingErrors(body, sourceName) is { Length: > 0 } readingErrors)
        {
            return (null, readingErrors);
        }

        var text = Decode(body);
        var value = JsonNode.Parse(text);
        var probe = rubric.Engine.Score(EvidenceDocument.PartProbe(headJson, findings.Select(f => f.BodyJson), part, text), sourceName);
        return (value, FromProbe(probe.Diagnostics, sourceName));
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

        var rubric = await Rubrics.ForAuditAsync(auditId, ct).ConfigureAwait(false);
        if (rubric is null)
        {
            // An uploaded rubric this version of the library no longer loads (or one removed from the database by
            // hand): the audit's evidence names it, so the default engine refuses it with SR3001 naming it — a 422
            // that says which rubric is missing, never a 500. Not cached: the rubric may come back.
            return Unstored(Rubrics.Default, auditId, s.Revision, s.Head, s.Findings);
        }

        return Score(rubric, auditId, s.Revision, s.Head, s.Findings);
    }

    /// <summary>Scores a given state of an audit (and keeps it for the result requests of that revision).</summary>
    public ScoredAudit Score(AuditRubric rubric, long auditId, long revision, string head, IReadOnlyList<FindingRow> findings)
    {
        var scored = Unstored(rubric, auditId, revision, head, findings);
        Remember(auditId, scored);
        return scored;
    }

    /// <summary>Scores a state without caching it (a prediction, kept only once the save it predicts commits).</summary>
    public ScoredAudit Unstored(AuditRubric rubric, long auditId, long revision, string head, IReadOnlyList<FindingRow> findings)
    {
        var evidence = EvidenceDocument.Compose(head, findings.Select(f => f.BodyJson));
        var name = EvidenceDocument.FileName(auditId);
        return new ScoredAudit(revision, evidence, rubric.Engine.Score(evidence, name)) { Previewer = bytes => rubric.Preview.Score(bytes, name) };
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
    public ScoredAudit Predict(AuditRubric rubric, long auditId, (string Head, long Revision, IReadOnlyList<FindingRow> Findings) snapshot, string target, string? bodyJson)
    {
        var findings = snapshot.Findings.Where(f => f.Target != target || bodyJson is not null)
            .Select(f => f.Target == target ? f with { BodyJson = bodyJson! } : f).ToList();
        if (bodyJson is not null && findings.All(f => f.Target != target))
        {
            findings.Add(new FindingRow(target, long.MaxValue, 0, bodyJson, "", 0));
        }

        return Unstored(rubric, auditId, snapshot.Revision + 1, snapshot.Head, findings);
    }

    /// <summary>The score and tier of a state, as the audit list keeps them; nulls while it cannot be scored.</summary>
    public (string? Score, string? Tier) ScoreAndTier(AuditRubric rubric, long auditId, long revision, string head, IReadOnlyList<FindingRow> findings) =>
        Score(rubric, auditId, revision, head, findings).Outcome.Value is { } result ? (ScoreText(result), result.Tier.Id) : (null, null);

    /// <summary>The score as the result file writes it (invariant culture, the rubric's decimals).</summary>
    public static string ScoreText(AuditResult result) => result.Score.ToString(CultureInfo.InvariantCulture);

    private static string Decode(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }
}
