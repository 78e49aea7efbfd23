namespace StarRating.Rules.Files;

/// <summary>
/// Reads a whole input file, but never more than a limit: a file's reported length can be 0 or wrong (a link to
/// /dev/zero, a pipe, a file that grows while read), so the limit is enforced on the bytes that really come out,
/// not on the length asked beforehand. <c>File.ReadAllBytes</c> on /dev/zero would read until memory runs out.
/// </summary>
internal static class BoundedFile
{
    /// <summary>The file's bytes, or null with <paramref name="size"/> set to what was seen when it holds more than <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes, out long size)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            size = stream.Length;
            return null;
        }

        using var copy = new MemoryStream(stream.CanSeek ? (int)stream.Length : 64 * 1024);
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > maxBytes)
            {
                size = copy.Length;
                return null;
            }
        }

        size = copy.Length;
        return copy.ToArray();
    }
}
