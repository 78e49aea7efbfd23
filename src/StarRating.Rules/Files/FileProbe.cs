using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace StarRating.Rules.Files;

/// <summary>
/// Asks the operating system what a path is and which file it is (<c>stat(2)</c>), so that a file is recognised
/// through symbolic links, hard links and any spelling of its path, and special files (devices, pipes) are told
/// apart from regular ones without opening them (opening a pipe blocks). Where <c>stat</c> cannot be called
/// (Windows), kinds come from .NET and identity from the canonical full path.
/// </summary>
/// <remarks>
/// Public for StarRating's own layers: template folders (Reports), workbooks (Workbook) and the tool's inputs and
/// outputs ask the same questions of the operating system.
/// </remarks>
public static partial class FileProbe
{
    private static readonly bool Supported = (OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64)
        || OperatingSystem.IsMacOS();

    /// <summary>The kind of file <paramref name="path"/> names (links followed) and, where known, its identity.</summary>
    public static (FileKind Kind, FileIdentity? Identity) Stat(string path)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0', StringComparison.Ordinal))
        {
            return (FileKind.Missing, null);
        }

        if (Supported && NativeStat(path) is { } native)
        {
            return native;
        }

        if (Directory.Exists(path))
        {
            return (FileKind.Directory, null);
        }

        return File.Exists(path) ? (FileKind.Regular, null) : (FileKind.Missing, null);
    }

    /// <summary>True when both paths name one existing file, however spelt or linked.</summary>
    public static bool SameFile(string a, string b)
    {
        var (kindA, idA) = Stat(a);
        if (kindA == FileKind.Missing)
        {
            return false;
        }

        var (kindB, idB) = Stat(b);
        if (kindB == FileKind.Missing)
        {
            return false;
        }

        if (idA is { } x && idB is { } y)
        {
            return x == y;
        }

        var comparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return string.Equals(Canonical(a), Canonical(b), comparison);
    }

    /// <summary>
    /// A lookup answering which of <paramref name="files"/> a path names (however spelt or linked, as
    /// <see cref="SameFile"/>), or null. Each file is asked about once here and each path once per lookup, so checking
    /// N outputs against N inputs costs 2N calls to the operating system instead of N² (a batch of 2,000 reports
    /// made 8 million).
    /// </summary>
    public static Func<string, string?> SameFileFinder(IEnumerable<string> files)
    {
        var byIdentity = new Dictionary<FileIdentity, string>();
        var withoutIdentity = new List<string>();
        foreach (var file in files)
        {
            var (kind, identity) = Stat(file);
            if (kind == FileKind.Missing)
            {
                continue;
            }

            if (identity is { } id)
            {
                byIdentity.TryAdd(id, file);
            }
            else
            {
                withoutIdentity.Add(file);
            }
        }

        return path =>
        {
            var (kind, identity) = Stat(path);
            if (kind == FileKind.Missing)
            {
                return null;
            }

            if (identity is { } id && byIdentity.TryGetValue(id, out var same))
            {
                return same;
            }

            return withoutIdentity.FirstOrDefault(file => SameFile(path, file));
        };
    }

    /// <summary>
    /// Flushes a folder's entries to disk, so a file renamed into it survives a power cut. Best effort: where the
    /// platform cannot, nothing happens.
    /// </summary>
    public static void SyncFolder(string folder)
    {
        if (!Supported)
        {
            return;
        }

        try
        {
            var fd = Open(NullTerminated(folder), 0);
            if (fd >= 0)
            {
                _ = Fsync(fd);
                _ = Close(fd);
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to call: the rename is still atomic, only not yet flushed.
        }
    }

    /// <summary>
    /// Flushes every written file of the file system holding <paramref name="folder"/> to disk with one call
    /// (<c>syncfs(2)</c>): how a batch of thousands of files becomes durable without an fsync per file. Returns false
    /// where the platform has no such call (then flush file by file).
    /// </summary>
    public static bool SyncFileSystem(string folder)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var fd = Open(NullTerminated(folder), 0);
            if (fd < 0)
            {
                return false;
            }

            var done = SyncFs(fd) == 0;
            _ = Close(fd);
            return done;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            var info = new FileInfo(full);
            if (info.LinkTarget is not null)
            {
                return info.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? full;
            }
        }
        catch (IOException)
        {
            // A broken link compares by its own path.
        }

        return full;
    }

    private static (FileKind, FileIdentity?)? NativeStat(string path)
    {
        var buffer = new byte[256];
        int status;
        try
        {
            status = StatCall(NullTerminated(path), buffer);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        if (status != 0)
        {
            // ENOENT, a broken link, a path through a file, or no permission to look: nothing to write over or compare.
            return (FileKind.Missing, null);
        }

        ulong device;
        ulong inode;
        uint mode;
        if (OperatingSystem.IsMacOS())
        {
            device = BinaryPrimitives.ReadUInt32LittleEndian(buffer);
            mode = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(4));
            inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8));
        }
        else
        {
            device = BinaryPrimitives.ReadUInt64LittleEndian(buffer);
            inode = BinaryPrimitives.ReadUInt64LittleEndian(buffer.AsSpan(8));
            mode = BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16));
        }

        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x2000 or 0x6000 => FileKind.Device,
            0x1000 => FileKind.Fifo,
            _ => FileKind.Other,
        };
        return (kind, new FileIdentity(device, inode));
    }

    private static int StatCall(byte[] path, byte[] buffer)
    {
        if (OperatingSystem.IsMacOS())
        {
            return RuntimeInformation.ProcessArchitecture == Architecture.X64 ? StatMacX64(path, buffer) : Stat(path, buffer);
        }

        try
        {
            return Stat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat (version 1 on x86-64, 0 on arm64).
            return XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, buffer);
        }
    }

    private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

    [LibraryImport("libc", EntryPoint = "stat")]
    private static partial int Stat(byte[] path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "stat$INODE64")]
    private static partial int StatMacX64(byte[] path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "__xstat")]
    private static partial int XStat(int version, byte[] path, [Out] byte[] buffer);

    [LibraryImport("libc", EntryPoint = "open")]
    private static partial int Open(byte[] path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync")]
    private static partial int Fsync(int fd);

    [LibraryImport("libc", EntryPoint = "syncfs")]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
