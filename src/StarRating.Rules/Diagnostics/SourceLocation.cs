using System.Globalization;

namespace StarRating.Rules;

/// <summary>
/// Where a diagnostic points: a file (as the user named it) and a 1-based line and column.
/// Line 0 means the file as a whole (for example, a file that cannot be read).
/// </summary>
/// <param name="File">The file name or path as given by the caller, or a descriptive source name.</param>
/// <param name="Line">1-based line, or 0 for the whole file.</param>
/// <param name="Column">1-based column in characters, or 0 for the whole file.</param>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    /// <summary>A location that names only a file.</summary>
    /// <param name="file">The file name or path.</param>
    public static SourceLocation WholeFile(string file) => new(file, 0, 0);

    /// <summary>True when the location points at a line and column rather than the whole file.</summary>
    public bool HasPosition => Line > 0;

    /// <summary>Formats as <c>file(line,col)</c>, or <c>file</c> for a whole-file location.</summary>
    /// <remarks>Control and bidi characters in the file name are shown escaped (<c>\u001B</c>).</remarks>
    public override string ToString() =>
        HasPosition
            ? string.Create(CultureInfo.InvariantCulture, $"{Text.DisplayText.Escape(File)}({Line},{Column})")
            : Text.DisplayText.Escape(File);
}
