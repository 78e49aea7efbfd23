using System.Buffers;

namespace StarRating.Rules.Files;

/// <summary>
/// Reads a whole input, but never more than a limit: a file's reported length can be 0 or wrong (a link to /dev/zero,
/// a pipe, a file that grows while read), so the limit is enforced on the bytes that really come out, not on the
/// length asked beforehand. <c>File.ReadAllBytes</c> on /dev/zero would read until memory runs out. Every bounded read
/// of StarRating's inputs (documents, workbooks, reference documents) goes through here.
/// </summary>
/// <remarks>Public for StarRating's own layers, which read their inputs with the same limit rule.</remarks>
public static class BoundedFile
{
    private const int ChunkBytes = 81920;

    /// <summary>Reads the file at <paramref name="path"/>, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes the file may hold.</param>
    /// <returns>The bytes, or none and the size seen when the file holds more.</returns>
    /// <exception cref="IOException">The file cannot be opened or read (as <see cref="FileStream"/> throws).</exception>
    public static BoundedRead Read(string path, long maxBytes)
    {
        using var stream = Open(path, FileOptions.SequentialScan);
        if (TooLong(stream, maxBytes) is { } refused)
        {
            return refused;
        }

        using var buffer = new MemoryStream(stream.CanSeek ? (int)(stream.Length - stream.Position) : 64 * 1024);
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (Append(buffer, chunk.AsSpan(0, read), maxBytes) is { } over)
                {
                    return over;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new BoundedRead(buffer.ToArray(), buffer.Length, SizeIsExact: true);
    }

    /// <summary>Reads the file at <paramref name="path"/> without blocking a thread on the disk, at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The file.</param>
    /// <param name="maxBytes">The most bytes the file may hold.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The bytes, or none and the size seen when the file holds more.</returns>
    /// <exception cref="IOException">The file cannot be opened or read (as <see cref="FileStream"/> throws).</exception>
    public static async Task<BoundedRead> ReadAsync(string path, long maxBytes, CancellationToken cancellationToken)
    {
        var stream = Open(path, FileOptions.SequentialScan | FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            return await ReadAsync(stream, maxBytes, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Reads <paramref name="stream"/> from its position to its end, stopping as soon as it passes
    /// <paramref name="maxBytes"/>, so an endless or huge stream costs at most the limit. The stream is not closed.
    /// </summary>
    /// <param name="stream">The stream.</param>
    /// <param name="maxBytes">The most bytes the stream may hold.</param>
    /// <param name="cancellationToken">Stops the read.</param>
    /// <returns>The bytes, or none and the size seen when the stream holds more.</returns>
    public static async Task<BoundedRead> ReadAsync(Stream stream, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (TooLong(stream, maxBytes) is { } refused)
        {
            return refused;
        }

        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            int read;
            while ((read = await stream.ReadAsync(chunk.AsMemory(), cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (Append(buffer, chunk.AsSpan(0, read), maxBytes) is { } over)
                {
                    return over;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return new BoundedRead(buffer.ToArray(), buffer.Length, SizeIsExact: true);
    }

    private static FileStream Open(string path, FileOptions options) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, options);

    /// <summary>A seekable input whose length is over the limit is refused before a byte is read; its size is exact.</summary>
    private static BoundedRead? TooLong(Stream stream, long maxBytes) =>
        stream.CanSeek && stream.Length - stream.Position > maxBytes
            ? new BoundedRead(null, stream.Length - stream.Position, SizeIsExact: true)
            : null;

    /// <summary>Adds a chunk; once the bytes pass the limit, the refusal, whose size is only what was seen so far.</summary>
    private static BoundedRead? Append(MemoryStream buffer, ReadOnlySpan<byte> chunk, long maxBytes)
    {
        buffer.Write(chunk);
        return buffer.Length > maxBytes ? new BoundedRead(null, buffer.Length, SizeIsExact: false) : null;
    }
}
