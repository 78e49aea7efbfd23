using System.CommandLine;
using System.CommandLine.Invocation;
using StarRating.Cli.Commands;
using StarRating.Cli.Output;
using StarRating.Rules;

namespace StarRating.Cli;

/// <summary>The <c>starrating</c> command line: builds the command tree and runs it with the given writers.</summary>
public static class StarRatingCli
{
    /// <summary>Parses <paramref name="args"/> and runs the command.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Where results go (standard output).</param>
    /// <param name="error">Where diagnostics and progress go (standard error).</param>
    /// <param name="isTerminal">True when <paramref name="error"/> is an interactive terminal (progress bars).</param>
    /// <param name="messages">
    /// The language of diagnostics, help and status lines when <c>--lang</c> does not say (the program passes the
    /// locale's, <see cref="CliLanguage.FromEnvironment"/>); Chinese by default.
    /// </param>
    /// <param name="input">Standard input (the password of <c>user add</c>); empty when null.</param>
    /// <returns>The exit code; see <see cref="ExitCodes"/>.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool isTerminal = false, Language messages = default, TextReader? input = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, isTerminal, CliLanguage.FromArguments(args) ?? messages, input ?? TextReader.Null);
        var root = Build(context);
        // A bare "starrating" shows the help rather than an error.
        var parse = root.Parse(args.Length == 0 ? ["--help"] : args);
        // "score --help" shows the help even though the evidence argument is missing.
        if (parse.Errors.Count > 0 && parse.Action is not CliHelp)
        {
            foreach (var parseError in parse.Errors)
            {
                error.Write(context.Text("cli.usage_error", ("message", ParseErrorText.Describe(parseError.Message, context.Wording))) + "\n");
            }

            error.Write(context.Text("cli.usage_hint") + "\n");
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
            error.Write(context.Text("cli.cancelled") + "\n");
            return 130;
        }
#pragma warning disable CA1031 // The outermost edge: anything unexpected becomes one line and exit code 1.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            // Never the exception's type or message: under UseSystemResourceKeys they read like Arg_NullReferenceException.
            error.Write(context.Text("cli.unexpected") + "\n");
            error.Write(context.Text("cli.bug") + "\n");
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
        var help = new System.CommandLine.Help.HelpOption { Description = context.Text("cli.help.help_option"), Recursive = true };
        help.Action = new CliHelp(context);
        var root = new Command("starrating", context.Text("cli.root", ("builtIns", string.Join(", ", Rules.RubricLoader.BuiltInIds))))
        {
            help,
            new VersionOption { Action = new PrintVersion(context), Description = context.Text("cli.help.version_option") },
            CommonOptions.Language(context),
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
            TeamCommands.Merge(context),
            TeamCommands.Agreement(context),
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
