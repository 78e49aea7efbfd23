namespace StarRating.Engine;

/// <summary>The outcome of one check item after scoring.</summary>
public enum ItemStatus
{
    /// <summary>Full points.</summary>
    Conforming = 0,

    /// <summary>Part of the points (a partial result, or a sample with some nonconforming records).</summary>
    Partial = 1,

    /// <summary>No points.</summary>
    Nonconforming = 2,

    /// <summary>Excluded: not applicable to the company.</summary>
    NotApplicable = 3,

    /// <summary>No finding in a mock or self assessment: scored 0 and listed.</summary>
    NotAssessed = 4,
}
