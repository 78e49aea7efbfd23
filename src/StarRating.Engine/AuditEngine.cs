using StarRating.Engine.Scoring;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>
/// Scores audit evidence against a rubric. Reading, structural checks, semantic checks and scoring run in one
/// call that returns either a result or every problem of the input at once, each located. Immutable and safe
/// to share between threads.
/// </summary>
public sealed class AuditEngine
{
    private static readonly Lazy<AuditEngine> DefaultEngine = new(() => new AuditEngine(Rubric.Default));
    private readonly EvidenceLoader loader;

    /// <summary>Creates an engine for a rubric.</summary>
    /// <param name="rubric">The rubric to score against.</param>
    /// <param name="limits">Input limits for evidence files; <see cref="InputLimits.Default"/> when null.</param>
    public AuditEngine(Rubric rubric, InputLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        Rubric = rubric;
        loader = new EvidenceLoader(limits);
    }

    private AuditEngine(AuditEngine engine, ScoringOptions options)
    {
        Rubric = engine.Rubric;
        loader = engine.loader;
        StrictVersion = engine.StrictVersion;
        Consensus = engine.Consensus;
        FollowPrevious = engine.FollowPrevious;
        PreviousFolder = engine.PreviousFolder;
        MaxPreviousDepth = engine.MaxPreviousDepth;
        Options = options;
    }

    /// <summary>An engine for the built-in GB/T 27922-2011 rubric.</summary>
    public static AuditEngine Default => DefaultEngine.Value;

    /// <summary>The rubric scored against.</summary>
    public Rubric Rubric { get; }

    /// <summary>The input limits evidence files are read with (previous audits too).</summary>
    internal InputLimits Limits => loader.Limits;

    /// <summary>
    /// When true, evidence pinned to another version of the rubric (<c>rubric: ID@VERSION</c>) is refused (SR3201);
    /// when false (the default) it is scored with a warning (SR3200).
    /// </summary>
    public bool StrictVersion { get; init; }

    /// <summary>
    /// How a mock or self assessment scores a finding its assessors disagree on (an unresolved finding, see
    /// <see cref="Finding.IsUnresolved"/>); the result carries a <c>consensus</c> notice saying so. Default
    /// <see cref="ConsensusRule.Lowest"/>. A formal audit with an unresolved finding is refused (SR3152) whatever the rule.
    /// </summary>
    public ConsensusRule Consensus { get; init; }

    /// <summary>
    /// When true (the default), an evidence file's <c>audit.previous</c> is read — a path relative to the evidence's source
    /// name, inside its folder — and followed back through its chain, at most <see cref="MaxPreviousDepth"/> audits.
    /// Set it to false where source names are not trusted paths (a service scoring uploaded text): <c>previous:</c> is then
    /// kept as written and no file is read.
    /// </summary>
    public bool FollowPrevious { get; init; } = true;

    /// <summary>
    /// The folder an evidence source name is taken relative to when <c>previous:</c> is resolved, for evidence scored from
    /// text or bytes under a bare name; the current directory when null. The chain must stay inside the first file's folder.
    /// </summary>
    public string? PreviousFolder { get; init; }

    /// <summary>How many audits back <c>previous:</c> is followed (default 8; SR3122 beyond).</summary>
    public int MaxPreviousDepth { get; init; } = 8;

