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

/// <summary>A tier the score reaches but that was not granted, and why.</summary>
/// <param name="Tier">The tier refused.</param>
/// <param name="Reason">Why: <c>tier_block.deductions</c> (<c>count</c>, <c>max</c>) or <c>tier_block.prerequisites</c> (<c>count</c>, <c>items</c>).</param>
/// <param name="Items">The prerequisite items not conforming (empty for other reasons).</param>
public sealed record TierBlock(Tier Tier, Message Reason, IReadOnlyList<string> Items);

/// <summary>
/// The score's calculation as a person checks it on a calculator:
/// <c>Earned ÷ Applicable × Total = ItemScore</c> (≈ when <see cref="ItemScoreRounded"/>), <c>− Deductions + Bonus = Sum</c>,
/// then <c>Sum</c> rounded (and held within 0..total when <see cref="Clamped"/>) gives <see cref="Score"/>. The figures are the
/// printed ones, so the chain gives the printed score; the engine's own values (<see cref="AuditResult.ItemScore"/>,
/// <see cref="AuditResult.UnroundedScore"/>) are exact and may differ in the last decimals.
/// </summary>
/// <param name="Earned">Earned points as shown (the rubric's detail decimals, more in the rare case they are needed).</param>
/// <param name="Applicable">Applicable points.</param>
/// <param name="Total">The rubric's total.</param>
/// <param name="ItemScore">Earned ÷ applicable × total, from the figures shown, to four decimals.</param>
/// <param name="ItemScoreRounded">True when <paramref name="ItemScore"/> is rounded (write ≈, not =).</param>
/// <param name="Deductions">Special deductions.</param>
/// <param name="Bonus">Special bonus.</param>
/// <param name="Sum">Item score − deductions + bonus.</param>
/// <param name="Clamped">True when the sum lies outside 0..total, so the score is the bound.</param>
/// <param name="Score">The final score.</param>
public sealed record ScoreFormula(
    decimal Earned,
    decimal Applicable,
    decimal Total,
    decimal ItemScore,
    bool ItemScoreRounded,
    decimal Deductions,
    decimal Bonus,
    decimal Sum,
    bool Clamped,
    decimal Score)
{
    /// <summary>True when special deductions or bonus change the item score.</summary>
    public bool HasAdjustments => Deductions != 0 || Bonus != 0;
}

/// <summary>A special deduction or bonus as applied.</summary>
/// <param name="Points">Points applied.</param>
/// <param name="Reason">What was found.</param>
/// <param name="Basis">The rule, law or evidence behind it.</param>
/// <param name="Item">The check item concerned, if any.</param>
public sealed record AppliedAdjustment(decimal Points, string Reason, string? Basis, string? Item);

/// <summary>An exclusion: a whole indicator or a single item that does not apply.</summary>
/// <param name="Id">The indicator or item id.</param>
/// <param name="IsIndicator">True for a whole indicator.</param>
/// <param name="Name">The indicator's name, or the item's requirement.</param>
/// <param name="Points">Points leaving the denominator.</param>
/// <param name="Reason">Why it does not apply.</param>
public sealed record Exclusion(string Id, bool IsIndicator, LocalizedText Name, decimal Points, string Reason);

/// <summary>What kind of entry a rectification-list line is.</summary>
public enum NonconformityKind
{
    /// <summary>A check item not fully conforming, or an observation on one.</summary>
    Item = 0,

    /// <summary>A special deduction, which also requires rectification.</summary>
    SpecialDeduction = 1,
}

/// <summary>One line of the rectification list.</summary>
/// <param name="Kind">An item or a special deduction.</param>
/// <param name="Grade">The grade (null for special deductions).</param>
/// <param name="Id">The item id (or the deduction's item, if any).</param>
/// <param name="Requirement">The item's requirement, when about an item.</param>
/// <param name="LostPoints">Points lost.</param>
/// <param name="Description">What was found: the auditor's note (as written, <c>text.verbatim</c>), the engine's explanation when there is no note, or the deduction's reason (as written).</param>
/// <param name="Evidence">Evidence cited.</param>
public sealed record Nonconformity(
    NonconformityKind Kind,
    NonconformityGrade? Grade,
    string? Id,
    LocalizedText? Requirement,
    decimal LostPoints,
    Message Description,
    IReadOnlyList<string> Evidence)
{
    /// <summary>True when the previous audit had a nonconformity on the same item: a repeat finding.</summary>
    public bool Repeated { get; init; }

    /// <summary>The nonconformity record of the finding (<c>nc:</c>), or null.</summary>
    public NonconformityRecord? Record { get; init; }
}

/// <summary>A note for the reader of a result.</summary>
/// <param name="Code">A stable word: preview, mock, not-assessed, consensus, clamped, initial-star, provisional-points, major-nonconformities-open, repeat-findings or stage-one-no-recommendation.</param>
/// <param name="Text">The note: the vocabulary text <c>notice.CODE</c> with its arguments.</param>
public sealed record Notice(string Code, Message Text);
