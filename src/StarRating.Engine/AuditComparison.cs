using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine;

/// <summary>
/// Two results side by side: score and tier change, per-category and per-indicator deltas, changed items. The results
/// may come from different versions of one rubric, or from rubrics of one overlay family; items are then matched by id
/// and the rubric changes come with the comparison.
/// </summary>
public sealed class AuditComparison
{
    internal AuditComparison(AuditResult before, AuditResult after)
    {
        Before = before;
        After = after;
    }

    /// <summary>The earlier result.</summary>
    public AuditResult Before { get; }

    /// <summary>The later result.</summary>
    public AuditResult After { get; }

    /// <summary>After's score minus before's.</summary>
    public decimal ScoreDelta => After.Score - Before.Score;

    /// <summary>Tier steps moved: positive up, negative down, 0 unchanged.</summary>
    public int TierChange => After.Tier.Rank - Before.Tier.Rank;

    /// <summary>Per-category deltas in rubric order.</summary>
    public IReadOnlyList<ScoreDelta> Categories { get; internal init; } = [];

    /// <summary>Per-indicator deltas in rubric order.</summary>
    public IReadOnlyList<ScoreDelta> Indicators { get; internal init; } = [];

    /// <summary>
    /// Items whose status or earned points changed, or whose definition differs between the two rubrics: in the later
    /// rubric's order, then the items only the earlier rubric has.
    /// </summary>
    public IReadOnlyList<ItemChange> ChangedItems { get; internal init; } = [];

    /// <summary>
    /// What makes the comparison doubtful, shown with it in every format: different rubric versions (SR3024), rubrics
    /// of one family (SR3203), different companies (SR3028), audits in the wrong order (SR3029), or one evidence file
    /// compared with itself (SR3030).
    /// </summary>
    public IReadOnlyList<Diagnostic> Warnings { get; internal init; } = [];

    /// <summary>
    /// What differs between the two rubrics when the audits were scored under different ones (another version, or an
    /// overlay of the same base); null when both used the same rubric (same SHA-256).
    /// </summary>
    public RubricDiff? RubricChanges { get; internal init; }
}

