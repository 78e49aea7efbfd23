using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace StarRating.Rules.Files;

/// <summary>What a path names, links followed.</summary>
public enum FileKind
{
    /// <summary>Nothing (or a broken link).</summary>
    Missing,

    /// <summary>A regular file.</summary>
    Regular,

    /// <summary>A folder.</summary>
    Directory,

    /// <summary>A character or block device (/dev/null, a terminal).</summary>
    Device,

    /// <summary>A named pipe.</summary>
    Fifo,

    /// <summary>A socket or anything else that is not a file to write over.</summary>
    Other,
}
