namespace StarRating.Rules;

/// <summary>
/// Collects diagnostics while an input is read or checked, for a <see cref="LoadResult{T}"/> at the end. Public for
/// StarRating's own layers, whose readers and checks add to one bag; not thread-safe (one bag per read).
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    /// <summary>True once an error has been added.</summary>
    public bool HasErrors { get; private set; }

    /// <summary>How many diagnostics were added.</summary>
    public int Count => items.Count;

    /// <summary>The diagnostics in the order they were added.</summary>
    public IReadOnlyList<Diagnostic> Items => items;

    /// <summary>Adds a diagnostic.</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Add(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    /// <summary>Adds a diagnostic of <paramref name="descriptor"/>, its arguments bound by name (<see cref="DiagnosticDescriptor.Create"/>).</summary>
    /// <param name="descriptor">What went wrong.</param>
    /// <param name="location">Where.</param>
    /// <param name="arguments">One named value per parameter of the descriptor.</param>
    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(descriptor);
        Add(descriptor.Create(location, arguments));
    }

    /// <summary>Adds diagnostics.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Diagnostics ordered by file, sheet, position and code, so output is stable whatever order checks ran in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => Sort(items);

    /// <summary>Orders diagnostics by file, sheet, position and, where those tie, the order given.</summary>
    /// <param name="diagnostics">The diagnostics.</param>
    public static IReadOnlyList<Diagnostic> Sort(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics
            .Select((d, index) => (d, index))
            .OrderBy(x => x.d.Location.File, StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Sheet ?? "", StringComparer.Ordinal)
            .ThenBy(x => x.d.Location.Line)
            .ThenBy(x => x.d.Location.Column)
            .ThenBy(x => x.index)
            .Select(x => x.d)
            .ToArray();
}
