using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook.Xlsx;
using T = StarRating.Workbook.WorkbookText;

namespace StarRating.Workbook.Layout;

/// <summary>
/// The sheets of the scored workbook: the score and tier with the figures of the calculation, category and
/// indicator sums, every item's points and why, and the rectification list. Every figure comes from the engine's
/// <see cref="AuditResult"/>; nothing is recomputed here, and there are no formulas (the values are the record).
/// </summary>
internal static class ResultSheets
{
    public static void Add(XlsxPackage package, AuditResult result, Language l)
    {
        Summary(package, result, l);
        Items(package, result, l);
        Rectification(package, result, l);
    }

    private static string Stars(Tier tier) => tier.Stars > 0 ? " " + new string('★', tier.Stars) : "";

    private static void Summary(XlsxPackage package, AuditResult r, Language l)
    {
        var sheet = package.Add(new SheetBuilder(T.ResultSheet.Get(l)) { Landscape = false });
        double[] widths = [0, 14, 40, 10, 10, 10, 12];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        sheet.Text(1, 1, T.ScoredTitle.Get(l), Style.Title);
        sheet.Text(2, 1, r.Company.Name, Style.Bold);
        var audit = string.Join(" · ", new[]
        {
            T.Of(r.Audit.Kind).Get(l),
            string.Join(", ", r.Audit.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))),
            r.Audit.Reference,
        }.Where(p => !string.IsNullOrEmpty(p)));
        sheet.Text(3, 1, audit, Style.Subtitle);
        sheet.Text(4, 1, $"{T.Rubric.Get(l)} {r.Rubric.Id} {r.Rubric.Version} · SHA-256 {r.Rubric.Sha256[..16]}…", Style.Subtitle);

        var row = 6;
        sheet.Text(row, 1, T.Score.Get(l), Style.Bold);
        sheet.Number(row, 2, r.Score, Style.ResultBig);
        row++;
        sheet.Text(row, 1, T.Tier.Get(l), Style.Bold);
        sheet.Text(row, 2, r.Tier.Label.Get(l) + Stars(r.Tier), Style.Bold);
        row++;
        sheet.Text(row, 2, T.ScoreOfRecord.Get(l), Style.Hint);
        row += 2;

        // The calculation as figures that add up by hand: earned ÷ applicable × total − deductions + bonus → score.
        sheet.Text(row, 1, T.Formula.Get(l), Style.Section);
        sheet.Blank(row, 2, Style.Section);
        row++;
        (LocalizedText Label, decimal Value)[] figures =
        [
            (T.Earned, r.EarnedPoints),
            (T.Applicable, r.ApplicablePoints),
            (T.Possible, r.PossiblePoints),
            (T.ItemScore, r.ItemScore),
            (T.SpecialDeduction, -r.DeductionPoints),
            (T.SpecialBonus, r.BonusPoints),
            (T.Score, r.Score),
        ];
        foreach (var (label, value) in figures)
        {
            sheet.Text(row, 1, label.Get(l), Style.Result);
            sheet.Number(row, 2, value, Style.ResultNumber);
            row++;
        }

        row++;
        LocalizedText[] headers = [T.Id, T.Indicator, T.Earned, T.Applicable, T.Possible, T.Percent];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(row, c + 1, headers[c].Get(l), Style.Header);
        }

        row++;
        foreach (var category in r.Categories)
        {
            Line(sheet, row++, category.Category.Id, category.Category.Name.Get(l), category.Earned, category.Applicable, category.Possible, category.Percent, Style.Category);
            foreach (var indicator in category.Indicators)
            {
                Line(sheet, row++, indicator.Indicator.Id, indicator.Indicator.Name.Get(l) + (indicator.Indicator.PointsProvisional ? " *" : ""), indicator.Earned, indicator.Applicable, indicator.Possible, indicator.Percent, Style.Result);
            }
        }

        if (r.Deductions.Count + r.Bonuses.Count > 0)
        {
            row++;
            foreach (var (label, adjustment) in r.Deductions.Select(d => (T.SpecialDeduction, d)).Concat(r.Bonuses.Select(b => (T.SpecialBonus, b))))
            {
                sheet.Text(row, 1, label.Get(l), Style.Result);
                sheet.Text(row, 2, adjustment.Reason + (adjustment.Basis is null ? "" : " (" + adjustment.Basis + ")"), Style.Result);
                sheet.Number(row, 3, label == T.SpecialDeduction ? -adjustment.Points : adjustment.Points, Style.ResultNumber);
                row++;
            }
        }

        if (r.TierBlocks.Count > 0)
        {
            row++;
            sheet.Text(row++, 1, T.TierBlocked.Get(l), Style.Section);
            foreach (var block in r.TierBlocks)
            {
                sheet.Text(row, 1, block.Tier.Label.Get(l), Style.Result);
                sheet.Text(row, 2, block.Reason.Get(l), Style.Result);
                row++;
            }
        }

        if (r.Notices.Count > 0)
        {
            row++;
            sheet.Text(row++, 1, T.Notices.Get(l), Style.Section);
            foreach (var notice in r.Notices)
            {
                sheet.Text(row++, 2, notice.Text.Get(l), Style.Hint);
            }
        }

    }

    private static void Line(SheetBuilder sheet, int row, string id, string name, decimal earned, decimal applicable, decimal possible, decimal? percent, Style style)
    {
        sheet.Text(row, 1, id, style);
        sheet.Text(row, 2, name, style);
        var number = style == Style.Result ? Style.ResultNumber : Style.CategoryNumber;
        sheet.Number(row, 3, earned, number);
        sheet.Number(row, 4, applicable, number);
        sheet.Number(row, 5, possible, number);
        sheet.Number(row, 6, percent, style == Style.Result ? Style.ResultPercent : Style.CategoryPercent);
    }

    private static void Items(XlsxPackage package, AuditResult r, Language l)
    {
        var sheet = package.Add(new SheetBuilder(T.ItemScoresSheet.Get(l)) { FrozenRows = 1, FrozenColumns = 1 });
        double[] widths = [0, 9, 44, 13, 8, 10, 7, 12, 44, 44];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        LocalizedText[] headers = [T.Id, T.Requirement, T.Status, T.Earned, T.Applicable, T.Lost, T.Grade, T.Why, T.Note];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(1, c + 1, headers[c].Get(l), Style.Header);
        }

        var row = 2;
        foreach (var item in r.Items)
        {
            sheet.Text(row, 1, item.Item.Id, Style.Result);
            sheet.Text(row, 2, item.Item.Requirement.Get(l), Style.Result);
            sheet.Text(row, 3, T.Of(item.Status).Get(l), Style.Result);
            sheet.Number(row, 4, item.Earned, Style.ResultNumber);
            sheet.Number(row, 5, item.Applicable, Style.ResultNumber);
            sheet.Number(row, 6, item.Lost, Style.ResultNumber);
            sheet.Text(row, 7, item.Grade is { } g ? T.Of(g).Get(l) : null, Style.Result);
            sheet.Text(row, 8, item.Explanation.Get(l), Style.Result);
            sheet.Text(row, 9, item.Note, Style.Result);
            row++;
        }

        sheet.AutoFilter = $"A1:I{row - 1}";
    }

    private static void Rectification(XlsxPackage package, AuditResult r, Language l)
    {
        var sheet = package.Add(new SheetBuilder(T.RectificationSheet.Get(l)) { FrozenRows = 1 });
        double[] widths = [0, 14, 9, 7, 60, 44];
        for (var c = 1; c < widths.Length; c++)
        {
            sheet.Width(c, widths[c]);
        }

        LocalizedText[] headers = [T.Kind, T.Id, T.Lost, T.Description, T.Evidence];
        for (var c = 0; c < headers.Length; c++)
        {
            sheet.Text(1, c + 1, headers[c].Get(l), Style.Header);
        }

        var row = 2;
        foreach (var n in r.Nonconformities)
        {
            var kind = n.Kind == NonconformityKind.SpecialDeduction ? T.SpecialDeduction : T.Of(n.Grade ?? NonconformityGrade.Minor);
            sheet.Text(row, 1, kind.Get(l), Style.Result);
            sheet.Text(row, 2, n.Id, Style.Result);
            sheet.Number(row, 3, n.LostPoints, Style.ResultNumber);
            sheet.Text(row, 4, n.Description.Get(l), Style.Result);
            sheet.Text(row, 5, string.Join("\n", n.Evidence), Style.Result);
            row++;
        }
    }
}
