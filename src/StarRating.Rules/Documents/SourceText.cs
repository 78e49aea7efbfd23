using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Unicode;

namespace StarRating.Rules.Documents;

/// <summary>Reads input bytes under the size limit and decodes them strictly, reporting the exact bad position.</summary>
internal static class SourceText
{
    /// <summary>
    /// Reads at most <see cref="InputLimits.MaxFileBytes"/> + 1 bytes (<see cref="Files.BoundedFile"/>), so an endless
    /// stream such as a device file cannot exhaust memory.
    /// </summary>
    public static byte[]? ReadFile(string path, string displayName, InputLimits limits, DiagnosticBag bag)
    {
        var location = SourceLocation.WholeFile(displayName);
        try
        {
            return Exists(path, location, bag) ? Checked(Files.BoundedFile.Read(path, limits.MaxFileBytes), location, limits, bag) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", Files.IoErrors.Describe(ex)));
            return null;
        }
    }

    /// <summary><see cref="ReadFile"/> without blocking a thread on the disk: the same checks (a folder, a missing file, the size limit before and while reading).</summary>
    public static async Task<byte[]?> ReadFileAsync(string path, string displayName, InputLimits limits, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var location = SourceLocation.WholeFile(displayName);
        try
        {
            return Exists(path, location, bag)
                ? Checked(await Files.BoundedFile.ReadAsync(path, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false), location, limits, bag)
                : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.SecurityException or NotSupportedException or ArgumentException)
        {
            bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", Files.IoErrors.Describe(ex)));
            return null;
        }
    }

    /// <summary>
    /// Reads a stream to its end, refusing it (SR1003, no bytes) as soon as it passes the size limit, so an endless
    /// or huge stream costs at most the limit. The stream is not closed.
    /// </summary>
    public static async Task<byte[]?> ReadStreamAsync(Stream stream, string displayName, InputLimits limits, DiagnosticBag bag, CancellationToken cancellationToken)
    {
        var location = SourceLocation.WholeFile(displayName);
        try
        {
            return Checked(await Files.BoundedFile.ReadAsync(stream, limits.MaxFileBytes, cancellationToken).ConfigureAwait(false), location, limits, bag);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ObjectDisposedException)
        {
            bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", Files.IoErrors.Describe(ex)));
            return null;
        }
    }

    /// <summary>False (and SR1002 or SR1001) for a folder or a path that names nothing.</summary>
    private static bool Exists(string path, SourceLocation location, DiagnosticBag bag)
    {
        if (Directory.Exists(path))
        {
            bag.Add(DiagnosticCatalog.FileUnreadable, location, ("reason", new Message("diagnostic.reason.folder")));
            return false;
        }

        if (!File.Exists(path))
        {
            bag.Add(DiagnosticCatalog.FileNotFound, location);
            return false;
        }

        return true;
    }

    /// <summary>The bytes read, or null and SR1003: with the exact size, or "more than" what was seen when the read stopped at the limit.</summary>
    private static byte[]? Checked(Files.BoundedRead read, SourceLocation location, InputLimits limits, DiagnosticBag bag)
    {
        if (!read.TooLarge)
        {
            return read.Bytes;
        }

        object size = read.SizeIsExact ? read.Size : new Message("diagnostic.size.more_than", ("size", read.Size));
        bag.Add(DiagnosticCatalog.FileTooLarge, location, ("size", size), ("limit", limits.MaxFileBytes));
        return null;
    }

