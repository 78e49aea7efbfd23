using System.CommandLine;
using System.CommandLine.Invocation;
using StarRating.Cli.Commands;

namespace StarRating.Cli;

/// <summary>The <c>starrating</c> command line: builds the command tree and runs it with the given writers.</summary>
public static class StarRatingCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where diagnostics and progress go (standard error).</param>
    /// <param name="isTerminal">True when <paramref name="error"/> is an interactive terminal (progress bars).</param>
    /// <param name="input">Standard input (the password of <c>user add</c>); empty when null.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal = false, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, isTerminal, input ?? TextReader.Null);
        var root = Build(context);
        // A bare "starrating" shows the help rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.Write($"starrating: {parseError.Message}\n");
            }

            error.Write("Run 'starrating --help' for usage.\n");
            return ExitCodes.InvalidInput;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                Output = output,
                Error = error,
                EnableDefaultExceptionHandler = false,
            }).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            error.Write("starrating: cancelled; no output file was changed.\n");
            return 130;
        }
#pragma warning disable CA1031 // The outermost edge: anything unexpected becomes one line and exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            error.Write($"starrating: unexpected error ({ex.GetType().Name}): {ex.Message}\n");
            error.Write("This is a bug in StarRating, not in your files. Please report it with the command and the input that caused it.\n");
            if (Environment.GetEnvironmentVariable("STARRATING_DEBUG") == "1")
            {
                error.Write(ex + "\n");
            }

            return ExitCodes.UnexpectedFailure;
        }
    }

    private static Command Build(CliContext context)
    {
        // A named command rather than RootCommand, whose name is the host's (e.g. "testhost" in-process).
        var root = new Command("starrating",
            "starrating — GB/T 27922-2011 商品售后服务评价体系 after-sales service star rating.\n"
            + "Exit codes: 0 success, 1 unexpected failure, 2 invalid input, 3 tier below --fail-below.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption { Action = new PrintVersion(context) },
            ScoreCommands.Score(context),
            FileCommands.Validate(context),
            FileCommands.Checklist(context),
            ScoreCommands.Gap(context),
            ScoreCommands.Diff(context),
            BatchCommand.Create(context),
            FileCommands.Rubric(context),
            ServiceCommands.Serve(context),
            ServiceCommands.User(context),
            ServiceCommands.Token(context),
            ServiceCommands.Backup(context),
        };
        return root;
    }

    /// <summary>The built-in --version reports the entry assembly, which is the test host when run in-process.</summary>
    private sealed class PrintVersion(CliContext context) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            context.Out.Write(typeof(StarRatingCli).Assembly.GetName().Version!.ToString(3) + "\n");
            return ExitCodes.Success;
        }
    }
}
