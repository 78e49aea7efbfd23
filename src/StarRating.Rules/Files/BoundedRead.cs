using System.Diagnostics.CodeAnalysis;

namespace StarRating.Rules.Files;

/// <summary>What a <see cref="BoundedFile"/> read gave.</summary>
/// <param name="Bytes">All the bytes, or null when the input holds more than the limit.</param>
/// <param name="Size">The input's size: exact when the bytes were read or the length was known beforehand, else the bytes seen when the read stopped.</param>
/// <param name="SizeIsExact">False when the read stopped at the limit (a pipe, a device, a file growing while read): the input holds more than <see cref="Size"/>.</param>
public readonly record struct BoundedRead(byte[]? Bytes, long Size, bool SizeIsExact)
{
    /// <summary>True when the input holds more than the limit (and <see cref="Bytes"/> is null).</summary>
    [MemberNotNullWhen(false, nameof(Bytes))]
    public bool TooLarge => Bytes is null;
}
