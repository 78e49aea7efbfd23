using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>Options shared by several commands, and the loading steps every command repeats.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rubric() => new("--rubric", "-r")
    {
        Description = "Rubric: a file (YAML or JSON; an overlay with 'extends' too) or a built-in id (gbt27922-2011, gbt27925-2011). "
            + "Default: the built-in rubric the evidence names in 'rubric:', else GB/T 27922-2011.",
        HelpName = "FILE|ID",
    };

    public static Option<bool> StrictVersion() => new("--strict-version")
    {
        Description = "Refuse evidence pinned to another rubric version (rubric: ID@VERSION) instead of warning.",
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

    /// <summary>The rubric named by --rubric, or the default built-in one; prints diagnostics and returns null on errors.</summary>
    public static Rubric? LoadRubric(CliContext context, string? value) =>
        value is null ? Rules.Rubric.Default : LoadNamedRubric(context, value);

    /// <summary>
    /// The rubric a value names: a built-in id (unless a file of that name exists), else a rubric file, which may
    /// be an overlay. Prints diagnostics; null on errors.
    /// </summary>
    public static Rubric? LoadNamedRubric(CliContext context, string value)
    {
        if (!File.Exists(value) && Rules.Rubric.BuiltIn(value) is { } builtIn)
        {
            return builtIn;
        }

        var looksLikeFile = value.Contains('/') || value.Contains('\\') || Path.HasExtension(value);
        if (!looksLikeFile && !File.Exists(value))
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.RubricNotFound.Create(
                SourceLocation.WholeFile("--rubric"), value, Rules.Documents.Suggest.DidYouMean(value, RubricLoader.BuiltInIds), string.Join(", ", RubricLoader.BuiltInIds))]);
            return null;
        }

        var result = new RubricLoader().LoadFile(value);
        if (result.Value is null)
        {
            DiagnosticPrinter.Report(context, result.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, result.Diagnostics);
        return result.Value;
    }

    /// <summary>
    /// For commands that score evidence: the rubric --rubric names, or null (after no error) to score each file
    /// with the built-in rubric it names. <paramref name="failed"/> is true when --rubric could not be loaded.
    /// </summary>
    public static Rubric? ScoringRubric(CliContext context, string? value, out bool failed)
    {
        failed = false;
        if (value is null)
        {
            return null;
        }

        var rubric = LoadNamedRubric(context, value);
        failed = rubric is null;
        return rubric;
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
