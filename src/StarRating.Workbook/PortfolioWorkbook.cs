using StarRating.Rules;
using StarRating.Workbook.Xlsx;
using T = StarRating.Workbook.WorkbookText;

namespace StarRating.Workbook;

/// <summary>The portfolio as a workbook: one row per audit, a frozen header and a filter.</summary>
public static class PortfolioWorkbook
{
    /// <summary>Writes the portfolio workbook; the same entries always give the same bytes.</summary>
    /// <param name="rubric">The rubric the audits were scored with (its decimals format the scores).</param>
    /// <param name="entries">The audits, in the order to list them.</param>
    /// <param name="language">The language of the headers and tier names.</param>
    public static byte[] Write(Rubric rubric, IReadOnlyList<PortfolioEntry> entries, Language language = default)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(entries);
        var package = new XlsxPackage(AuditWorkbook.FontName(language));
        var sheet = package.Add(new SheetBuilder(T.PortfolioSheet.Get(language)) { FrozenRows = 1, FrozenColumns = 1 });
        var columns = T.PortfolioColumns;
        for (var c = 0; c < columns.Length; c++)
        {
            sheet.Width(c + 1, columns[c].Width);
            sheet.Text(1, c + 1, columns[c].Label.Get(language), Style.Header);
        }

        var row = 2;
        foreach (var entry in entries)
        {
            string?[] texts = [entry.File, entry.Company, entry.CreditCode, entry.Kind, entry.Dates, null, entry.Tier?.Label.Get(language), null, entry.Status, null, null, entry.Report];
            for (var c = 0; c < texts.Length; c++)
            {
                sheet.Text(row, c + 1, texts[c], Style.Result);
            }

            sheet.Number(row, 6, entry.Score, Style.ResultPercent);
            sheet.Number(row, 8, entry.Tier?.Stars, Style.ResultNumber);
            sheet.Number(row, 10, entry.Errors, Style.ResultNumber);
            sheet.Number(row, 11, entry.Warnings, Style.ResultNumber);
            row++;
        }

        sheet.AutoFilter = $"A1:{SheetBuilder.Ref(Math.Max(1, row - 1), columns.Length)}";
        package.Name(new DefinedName(Layout.Columns.PortfolioRole, Layout.EvidenceSheets.Absolute(sheet.Name, "$A$1")));
        return package.Write();
    }

    /// <summary>
    /// True when <paramref name="path"/> is a portfolio workbook written by <see cref="Write"/> (it carries a hidden
    /// role name), so that a batch over a folder never reads its own earlier portfolio as an audit. The file is
    /// opened under <see cref="WorkbookLimits.Default"/>; one that cannot be read or opened is not a portfolio. Never
    /// throws for a bad file.
    /// </summary>
    /// <param name="path">The file to look at.</param>
    public static bool IsPortfolio(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var limits = WorkbookLimits.Default;
        byte[] bytes;
        try
        {
            // A pipe or a device is never our output, and opening a pipe would wait for a writer.
            var info = new FileInfo(path);
            if (Rules.Files.FileProbe.Stat(path).Kind != Rules.Files.FileKind.Regular || info.Length > limits.MaxFileBytes)
            {
                return false;
            }

            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return false;
        }

        using var package = PackageReader.Open(bytes, path, limits, []);
        return package is not null && WorkbookParts.Open(package, path, limits) is { } parts && parts.DefinedNames.ContainsKey(Layout.Columns.PortfolioRole);
    }
}
