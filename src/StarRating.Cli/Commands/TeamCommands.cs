using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>merge and agreement: the audit team's commands (docs/team.md).</summary>
internal static class TeamCommands
{
    private static readonly string[] EvidenceExtensions = [".yaml", ".yml", ".json", ".xlsx"];

    public static Command Merge(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = context.Text("cli.argument.assessor_files"), Arity = ArgumentArity.OneOrMore };
        var output = new Option<string?>("--output", "-o") { Description = context.Text("cli.option.team_output"), HelpName = "FILE" };
        var pool = new Option<bool>("--pool-samples") { Description = context.Text("cli.option.pool_samples") };
        var agreement = new Option<bool>("--agreement") { Description = context.Text("cli.option.agreement") };
        var rubric = CommonOptions.Rubric(context);
        var command = new Command("merge", context.Text("cli.command.merge")) { files, output, pool, agreement, rubric };
        command.SetAction(parse =>
        {
            var paths = parse.GetValue(files)!;
            var target = parse.GetValue(output);
            if (target is not null && FormatOption.Of(target) is not ("yaml" or "json" or "xlsx"))
            {
                DiagnosticPrinter.Report(context, [CliDiagnostics.TeamOutputFormat.Create(SourceLocation.WholeFile(target), ("path", Rules.Text.DisplayText.Escape(Path.GetFileName(target))))]);
                return ExitCodes.InvalidInput;
            }

            if (Load(context, paths, parse.GetValue(rubric)) is not (var loaded, var scoring))
            {
                return ExitCodes.InvalidInput;
            }

            var result = TeamMerge.Merge(loaded, scoring, parse.GetValue(pool), target is null ? "team.yaml" : Path.GetFileName(target));
            if (result.Value is not { } merged)
            {
                DiagnosticPrinter.Report(context, result.Diagnostics);
                return ExitCodes.InvalidInput;
            }

            DiagnosticPrinter.Print(context, result.Diagnostics);
            var wording = new Wording(CommonOptions.OutputLanguage(parse));
            context.Out.Write(TeamText.Coverage(merged, wording));
            if (parse.GetValue(agreement))
            {
                context.Out.Write("\n" + TeamText.Agreement(TeamAgreement.Of([merged.Evidence], scoring), wording, folder: false));
            }

            if (target is null)
            {
                context.Error.Write(context.Text("terminal.team_preview") + "\n");
                return ExitCodes.Success;
            }

            var inputs = parse.GetValue(rubric) is { } r ? paths.Append(r) : paths;
            OutputContent content;
            switch (FormatOption.Of(target))
            {
                case "xlsx":
                    // The workbook holds the team's records too: 'by' per finding, and an assessments sheet for the lead.
                    var workbook = Workbook.AuditWorkbook.FromEvidence(merged.Evidence, scoring, CommonOptions.OutputLanguage(parse));
                    DiagnosticPrinter.Print(context, workbook.Warnings);
                    content = OutputContent.OfBinary(workbook.Content, "xlsx");
                    break;
                case "json":
                    content = OutputContent.OfText(EvidenceWriter.ToJson(merged.Evidence), "json");
                    break;
                default:
                    content = OutputContent.OfText(EvidenceWriter.ToYaml(merged.Evidence), "yaml");
                    break;
            }

            return CommonOptions.Emit(context, content, target, inputs);
        });
        return command;
    }

    public static Command Agreement(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = context.Text("cli.argument.team_folder") };
        var rubric = CommonOptions.Rubric(context);
        var command = new Command("agreement", context.Text("cli.command.agreement")) { folder, rubric };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(folder)!;
            if (!Directory.Exists(path))
            {
                DiagnosticPrinter.Report(context, [File.Exists(path)
                    ? ReportDiagnostics.NotAFolder.Create(SourceLocation.WholeFile(path), ("path", path))
                    : ReportDiagnostics.FolderNotFound.Create(SourceLocation.WholeFile(path))]);
                return ExitCodes.InvalidInput;
            }

            var paths = Directory.EnumerateFiles(path)
                .Where(f => EvidenceExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal)
                .ToArray();
            if (paths.Length == 0)
            {
                DiagnosticPrinter.Report(context, [CliDiagnostics.NoEvidenceFiles.Create(SourceLocation.WholeFile(path))]);
                return ExitCodes.InvalidInput;
            }

            if (Load(context, paths, parse.GetValue(rubric)) is not (var audits, var scoring))
            {
                return ExitCodes.InvalidInput;
            }

            // Statistics over items of another rubric would silently miss them: every audit must be for the one in use.
            var other = audits.FirstOrDefault(a => a.RubricId is { } id && id != scoring.Id);
            if (other is not null)
            {
                DiagnosticPrinter.Report(context, [CliDiagnostics.AgreementRubricMismatch.Create(SourceLocation.WholeFile(other.SourceName), ("id", other.RubricId), ("loaded", scoring.Id))]);
                return ExitCodes.InvalidInput;
            }

            var wording = new Wording(CommonOptions.OutputLanguage(parse));
            context.Out.Write(wording.Format("terminal.agreement_audits", ("count", audits.Count), ("folder", Rules.Text.DisplayText.Escape(path))) + "\n\n");
            context.Out.Write(TeamText.Agreement(TeamAgreement.Of(audits, scoring), wording, folder: true));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>
    /// Reads every file, printing every problem of all of them, and the rubric (--rubric, else the one the files name);
    /// null when anything has an error.
    /// </summary>
    private static (List<AuditEvidence> Evidence, Rubric Rubric)? Load(CliContext context, IEnumerable<string> paths, string? rubric)
    {
        // A workbook needs the rubric to be read (it tells indicator rows from item rows): --rubric, else the default.
        var named = rubric is null ? null : CommonOptions.LoadNamedRubric(context, rubric);
        if (rubric is not null && named is null)
        {
            return null;
        }

        var loaded = new List<AuditEvidence>();
        var diagnostics = new List<Diagnostic>();
        foreach (var path in paths)
        {
            var result = EvidenceFiles.Load(named ?? Rubric.Default, path);
            diagnostics.AddRange(result.Diagnostics);
            if (result.Value is { } evidence)
            {
                loaded.Add(evidence);
            }
        }

        if (diagnostics.Any(d => d.IsError))
        {
            DiagnosticPrinter.Report(context, diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, diagnostics);
        return (loaded, named ?? RubricOf(loaded));
    }

    /// <summary>The built-in rubric the first file names, else the default (a file naming another rubric is reported by the merge).</summary>
    private static Rubric RubricOf(IReadOnlyList<AuditEvidence> evidence) =>
        evidence.Select(e => e.RubricId).OfType<string>().Select(Rubric.BuiltIn).FirstOrDefault(r => r is not null) ?? Rubric.Default;
}
