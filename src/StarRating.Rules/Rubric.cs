namespace StarRating.Rules;

/// <summary>
/// A loaded, validated rubric: categories, indicators and check items with their points, the tiers and the
/// scoring rules. Immutable and safe to share between threads.
/// </summary>
public sealed class Rubric
{
    private readonly Dictionary<string, CheckItem> itemsById;
    private readonly Dictionary<string, Indicator> indicatorsById;
    private readonly Dictionary<string, Tier> tiersById;

    internal Rubric(
        string id,
        LocalizedText title,
        string standard,
        string version,
        decimal totalPoints,
        LocalizedText? provisionalNote,
        ScoringPolicy scoring,
        IReadOnlyList<Tier> tiers,
        IReadOnlyList<RubricCategory> categories,
        string sha256,
        string sourceName)
    {
        Id = id;
        Title = title;
        Standard = standard;
        Version = version;
        TotalPoints = totalPoints;
        ProvisionalNote = provisionalNote;
        Scoring = scoring;
        Tiers = tiers;
        Categories = categories;
        Sha256 = sha256;
        SourceName = sourceName;
        Indicators = categories.SelectMany(c => c.Indicators).ToArray();
        Items = Indicators.SelectMany(i => i.Items).ToArray();
        itemsById = Items.ToDictionary(i => i.Id, StringComparer.Ordinal);
        indicatorsById = Indicators.ToDictionary(i => i.Id, StringComparer.Ordinal);
        tiersById = tiers.ToDictionary(t => t.Id, StringComparer.Ordinal);
        for (var rank = 0; rank < tiers.Count; rank++)
        {
            tiers[rank].Rank = rank;
        }
    }

    /// <summary>
    /// The built-in GB/T 27922-2011 rubric (<c>rules/gbt27922-2011.yaml</c>, embedded in this assembly):
    /// needs no file on disk. Loaded once, on first use.
    /// </summary>
    public static Rubric Default => RubricLoader.BuiltIn(RubricLoader.DefaultRubricId)!;

    /// <summary>The rubric id, e.g. <c>gbt27922-2011</c>; evidence files name it in <c>rubric:</c>.</summary>
    public string Id { get; }

    /// <summary>The rubric's title.</summary>
    public LocalizedText Title { get; }

    /// <summary>The standard the rubric implements, e.g. <c>GB/T 27922-2011</c>.</summary>
    public string Standard { get; }

    /// <summary>The version of the rubric file (not of the standard).</summary>
    public string Version { get; }

    /// <summary>The maximum score, e.g. 100.</summary>
    public decimal TotalPoints { get; }

    /// <summary>What the rubric covers, if the file says.</summary>
    public LocalizedText? Description { get; internal init; }

    /// <summary>
    /// Which word the texts use for the audit (审核 or 审查), from the rubric's <c>terminology:</c> key; 审核 when the
    /// rubric does not say. Outputs may be asked for the other one.
    /// </summary>
    public Terminology Terminology { get; internal init; }

    /// <summary>
    /// Why some points are provisional, when they are, for the people who maintain the rubric (<c>rubric show</c>);
    /// client reports say only that the points are provisional (vocabulary text <c>notice.provisional-points</c>).
    /// </summary>
    public LocalizedText? ProvisionalNote { get; }

    /// <summary>
    /// Documents every applicant provides with the application (申请材料), before the item-level documents:
    /// the first part of an auditor's document request list.
    /// </summary>
    public IReadOnlyList<LocalizedText> ApplicationDocuments { get; internal init; } = [];

    /// <summary>Rounding, adjustment caps and grading conditions.</summary>
    public ScoringPolicy Scoring { get; }

    /// <summary>Tiers from lowest to highest.</summary>
    public IReadOnlyList<Tier> Tiers { get; }

    /// <summary>The categories, in rubric order.</summary>
    public IReadOnlyList<RubricCategory> Categories { get; }

    /// <summary>All indicators, in rubric order.</summary>
    public IReadOnlyList<Indicator> Indicators { get; }

    /// <summary>All check items, in rubric order.</summary>
    public IReadOnlyList<CheckItem> Items { get; }

    /// <summary>
    /// Lower-case hex SHA-256 that names exactly which rubric scored a result: of the rubric file's bytes, or for a
    /// rubric resolved from an overlay, of the resolved rubric as <see cref="ExportResolved"/> writes it (so
    /// comments and formatting of the overlay do not change it, and loading the export gives the same hash).
    /// </summary>
    public string Sha256 { get; internal set; }

