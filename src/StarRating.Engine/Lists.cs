namespace StarRating.Engine;

/// <summary>Copies of callers' lists, so that evidence and results never change after they are built.</summary>
internal static class Lists
{
    /// <summary>
    /// A read-only copy of <paramref name="list"/>: a caller who keeps its <see cref="List{T}"/> and changes it later
    /// changes nothing here, and no one can cast what a property returns back to a list and add to it.
    /// </summary>
    public static IReadOnlyList<T> Copy<T>(IReadOnlyList<T> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return list.Count == 0 ? [] : Array.AsReadOnly(list.ToArray());
    }
}
