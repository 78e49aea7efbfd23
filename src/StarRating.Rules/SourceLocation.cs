using System.Globalization;
using System.Text;

namespace StarRating.Rules;

/// <summary>
/// Where a diagnostic points: a file (as the user named it) and a 1-based line and column, or, in a workbook,
/// a sheet and a cell (<see cref="Sheet"/> set, <see cref="Line"/> the row and <see cref="Column"/> the column
/// number). Line 0 means the file (or the sheet) as a whole, for example a file that cannot be read.
/// </summary>
/// <param name="File">The file name or path as given by the caller, or a descriptive source name.</param>
/// <param name="Line">1-based line (in a workbook: row), or 0 for the whole file or sheet.</param>
/// <param name="Column">1-based column in characters (in a workbook: column number, A = 1), or 0 for the whole file.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>The workbook sheet the location is in, or <see langword="null"/> for a text file.</summary>
    public string? Sheet { get; init; }

    /// <summary>A location that names only a file.</summary>
    /// <param name="file">The file name or path.</param>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <summary>A cell of a workbook sheet; a row of 0 names the whole sheet.</summary>
    /// <param name="file">The file name or path.</param>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="row">1-based row, or 0 for the whole sheet.</param>
    /// <param name="column">1-based column number (A = 1).</param>
    public static SourceLocation InCell(string file, string sheet, int row, int column) => new(file, row, column) { Sheet = sheet };

    /// <summary>True when the location points at a line and column (or a cell) rather than the whole file.</summary>
    public bool HasPosition => Line > 0;

    /// <summary>The cell reference such as <c>F12</c> in a workbook location, otherwise <see langword="null"/>.</summary>
    public string? CellReference => Sheet is not null && Line > 0 && Column > 0 ? ColumnName(Column) + Line.ToString(CultureInfo.InvariantCulture) : null;

    /// <summary>
    /// Formats as <c>file(line,col)</c>, <c>file</c> for a whole-file location, and in a workbook as
    /// <c>file(Sheet!F12)</c> (the sheet name quoted as a spreadsheet formula would quote it when it needs quotes).
    /// </summary>
    /// <remarks>Control and bidi characters in the file and sheet names are shown escaped (<c>\u001B</c>).</remarks>
    public override string ToString()
    {
        var file = Text.DisplayText.Escape(File);
        if (Sheet is not null)
        {
            var sheet = Text.DisplayText.Escape(QuoteSheet(Sheet));
            return CellReference is { } cell ? $"{file}({sheet}!{cell})" : $"{file}({sheet})";
        }

        return HasPosition
            ? string.Create(CultureInfo.InvariantCulture, $"{file}({Line},{Column})")
            : file;
    }

    /// <summary>The spreadsheet name of a 1-based column number: 1 → A, 27 → AA.</summary>
    /// <param name="column">1-based column number.</param>
    public static string ColumnName(int column)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(column, 1);
        var name = new StringBuilder(3);
        for (var n = column; n > 0; n = (n - 1) / 26)
        {
            name.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return name.ToString();
    }

    // Letters (any script), digits and '_' need no quotes, as in a formula; anything else is quoted with '' for '.
    private static string QuoteSheet(string sheet) =>
        sheet.Length > 0 && !char.IsDigit(sheet[0]) && sheet.All(c => char.IsLetterOrDigit(c) || c == '_')
            ? sheet
            : "'" + sheet.Replace("'", "''", StringComparison.Ordinal) + "'";
}
