using System.Text.RegularExpressions;

namespace StarRating.Rules;

/// <summary>
/// A rubric named by id and, optionally, pinned to a version: <c>gbt27922-2011</c> or
/// <c>acme-gbt27922@2026.1-acme.1</c>, as evidence files write it in <c>rubric:</c>.
/// </summary>
/// <param name="Id">The rubric id.</param>
/// <param name="Version">The pinned version, or null for any version.</param>
public readonly partial record struct RubricReference(string Id, string? Version)
{
    /// <summary>Reads <c>ID</c> or <c>ID@VERSION</c>. Ids are as in rubric files; versions are 1 to 64 letters, digits, '.', '-', '_' or '+'.</summary>
    /// <param name="text">The text.</param>
    /// <param name="reference">The reference read, when the text is one.</param>
    /// <returns>True when <paramref name="text"/> is a rubric reference.</returns>
    public static bool TryParse(string? text, out RubricReference reference)
    {
        reference = default;
        if (text is null)
        {
            return false;
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        var id = at < 0 ? text : text[..at];
        var version = at < 0 ? null : text[(at + 1)..];
        if (!IdPattern().IsMatch(id) || (version is not null && !VersionPattern().IsMatch(version)))
        {
            return false;
        }

        reference = new RubricReference(id, version);
        return true;
    }

    /// <summary><c>ID</c> or <c>ID@VERSION</c>.</summary>
    public override string ToString() => Version is null ? Id : Id + "@" + Version;

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
