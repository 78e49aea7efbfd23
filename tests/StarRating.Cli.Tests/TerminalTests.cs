namespace StarRating.Cli.Tests;

/// <summary>Issue 13, items 14, 17 and 18 on the terminal summary (each failed before the vocabulary, 2026-12).</summary>
public sealed class TerminalTests
{
    private static readonly string Sample01 = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

    [Fact]
    public void The_rectification_list_shows_the_nonconformity_not_only_the_conforming_lead_in_of_a_note()
    {
        var run = CliRunner.Run("score", Sample01);

        // The note of 5.1.2.2 opens with what conforms (年度计划已按季度实施…) and states the nonconformity after.
        var list = run.Out[run.Out.IndexOf("整改清单", StringComparison.Ordinal)..];
        list.Should().Contain("年度计划已按季度实施").And.Contain("未参训").And.Contain("也无补训记录");
        list[..list.IndexOf("（完整说明见报告", StringComparison.Ordinal)].Should().NotContain("…", "no finding is cut off");
    }

    [Fact]
    public void A_wrapped_line_never_starts_with_closing_punctuation()
    {
        var run = CliRunner.Run("score", Sample01);

        var continuation = run.Out.Split('\n').Where(l => l.StartsWith(new string(' ', 29), StringComparison.Ordinal)).Select(l => l.TrimStart()).ToArray();
        continuation.Should().NotBeEmpty();
        continuation.Should().NotContain(l => l.Length > 0 && ",。、;:?!)”，；：？！）".Contains(l[0], StringComparison.Ordinal));
    }

    [Fact]
    public void A_mock_assessment_is_marked_under_the_header()
    {
        var run = CliRunner.Run("score", Path.Combine(RepoPaths.Root, "samples", "06-mock-self-assessment.yaml"));

        run.Out.Split('\n')[3].Should().Be("【模拟审核 — 非认证结论】");
    }

    [Fact]
    public void A_lead_written_as_zu_zhang_is_the_lead_in_the_header()
    {
        using var temp = new TempFolder();
        var evidence = File.ReadAllText(Sample01).Replace("role: lead", "role: 组长", StringComparison.Ordinal);
        File.WriteAllText(temp.File("audit.yaml"), evidence);

        var run = CliRunner.Run("score", temp.File("audit.yaml"));

        evidence.Should().Contain("role: 组长");
        run.Out.Split('\n')[1].Should().EndWith("· 审核组长 王敏");
        run.Error.Should().NotContain("SR3022");
    }
}
