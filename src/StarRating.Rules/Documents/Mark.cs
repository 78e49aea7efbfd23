namespace StarRating.Rules.Documents;

/// <summary>
/// Where a value starts: a 1-based line and column in a text file, or a cell of a workbook sheet
/// (<see cref="Sheet"/> set, <see cref="Line"/> the row, <see cref="Column"/> the column number).
/// </summary>
/// <param name="Line">1-based line (or row).</param>
/// <param name="Column">1-based column (or column number, A = 1).</param>
public readonly record struct Mark(int Line, int Column)
{
    /// <summary>The sheet of a workbook cell, or <see langword="null"/> in a text file.</summary>
    public string? Sheet { get; init; }

    /// <summary>A cell of a workbook sheet.</summary>
    /// <param name="sheet">The sheet's name.</param>
    /// <param name="row">1-based row.</param>
    /// <param name="column">1-based column number (A = 1).</param>
    public static Mark Cell(string sheet, int row, int column) => new(row, column) { Sheet = sheet };

    /// <summary>The location of this mark in <paramref name="file"/>.</summary>
    /// <param name="file">The file name diagnostics use.</param>
    public SourceLocation In(string file) => new(file, Line, Column) { Sheet = Sheet };
}
