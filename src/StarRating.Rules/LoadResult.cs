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

/// <summary>Builds <see cref="LoadResult{T}"/>s; for StarRating's own layers, whose readers collect into a <see cref="DiagnosticBag"/>.</summary>
public static class LoadResult
{
    /// <summary>The result of a read: the value unless the bag holds an error, with the bag's diagnostics in position order.</summary>
    /// <typeparam name="T">The kind of value read.</typeparam>
    /// <param name="value">The value built, or null.</param>
    /// <param name="diagnostics">What the read found.</param>
    public static LoadResult<T> From<T>(T? value, DiagnosticBag diagnostics)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        return new(value, diagnostics.ToSortedList());
    }

    /// <summary>A result without a value, with these diagnostics as given.</summary>
    /// <typeparam name="T">The kind of value that was to be read.</typeparam>
    /// <param name="diagnostics">What the read found (normally an error among them).</param>
    public static LoadResult<T> Failed<T>(IReadOnlyList<Diagnostic> diagnostics)
        where T : class => new(null, diagnostics);
}
