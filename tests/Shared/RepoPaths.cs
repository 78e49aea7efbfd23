namespace StarRating.Testing;

/// <summary>Finds the repository root from the test's output folder, so tests can read rules/, docs/ and samples/.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "StarRating.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("StarRating.sln not found above " + AppContext.BaseDirectory);
    }
}
