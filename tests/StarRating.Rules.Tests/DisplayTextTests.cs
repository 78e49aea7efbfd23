using StarRating.Rules.Text;

namespace StarRating.Rules.Tests;

/// <summary>The one helper that escapes echoed text and measures and cuts it by whole characters and display width.</summary>
public sealed class DisplayTextTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("审核组长", 8)]
    [InlineData("𠮷𠀀", 4)]
    [InlineData("😀", 2)]
    [InlineData("👨‍👩‍👧", 2)]
    [InlineData("e\u0301", 1)]
    [InlineData("❤\uFE0F", 2)]
    [InlineData("★★", 2)]
    [InlineData("\uFF1A\uFF0C", 4)]
    public void Width_counts_terminal_columns_per_character(string text, int width)
    {
        DisplayText.Width(text).Should().Be(width);
    }

    [Theory]
    [InlineData("𠮷𠮷𠮷𠮷𠮷", 6, "𠮷𠮷…")]
    [InlineData("😀😀😀😀", 5, "😀😀…")]
    [InlineData("ab👨‍👩‍👧cd", 4, "ab…")]
    [InlineData("abcdef", 6, "abcdef")]
    [InlineData("abcdefg", 6, "abcde…")]
    public void Shorten_cuts_between_whole_characters_within_the_width(string text, int width, string expected)
    {
        var shortened = DisplayText.Shorten(text, width);

        shortened.Should().Be(expected);
        DisplayText.Width(shortened).Should().BeLessThanOrEqualTo(width);
    }

    [Theory]
    [InlineData("a\u001b[2Jb", "a\\u001B[2Jb")]
    [InlineData("a\u0000\u0007\u007f\u0085\u009b", "a\\u0000\\u0007\\u007F\\u0085\\u009B")]
    [InlineData("x\u202Ey\u2066z", "x\\u202Ey\\u2066z")]
    [InlineData("line\nbreak\ttab", "line\\u000Abreak\\u0009tab")]
    [InlineData("王敏 𠮷 😀", "王敏 𠮷 😀")]
    public void Escape_shows_every_unsafe_character_as_an_escape(string text, string expected)
    {
        DisplayText.Escape(text).Should().Be(expected);
    }

    [Fact]
    public void Multiline_escape_keeps_line_breaks_and_tabs()
    {
        DisplayText.EscapeMultiline("a\nb\tc\u001b").Should().Be("a\nb\tc\\u001B");
    }
}
