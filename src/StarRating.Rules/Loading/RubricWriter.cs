using System.Globalization;
using System.Text;
using StarRating.Rules.Documents;

namespace StarRating.Rules.Loading;

/// <summary>
/// Writes a rubric as one plain rubric file in a canonical form: every key written out (defaults included), in the
/// order of docs/rubric-format.md, texts in "quotes", numbers without trailing zeros, <c>\n</c> line endings, no
/// comments. The SHA-256 of a rubric resolved from overlays is taken over exactly these bytes, so the form is part of
/// the hash's meaning: change it only together with the format version named in the header.
/// </summary>
internal static class RubricWriter
{
    /// <summary>The first line of every export; names the canonical form the hash covers.</summary>
    public const string Header = "# StarRating resolved rubric (canonical form 1): every value written out, comments of the source files not kept.";

    public static string Write(Rubric rubric)
    {
        var y = new StringBuilder(64 * 1024);
        y.Append(Header).Append('\n');
        Key(y, 0, "id", Quote(rubric.Id));
        Text(y, 0, "title", rubric.Title);
        Key(y, 0, "standard", Quote(rubric.Standard));
        Key(y, 0, "version", Quote(rubric.Version));
        Key(y, 0, "total", Numbers.Format(rubric.TotalPoints));
        Text(y, 0, "report_title", rubric.ReportTitle);
        Text(y, 0, "description", rubric.Description);
        Texts(y, 0, "documents", rubric.ApplicationDocuments);
        Text(y, 0, "provisional", rubric.ProvisionalNote);
        if (rubric.Terminology != Terminology.Audit)
        {
            // Written only when not the default, so the resolved form (and its hash) of a rubric without the key stays as it was.
            Key(y, 0, "terminology", "review");
        }

        var s = rubric.Scoring;
        y.Append("scoring:\n");
        Key(y, 1, "decimals", Int(s.Decimals));
        Key(y, 1, "rounding", Words.Rounding.TokenOf(s.Rounding));
        Key(y, 1, "detail_decimals", Int(s.DetailDecimals));
        Key(y, 1, "default_deduction", Numbers.Format(s.DefaultDeduction));
        Key(y, 1, "max_bonus", Numbers.Format(s.MaxBonusPoints));
        Key(y, 1, "max_bonus_count", Int(s.MaxBonusCount));
        if (s.MaxSpecialDeductions is { } max)
        {
            Key(y, 1, "max_special_deductions", Int(max));
        }

        if (s.AgreementSpread != new ScoringPolicy().AgreementSpread)
        {
            // Written only when not the default, so the resolved form (and its hash) of a rubric without the key stays as it was.
            Key(y, 1, "agreement_spread", Numbers.Format(s.AgreementSpread));
        }

        // Written only when not the default, so the resolved form (and its hash) of a rubric without the keys stays as it was.
        if (s.WithholdTierOnOpenMajor)
        {
            Key(y, 1, "withhold_tier_on_open_major", "true");
        }

        if (s.SurveillanceIntervalMonths != 12)
        {
            Key(y, 1, "surveillance_interval_months", Int(s.SurveillanceIntervalMonths));
        }

        y.Append("tiers:\n");
        foreach (var tier in rubric.Tiers)
        {
            y.Append("  - id: ").Append(Quote(tier.Id)).Append('\n');
            Text(y, 2, "label", tier.Label);
            Key(y, 2, "min", Numbers.Format(tier.MinScore));
            Key(y, 2, "stars", Int(tier.Stars));
            if (tier.Prerequisites.Count > 0)
            {
                Key(y, 2, "requires", "[" + string.Join(", ", tier.Prerequisites.Select(Quote)) + "]");
            }

            Text(y, 2, "initial_audit_note", tier.InitialAuditNote);
        }

        y.Append("categories:\n");
        foreach (var category in rubric.Categories)
        {
            y.Append("  - id: ").Append(Quote(category.Id)).Append('\n');
            Text(y, 2, "name", category.Name);
            Key(y, 2, "points", Numbers.Format(category.Points));
            y.Append("    indicators:\n");
            foreach (var indicator in category.Indicators)
            {
                y.Append("      - id: ").Append(Quote(indicator.Id)).Append('\n');
                Text(y, 4, "name", indicator.Name);
                Key(y, 4, "points", Numbers.Format(indicator.Points));
                if (indicator.PointsProvisional)
                {
                    Key(y, 4, "provisional", "true");
                }

                Text(y, 4, "summary", indicator.Summary);
                y.Append("        items:\n");
                foreach (var item in indicator.Items)
                {
                    y.Append("          - id: ").Append(Quote(item.Id)).Append('\n');
                    Key(y, 6, "points", Numbers.Format(item.Points));
                    Text(y, 6, "requirement", item.Requirement);
                    Key(y, 6, "methods", "[" + string.Join(", ", item.Methods.Select(FormatWords.Of)) + "]");
                    Texts(y, 6, "documents", item.Documents);
                }
            }
        }

        return y.ToString();
    }

    private static void Key(StringBuilder y, int level, string key, string value) =>
        y.Append(' ', level * 2).Append(key).Append(": ").Append(value).Append('\n');

    private static void Text(StringBuilder y, int level, string key, LocalizedText? text)
    {
        if (text is not null)
        {
            Key(y, level, key, Localized(text));
        }
    }

    private static void Texts(StringBuilder y, int level, string key, IReadOnlyList<LocalizedText> texts)
    {
        if (texts.Count == 0)
        {
            return;
        }

        y.Append(' ', level * 2).Append(key).Append(":\n");
        foreach (var text in texts)
        {
            y.Append(' ', (level + 1) * 2).Append("- ").Append(Localized(text)).Append('\n');
        }
    }

    private static string Localized(LocalizedText text) =>
        text.En is null ? "{ zh: " + Quote(text.Zh) + " }" : "{ zh: " + Quote(text.Zh) + ", en: " + Quote(text.En) + " }";

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A YAML scalar in "quotes" (the escaping kind). Backslash, quote, and every character YAML could read as a line break or that
    /// is not printable (controls, U+0085, U+2028, U+2029, the byte-order mark) are escaped; the rest, Chinese
    /// included, is written as is.
    /// </summary>
    internal static string Quote(string value)
    {
        var q = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\':
                    q.Append("\\\\");
                    break;
                case '"':
                    q.Append("\\\"");
                    break;
                case '\n':
                    q.Append("\\n");
                    break;
                case '\t':
                    q.Append("\\t");
                    break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                    {
                        q.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        q.Append(c);
                    }

                    break;
            }
        }

        return q.Append('"').ToString();
    }
}
