using StarRating.Rules.Files;

namespace StarRating.Rules.Tests;

/// <summary>
/// The one bounded reader: whole inputs come back whole; an input over the limit comes back without bytes, its size
/// exact when the length was known beforehand and "at least" when the read had to stop at the limit.
/// </summary>
public sealed class BoundedFileTests
{
    [Fact]
    public void A_file_within_the_limit_is_read_whole()
    {
        using var folder = new TempFolder(("a.yaml", "id: x\n"));

        var read = BoundedFile.Read(folder.File("a.yaml"), maxBytes: 6);

        read.TooLarge.Should().BeFalse();
        read.Bytes.Should().Equal("id: x\n"u8.ToArray());
        read.Size.Should().Be(6);
        read.SizeIsExact.Should().BeTrue();
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_before_reading_with_its_exact_size()
    {
        using var folder = new TempFolder(("a.yaml", new string('x', 100)));

        var read = BoundedFile.Read(folder.File("a.yaml"), maxBytes: 10);
        var readAsync = await BoundedFile.ReadAsync(folder.File("a.yaml"), maxBytes: 10, CancellationToken.None);

        read.Should().Be(new BoundedRead(null, 100, SizeIsExact: true));
        readAsync.Should().Be(read);
    }

    [Fact]
    public async Task A_stream_without_a_length_stops_at_the_limit_and_says_the_size_is_not_exact()
    {
        using var endless = new EndlessStream();

        var read = await BoundedFile.ReadAsync(endless, maxBytes: 100_000, CancellationToken.None);

        read.TooLarge.Should().BeTrue();
        read.SizeIsExact.Should().BeFalse();
        read.Size.Should().BeGreaterThan(100_000).And.BeLessThanOrEqualTo(100_000 + 131_072);
    }

    [UnixFact("/dev/zero")]
    public void A_device_that_never_ends_stops_at_the_limit()
    {
        var read = BoundedFile.Read("/dev/zero", maxBytes: 1024 * 1024);

        read.TooLarge.Should().BeTrue();
        read.SizeIsExact.Should().BeFalse();
        read.Size.Should().BeLessThanOrEqualTo(1024 * 1024 + 131_072);
    }

    // The reader rents its chunk from the shared pool, which hands out up to 128 KiB for an 80 KiB request: the read
    // stops within one chunk past the limit.

    /// <summary>A stream that cannot seek and never ends, like a pipe fed for ever.</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => count;

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
