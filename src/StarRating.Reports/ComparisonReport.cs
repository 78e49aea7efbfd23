using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports;

/// <summary>
/// The report model of a comparison of two audits: the comparison, each audit's <see cref="AuditReport"/> and the
/// wording, built once and rendered by every output. Immutable and safe to share between threads.
/// </summary>
public sealed class ComparisonReport
{
    private ComparisonReport(AuditComparison comparison, Wording wording)
    {
        Comparison = comparison;
        Wording = wording;
        Before = AuditReport.Create(comparison.Before, wording.Language, wording.Terminology);
        After = AuditReport.Create(comparison.After, wording.Language, wording.Terminology);
        var change = comparison.TierChange;
        TierChangeText = wording.Format(
            "report.tier_change",
            ("direction", change > 0 ? "up" : change < 0 ? "down" : "same"),
            ("steps", Math.Abs(change)),
            ("from", comparison.Before.Tier.Label),
            ("to", comparison.After.Tier.Label));
    }

    /// <summary>The comparison.</summary>
    public AuditComparison Comparison { get; }

    /// <summary>Language and terminology.</summary>
    public Wording Wording { get; }

    /// <summary>The earlier audit's report model.</summary>
    public AuditReport Before { get; }

    /// <summary>The later audit's report model.</summary>
    public AuditReport After { get; }

    /// <summary>The tier change in words: 升 1 级(三星级 → 四星级) / up 1 tier (from Three-star to Four-star).</summary>
    public string TierChangeText { get; }

    /// <summary>The name of a part of a rubric in a rubric change: 类别 / Category.</summary>
    /// <param name="part">The part.</param>
    public string Part(RubricPart part) => Wording.Text("rubric_part." + RubricWords.Of(part));

    /// <summary>The name of a kind of rubric change: 新增 / added.</summary>
    /// <param name="kind">The kind.</param>
    public string Change(RubricChangeKind kind) => Wording.Text("rubric_change." + RubricWords.Of(kind));

    /// <summary>Builds the model of a comparison.</summary>
    /// <param name="comparison">The comparison, from <see cref="AuditEngine.Compare"/>.</param>
    /// <param name="language">The language; Chinese by default.</param>
    /// <param name="terminology">审核 or 审查; the later audit's rubric's choice when null.</param>
    public static ComparisonReport Create(AuditComparison comparison, Language language = default, Terminology? terminology = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return new ComparisonReport(comparison, new Wording(language, terminology ?? comparison.After.Rubric.Terminology));
    }
}
