using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Options shared by several commands, and the loading steps every command repeats.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rubric() => new("--rubric", "-r")
    {
        Description = "Rubric file (YAML or JSON). Default: the built-in GB/T 27922-2011 rubric.",
        HelpName = "FILE",
    };

    public static Option<string> Language()
    {
        var option = new Option<string>("--lang", "-l")
        {
            Description = "Language of the output: zh (Simplified Chinese) or en.",
            DefaultValueFactory = _ => "zh",
            HelpName = "zh|en",
        };
        option.AcceptOnlyFromAmong("zh", "en");
        return option;
    }

    public static Option<string?> OutputFile() => new("--output", "-o")
    {
        Description = "Write to FILE (atomically) instead of standard output.",
        HelpName = "FILE",
    };

    public static Language ToLanguage(string value) => value == "en" ? Rules.Language.English : Rules.Language.Chinese;

    /// <summary>The rubric named by --rubric, or the built-in one; prints diagnostics and returns null on errors.</summary>
    public static Rubric? LoadRubric(CliContext context, string? path)
    {
        if (path is null)
        {
            return Rules.Rubric.Default;
        }

        var result = new RubricLoader().LoadFile(path);
        if (result.Value is null)
        {
            DiagnosticPrinter.Report(context, result.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, result.Diagnostics);
        return result.Value;
    }

    /// <summary>
    /// Writes <paramref name="content"/> to standard output, or atomically to <paramref name="output"/>; refuses an
    /// output path that is one of the inputs. Returns the exit code.
    /// </summary>
    public static int Emit(CliContext context, string content, string? output, IEnumerable<string> inputs)
    {
        if (output is null)
        {
            context.Out.Write(content);
            return ExitCodes.Success;
        }

        return Emit(context, System.Text.Encoding.UTF8.GetBytes(content), output, inputs);
    }

    /// <summary>Writes bytes atomically to <paramref name="output"/>; refuses an output path that is one of the inputs.</summary>
    public static int Emit(CliContext context, byte[] content, string output, IEnumerable<string> inputs)
    {
        if (AtomicFile.IsOneOf(output, inputs))
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputIsInput.Create(SourceLocation.WholeFile(output))]);
            return ExitCodes.InvalidInput;
        }

        var failure = AtomicFile.Write(output, content);
        if (failure is not null)
        {
            DiagnosticPrinter.Report(context, [failure]);
            return ExitCodes.InvalidInput;
        }

        context.Error.Write($"wrote {output}\n");
        return ExitCodes.Success;
    }
}
