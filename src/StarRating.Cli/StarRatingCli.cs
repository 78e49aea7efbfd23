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
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal = false)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, isTerminal);
        var root = Build(context);
        // A bare "starrating" shows the help rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                // The parser echoes what was typed: shown escaped, like every text the user supplies.
                error.Write($"starrating: {Rules.Text.DisplayText.EscapeMultiline(parseError.Message)}\n");
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
            // Never the exception's type or message: under UseSystemResourceKeys they read like Arg_NullReferenceException.
            error.Write("starrating: unexpected failure: the command stopped on an internal error, and nothing was written.\n");
            error.Write("This is a bug in StarRating, not in your files. Please report it with the command and the input that caused it (set STARRATING_DEBUG=1 for details).\n");
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
            ConvertCommand.Create(context),
            ScoreCommands.Gap(context),
            ScoreCommands.Diff(context),
            ScoreCommands.Ncr(context),
            BatchCommand.Create(context),
            FileCommands.Rubric(context),
            FileCommands.Templates(context),
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
