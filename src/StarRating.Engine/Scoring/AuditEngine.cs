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
        Options = options;
    }

    /// <summary>An engine for the built-in GB/T 27922-2011 rubric.</summary>
    public static AuditEngine Default => DefaultEngine.Value;

    /// <summary>The rubric scored against.</summary>
    public Rubric Rubric { get; }

    /// <summary>
    /// When true, evidence pinned to another version of the rubric (<c>rubric: ID@VERSION</c>) is refused (SR3201);
    /// when false (the default) it is scored with a warning (SR3200).
    /// </summary>
    public bool StrictVersion { get; init; }

    /// <summary>
    /// Reads and scores an evidence file with the built-in rubric it names in <c>rubric:</c> (see
    /// <see cref="RubricLoader.BuiltInIds"/>), or with the default rubric when it names none. Evidence that names a
    /// rubric which is not built in fails as with any engine (SR3001): pass that rubric to an engine of its own.
    /// </summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <param name="strictVersion">Refuse evidence pinned to another version (see <see cref="StrictVersion"/>).</param>
    public static LoadResult<AuditResult> ScoreFileWithBuiltInRubric(string path, bool strictVersion = false)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        return ScoreWithBuiltInRubric(DocumentLoader.LoadFile(path, path, InputLimits.Default, bag), bag, strictVersion);
    }

    /// <summary>Reads and scores evidence bytes with the built-in rubric it names, as <see cref="ScoreFileWithBuiltInRubric"/>.</summary>
    /// <param name="bytes">The file's bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    /// <param name="strictVersion">Refuse evidence pinned to another version (see <see cref="StrictVersion"/>).</param>
    public static LoadResult<AuditResult> ScoreWithBuiltInRubric(byte[] bytes, string sourceName, bool strictVersion = false)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return ScoreWithBuiltInRubric(DocumentLoader.Parse(bytes, sourceName, InputLimits.Default, bag), bag, strictVersion);
    }

    /// <summary>The built-in rubric an evidence document names in <c>rubric:</c>, or null (read without reporting: scoring reports).</summary>
    internal static Rubric? BuiltInRubricOf(ParsedDocument? document)
    {
        var text = document?.Root is DocMapping map
            ? map.Entries.FirstOrDefault(e => e.Key.Value == "rubric").Value is DocScalar { IsNull: false } scalar ? scalar.Value : null
            : null;
        return RubricReference.TryParse(text, out var reference) ? Rubric.BuiltIn(reference.Id) : null;
    }

    private static LoadResult<AuditResult> ScoreWithBuiltInRubric(ParsedDocument? document, DiagnosticBag bag, bool strictVersion)
    {
        var rubric = BuiltInRubricOf(document) ?? Rubric.Default;
        var engine = BuiltInEngines.GetOrAdd((rubric.Id, strictVersion), key => new AuditEngine(Rubric.BuiltIn(key.Id)!) { StrictVersion = key.Strict });
        return engine.Run(engine.loader.Read(document, bag), bag);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<(string Id, bool Strict), AuditEngine> BuiltInEngines = new();


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

    private LoadResult<AuditResult> Run(AuditEvidence? evidence, DiagnosticBag bag)
    {
        if (evidence is null)
        {
            return LoadResult.From<AuditResult>(null, bag);
        }

        var findings = EvidenceValidator.Validate(evidence, Rubric, bag, StrictVersion, Options.Preview, out var incomplete);
        if (bag.HasErrors)
        {
            return LoadResult.From<AuditResult>(null, bag);
        }

        var diagnostics = bag.ToSortedList();
        return new LoadResult<AuditResult>(Scorer.Score(evidence, Rubric, findings, diagnostics, preview: incomplete), diagnostics);
    }
}