    /// <summary>The rubric this one extends (an overlay's base, itself possibly an overlay), or null for a plain rubric.</summary>
    public Rubric? Base { get; internal init; }

    /// <summary>The plain rubric at the bottom of the overlay chain (this rubric when it extends none).</summary>
    public Rubric Root => Base?.Root ?? this;

    /// <summary>
    /// Where each value was written (file, line, column and overlay layer), in rubric order, then the entries removed
    /// by overlays (key <c>remove</c>). <c>starrating rubric show</c> prints it for overlays.
    /// </summary>
    public IReadOnlyList<RubricValueOrigin> Origins { get; internal init; } = [];

    /// <summary>The title reports carry (e.g. 商业企业品牌评价报告), or null for the reports' own title.</summary>
    public LocalizedText? ReportTitle { get; internal init; }

    /// <summary>The file name the rubric was loaded from, as given by the caller.</summary>
    public string SourceName { get; }

    /// <summary>True when any indicator's points are marked provisional.</summary>
    public bool HasProvisionalPoints => Indicators.Any(i => i.PointsProvisional);

    /// <summary>The lowest tier (the failing one).</summary>
    public Tier LowestTier => Tiers[0];

    /// <summary>Loads and validates a rubric file.</summary>
    /// <param name="path">Path of a YAML (or JSON) rubric file.</param>
    public static LoadResult<Rubric> Load(string path) => new RubricLoader().LoadFile(path);

    /// <summary>Parses and validates rubric text.</summary>
    /// <param name="text">The YAML (or JSON) text.</param>
    /// <param name="sourceName">The name used in diagnostics; a name ending in <c>.json</c> selects JSON.</param>
    public static LoadResult<Rubric> Parse(string text, string sourceName = "rubric.yaml") => new RubricLoader().Parse(text, sourceName);

    /// <summary>Finds a check item by id.</summary>
    /// <param name="id">An item id such as <c>5.1.2.3</c>.</param>
    public CheckItem? FindItem(string id) => itemsById.GetValueOrDefault(id);

    /// <summary>Finds an indicator by id.</summary>
    /// <param name="id">An indicator id such as <c>5.1.2</c>.</param>
    public Indicator? FindIndicator(string id) => indicatorsById.GetValueOrDefault(id);

    /// <summary>
    /// The built-in rubric with this id (<see cref="RubricLoader.BuiltInIds"/>), or null when there is none. Each is
    /// embedded in this assembly and loaded once, on first use.
    /// </summary>
    /// <param name="id">A built-in rubric id, e.g. <c>gbt27925-2011</c>.</param>
    public static Rubric? BuiltIn(string id) => RubricLoader.BuiltIn(id);

    /// <summary>
    /// The rubric as one plain rubric file (YAML), every value written out and nothing inherited: for an overlay,
    /// the resolved rubric (<c>starrating rubric export --resolved</c>). Deterministic: the same rubric always gives
    /// the same text, whatever the formatting and comments of the files it came from, which are not kept. Loading
    /// the text gives an equal rubric.
    /// </summary>
    public string ExportResolved() => Loading.RubricWriter.Write(this);

    /// <summary>Where a value was written, or null when the rubric has no such value.</summary>
    /// <param name="part">The part of the rubric.</param>
    /// <param name="id">The entry's id (empty for the top level and scoring).</param>
    /// <param name="key">The key, e.g. <c>points</c>.</param>
    public RubricValueOrigin? OriginOf(RubricPart part, string id, string key) =>
        Origins.FirstOrDefault(o => o.Part == part && o.Key == key && string.Equals(o.Id, id, StringComparison.Ordinal));

    /// <summary>Finds a tier by id.</summary>
    /// <param name="id">A tier id such as <c>four-star</c>.</param>
    public Tier? FindTier(string id) => tiersById.GetValueOrDefault(id);

    /// <summary>The highest tier whose minimum the score reaches, ignoring prerequisites and grading conditions.</summary>
    /// <param name="score">A rounded score.</param>
    public Tier TierForScore(decimal score)
    {
        var tier = Tiers[0];
        foreach (var candidate in Tiers)
        {
            if (score >= candidate.MinScore)
            {
                tier = candidate;
            }
        }

        return tier;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Id} {Version}";
}
