using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook.Layout;
using StarRating.Workbook.Xlsx;

namespace StarRating.Workbook;

/// <summary>
/// Writes audit workbooks (.xlsx): the blank checklist the audit team fills on site, the same workbook filled from
/// evidence, and the scored workbook. Sheets: audit (company, kind, dates, team, body, reference, sites,
/// conclusion, a preview of the score), check items (one row per item under its indicator and category, input
/// columns for the result, partial points, sample, grade, methods, evidence, note, reason and who assessed it),
/// special deductions and bonus, the document request list, and a hidden sheet of lists. The same arguments
/// always give the same bytes. See docs/workbook.md.
/// </summary>
public static class AuditWorkbook
{
    /// <summary>A blank checklist for <paramref name="rubric"/>.</summary>
    /// <param name="rubric">The rubric whose check items the workbook lists.</param>
    /// <param name="language">The language of labels and drop-down words (both are read back).</param>
    /// <param name="kind">The audit kind preselected.</param>
    public static byte[] Checklist(Rubric rubric, Language language = default, AuditKind kind = AuditKind.Initial)
    {
        ArgumentNullException.ThrowIfNull(rubric);
        var package = new XlsxPackage(FontName(language));
        EvidenceSheets.Add(package, rubric, language, kind, null, "checklist.xlsx", []);
        return package.Write();
    }

    /// <summary>The workbook filled with <paramref name="evidence"/>; reading it back gives the same evidence.</summary>
    /// <param name="evidence">The evidence (findings are placed on their item's or indicator's row).</param>
    /// <param name="rubric">The rubric the evidence is for.</param>
    /// <param name="language">The language of labels and drop-down words.</param>
    public static WorkbookFile FromEvidence(AuditEvidence evidence, Rubric rubric, Language language = default)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(rubric);
        var warnings = new List<Diagnostic>();
        var package = new XlsxPackage(FontName(language));
        EvidenceSheets.Add(package, rubric, language, evidence.Audit.Kind, evidence, evidence.SourceName, warnings);
        return new WorkbookFile(package.Write(), warnings);
    }

    /// <summary>
    /// The scored workbook: the filled workbook (it reads back as the same evidence) followed by the score and tier
    /// with the calculation, category and indicator sums, every item's points and why, and the rectification list.
    /// </summary>
    /// <param name="result">The engine's result (the figures of record; nothing is recomputed).</param>
    /// <param name="language">The language of labels and words.</param>
    public static WorkbookFile Scored(AuditResult result, Language language = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        var warnings = new List<Diagnostic>();
        var package = new XlsxPackage(FontName(language));
        ResultSheets.Add(package, result, language);
        EvidenceSheets.Add(package, result.Rubric, language, result.Audit.Kind, result.Evidence, result.Evidence.SourceName, warnings);
        return new WorkbookFile(package.Write(), warnings);
    }

    internal static string FontName(Language language) => (language == Language.English ? Wording.English : Wording.Chinese).Text("font.workbook");
}
