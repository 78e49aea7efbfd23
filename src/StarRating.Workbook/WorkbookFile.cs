using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook.Layout;
using StarRating.Workbook.Xlsx;

namespace StarRating.Workbook;

/// <summary>A workbook written by <see cref="AuditWorkbook"/>: the .xlsx bytes and anything it could not hold exactly.</summary>
/// <param name="Content">The .xlsx file's bytes.</param>
/// <param name="Warnings">Evidence the workbook cannot carry exactly (SR5302), if any.</param>
public sealed record WorkbookFile(byte[] Content, IReadOnlyList<Diagnostic> Warnings);
