using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>
/// A command's --format option and the formats the command writes, the first being the default. The format is the
/// one --format names; without --format, the one the -o file's extension names (<see cref="Of"/>), when the command
/// writes it; else the default. Every command that writes a document chooses its format here.
/// </summary>
internal sealed class FormatOption
{
    /// <summary>The one table from a file extension to the format it names, for every command.</summary>
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".md"] = "md",
        [".markdown"] = "md",
        [".html"] = "html",
        [".htm"] = "html",
        [".json"] = "json",
        [".docx"] = "docx",
        [".pdf"] = "pdf",
        [".xlsx"] = "xlsx",
        [".yaml"] = "yaml",
        [".yml"] = "yaml",
    };

    /// <summary>
    /// Extensions of office and archive files this tool never writes: an -o name ending so is refused whatever the
    /// format, since text under such a name (YAML in audit.xlsm) is a file its program cannot open.
    /// </summary>
    private static readonly HashSet<string> ForeignBinary = new(StringComparer.OrdinalIgnoreCase)
    {
        ".xlsm", ".xlsb", ".xls", ".xltx", ".xltm", ".doc", ".docm", ".dotx", ".dotm", ".rtf", ".odt", ".ods", ".pptx", ".ppt", ".zip",
    };

    /// <summary>Formats that are files, not text: never written to the terminal, never written as text by mistake.</summary>
    private static readonly HashSet<string> Binary = new(StringComparer.Ordinal) { "docx", "pdf", "xlsx" };

    public FormatOption(string description, params string[] formats)
    {
        Formats = formats;
        Option = new Option<string>("--format", "-f")
        {
            Description = description,
            DefaultValueFactory = _ => formats[0],
            HelpName = string.Join('|', formats),
        };
        Option.AcceptOnlyFromAmong(formats);
    }

    public Option<string> Option { get; }

    /// <summary>The formats the command writes; the first is the default.</summary>
    public IReadOnlyList<string> Formats { get; }

    /// <summary>The format a file name's extension names (<c>report.docx</c> → <c>docx</c>), or null.</summary>
    public static string? Of(string? path) =>
        path is not null && ByExtension.TryGetValue(Path.GetExtension(path), out var format) ? format : null;

    /// <summary>True for a format that is a binary document.</summary>
    public static bool IsBinary(string format) => Binary.Contains(format);

    /// <summary>
    /// The format to write, or null (diagnostics printed): --format when given, else the -o extension's format when
    /// the command writes it, else the default. An -o name whose extension is a binary format the command does not
    /// write is refused (SR5403) rather than filled with text, and a binary format needs -o (SR5402).
    /// </summary>
    public string? Choose(CliContext context, string command, ParseResult parse, string? output)
    {
        var chosen = parse.GetValue(Option)!;
        if (output is not null && ForeignBinary.Contains(Path.GetExtension(output)))
        {
            DiagnosticPrinter.Report(context, [CliDiagnostics.FormatNotSupported.Create(SourceLocation.WholeFile("--output"), ("command", command), ("format", Path.GetExtension(output).ToLowerInvariant()), ("allowed", string.Join(", ", Formats)))]);
            return null;
        }

        if (parse.GetResult(Option) is not { Implicit: false } && Of(output) is { } inferred)
        {
            if (Formats.Contains(inferred))
            {
                chosen = inferred;
            }
            else if (IsBinary(inferred))
            {
                DiagnosticPrinter.Report(context, [CliDiagnostics.FormatNotSupported.Create(SourceLocation.WholeFile("--format"), ("command", command), ("format", inferred), ("allowed", string.Join(", ", Formats)))]);
                return null;
            }
        }

        if (output is null && IsBinary(chosen))
        {
            DiagnosticPrinter.Report(context, [CliDiagnostics.BinaryNeedsOutputFile.Create(SourceLocation.WholeFile("--output"), ("format", chosen))]);
            return null;
        }

        return chosen;
    }
}
