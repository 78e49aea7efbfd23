namespace StarRating.Rules.Files;

/// <summary>
/// Our own words for why a file operation failed. An exception's <c>Message</c> is never shown: with
/// <c>UseSystemResourceKeys</c> it reads like <c>IO_FileNotFound_FileName</c>, and it can name a temporary file the
/// user never asked for.
/// </summary>
internal static class IoErrors
{
    /// <summary>A short reason, e.g. "permission denied", for a failure of reading or writing a file.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "the file does not exist",
        DirectoryNotFoundException => "the folder does not exist",
        PathTooLongException => "the path is too long",
        ArgumentException => "the path is not valid",
        NotSupportedException => "the path is not supported",
        System.Security.SecurityException => "permission denied",
        IOException io => (io.HResult & 0xFFFF) switch
        {
            // errno values on Linux and macOS; .NET puts the errno in HResult for I/O errors on Unix.
            13 or 1 => "permission denied",
            28 => "no space left on the device",
            30 => "the file system is read-only",
            21 => "it is a folder",
            20 => "a part of the path is a file, not a folder",
            36 or 63 => "the file name is too long",
            122 or 69 => "the disk quota is exceeded",
            _ => "an input/output error",
        },
        _ => "an unexpected error",
    };
}
