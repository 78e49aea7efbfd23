using StarRating.Cli;

namespace StarRating.Server.Tests;

/// <summary>
/// Runs the <c>starrating</c> command in-process in a folder (it names files as given, like a user's shell). It changes
/// the process's current directory for the call: only tests of the "store" collection, which runs alone, may use it.
/// </summary>
internal static class CliHelper
{
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public static async Task<(int Code, string Out, string Err)> RunAsync(string folder, string? input, params string[] args)
    {
        await Gate.WaitAsync();
        var cwd = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = folder;
            var output = new StringWriter();
            var error = new StringWriter();
            var code = await StarRatingCli.RunAsync(args, output, error, messages: StarRating.Rules.Language.English, input: input is null ? null : new StringReader(input));
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Environment.CurrentDirectory = cwd;
            Gate.Release();
        }
    }
}
