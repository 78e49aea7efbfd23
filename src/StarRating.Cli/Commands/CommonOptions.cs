using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Cli.Commands;

/// <summary>Options shared by several commands, and the loading steps every command repeats.</summary>
internal static class CommonOptions
{
    public static Option<string?> Rubric(CliContext context) => new("--rubric", "-r")
    {
        Description = context.Text("cli.option.rubric", ("builtIns", string.Join(", ", RubricLoader.BuiltInIds))),
        HelpName = "FILE|ID",
    };

    public static Option<bool> StrictVersion(CliContext context) => new("--strict-version")
    {
        Description = context.Text("cli.option.strict_version"),
    };

    /// <summary><c>--consensus lowest|median|lead</c>: how a mock or self assessment scores findings its assessors disagree on.</summary>
    public static Option<string> Consensus(CliContext context)
    {
        var option = new Option<string>("--consensus")
        {
            Description = context.Text("cli.option.consensus"),
            DefaultValueFactory = _ => "lowest",
            HelpName = "lowest|median|lead",
        };
        option.AcceptOnlyFromAmong("lowest", "median", "lead");
        return option;
    }

    /// <summary>The rule a <c>--consensus</c> word names.</summary>
    public static Engine.ConsensusRule ToConsensus(string? word) => word switch
    {
        "median" => Engine.ConsensusRule.Median,
        "lead" => Engine.ConsensusRule.Lead,
        _ => Engine.ConsensusRule.Lowest,
    };

    /// <summary>
    /// <c>--lang</c>: on the root and every command below it. It sets the output's language and the messages' (read
    /// before parsing, <see cref="CliLanguage.FromArguments"/>); without it, outputs are Chinese and messages follow the locale.
    /// </summary>
    public static Option<string?> Language(CliContext context)
    {
        var option = new Option<string?>("--lang", "-l")
        {
            Description = context.Text("cli.option.lang"),
            HelpName = string.Join('|', CliLanguage.Tags),
            Recursive = true,
        };
        option.AcceptOnlyFromAmong(CliLanguage.Tags);
        return option;
    }

    /// <summary><c>--terminology audit|review</c>: 审核 or 审查 in the output; the rubric's choice when not given.</summary>
    public static Option<string?> Terminology(CliContext context)
    {
        var option = new Option<string?>("--terminology")
        {
            Description = context.Text("cli.option.terminology"),
            HelpName = "audit|review",
        };
        option.AcceptOnlyFromAmong("audit", "review");
        return option;
    }

    public static Option<string?> OutputFile(CliContext context) => new("--output", "-o")
    {
        Description = context.Text("cli.option.output"),
        HelpName = "FILE",
    };

    public static Option<string?> ReferenceDoc(CliContext context) => new("--reference-doc")
    {
        Description = context.Text("cli.option.reference_doc"),
        HelpName = "FILE",
    };

    /// <summary>The input that <paramref name="output"/> names (through links, hard links or another spelling), or null.</summary>
    public static string? Clash(string output, IEnumerable<string> inputs) =>
        string.IsNullOrWhiteSpace(output) ? null : inputs.FirstOrDefault(input => AtomicFile.IsOneOf(output, [input]));

    /// <summary>A <see cref="Clash(string, IEnumerable{string})"/> for many outputs against the same inputs: each file is looked at once.</summary>
    public static Func<string, string?> Clashes(IEnumerable<string> inputs)
    {
        var find = Rules.Files.FileProbe.SameFileFinder(inputs);
        return output => string.IsNullOrWhiteSpace(output) ? null : find(output);
    }

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

    public static Option<string?> Templates(CliContext context) => new("--templates")
    {
        Description = context.Text("cli.option.templates"),
        HelpName = "DIR",
    };

    /// <summary>The output language: <c>--lang</c>, else Chinese.</summary>
    public static Language OutputLanguage(ParseResult parse) =>
        parse.GetValue<string?>("--lang") is { } tag ? Rules.Language.Parse(tag) : Rules.Language.Chinese;

    /// <summary>The terminology asked for, or null for the rubric's.</summary>
    public static Terminology? ToTerminology(string? value) => value switch
    {
        "review" => Rules.Terminology.Review,
        "audit" => Rules.Terminology.Audit,
        _ => null,
    };

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
            DiagnosticPrinter.Report(context, [CliDiagnostics.RubricNotFound.Create(
                SourceLocation.WholeFile("--rubric"),
                ("value", value),
                ("suggestion", Rules.Documents.Suggest.DidYouMean(value, RubricLoader.BuiltInIds)),
                ("builtIns", string.Join(", ", RubricLoader.BuiltInIds)))]);
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
                DiagnosticPrinter.Report(context, [CliDiagnostics.BinaryNeedsOutputFile.Create(SourceLocation.WholeFile("--output"), ("format", content.Format))]);
                return ExitCodes.InvalidInput;
            }

            context.Out.Write(content.Text);
            return ExitCodes.Success;
        }

        if (Clash(output, inputs) is { } input)
        {
            DiagnosticPrinter.Report(context, [CliDiagnostics.OutputIsInput.Create(SourceLocation.WholeFile(output), ("input", input))]);
            return ExitCodes.InvalidInput;
        }

        var failure = AtomicFile.Durable.Write(output, content.Bytes);
        if (failure is not null)
        {
            DiagnosticPrinter.Report(context, [failure]);
            return ExitCodes.InvalidInput;
        }

        context.Error.Write(context.Text("cli.wrote", ("path", DisplayText.Escape(output))) + "\n");
        return ExitCodes.Success;
    }
}