internal static class Comparer
{
    /// <summary>Two audits of different companies, in the wrong order, or one file twice: compared, with a warning.</summary>
    private static void CheckSameCompanyInOrder(AuditResult before, AuditResult after, SourceLocation location, DiagnosticBag bag)
    {
        if (before.Evidence.Sha256 is { } a && a == after.Evidence.Sha256)
        {
            // One audit scored under two rubrics (versions, or a base and its overlay) shows what the rubric changes:
            // a comparison worth making. Under one rubric nothing can change.
            if (before.Rubric.Sha256 == after.Rubric.Sha256)
            {
                bag.Add(EngineDiagnostics.ComparisonSameEvidence, location, ("before", before.Evidence.SourceName), ("after", after.Evidence.SourceName));
            }

            return;
        }

        var beforeCompany = before.Company;
        var afterCompany = after.Company;
        if (!string.Equals(beforeCompany.Name.Trim(), afterCompany.Name.Trim(), StringComparison.Ordinal)
            || (beforeCompany.CreditCode is { } c1 && afterCompany.CreditCode is { } c2 && !string.Equals(c1.Trim(), c2.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            bag.Add(
                EngineDiagnostics.ComparisonDifferentCompanies,
                location,
                ("before", Describe(beforeCompany)),
                ("after", Describe(afterCompany)));
        }

        // The same audit days on both sides are one audit recorded twice (re-scored under another rubric version, or
        // its evidence corrected), not two audits in the wrong order.
        if (before.Audit.Dates.Count > 0 && after.Audit.Dates.Count > 0 && after.Audit.Dates[0] < before.Audit.Dates[^1]
            && !before.Audit.Dates.SequenceEqual(after.Audit.Dates))
        {
            bag.Add(EngineDiagnostics.ComparisonWrongOrder, location, ("after", Date(after.Audit.Dates[0])), ("before", Date(before.Audit.Dates[^1])));
        }
    }

    private static object Describe(Company company) => company.CreditCode is { } code
        ? new Message("diagnostic.company_with_code", ("name", Values.Shorten(company.Name)), ("code", Values.Shorten(code)))
        : Values.Shorten(company.Name);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static LoadResult<AuditComparison> Compare(AuditResult before, AuditResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var bag = new DiagnosticBag();
        var location = SourceLocation.WholeFile(after.Evidence.SourceName);
        if (!string.Equals(before.Rubric.Id, after.Rubric.Id, StringComparison.Ordinal))
        {
            // Rubrics of one family (an overlay and its base, two overlays of one base) match items by id; others do not compare.
            var common = Chain(before.Rubric).FirstOrDefault(b => Chain(after.Rubric).Any(a => a.Id == b.Id));
            if (common is null)
            {
                bag.Add(EngineDiagnostics.ComparisonRubricMismatch, location, ("before", before.Rubric.Id), ("after", after.Rubric.Id));
                return LoadResult.From<AuditComparison>(null, bag);
            }

            bag.Add(EngineDiagnostics.ComparisonRelatedRubrics, location, ("before", before.Rubric.Id + " " + before.Rubric.Version), ("after", after.Rubric.Id + " " + after.Rubric.Version), ("common", common.Id));
        }
        else if (!string.Equals(before.Rubric.Sha256, after.Rubric.Sha256, StringComparison.Ordinal))
        {
            bag.Add(EngineDiagnostics.ComparisonRubricChanged, location, ("id", after.Rubric.Id), ("before", before.Rubric.Version + " " + before.Rubric.Sha256[..12]), ("after", after.Rubric.Version + " " + after.Rubric.Sha256[..12]));
        }

        var rubricChanges = before.Rubric.Sha256 == after.Rubric.Sha256 ? null : RubricDiff.Compare(before.Rubric, after.Rubric);
        var changedInRubric = rubricChanges?.Changes.Where(c => c.Part == RubricPart.Item).Select(c => c.Id).ToHashSet(StringComparer.Ordinal) ?? [];

        var beforeCategories = before.Categories.ToDictionary(c => c.Category.Id, StringComparer.Ordinal);
        var beforeIndicators = before.Indicators.ToDictionary(i => i.Indicator.Id, StringComparer.Ordinal);
        var beforeItems = before.Items.ToDictionary(i => i.Item.Id, StringComparer.Ordinal);
        var afterItems = after.Items.Select(i => i.Item.Id).ToHashSet(StringComparer.Ordinal);

        var categories = after.Categories.Select(c =>
        {
            var b = beforeCategories.GetValueOrDefault(c.Category.Id);
            return new ScoreDelta(c.Category.Id, c.Category.Name, b?.Earned, c.Earned, b?.Applicable, c.Applicable, b?.Percent, c.Percent);
        });
        var indicators = after.Indicators.Select(i =>
        {
            var b = beforeIndicators.GetValueOrDefault(i.Indicator.Id);
            return new ScoreDelta(i.Indicator.Id, i.Indicator.Name, b?.Earned, i.Earned, b?.Applicable, i.Applicable, b?.Percent, i.Percent);
        });
        var items = after.Items
            .Select(i => (after: i, before: beforeItems.GetValueOrDefault(i.Item.Id)))
            .Where(x => x.before is null || x.before.Status != x.after.Status || x.before.Earned != x.after.Earned || changedInRubric.Contains(x.after.Item.Id))
            .Select(x => new ItemChange(x.after.Item.Id, x.after.Item.Requirement, x.before?.Status, x.after.Status, x.before?.Earned, x.after.Earned)
            {
                BeforePoints = x.before?.Item.Points,
                AfterPoints = x.after.Item.Points,
                RubricChanged = changedInRubric.Contains(x.after.Item.Id),
            })
            .Concat(before.Items
                .Where(b => !afterItems.Contains(b.Item.Id))
                .Select(b => new ItemChange(b.Item.Id, b.Item.Requirement, b.Status, null, b.Earned, null)
                {
                    BeforePoints = b.Item.Points,
                    RubricChanged = true,
                }));

        CheckSameCompanyInOrder(before, after, location, bag);
        var comparison = new AuditComparison(before, after)
        {
            Categories = categories.ToArray(),
            Indicators = indicators.ToArray(),
            ChangedItems = items.ToArray(),
            Warnings = bag.ToSortedList(),
            RubricChanges = rubricChanges,
        };
        return LoadResult.From(comparison, bag);
    }

    private static IEnumerable<Rubric> Chain(Rubric rubric)
    {
        for (var layer = rubric; layer is not null; layer = layer.Base)
        {
            yield return layer;
        }
    }
}
