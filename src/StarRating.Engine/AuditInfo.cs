using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>The audit: kind, dates, team and identifiers.</summary>
public sealed record AuditInfo
{
    /// <summary>The kind of audit.</summary>
    public required AuditKind Kind { get; init; }

    /// <summary>The audit days, in order.</summary>
    public IReadOnlyList<DateOnly> Dates { get => dates; init => dates = Lists.Copy(value); }

    private readonly IReadOnlyList<DateOnly> dates = [];

    /// <summary>The audit team.</summary>
    public IReadOnlyList<TeamMember> Team { get => team; init => team = Lists.Copy(value); }

    private readonly IReadOnlyList<TeamMember> team = [];

    /// <summary>The certification body (or consultancy) that performed the audit.</summary>
    public string? Body { get; init; }

    /// <summary>The audit or report number.</summary>
    public string? Reference { get; init; }

    /// <summary>Sites visited.</summary>
    public IReadOnlyList<string> Sites { get => sites; init => sites = Lists.Copy(value); }

    private readonly IReadOnlyList<string> sites = [];

    /// <summary>The stage: 1 = document review (文件审查), 2 = on-site audit (现场审查, the default).</summary>
    public int Stage { get; init; } = 2;

    /// <summary>The audit objectives (审核目的), as written.</summary>
    public string? Objectives { get; init; }

    /// <summary>The audit criteria with their versions (审核准则), e.g. <c>GB/T 27922-2011</c> and a body's own specification.</summary>
    public IReadOnlyList<string> Criteria { get; init; } = [];

    /// <summary>Audit time in person-days (审核人日).</summary>
    public decimal? PersonDays { get; init; }

    /// <summary>Areas, sites or activities in the scope that the audit did not cover (未覆盖的区域), as written.</summary>
    public IReadOnlyList<string> NotCovered { get; init; } = [];

    /// <summary>
    /// The audit this one follows (<c>previous:</c>), a path relative to this evidence file: an evidence file or a JSON
    /// result. Loaded by <see cref="AuditEngine"/> when it scores a file (see <c>AuditEngine.FollowPrevious</c>).
    /// </summary>
    public string? Previous { get; init; }

    internal SourceLocation? PreviousLocation { get; init; }

    internal IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = EmptyLocations.Instance;

    /// <summary>True for initial, surveillance and recertification audits, which must assess every applicable item.</summary>
    public bool IsFormal => Kind is AuditKind.Initial or AuditKind.Surveillance or AuditKind.Recertification;

    internal SourceLocation? Location { get; init; }

    internal IReadOnlyList<SourceLocation> DateLocations { get; init; } = [];

    /// <summary>False when the file's kind was missing or not a valid word: checks that depend on the kind are skipped, so no cascade names a kind the user never wrote.</summary>
    internal bool KindRead { get; init; } = true;
}
