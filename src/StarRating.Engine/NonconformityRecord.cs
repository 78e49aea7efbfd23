using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// The record of one nonconformity (不符合项报告) as the company confirms it and the audit team follows it to closure:
/// root cause, corrective action with a due date, and verification.
/// </summary>
public sealed record NonconformityRecord
{
    /// <summary>The nonconformity's number, e.g. <c>NC-2026-03</c>; unique within an evidence file.</summary>
    public required string Id { get; init; }

    /// <summary>The company's representative who confirmed the finding.</summary>
    public string? ConfirmedBy { get; init; }

    /// <summary>The root cause the company found.</summary>
    public string? RootCause { get; init; }

    /// <summary>The corrective action.</summary>
    public string? Action { get; init; }

    /// <summary>When the corrective action is due.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>Where the correction stands.</summary>
    public CorrectionStatus Status { get; init; }

    /// <summary>The auditor who verified the correction.</summary>
    public string? VerifiedBy { get; init; }

    /// <summary>When the correction was verified.</summary>
    public DateOnly? VerifiedOn { get; init; }

    internal SourceLocation? Location { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;
}
