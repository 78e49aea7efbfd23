namespace StarRating.Rules;

/// <summary>
/// Thrown only by the opt-in <c>...OrThrow</c> methods: carries the diagnostics that made an input unusable.
/// The rest of the API returns diagnostics as data and does not throw for bad input.
/// </summary>
public sealed class StarRatingException : Exception
{
    /// <summary>Creates the exception from the diagnostics of a failed load.</summary>
    /// <param name="diagnostics">The diagnostics; the errors among them make up the message.</param>
    public StarRatingException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>The diagnostics of the failed operation.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.IsError).Select(d => d.ToString()).ToList();
        return errors.Count == 0
            ? "The input could not be used."
            : "The input could not be used:\n" + string.Join("\n", errors);
    }
}
