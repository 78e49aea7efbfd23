namespace StarRating.Workbook.Layout;

/// <summary>
/// Where things are in the workbook the tool writes, and the keys of the hidden key row and column that let the
/// reader find them again whatever the language, the sheet names or the column order.
/// </summary>
internal static class Columns
{
    /// <summary>The marker in the hidden lists sheet: the format and its version.</summary>
    public const string Marker = "starrating-workbook/1";

    // Sheets with a table: row 1 title, row 2 hint, row 3 the (hidden) keys, row 4 the headers, data from row 5.
    public const int TitleRow = 1;
    public const int HintRow = 2;
    public const int KeyRow = 3;
    public const int HeaderRow = 4;
    public const int FirstDataRow = 5;

    // The check items sheet.
    public const int Category = 1;
    public const int Indicator = 2;
    public const int Id = 3;
    public const int Requirement = 4;
    public const int ItemPoints = 5;
    public const int ExpectedMethods = 6;
    public const int Documents = 7;
    public const int Result = 8;
    public const int Points = 9;
    public const int SampleSize = 10;
    public const int SampleConforming = 11;
    public const int Grade = 12;
    public const int Methods = 13;
    public const int Evidence = 14;
    public const int Note = 15;
    public const int Reason = 16;
    public const int By = 17;
    public const int PreviewEarned = 18;
    public const int PreviewApplicable = 19;
    public const int IndicatorId = 20;
    public const int Code = 21;

    /// <summary>The keys of the check items sheet, by column (index 0 unused).</summary>
    public static readonly string[] ItemKeys =
    [
        "", "category", "indicator", "id", "requirement", "item_points", "expected_methods", "documents", "result", "points",
        "sample.size", "sample.conforming", "grade", "methods", "evidence", "note", "reason", "by",
        "preview.earned", "preview.applicable", "_indicator", "_code",
    ];

    /// <summary>The key of the assessor column in workbooks written before it held the team's <c>by</c> (read as <c>by</c>).</summary>
    public const string LegacyByKey = "assessed_by";

    // The nonconformities sheet: one row per nonconformity record, found by its item's or indicator's id, with two
    // locked columns that show the finding's grade and note from the check items sheet (looked up by formula).
    public const int NcItem = 1;
    public const int NcGrade = 2;
    public const int NcNote = 3;

    public static readonly string[] NcKeys =
        ["", "item", "_grade", "_note", "id", "confirmed_by", "root_cause", "action", "due", "status", "verified_by", "verified_on"];

    // The assessments sheet: one row per assessor's record of an item (an assessment), found by the item's id.
    public static readonly string[] AssessmentKeys =
        ["", "item", "by", "result", "points", "sample.size", "sample.conforming", "grade", "methods", "evidence", "note", "reason"];

    // The adjustments sheet.
    public const int AdjustmentType = 1;
    public const int AdjustmentPoints = 2;
    public const int AdjustmentReason = 3;
    public const int AdjustmentBasis = 4;
    public const int AdjustmentItem = 5;
    public const int AdjustmentDeduction = 6;
    public const int AdjustmentBonus = 7;

    public static readonly string[] AdjustmentKeys = ["", "type", "points", "reason", "basis", "item", "_deduction", "_bonus"];

    // The documents sheet.
    public static readonly string[] DocumentKeys = ["", "indicator", "document", "received", "checked", "remark"];

    // The audit sheet: keys in column A (hidden), labels in B, values in C; team members in C (name), D (role), E (registration).
    public const int AuditKey = 1;
    public const int AuditLabel = 2;
    public const int AuditValue = 3;
    public const int TeamRole = 4;
    public const int TeamRegistration = 5;
    public const string TeamKey = "team";
    public const string PreviewScoreKey = "preview.score";
    public const string PreviewTierKey = "preview.tier";

    /// <summary>Defined names that mark each sheet's role, so a renamed or moved sheet is still found.</summary>
    public const string AuditRole = "StarRating.Audit";
    public const string ItemsRole = "StarRating.Items";
    public const string AdjustmentsRole = "StarRating.Adjustments";
    public const string DocumentsRole = "StarRating.Documents";
    public const string NonconformitiesRole = "StarRating.Nonconformities";
    public const string AssessmentsRole = "StarRating.Assessments";
    public const string ListsRole = "StarRating.Lists";

    /// <summary>Marks a portfolio workbook (batch --portfolio xlsx), so that batch never reads it back as an audit.</summary>
    public const string PortfolioRole = "StarRating.Portfolio";

    // The lists sheet: marker and metadata in A:B, the word → code table in D:E, tiers in G:H.
    public const int WordColumn = 4;
    public const int CodeColumn = 5;
    public const int TierMinColumn = 7;
    public const int TierLabelColumn = 8;
}