    public static string Sha256Hex(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>
    /// Decodes UTF-8 (with or without a byte-order mark) or UTF-16 with a byte-order mark. Anything else is
    /// reported at the first invalid byte rather than silently replaced.
    /// </summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, string file, DiagnosticBag bag)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            var encoding = bytes[0] == 0xFF
                ? new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true)
                : new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            try
            {
                return encoding.GetString(bytes[2..]);
            }
            catch (DecoderFallbackException)
            {
                bag.Add(DiagnosticCatalog.NotUtf8, SourceLocation.WholeFile(file), ("byte", "??"), ("offset", "?"));
                return null;
            }
        }

        if (LooksLikeUtf16(bytes) is { } order)
        {
            bag.Add(DiagnosticCatalog.Utf16WithoutBom, SourceLocation.WholeFile(file), ("order", order));
            return null;
        }

        var chars = new char[bytes.Length];
        var status = Utf8.ToUtf16(bytes, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status == OperationStatus.Done)
        {
            return new string(chars, 0, charsWritten);
        }

        // Point at the first bad byte: count lines and columns in the valid prefix.
        var prefix = chars.AsSpan(0, charsWritten);
        var line = 1;
        var lastNewline = -1;
        for (var i = 0; i < prefix.Length; i++)
        {
            if (prefix[i] == '\n')
            {
                line++;
                lastNewline = i;
            }
        }

        var badByte = bytesRead < bytes.Length ? bytes[bytesRead] : (byte)0;
        bag.Add(
            DiagnosticCatalog.NotUtf8,
            new SourceLocation(file, line, charsWritten - lastNewline),
            ("byte", badByte.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)),
            ("offset", bytesRead));
        return null;
    }

    /// <summary>
    /// UTF-16 saved without a byte-order mark: ASCII text then has a zero byte in every other position (the odd ones
    /// for little-endian, the even ones for big-endian), which UTF-8 text never has. Checked on the first 4 KiB.
    /// </summary>
    private static string? LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes[..Math.Min(bytes.Length, 4096)];
        if (sample.Length < 4)
        {
            return null;
        }

        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i + 1 < sample.Length; i += 2)
        {
            evenZeros += sample[i] == 0 ? 1 : 0;
            oddZeros += sample[i + 1] == 0 ? 1 : 0;
        }

        var pairs = sample.Length / 2;
        // The byte order, as the vocabulary's SR1021 text selects it.
        return oddZeros * 4 >= pairs && evenZeros * 20 < pairs ? "little"
            : evenZeros * 4 >= pairs && oddZeros * 20 < pairs ? "big"
            : null;
    }

    /// <summary>
    /// Refuses the first character outside YAML's printable set (tab, line breaks, U+0020–U+007E, U+0085,
    /// U+00A0–U+D7FF, U+E000–U+FFFD and the supplementary planes), for YAML and JSON alike, so both front ends
    /// accept the same text and no control character reaches a report or a terminal.
    /// </summary>
    public static bool CheckCharacters(string text, string file, DiagnosticBag bag)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                lineStart = i + 1;
                continue;
            }

            var printable = c is '\t' or '\r' or (>= '\u0020' and <= '\u007E') or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')
                || (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                || (char.IsLowSurrogate(c) && i > 0 && char.IsHighSurrogate(text[i - 1]));
            if (printable && Text.DisplayText.IsBidiControl(c))
            {
                bag.Add(DiagnosticCatalog.BidiCharacter, new SourceLocation(file, line, i - lineStart + 1), ("codePoint", Text.DisplayText.CodePoint(c)));
                return false;
            }

            if (!printable)
            {
                bag.Add(DiagnosticCatalog.ControlCharacter, new SourceLocation(file, line, i - lineStart + 1), ("code", ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)));
                return false;
            }
        }

        return true;
    }

    /// <summary>Refuses the first line longer than the limit (before any parser sees it).</summary>
    public static bool CheckLineLengths(string text, string file, InputLimits limits, DiagnosticBag bag)
    {
        var line = 1;
        var start = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0)
            {
                end = text.Length;
            }

            var length = end - start;
            if (length > 0 && text[end - 1] == '\r')
            {
                length--;
            }

            if (length > limits.MaxLineLength)
            {
                bag.Add(DiagnosticCatalog.LineTooLong, new SourceLocation(file, line, limits.MaxLineLength + 1), ("line", line), ("length", length), ("limit", limits.MaxLineLength));
                return false;
            }

            line++;
            start = end + 1;
        }

        return true;
    }
}
