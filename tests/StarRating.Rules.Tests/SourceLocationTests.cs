namespace StarRating.Rules.Tests;

/// <summary>How a location prints: line and column in text files, sheet and cell in workbooks, hostile names escaped.</summary>
public sealed class SourceLocationTests
{
    [Theory]
    [InlineData(1, "A")]
    [InlineData(26, "Z")]
    [InlineData(27, "AA")]
    [InlineData(702, "ZZ")]
    [InlineData(703, "AAA")]
    public void Column_numbers_become_spreadsheet_column_names(int column, string name) =>
        SourceLocation.ColumnName(column).Should().Be(name);

    [Theory]
    [InlineData("检查项", 12, 6, "audit.xlsx(检查项!F12)")]
    [InlineData("Check items", 6, 3, "audit.xlsx('Check items'!C6)")]
    [InlineData("it's", 1, 1, "audit.xlsx('it''s'!A1)")]
    [InlineData("2027", 2, 2, "audit.xlsx('2027'!B2)")]
    [InlineData("检查项", 0, 0, "audit.xlsx(检查项)")]
    public void Cells_print_as_the_sheet_and_cell_a_formula_would_name(string sheet, int row, int column, string expected) =>
        SourceLocation.InCell("audit.xlsx", sheet, row, column).ToString().Should().Be(expected);

    [Fact]
    public void Control_and_bidi_characters_in_file_and_sheet_names_are_shown_escaped()
    {
        var text = SourceLocation.InCell("a\u001b[2J.xlsx", "检\u202E查", 3, 2).ToString();

        text.Should().NotContainAny("\u001b", "\u202E");
        text.Should().Be("a\\u001B[2J.xlsx('检\\u202E查'!B3)");
        new SourceLocation("b\u0007.yaml", 4, 5).ToString().Should().Be("b\\u0007.yaml(4,5)");
    }
}
