using System.Globalization;

namespace StarRating.Rules;

/// <summary>
/// What changed between two rubrics or two versions of one (<c>starrating rubric diff</c>): points, entries added,
/// removed or moved, tiers and grading conditions, texts. Entries are matched by id, so a certification body can put
/// its overlay's versions under change control, and a comparison of audits scored under two versions can say which
/// items changed.
/// </summary>
public sealed class RubricDiff
{
    private RubricDiff(Rubric before, Rubric after, IReadOnlyList<RubricChange> changes)
    {
        Before = before;
        After = after;
        Changes = changes;
    }

    /// <summary>The earlier rubric.</summary>
    public Rubric Before { get; }

    /// <summary>The later rubric.</summary>
    public Rubric After { get; }

    /// <summary>Every difference: top level, scoring, tiers, categories, indicators, items; each in the later rubric's order, removed entries last.</summary>
    public IReadOnlyList<RubricChange> Changes { get; }

    /// <summary>True when the two rubrics have the same content (their SHA-256 may still differ by formatting).</summary>
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>Compares two rubrics.</summary>
    /// <param name="before">The earlier rubric (or version).</param>
    /// <param name="after">The later rubric (or version).</param>
    public static RubricDiff Compare(Rubric before, Rubric after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<RubricChange>();
        void Value(RubricPart part, string id, string key, string? b, string? a)
        {
            if (!string.Equals(b, a, StringComparison.Ordinal))
            {
                changes.Add(new RubricChange(part, id, RubricChangeKind.Changed, key, b, a));
            }
        }

        Value(RubricPart.Rubric, "", "id", before.Id, after.Id);
        Value(RubricPart.Rubric, "", "title", Text(before.Title), Text(after.Title));
        Value(RubricPart.Rubric, "", "report_title", Text(before.ReportTitle), Text(after.ReportTitle));
        Value(RubricPart.Rubric, "", "standard", before.Standard, after.Standard);
        Value(RubricPart.Rubric, "", "version", before.Version, after.Version);
        Value(RubricPart.Rubric, "", "total", Number(before.TotalPoints), Number(after.TotalPoints));
        Value(RubricPart.Rubric, "", "provisional", Text(before.ProvisionalNote), Text(after.ProvisionalNote));
        Value(RubricPart.Rubric, "", "description", Text(before.Description), Text(after.Description));
        Value(RubricPart.Rubric, "", "documents", Texts(before.ApplicationDocuments), Texts(after.ApplicationDocuments));
        Value(RubricPart.Rubric, "", "terminology", Documents.Words.Terminologies.TokenOf(before.Terminology), Documents.Words.Terminologies.TokenOf(after.Terminology));

        var (bs, @as) = (before.Scoring, after.Scoring);
        Value(RubricPart.Scoring, "", "decimals", Int(bs.Decimals), Int(@as.Decimals));
        Value(RubricPart.Scoring, "", "rounding", Documents.Words.Rounding.TokenOf(bs.Rounding), Documents.Words.Rounding.TokenOf(@as.Rounding));
        Value(RubricPart.Scoring, "", "detail_decimals", Int(bs.DetailDecimals), Int(@as.DetailDecimals));
        Value(RubricPart.Scoring, "", "default_deduction", Number(bs.DefaultDeduction), Number(@as.DefaultDeduction));
        Value(RubricPart.Scoring, "", "max_bonus", Number(bs.MaxBonusPoints), Number(@as.MaxBonusPoints));
        Value(RubricPart.Scoring, "", "max_bonus_count", Int(bs.MaxBonusCount), Int(@as.MaxBonusCount));
        Value(RubricPart.Scoring, "", "max_special_deductions", bs.MaxSpecialDeductions is { } bm ? Int(bm) : null, @as.MaxSpecialDeductions is { } am ? Int(am) : null);
        Value(RubricPart.Scoring, "", "agreement_spread", Number(bs.AgreementSpread), Number(@as.AgreementSpread));
        Value(RubricPart.Scoring, "", "withhold_tier_on_open_major", bs.WithholdTierOnOpenMajor ? "true" : "false", @as.WithholdTierOnOpenMajor ? "true" : "false");
        Value(RubricPart.Scoring, "", "surveillance_interval_months", Int(bs.SurveillanceIntervalMonths), Int(@as.SurveillanceIntervalMonths));

        Entries(changes, RubricPart.Tier, before.Tiers, after.Tiers, t => t.Id, _ => "", t => ("min", Number(t.MinScore)), (b, a) =>
        {
            Value(RubricPart.Tier, a.Id, "label", Text(b.Label), Text(a.Label));
            Value(RubricPart.Tier, a.Id, "min", Number(b.MinScore), Number(a.MinScore));
            Value(RubricPart.Tier, a.Id, "stars", Int(b.Stars), Int(a.Stars));
            Value(RubricPart.Tier, a.Id, "requires", List(b.Prerequisites), List(a.Prerequisites));
            Value(RubricPart.Tier, a.Id, "initial_audit_note", Text(b.InitialAuditNote), Text(a.InitialAuditNote));
        });
        Entries(changes, RubricPart.Category, before.Categories, after.Categories, c => c.Id, _ => "", c => ("points", Number(c.Points)), (b, a) =>
        {
            Value(RubricPart.Category, a.Id, "name", Text(b.Name), Text(a.Name));
            Value(RubricPart.Category, a.Id, "points", Number(b.Points), Number(a.Points));
        });
        Entries(changes, RubricPart.Indicator, before.Indicators, after.Indicators, i => i.Id, i => i.Category.Id, i => ("points", Number(i.Points)), (b, a) =>
        {
            Value(RubricPart.Indicator, a.Id, "name", Text(b.Name), Text(a.Name));
            Value(RubricPart.Indicator, a.Id, "points", Number(b.Points), Number(a.Points));
            Value(RubricPart.Indicator, a.Id, "provisional", Bool(b.PointsProvisional), Bool(a.PointsProvisional));
            Value(RubricPart.Indicator, a.Id, "summary", Text(b.Summary), Text(a.Summary));
        });
        Entries(changes, RubricPart.Item, before.Items, after.Items, i => i.Id, i => i.Indicator.Id, i => ("points", Number(i.Points)), (b, a) =>
        {
            Value(RubricPart.Item, a.Id, "points", Number(b.Points), Number(a.Points));
            Value(RubricPart.Item, a.Id, "requirement", Text(b.Requirement), Text(a.Requirement));
            Value(RubricPart.Item, a.Id, "methods", List(b.Methods.Select(FormatWords.Of)), List(a.Methods.Select(FormatWords.Of)));
            Value(RubricPart.Item, a.Id, "documents", Texts(b.Documents), Texts(a.Documents));
        });

        return new RubricDiff(before, after, changes);
    }

