namespace StarRating.Engine.Scoring;

/// <summary>
/// Which finding scores each check item and indicator: built once, while the evidence is validated (the first
/// finding for an id wins; a second is a diagnostic), and read by the scorer.
/// </summary>
internal sealed class FindingIndex
{
    private readonly Dictionary<string, Finding> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Finding> indicators = new(StringComparer.Ordinal);

    /// <summary>Records a finding for an item; false when the item already has one.</summary>
    public bool TryAddItem(string id, Finding finding) => items.TryAdd(id, finding);

    /// <summary>Records a finding for an indicator; false when the indicator already has one.</summary>
    public bool TryAddIndicator(string id, Finding finding) => indicators.TryAdd(id, finding);

    /// <summary>The item's own finding, or null.</summary>
    public Finding? OfItem(string id) => items.GetValueOrDefault(id);

    /// <summary>Every finding for a whole indicator, by indicator id, in the order the evidence lists them.</summary>
    public IEnumerable<KeyValuePair<string, Finding>> Indicators => indicators;

    /// <summary>The finding for a whole indicator, or null.</summary>
    public Finding? OfIndicator(string id) => indicators.GetValueOrDefault(id);
}
