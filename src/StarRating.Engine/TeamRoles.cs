using System.Collections.Frozen;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// The roles of an audit team and the words that name them. The words are data in the vocabulary
/// (<c>evidence_words.role.ROLE</c>, alternatives separated by <c>|</c>) in every language it has, so 组长, 审核组长,
/// 审查组长, Lead and lead are one role wherever they are written, and a new language brings its own words.
/// </summary>
internal static class TeamRoles
{
    public const string Lead = "lead";

    /// <summary>The roles in the order reports list them.</summary>
    public static readonly IReadOnlyList<string> All = [Lead, "member", "expert", "observer", "trainee"];

    private static readonly Lazy<FrozenDictionary<string, string>> Synonyms = new(() =>
    {
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var role in All)
        {
            words.TryAdd(role, role);
            foreach (var language in Vocabulary.Default.Languages)
            {
                var text = Vocabulary.Default.Source("evidence_words.role." + role, language) ?? "";
                foreach (var word in text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                {
                    words.TryAdd(word, role);
                }
            }
        }

        return words.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    });

    /// <summary>The role a word names (<c>lead</c> for 组长), or the word as written (trimmed) when it names none.</summary>
    public static string Normalize(string? word)
    {
        var trimmed = (word ?? "").Trim();
        return Synonyms.Value.TryGetValue(trimmed, out var role) ? role : trimmed;
    }
}