    /// <summary>
    /// Reads and scores an evidence file with the built-in rubric it names in <c>rubric:</c> (see
    /// <see cref="RubricLoader.BuiltInIds"/>), or with the default rubric when it names none. Evidence that names a
    /// rubric which is not built in fails as with any engine (SR3001): pass that rubric to an engine of its own.
    /// </summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <param name="strictVersion">Refuse evidence pinned to another version (see <see cref="StrictVersion"/>).</param>
    /// <param name="consensus">How a mock or self assessment scores an unresolved finding (see <see cref="Consensus"/>).</param>
    public static LoadResult<AuditResult> ScoreFileWithBuiltInRubric(string path, bool strictVersion = false, ConsensusRule consensus = ConsensusRule.Lowest)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        return ScoreWithBuiltInRubric(DocumentLoader.LoadFile(path, path, InputLimits.Default, bag), bag, strictVersion, consensus);
    }

    /// <summary>Reads and scores evidence bytes with the built-in rubric it names, as <see cref="ScoreFileWithBuiltInRubric"/>.</summary>
    /// <param name="bytes">The file's bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    /// <param name="strictVersion">Refuse evidence pinned to another version (see <see cref="StrictVersion"/>).</param>
    /// <param name="consensus">How a mock or self assessment scores an unresolved finding (see <see cref="Consensus"/>).</param>
    public static LoadResult<AuditResult> ScoreWithBuiltInRubric(byte[] bytes, string sourceName, bool strictVersion = false, ConsensusRule consensus = ConsensusRule.Lowest)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return ScoreWithBuiltInRubric(DocumentLoader.Parse(bytes, sourceName, InputLimits.Default, bag), bag, strictVersion, consensus);
    }

    /// <summary>The built-in rubric an evidence document names in <c>rubric:</c>, or null (read without reporting: scoring reports).</summary>
    internal static Rubric? BuiltInRubricOf(ParsedDocument? document)
    {
        var text = document?.Root is DocMapping map
            ? map.Entries.FirstOrDefault(e => e.Key.Value == "rubric").Value is DocScalar { IsNull: false } scalar ? scalar.Value : null
            : null;
        return RubricReference.TryParse(text, out var reference) ? Rubric.BuiltIn(reference.Id) : null;
    }

    private static LoadResult<AuditResult> ScoreWithBuiltInRubric(ParsedDocument? document, DiagnosticBag bag, bool strictVersion, ConsensusRule consensus)
    {
        var rubric = BuiltInRubricOf(document) ?? Rubric.Default;
        var engine = BuiltInEngines.GetOrAdd((rubric.Id, strictVersion, consensus), key => new AuditEngine(Rubric.BuiltIn(key.Id)!) { StrictVersion = key.Strict, Consensus = key.Consensus });
        return engine.Run(engine.loader.Read(document, bag), bag);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, bool Strict, ConsensusRule Consensus), AuditEngine> BuiltInEngines = new();


    /// <summary>How this engine scores (<see cref="ScoringOptions.Default"/> unless made by <see cref="WithOptions"/>).</summary>
    public ScoringOptions Options { get; } = ScoringOptions.Default;

    /// <summary>
    /// The same engine (rubric, limits) scoring with other options, e.g. <c>new ScoringOptions { Preview = true }</c>
    /// for the live score of a formal audit still being recorded.
    /// </summary>
    /// <param name="options">The options.</param>
    public AuditEngine WithOptions(ScoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new AuditEngine(this, options);
    }

    /// <summary>Reads and scores an evidence file.</summary>
    /// <param name="path">The file path (YAML, or JSON when it ends in <c>.json</c>); diagnostics name it as given.</param>
    public LoadResult<AuditResult> ScoreFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        return Run(loader.Read(DocumentLoader.LoadFile(path, path, loader.Limits, bag), bag), bag);
    }

    /// <summary>Reads and scores evidence text.</summary>
    /// <param name="text">The YAML or JSON text.</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<AuditResult> Score(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return Run(loader.Read(DocumentLoader.Parse(text, sourceName, loader.Limits, bag), bag), bag);
    }

    /// <summary>Reads and scores evidence bytes.</summary>
    /// <param name="bytes">The file's bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<AuditResult> Score(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return Run(loader.Read(DocumentLoader.Parse(bytes, sourceName, loader.Limits, bag), bag), bag);
    }

    /// <summary>Reads and scores evidence bytes in a stated format (a request body, a blob: no file name to tell the format).</summary>
    /// <param name="bytes">The bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    public LoadResult<AuditResult> Score(ReadOnlyMemory<byte> bytes, InputFormat format, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return Run(loader.Read(DocumentLoader.Parse(bytes.Span, format, sourceName, loader.Limits, bag), bag), bag);
    }

    /// <summary>Reads a stream to its end (at most <see cref="InputLimits.MaxFileBytes"/>) and scores it; the stream is not closed.</summary>
    /// <param name="stream">The evidence.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<AuditResult>> ScoreAsync(Stream stream, InputFormat format, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var document = await DocumentLoader.LoadAsync(stream, format, sourceName, loader.Limits, bag, cancellationToken).ConfigureAwait(false);
        return Run(loader.Read(document, bag), bag);
    }

    /// <summary>Reads an evidence file without blocking a thread on the disk, and scores it.</summary>
    /// <param name="path">The file path (YAML, or JSON when it ends in <c>.json</c>); diagnostics name it as given.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<AuditResult>> ScoreFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var document = await DocumentLoader.LoadFileAsync(path, path, loader.Limits, bag, cancellationToken).ConfigureAwait(false);
        return Run(loader.Read(document, bag), bag);
    }

    /// <summary>
    /// Reads and scores a document tree built by another front end (for example the workbook reader): the same
    /// checks and scoring as an evidence file, with the front end's diagnostics reported among the engine's.
    /// </summary>
    /// <param name="document">The tree and the front end's diagnostics.</param>
    public LoadResult<AuditResult> Score(DocumentTree document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bag = new DiagnosticBag();
        return Run(loader.Read(document.Open(bag), bag), bag);
    }

    /// <summary>Validates and scores evidence built in code (or loaded by <see cref="EvidenceLoader"/>).</summary>
    /// <param name="evidence">The evidence.</param>
    public LoadResult<AuditResult> Score(AuditEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        return Run(evidence, new DiagnosticBag());
    }

    /// <summary>Which items to fix, in which order, to reach the next tier (or <paramref name="target"/>).</summary>
    /// <param name="result">A result scored by any engine.</param>
    /// <param name="target">The tier to reach; the next tier above the granted one when null.</param>
    public static GapAnalysis AnalyzeGap(AuditResult result, Tier? target = null) => GapAnalyzer.Analyze(result, target);

    /// <summary>Compares two results of the same rubric, e.g. an initial audit and a surveillance audit.</summary>
    /// <param name="before">The earlier result.</param>
    /// <param name="after">The later result.</param>
    public static LoadResult<AuditComparison> Compare(AuditResult before, AuditResult after) => Comparer.Compare(before, after);

    private LoadResult<AuditResult> Run(AuditEvidence? evidence, DiagnosticBag bag) => Run(evidence, bag, []);

    /// <summary>Scores evidence; <paramref name="visited"/> holds the files of the chain read so far (cycles are errors).</summary>
    internal LoadResult<AuditResult> Run(AuditEvidence? evidence, DiagnosticBag bag, IReadOnlyList<string> visited)
    {
        if (evidence is null)
        {
            return LoadResult.From<AuditResult>(null, bag);
        }

        var findings = EvidenceValidator.Validate(evidence, Rubric, bag, StrictVersion, Consensus, partial: false, Options.Preview, out var incomplete);
        if (bag.HasErrors)
        {
            return LoadResult.From<AuditResult>(null, bag);
        }

        var previous = FollowPrevious && evidence.Audit.Previous is not null ? PreviousLoader.Load(evidence, this, bag, visited) : null;
        if (bag.HasErrors)
        {
            return LoadResult.From<AuditResult>(null, bag);
        }

        var schedule = CycleRules.Schedule(evidence, Rubric, previous);
        if (schedule is { Overdue: true, Due: { } due })
        {
            var audit = evidence.Audit;
            bag.Add(
                EngineDiagnostics.SurveillanceOverdue,
                audit.KeyLocations.GetValueOrDefault("dates", audit.Location ?? SourceLocation.WholeFile(evidence.SourceName)),
                ("start", CycleChecks.Day(audit.Dates.Min())),
                ("due", CycleChecks.Day(due)),
                ("months", schedule.IntervalMonths),
                ("anchor", CycleChecks.Day(schedule.Anchor)));
        }

        var diagnostics = bag.ToSortedList();
        return LoadResult.From(Scorer.Score(evidence, Rubric, findings, diagnostics, Consensus, previous, schedule, preview: incomplete), bag);
    }
}