    /// <summary>
    /// Entries matched by id: those only in the later rubric are added, those only in the earlier one removed;
    /// for the rest, a new parent is a move, a new place among the siblings a change of position, then the values.
    /// </summary>
    private static void Entries<T>(
        List<RubricChange> changes,
        RubricPart part,
        IReadOnlyList<T> before,
        IReadOnlyList<T> after,
        Func<T, string> id,
        Func<T, string> parent,
        Func<T, (string Key, string Value)> size,
        Action<T, T> values)
    {
        var earlier = before.ToDictionary(id, StringComparer.Ordinal);
        var later = after.Select(id).ToHashSet(StringComparer.Ordinal);
        string Position(IReadOnlyList<T> list, T entry) =>
            Int(list.Where(e => parent(e) == parent(entry)).Select(id).ToList().IndexOf(id(entry)) + 1);

        foreach (var a in after)
        {
            if (!earlier.TryGetValue(id(a), out var b))
            {
                var (key, value) = size(a);
                changes.Add(new RubricChange(part, id(a), RubricChangeKind.Added, key, null, value));
                continue;
            }

            if (parent(a) != parent(b))
            {
                changes.Add(new RubricChange(part, id(a), RubricChangeKind.Moved, part == RubricPart.Item ? "indicator" : "category", parent(b), parent(a)));
            }
            else
            {
                // Only the order among siblings present in both counts: an entry added or removed before it is not a move.
                var siblingsBefore = before.Where(e => parent(e) == parent(b) && later.Contains(id(e))).Select(id).ToList();
                var siblingsAfter = after.Where(e => parent(e) == parent(a) && earlier.ContainsKey(id(e))).Select(id).ToList();
                if (siblingsBefore.IndexOf(id(b)) != siblingsAfter.IndexOf(id(a)))
                {
                    changes.Add(new RubricChange(part, id(a), RubricChangeKind.Changed, "position", Position(before, b), Position(after, a)));
                }
            }

            values(b, a);
        }

        foreach (var b in before.Where(b => !later.Contains(id(b))))
        {
            var (key, value) = size(b);
            changes.Add(new RubricChange(part, id(b), RubricChangeKind.Removed, key, value, null));
        }
    }

    private static string? Text(LocalizedText? text) => text is null ? null : text.En is null ? text.Zh : text.Zh + " / " + text.En;

    private static string Texts(IEnumerable<LocalizedText> texts) => string.Join("; ", texts.Select(t => Text(t)));

    private static string List(IEnumerable<string> values) => string.Join(", ", values);

    private static string Number(decimal value) => Numbers.Format(value);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";
}
