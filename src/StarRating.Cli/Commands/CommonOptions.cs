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

    public static Option<string?> ReferenceDoc() => new("--reference-doc")
    {
        Description = "Word file (.docx/.dotx) whose styles, page size and margins, header, footer and logo Word output takes (as pandoc's --reference-doc).",
        HelpName = "FILE",
    };

    /// <summary>
    /// The format asked for: --format when given on the command line, else .docx or .pdf from the -o file name (a
    /// Word or PDF file is never written as text by mistake), else the option's default.
    /// </summary>
    public static string Format(ParseResult parse, Option<string> format, Option<string?> output)
    {
        var given = parse.GetResult(format) is { Implicit: false };
        var path = parse.GetValue(output);
        if (!given && path is not null)
        {
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is ".docx" or ".pdf")
            {
                return extension[1..];
            }
        }

        return parse.GetValue(format)!;
    }

    /// <summary>Writes a binary document (Word, PDF) atomically to <paramref name="output"/>, never over an input.</summary>
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
