namespace StarRating.Rules;

/// <summary>Collects diagnostics while an input is read; internal plumbing for loaders.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<Diagnostic> items = [];

    public bool HasErrors { get; private set; }

    public int Count => items.Count;

    public IReadOnlyList<Diagnostic> Items => items;

    public void Add(Diagnostic diagnostic)
    {
        items.Add(diagnostic);
        HasErrors |= diagnostic.IsError;
    }

    public void Add(DiagnosticDescriptor descriptor, SourceLocation location, params (string Name, object? Value)[] arguments) =>
        Add(descriptor.Create(location, arguments));

    public void AddRange(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }

    /// <summary>Diagnostics ordered by file, sheet, position and code, so output is stable whatever order checks ran in.</summary>
    public IReadOnlyList<Diagnostic> ToSortedList() => Sort(items);

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
