using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Rules;
using StarRating.Rules.Text;

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

    /// <summary>The input that <paramref name="output"/> names (through links, hard links or another spelling), or null.</summary>
    public static string? Clash(string output, IEnumerable<string> inputs) =>
        string.IsNullOrWhiteSpace(output) ? null : inputs.FirstOrDefault(input => AtomicFile.IsOneOf(output, [input]));

    /// <summary>Every file of a --templates folder: each is an input that no output may overwrite.</summary>
    public static IEnumerable<string> FilesIn(string? folder)
    {
        if (folder is null || !Directory.Exists(folder))
        {
            return [];
        }

        try
        {
            return Directory.GetFiles(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>Every input of a command: the rubric, each file of the templates folder, and the evidence files.</summary>
    public static IEnumerable<string> Inputs(string? rubric, string? templates, params string[] evidence) =>
        evidence.Concat(rubric is null ? [] : [rubric]).Concat(FilesIn(templates));

    public static Option<string> Format(string description)
    {
        var option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|md|html",
        };
        option.AcceptOnlyFromAmong("text", "json", "md", "html");
        return option;
    }

    public static Option<string?> Templates() => new("--templates")
    {
        Description = "Folder of report templates that replace the built-in ones (run sandboxed); 'starrating templates export DIR' writes them to start from.",
        HelpName = "DIR",
    };

    /// <summary>--format when given; otherwise the format the -o file's extension names (.html, .md, .json); otherwise text.</summary>
    public static string ChosenFormat(ParseResult parse, Option<string> format, Option<string?> output)
    {
        if (parse.GetResult(format) is { Implicit: false })
        {
            return parse.GetValue(format)!;
        }

        var extension = Path.GetExtension(parse.GetValue(output) ?? "").ToLowerInvariant();
        return extension switch
        {
            ".html" or ".htm" => "html",
            ".md" or ".markdown" => "md",
            ".json" => "json",
            _ => "text",
        };
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

        if (Clash(output, inputs) is { } input)
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputIsInput.Create(SourceLocation.WholeFile(output), input)]);
            return ExitCodes.InvalidInput;
        }

        var failure = AtomicFile.Write(output, content);
        if (failure is not null)
        {
            DiagnosticPrinter.Report(context, [failure]);
            return ExitCodes.InvalidInput;
        }

        context.Error.Write($"wrote {DisplayText.Escape(output)}\n");
        return ExitCodes.Success;
    }
}
