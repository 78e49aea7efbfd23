namespace StarRating.Rules;

/// <summary>
/// One scored check item under an indicator: what the auditor verifies, how many points it carries, which
/// evidence methods apply and which documents to ask for.
/// </summary>
public sealed class CheckItem
{
    internal CheckItem(string id, decimal points, LocalizedText requirement, IReadOnlyList<EvidenceMethod> methods, IReadOnlyList<LocalizedText> documents, int line)
    {
        Id = id;
        Points = points;
        Requirement = requirement;
        Methods = methods;
        Documents = documents;
        Line = line;
    }

    /// <summary>The item id, e.g. <c>5.1.2.3</c>.</summary>
    public string Id { get; }

    /// <summary>Points the item carries.</summary>
    public decimal Points { get; }

    /// <summary>The requirement, in our own words (not the standard's text).</summary>
    public LocalizedText Requirement { get; }

    /// <summary>Evidence methods that apply to the item.</summary>
    public IReadOnlyList<EvidenceMethod> Methods { get; }

    /// <summary>Documents and records an auditor typically asks for.</summary>
    public IReadOnlyList<LocalizedText> Documents { get; }

    /// <summary>The indicator the item belongs to.</summary>
    public Indicator Indicator { get; internal set; } = null!;

    /// <summary>1-based line of the item in the rubric file (for messages).</summary>
    internal int Line { get; }

    /// <inheritdoc />
    public override string ToString() => Id;
}
