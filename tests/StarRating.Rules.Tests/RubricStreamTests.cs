namespace StarRating.Rules.Tests;

/// <summary>A rubric from a stream or bytes in a stated format, or from a file read asynchronously, is the rubric of the file.</summary>
public sealed class RubricStreamTests
{
    [Fact]
    public async Task Stream_bytes_and_async_file_give_the_built_in_rubric()
    {
        var expected = RubricLoader.LoadDefault().GetValueOrThrow();
        var bytes = RubricLoader.DefaultRubricBytes();
        using var stream = new MemoryStream(bytes);

        var fromStream = (await new RubricLoader().LoadAsync(stream, InputFormat.Yaml, "rubric")).GetValueOrThrow();
        var fromBytes = new RubricLoader().Parse(bytes.AsMemory(), InputFormat.Yaml, "rubric").GetValueOrThrow();
        var fromFile = (await new RubricLoader().LoadFileAsync(Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml"))).GetValueOrThrow();

        fromStream.Sha256.Should().Be(expected.Sha256);
        fromBytes.Sha256.Should().Be(expected.Sha256);
        fromFile.Sha256.Should().Be(expected.Sha256);
        fromStream.Items.Select(i => (i.Id, i.Points)).Should().Equal(expected.Items.Select(i => (i.Id, i.Points)));
    }

    [Fact]
    public async Task A_missing_file_read_asynchronously_is_the_same_diagnostic_as_read_at_once()
    {
        var path = Path.Combine(Path.GetTempPath(), "starrating-no-such-rubric.yaml");

        var outcome = await new RubricLoader().LoadFileAsync(path);

        outcome.Value.Should().BeNull();
        outcome.Diagnostics.Select(d => d.Format(includeHint: true)).Should().Equal(new RubricLoader().LoadFile(path).Diagnostics.Select(d => d.Format(includeHint: true)));
    }
}
