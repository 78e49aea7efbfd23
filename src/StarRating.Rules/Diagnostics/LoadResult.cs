namespace StarRating.Rules;

/// <summary>
/// The outcome of reading an input: the value when it could be built without errors, and every diagnostic
/// found along the way (warnings can accompany a value; errors never do).
/// </summary>
/// <typeparam name="T">The kind of value read.</typeparam>
public sealed class LoadResult<T>
    where T : class
{
    internal LoadResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        Diagnostics = diagnostics;
        Value = diagnostics.Any(d => d.IsError) ? null : value;
    }

    /// <summary>The value, or <see langword="null"/> when any error was found.</summary>
    public T? Value { get; }

    /// <summary>Every diagnostic, in the order of their position in the input.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when a value was produced (no errors).</summary>
    public bool Succeeded => Value is not null;

    /// <summary>The errors among <see cref="Diagnostics"/>.</summary>
    public IEnumerable<Diagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>Returns the value, or throws <see cref="StarRatingException"/> carrying the diagnostics.</summary>
    /// <exception cref="StarRatingException">The input had errors.</exception>
    public T GetValueOrThrow() => Value ?? throw new StarRatingException(Diagnostics);
}

/// <summary>Static helpers for <see cref="LoadResult{T}"/>.</summary>
internal static class LoadResult
{
    public static LoadResult<T> From<T>(T? value, DiagnosticBag diagnostics)
        where T : class => new(value, diagnostics.ToSortedList());

    public static LoadResult<T> Failed<T>(IReadOnlyList<Diagnostic> diagnostics)
        where T : class => new(null, diagnostics);
}
