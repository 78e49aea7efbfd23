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

    public static Option<string?> ReferenceDoc() => new("--reference-doc")
    {
        Description = "Word file (.docx/.dotx) whose styles, page size and margins, header, footer and logo Word output takes (as pandoc's --reference-doc).",
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

    /// <summary>
    /// Every input of a command: the evidence files, the rubric, each file of the templates folder and the Word
    /// reference document.
    /// </summary>
    public static IEnumerable<string> Inputs(string? rubric, string? templates, string? referenceDoc, params string[] evidence) =>
        evidence.Concat(rubric is null ? [] : [rubric]).Concat(FilesIn(templates)).Concat(referenceDoc is null ? [] : [referenceDoc]);

    public static Option<string?> Templates() => new("--templates")
    {
        Description = "Folder of report templates that replace the built-in ones (run sandboxed); 'starrating templates export DIR' writes them to start from.",
        HelpName = "DIR",
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
    /// The one way a command's output leaves the tool. Without <paramref name="output"/>, text goes to standard
    /// output and a binary document is refused (SR5402). With it, an output path that names one of the inputs
    /// (compared by device and inode, through links and other spellings) is refused (SR5002), and the content is
    /// written by <see cref="AtomicFile"/>: to a regular file atomically (the folder flushed after the rename), to a
    /// device or a pipe straight through, and a failure is told in our words, naming the target, never the
    /// temporary file. Returns the exit code.
    /// </summary>
    public static int Emit(CliContext context, OutputContent content, string? output, IEnumerable<string> inputs)
    {
        if (output is null)
        {
            if (content.IsBinary)
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.BinaryNeedsOutputFile.Create(SourceLocation.WholeFile("--output"), content.Format)]);
                return ExitCodes.InvalidInput;
            }

            context.Out.Write(content.Text);
            return ExitCodes.Success;
        }

        if (Clash(output, inputs) is { } input)
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputIsInput.Create(SourceLocation.WholeFile(output), input)]);
            return ExitCodes.InvalidInput;
        }

        var failure = AtomicFile.Write(output, content.Bytes);
        if (failure is not null)
        {
            DiagnosticPrinter.Report(context, [failure]);
            return ExitCodes.InvalidInput;
        }

        context.Error.Write($"wrote {DisplayText.Escape(output)}\n");
        return ExitCodes.Success;
    }
}
