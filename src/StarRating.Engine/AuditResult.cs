using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// The scored audit: the one immutable result that every output (console, JSON, Markdown, HTML) renders.
/// No renderer recomputes a score or a tier.
/// </summary>
public sealed class AuditResult
{
    internal AuditResult(Rubric rubric, AuditEvidence evidence)
    {
        Rubric = rubric;
        Evidence = evidence;
    }

    /// <summary>The rubric used (its id, version and SHA-256 identify it exactly).</summary>
    public Rubric Rubric { get; }

    /// <summary>The evidence scored.</summary>
    public AuditEvidence Evidence { get; }

    /// <summary>The audited company.</summary>
    public Company Company => Evidence.Company;

    /// <summary>The audit.</summary>
    public AuditInfo Audit => Evidence.Audit;

    /// <summary>The final score, rounded as the rubric says (one decimal by default). The tier is decided on it.</summary>
    public decimal Score { get; internal init; }

    /// <summary>The score before rounding, to four decimals (clamped to 0..total).</summary>
    public decimal UnroundedScore { get; internal init; }

    /// <summary>Earned ÷ applicable × total, before special deductions and bonus, to four decimals.</summary>
    public decimal ItemScore { get; internal init; }

    /// <summary>Points earned over all items (detail decimals).</summary>
    public decimal EarnedPoints { get; internal init; }

    /// <summary>Points of the applicable items (涉及项分值).</summary>
    public decimal ApplicablePoints { get; internal init; }

    /// <summary>All points of the rubric.</summary>
    public decimal PossiblePoints => Rubric.TotalPoints;

    /// <summary>Points of the excluded items.</summary>
    public decimal ExcludedPoints => PossiblePoints - ApplicablePoints;

    /// <summary>Sum of special deductions.</summary>
    public decimal DeductionPoints { get; internal init; }

    /// <summary>Sum of special bonuses.</summary>
    public decimal BonusPoints { get; internal init; }

    /// <summary>True when the adjusted score fell outside 0..total and was clamped.</summary>
    public bool Clamped { get; internal init; }

    /// <summary>The calculation as printed: figures that give the printed score on a calculator.</summary>
    public ScoreFormula Formula { get; internal init; } = null!;

    /// <summary>The tier granted.</summary>
    public Tier Tier { get; internal init; } = null!;

    /// <summary>The tier the score alone reaches (differs from <see cref="Tier"/> when a condition blocks it).</summary>
    public Tier ScoreTier { get; internal init; } = null!;

    /// <summary>Why tiers the score reaches were not granted (prerequisites, too many special deductions).</summary>
    public IReadOnlyList<TierBlock> TierBlocks { get => tierBlocks; internal init => tierBlocks = Lists.Copy(value); }

    private readonly IReadOnlyList<TierBlock> tierBlocks = [];

    /// <summary>The tier above the one granted, or null at the top.</summary>
    public Tier? NextTier { get; internal init; }

    /// <summary>Score points still missing to reach <see cref="NextTier"/>'s minimum (0 when only a condition blocks it).</summary>
    public decimal? PointsToNextTier { get; internal init; }

    /// <summary>Categories in rubric order, with their indicators and items.</summary>
    public IReadOnlyList<CategoryResult> Categories { get => categories; internal init => categories = Lists.Copy(value); }

    private readonly IReadOnlyList<CategoryResult> categories = [];

    /// <summary>All indicators in rubric order (the same objects as under <see cref="Categories"/>).</summary>
    public IReadOnlyList<IndicatorResult> Indicators { get => indicators; internal init => indicators = Lists.Copy(value); }

    private readonly IReadOnlyList<IndicatorResult> indicators = [];

    /// <summary>All items in rubric order (the same objects as under <see cref="Indicators"/>).</summary>
    public IReadOnlyList<ItemResult> Items { get => items; internal init => items = Lists.Copy(value); }

    private readonly IReadOnlyList<ItemResult> items = [];

    /// <summary>Special deductions with the points applied.</summary>
    public IReadOnlyList<AppliedAdjustment> Deductions { get => deductions; internal init => deductions = Lists.Copy(value); }

    private readonly IReadOnlyList<AppliedAdjustment> deductions = [];

    /// <summary>Special bonuses with the points applied.</summary>
    public IReadOnlyList<AppliedAdjustment> Bonuses { get => bonuses; internal init => bonuses = Lists.Copy(value); }

    private readonly IReadOnlyList<AppliedAdjustment> bonuses = [];

    /// <summary>Excluded indicators and items, with reasons.</summary>
    public IReadOnlyList<Exclusion> Exclusions { get => exclusions; internal init => exclusions = Lists.Copy(value); }

    private readonly IReadOnlyList<Exclusion> exclusions = [];

    /// <summary>Items without a finding in a mock or self assessment (scored 0).</summary>
    public IReadOnlyList<ItemResult> NotAssessed { get => notAssessed; internal init => notAssessed = Lists.Copy(value); }

    private readonly IReadOnlyList<ItemResult> notAssessed = [];

    /// <summary>The rectification list: nonconformities by grade, then special deductions, then observations.</summary>
    public IReadOnlyList<Nonconformity> Nonconformities { get => nonconformities; internal init => nonconformities = Lists.Copy(value); }

    private readonly IReadOnlyList<Nonconformity> nonconformities = [];

    /// <summary>
    /// True when this is a preview (<see cref="ScoringOptions.Preview"/>) of a formal audit still missing findings:
    /// those items counted as not assessed (0), and <see cref="Notices"/> starts with the notice <c>preview</c>.
    /// Never a certification result; false whenever the audit is complete, whatever the option.
    /// </summary>
    public bool IsPreview { get; internal init; }

    /// <summary>Notes for the reader: preview, mock status, items not assessed, consensus, clamping, certification practice, provisional points, open majors, repeat findings.</summary>
    public IReadOnlyList<Notice> Notices { get => notices; internal init => notices = Lists.Copy(value); }

    private readonly IReadOnlyList<Notice> notices = [];

    /// <summary>Warnings found while reading and checking the evidence.</summary>
    public IReadOnlyList<Diagnostic> Warnings { get => warnings; internal init => warnings = Lists.Copy(value); }

    private readonly IReadOnlyList<Diagnostic> warnings = [];

    /// <summary>
    /// The tier the certification body decided (<c>decision.tier</c>), or null without a decision. <see cref="Tier"/> is the
    /// audit team's recommendation (推荐等级); the two may differ.
    /// </summary>
    public Tier? DecisionTier { get; internal init; }

    /// <summary>Major nonconformities of a formal audit not verified closed (items, in rubric order); empty otherwise.</summary>
    public IReadOnlyList<string> OpenMajors { get; internal init; } = [];

    /// <summary>When surveillance audits are due, or null when neither a certificate nor an initial audit dates the cycle.</summary>
    public SurveillanceSchedule? Surveillance { get; internal init; }

    /// <summary>The audit this one follows (<c>audit.previous</c>), or null.</summary>
    public PreviousAudit? Previous { get; internal init; }

    /// <summary>Exact earned points and the exact total before adjustments, for the gap analysis.</summary>
    internal Scoring.Rational ExactEarned { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{Company.Name}: {Score} {Tier.Id}";
}
