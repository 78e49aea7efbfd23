namespace StarRating.Cli.Tests;

/// <summary>
/// Tests that change the process's current directory (to run the tool with relative paths, as a user types them).
/// The directory belongs to the whole process, so these run alone: run beside each other or beside any other test, one
/// test's directory change made another's relative paths name nothing (a "folder not found" seen once in a clean run).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CurrentDirectoryCollection
{
    public const string Name = "Tests that change the current directory";
}
