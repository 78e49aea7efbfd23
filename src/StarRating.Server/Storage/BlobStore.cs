using System.Security.Cryptography;

namespace StarRating.Server.Storage;

/// <summary>
/// Attachment bytes, addressed by their SHA-256: the same photo uploaded twice is stored once. With SQLite they are
/// files under <c>DATA/attachments/ab/abcdef…</c>, written to a temporary file, flushed to disk and renamed before the
/// database row that names them commits; with PostgreSQL they live in the <c>blobs</c> table, so every instance sees them.
/// </summary>
internal sealed class BlobStore(Database database, Store store)
{
    public static string Sha256Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Stores the bytes; returns what the database row keeps (null on SQLite, where the file holds them).</summary>
    public async Task<byte[]?> PutAsync(string sha256, byte[] bytes, CancellationToken ct)
    {
        if (database.DataFolder is null)
        {
            return bytes;
        }

        var path = PathOf(sha256);
        if (File.Exists(path))
        {
            return null;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 65536, FileOptions.Asynchronous))
        {
            await file.WriteAsync(bytes, ct).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
        return null;
    }

    public async Task<byte[]?> GetAsync(string sha256, CancellationToken ct)
    {
        if (database.DataFolder is null)
        {
            return await store.BlobDataAsync(sha256, ct).ConfigureAwait(false);
        }

        var path = PathOf(sha256);
        return File.Exists(path) ? await File.ReadAllBytesAsync(path, ct).ConfigureAwait(false) : null;
    }

    private string PathOf(string sha256) => Path.Combine(database.DataFolder!, "attachments", sha256[..2], sha256);
}
