namespace StarRating.Rules.Files;

/// <summary>
/// Our own words for why a file operation failed. An exception's <c>Message</c> is never shown: with
/// <c>UseSystemResourceKeys</c> it reads like <c>IO_FileNotFound_FileName</c>, and it can name a temporary file the
/// user never asked for. Public for StarRating's own layers, which all report file failures in these words.
/// </summary>
public static class IoErrors
{
    /// <summary>A short reason, e.g. "permission denied", for a failure of reading or writing a file (<c>diagnostic.reason.*</c>).</summary>
    public static Message Describe(Exception exception) => new("diagnostic.reason." + exception switch
    {
        UnauthorizedAccessException => "permission_denied",
        FileNotFoundException => "file_missing",
        DirectoryNotFoundException => "folder_not_found",
        PathTooLongException => "path_too_long",
        ArgumentException => "path_invalid",
        NotSupportedException => "path_unsupported",
        System.Security.SecurityException => "permission_denied",
        IOException io => (io.HResult & 0xFFFF) switch
        {
            // errno values on Linux and macOS; .NET puts the errno in HResult for I/O errors on Unix.
            13 or 1 => "permission_denied",
            28 => "no_space",
            30 => "read_only",
            21 => "folder",
            20 => "path_through_file",
            36 or 63 => "name_too_long",
            122 or 69 => "quota",
            _ => "io_error",
        },
        _ => "unexpected",
    });
}
