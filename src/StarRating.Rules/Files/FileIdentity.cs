using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace StarRating.Rules.Files;

/// <summary>A file's identity: the device and inode it lives on. Two paths name one file exactly when these match.</summary>
/// <param name="Device">The device the file lives on.</param>
/// <param name="Inode">The file's inode on that device.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode);
