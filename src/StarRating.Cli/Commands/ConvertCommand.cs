using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Workbook;

namespace StarRating.Cli.Commands;

/// <summary>
/// convert: evidence between YAML, JSON and the audit workbook, each way, the formats chosen by the file
/// extensions. The input is read with the evidence format's structure checks (a half-filled audit converts; a file
/// with errors does not), and the output reads back as the same evidence (docs/workbook.md says what is carried).
/// </summary>
internal static class ConvertCommand
{
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = context.Text("cli.argument.convert_input") };
        var output = new Option<string>("--output", "-o") { Description = context.Text("cli.option.convert_output"), HelpName = "FILE", Required = true };
        var rubric = CommonOptions.Rubric(context);
        var command = new Command("convert", context.Text("cli.command.convert")) { input, output, rubric };
        command.SetAction(parse =>
        {
            var inPath = parse.GetValue(input)!;
            var outPath = parse.GetValue(output)!;
            var unknown = new[] { inPath, outPath }.Where(p => Format(p) is null).ToArray();
            if (unknown.Length > 0)
            {
                DiagnosticPrinter.Report(context, unknown.Select(p => CliDiagnostics.ConvertUnknownFormat.Create(SourceLocation.WholeFile(p), ("name", Path.GetFileName(p)))).ToArray());
                return ExitCodes.InvalidInput;
            }

            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var loaded = EvidenceFiles.Load(loadedRubric, inPath);
            if (loaded.Value is not { } evidence)
            {
                DiagnosticPrinter.Report(context, loaded.Diagnostics);
                return ExitCodes.InvalidInput;
            }

            DiagnosticPrinter.Print(context, loaded.Diagnostics);
            var inputs = parse.GetValue(rubric) is { } r ? new[] { inPath, r } : [inPath];
            OutputContent content;
            switch (Format(outPath))
            {
                case "xlsx":
                    var workbook = AuditWorkbook.FromEvidence(evidence, loadedRubric, CommonOptions.OutputLanguage(parse));
                    DiagnosticPrinter.Print(context, workbook.Warnings);
                    content = OutputContent.OfBinary(workbook.Content, "xlsx");
                    break;
                case "json":
                    content = OutputContent.OfText(EvidenceWriter.ToJson(evidence), "json");
                    break;
                default:
                    content = OutputContent.OfText(EvidenceWriter.ToYaml(evidence), "yaml");
                    break;
            }

            return CommonOptions.Emit(context, content, outPath, inputs);
        });
        return command;
    }

    /// <summary>The evidence format a file name's extension names (the tool's one extension table), or null.</summary>
    private static string? Format(string path) => FormatOption.Of(path) is { } format && format is "yaml" or "json" or "xlsx" ? format : null;
}
