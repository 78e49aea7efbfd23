using System.Text.RegularExpressions;

namespace StarRating.Reports.Tests;

/// <summary>The custom-template example of docs/templates.md renders what the document shows.</summary>
public sealed partial class TemplateDocTests
{
    [Fact]
    public void The_documented_example_renders_as_documented()
    {
        var doc = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "templates.md"));
        var template = Block().Matches(doc).Single(m => m.Groups["lang"].Value == "scriban").Groups["body"].Value;
        var expected = Block().Matches(doc).Single(m => m.Groups["lang"].Value == "markdown").Groups["body"].Value;

        var report = UserTemplate.Render(template);

        report.Diagnostics.Should().BeEmpty();
        report.Value!.Content.Should().Be(expected);
    }

    [GeneratedRegex("```(?<lang>scriban|markdown)\\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex Block();
}
