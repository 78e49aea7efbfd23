namespace StarRating.Rules.Documents;

/// <summary>
/// "Did you mean …?" for misspelt keys, ids and values. Public for StarRating's own layers, so every hint suggests
/// the same way.
/// </summary>
public static class Suggest
{
    /// <summary>The closest candidate within a small edit distance, or null.</summary>
    /// <param name="input">What was written.</param>
    /// <param name="candidates">What could have been meant.</param>
    public static string? Closest(string input, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(candidates);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            if (string.Equals(candidate, input, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }

            var distance = Distance(input, candidate);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = candidate;
            }
        }

        var allowed = Math.Max(1, Math.Min(3, input.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>The hint prefix "Did you mean 'x'? " (a message, worded in the reader's language), or an empty text.</summary>
    /// <param name="input">What was written.</param>
    /// <param name="candidates">What could have been meant.</param>
    /// <returns>A <see cref="Message"/> for a diagnostic's <c>suggestion</c> argument, or an empty text.</returns>
    public static object DidYouMean(string input, IEnumerable<string> candidates)
    {
        var closest = Closest(input, candidates);
        return closest is null ? "" : new Message("diagnostic.did_you_mean", ("candidate", closest));
    }

    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3 || a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
