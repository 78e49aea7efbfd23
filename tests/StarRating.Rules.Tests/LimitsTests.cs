using System.Text;

namespace StarRating.Rules.Tests;

/// <summary>
/// Hostile inputs are refused with a diagnostic, without reading more than the limit allows. What shows it does
/// not depend on the machine's load: the bytes allocated (counted for this thread) and where the refusal is located
/// (at the limit, not at the end of the input). No wall clock is asserted: on a loaded 2-core machine a clock
/// measures the neighbours; speed is measured in bench/ and the performance notes.
/// </summary>
public sealed class LimitsTests
{
    private static (LoadResult<Rubric> Result, long Allocated) Measure(Func<LoadResult<Rubric>> load)
    {
        // The vocabulary (the texts of every diagnostic) is read once per process, on first use: not part of a limit.
        foreach (var descriptor in DiagnosticCatalog.Descriptors.All)
        {
            _ = descriptor.Parameters;
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var result = load();
        return (result, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore);
    }

    private static void ShouldBeRefused((LoadResult<Rubric> Result, long Allocated) run, string code, long maxAllocated)
    {
        run.Result.Succeeded.Should().BeFalse();
        run.Result.Errors.Select(e => e.Code).Should().Equal(code);
        run.Allocated.Should().BeLessThan(maxAllocated);
    }

    [Fact]
    public void A_50_MB_file_is_refused_before_it_is_read()
    {
        var path = Path.Combine(Path.GetTempPath(), "starrating-50mb-" + Guid.NewGuid().ToString("N") + ".yaml");
        using (var stream = File.Create(path))
        {
            stream.SetLength(50L * 1024 * 1024);
        }

        try
        {
            var run = Measure(() => new RubricLoader().LoadFile(path));

            ShouldBeRefused(run, "SR1003", maxAllocated: 1024 * 1024);
            run.Result.Errors.Single().Message.Should().Be("the file is 52428800 bytes, over the limit of 4194304 bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [UnixFact("/dev/zero")]
    public void An_endless_stream_is_cut_at_the_limit()
    {
        // /dev/zero reports length 0 and never ends: reading must stop at the limit.
        var run = Measure(() => new RubricLoader(InputLimits.Default with { MaxFileBytes = 1024 * 1024 }).LoadFile("/dev/zero"));

        ShouldBeRefused(run, "SR1003", maxAllocated: 16 * 1024 * 1024);
    }

    [Fact]
    public void The_billion_laughs_alias_bomb_is_refused_at_the_node_limit_without_expanding_it()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'j'; level++)
        {
            var previous = (char)(level - 1);
            bomb.Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var run = Measure(() => Rubric.Parse(bomb.ToString(), "bomb.yaml"));

        // Aliases count as the values they repeat: the bomb passes 200,000 values at level f, long before it is big.
        ShouldBeRefused(run, "SR1009", maxAllocated: 4 * 1024 * 1024);
    }

    [Theory]
    [InlineData("flow")]
    [InlineData("block-mappings")]
    [InlineData("block-sequences")]
    [InlineData("json")]
    public void Deep_nesting_is_refused_at_the_depth_limit(string shape)
    {
        // 10,000 levels in flow style and JSON; block style needs quadratic indentation, so 10,000 levels would be
        // 50-100 MB and stop at the size limit (SR1003) instead: 1,000 levels exercise the depth limit there.
        var (text, name) = shape switch
        {
            "flow" => ("id: " + new string('[', 10_000) + new string(']', 10_000) + "\n", "deep.yaml"),
            "block-mappings" => (string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', i) + "k:\n")), "deep.yaml"),
            "block-sequences" => (string.Concat(Enumerable.Range(0, 1_000).Select(i => new string(' ', 2 * i) + "-\n")), "deep.yaml"),
            _ => (new string('[', 10_000) + new string(']', 10_000), "deep.json"),
        };

        var run = Measure(() => new RubricLoader(InputLimits.Default with { MaxLineLength = 100_000 }).Parse(text, name));

        ShouldBeRefused(run, "SR1008", maxAllocated: 256 * 1024 * 1024);
        run.Result.Errors.Single().Message.Should().Be("the document nests deeper than 32 levels");
    }

    [Fact]
    public void A_1_MB_single_line_is_refused_before_parsing()
    {
        var line = "title: " + new string('长', 1024 * 1024) + "\n";

        var run = Measure(() => Rubric.Parse(line, "long-line.yaml"));

        ShouldBeRefused(run, "SR1011", maxAllocated: 32 * 1024 * 1024);
        run.Result.Errors.Single().Location.Should().Be(new SourceLocation("long-line.yaml", 1, 20_001));
    }

    [Fact]
    public void A_huge_value_spread_over_lines_is_refused()
    {
        var text = "title: |\n" + string.Concat(Enumerable.Repeat("  " + new string('x', 1000) + "\n", 100));

        var run = Measure(() => Rubric.Parse(text, "long-value.yaml"));

        ShouldBeRefused(run, "SR1010", maxAllocated: 32 * 1024 * 1024);
    }

    [Fact]
    public void Too_many_values_are_refused()
    {
        var text = "categories:\n" + string.Concat(Enumerable.Repeat("  - 1\n", 250_000));

        var run = Measure(() => Rubric.Parse(text, "many.yaml"));

        ShouldBeRefused(run, "SR1009", maxAllocated: 512 * 1024 * 1024);

        // Stopped at the value that passes the limit (counting the top mapping, its key and the list), not at the
        // end of the 250,001 lines: what a clock would have measured, without the clock.
        run.Result.Errors.Single().Location.Line.Should().Be(InputLimits.Default.MaxNodes - 1);
    }

    [Fact]
    public void Limits_are_configurable()
    {
        var small = InputLimits.Default with { MaxFileBytes = 100 };

        var result = new RubricLoader(small).Parse(File.ReadAllBytes(Path.Combine(RepoPaths.Root, "rules/gbt27922-2011.yaml")), "r.yaml");

        result.Errors.Single().Code.Should().Be("SR1003");
    }

    [Fact]
    public void Control_characters_and_binary_garbage_are_diagnostics_not_exceptions()
    {
        var random = new Random(27922);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(1, 400)];
            random.NextBytes(bytes);

            var result = new RubricLoader().Parse(bytes, "garbage.yaml");

            result.Succeeded.Should().BeFalse();
            result.Errors.Should().NotBeEmpty();
        }
    }
}

public sealed class JsonNumberTests
{
    [Fact]
    public void Json_numbers_used_as_text_keep_their_digits()
    {
        var json = System.IO.File.ReadAllText(System.IO.Path.Combine(RepoPaths.Root, "tests/StarRating.Rules.Tests/Golden/rubric/json-valid.json"))
            .Replace("\"version\": \"1\"", "\"version\": 1.10", StringComparison.Ordinal);

        Rubric.Parse(json, "r.json").GetValueOrThrow().Version.Should().Be("1.10");
    }
}
