using System.Text;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// The inputs an embedding application has (a request body as bytes or a stream, no file name to tell the format; a
/// file read without blocking a thread) give exactly what the file API gives, and what the caller passes in is copied.
/// </summary>
public sealed class EmbeddingApiTests
{
    private static readonly string SamplePath = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");
    private static readonly AuditEngine Engine = new(Rubric.Default);

    [Fact]
    public async Task Bytes_streams_and_async_files_score_as_the_file_does()
    {
        var expected = Engine.ScoreFile(SamplePath).GetValueOrThrow();
        var bytes = await File.ReadAllBytesAsync(SamplePath);

        var fromBytes = Engine.Score(bytes.AsMemory(), InputFormat.Yaml, "body").GetValueOrThrow();
        using var stream = new MemoryStream(bytes);
        var fromStream = (await Engine.ScoreAsync(stream, InputFormat.Yaml, "body")).GetValueOrThrow();
        var fromFile = (await Engine.ScoreFileAsync(SamplePath)).GetValueOrThrow();

        foreach (var result in new[] { fromBytes, fromStream, fromFile })
        {
            result.Score.Should().Be(expected.Score);
            result.Tier.Should().BeSameAs(expected.Tier);
            result.Evidence.Sha256.Should().Be(expected.Evidence.Sha256, "the same bytes were read");
        }
    }

    [Fact]
    public void The_stated_format_decides_not_the_name()
    {
        var json = Encoding.UTF8.GetBytes("{\"company\": {\"name\": \"A\"}, \"audit\": {\"kind\": \"mock\"}, \"findings\": []}");

        var asJson = new EvidenceLoader().Parse(json.AsMemory(), InputFormat.Json, "upload.yaml");
        var asYaml = new EvidenceLoader().Parse(Encoding.UTF8.GetBytes("company: {name: A}\naudit: {kind: mock}\nfindings: []\n").AsMemory(), InputFormat.Yaml, "upload.json");

        asJson.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        asYaml.Diagnostics.Where(d => d.IsError).Should().BeEmpty();
        new EvidenceLoader().Parse(json.AsMemory(), InputFormat.Yaml, "upload.json").Value!.Company.Name.Should().Be("A", "JSON is YAML too");
        new EvidenceLoader().Parse(Encoding.UTF8.GetBytes("company: {name: A}\n").AsMemory(), InputFormat.Json, "x.yaml").Diagnostics
            .Should().Contain(d => d.IsError, "YAML is not JSON");
    }

    [Fact]
    public async Task A_stream_longer_than_the_limit_is_refused_without_reading_it_all()
    {
        var loader = new EvidenceLoader(InputLimits.Default with { MaxFileBytes = 1024 });
        using var endless = new EndlessStream();

        var outcome = await loader.LoadAsync(endless, InputFormat.Yaml, "body");

        outcome.Value.Should().BeNull();
        outcome.Diagnostics.Should().ContainSingle(d => d.IsError).Which.Location.File.Should().Be("body");
        endless.BytesRead.Should().BeLessThan(1024 + (2 * 81920), "reading stops at the limit");
    }

    [Fact]
    public async Task A_cancelled_read_throws_operation_cancelled()
    {
        using var stream = new MemoryStream(await File.ReadAllBytesAsync(SamplePath));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var act = () => Engine.ScoreAsync(stream, InputFormat.Yaml, "body", cancelled.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
    }

    [Fact]
    public void Evidence_keeps_a_copy_of_the_lists_it_was_given()
    {
        var sites = new List<string> { "Hangzhou" };
        var evidence = new AuditEvidence
        {
            Company = new Company { Name = "A" },
            Audit = new AuditInfo { Kind = AuditKind.Mock, Sites = sites },
        };

        sites.Add("Ningbo");

        evidence.Audit.Sites.Should().Equal("Hangzhou");
        evidence.Audit.Sites.Should().NotBeAssignableTo<List<string>>("no one can cast it back and add to it");
    }

    [Fact]
    public void Result_lists_cannot_be_cast_back_and_changed()
    {
        var result = Engine.ScoreFile(SamplePath).GetValueOrThrow();

        foreach (var list in new IEnumerable<object>[] { result.Categories, result.Items, result.Exclusions, result.Nonconformities, result.Notices })
        {
            (list is System.Collections.IList { IsReadOnly: false }).Should().BeFalse($"{list.GetType().Name} must not be a list one can add to");
        }
    }

    /// <summary>A stream that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
