using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Cli.Commands;

/// <summary>validate, checklist and rubric: commands about the input files themselves.</summary>
internal static class FileCommands
{
    public static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = context.Text("cli.argument.files"), Arity = ArgumentArity.OneOrMore };
        var rubric = CommonOptions.Rubric(context);
        var command = new Command("validate", context.Text("cli.command.validate")) { files, rubric };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var engine = new AuditEngine(loadedRubric);
            var failed = false;
            foreach (var path in parse.GetValue(files)!)
            {
                failed |= !ValidateOne(context, engine, path);
            }

            return failed ? ExitCodes.InvalidInput : ExitCodes.Success;
        });
        return command;
    }

    public static Command Checklist(CliContext context)
    {
        var rubric = CommonOptions.Rubric(context);
        var terminology = CommonOptions.Terminology(context);
        var output = CommonOptions.OutputFile(context);
        var kind = new Option<string>("--kind", "-k") { Description = context.Text("cli.option.kind"), DefaultValueFactory = _ => "initial", HelpName = "initial|surveillance|recertification|mock|self" };
        kind.AcceptOnlyFromAmong("initial", "surveillance", "recertification", "mock", "self");
        var command = new Command("checklist", context.Text("cli.command.checklist")) { rubric, terminology, output, kind };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var auditKind = Enum.GetValues<AuditKind>().First(k => EvidenceWords.Of(k) == parse.GetValue(kind));
            var wording = new Wording(CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)) ?? loadedRubric.Terminology);
            var text = ChecklistWriter.Write(loadedRubric, wording, auditKind);
            var inputs = parse.GetValue(rubric) is { } r ? new[] { r } : [];
            return CommonOptions.Emit(context, text, parse.GetValue(output), inputs);
        });
        return command;
    }

    public static Command Rubric(CliContext context)
    {
        var rubric = CommonOptions.Rubric(context);
        var terminology = CommonOptions.Terminology(context);
        var show = new Command("show", context.Text("cli.command.rubric_show")) { rubric, terminology };
        show.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var wording = new Wording(CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)) ?? loadedRubric.Terminology);
            context.Out.Write(TerminalText.Rubric(loadedRubric, wording));
            return ExitCodes.Success;
        });

        var output = CommonOptions.OutputFile(context);
        var export = new Command("export", context.Text("cli.command.rubric_export")) { output };
        export.SetAction(parse =>
        {
            var text = System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes());
            return CommonOptions.Emit(context, text, parse.GetValue(output), []);
        });

        return new Command("rubric", context.Text("cli.command.rubric")) { show, export };
    }

    public static Command Templates(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = context.Text("cli.argument.templates_folder") };
        var export = new Command("export", context.Text("cli.command.templates_export")) { folder };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(folder)!;
            if (File.Exists(target))
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.NotAFolder.Create(SourceLocation.WholeFile(target), ("path", target))]);
                return ExitCodes.InvalidInput;
            }

            var sources = Reports.TemplateSet.BuiltInSources();
            var existing = sources.Where(s => File.Exists(Path.Combine(target, s.Name)) || Directory.Exists(Path.Combine(target, s.Name)))
                .Select(s => DiagnosticCatalog.ExportWouldReplace.Create(SourceLocation.WholeFile(Path.Combine(target, s.Name)), ("name", s.Name)))
                .ToArray();
            if (existing.Length > 0)
            {
                DiagnosticPrinter.Report(context, existing);
                return ExitCodes.InvalidInput;
            }

            try
            {
                Directory.CreateDirectory(target);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(target), ("reason", Rules.Files.IoErrors.Describe(ex)))]);
                return ExitCodes.InvalidInput;
            }

            foreach (var (name, text) in sources)
            {
                if (AtomicFile.Write(Path.Combine(target, name), text) is { } failure)
                {
                    DiagnosticPrinter.Report(context, [failure]);
                    return ExitCodes.InvalidInput;
                }
            }

            context.Error.Write(context.Text("cli.templates_exported", ("count", sources.Count), ("folder", Rules.Text.DisplayText.Escape(target))) + "\n");
            return ExitCodes.Success;
        });

        return new Command("templates", context.Text("cli.command.templates")) { export };
    }

    private static bool ValidateOne(CliContext context, AuditEngine engine, string path)
    {
        var bag = new DiagnosticBag();
        var bytes = SourceText.ReadFile(path, path, InputLimits.Default, bag);
        var document = bytes is null ? null : DocumentLoader.Parse(bytes, path, InputLimits.Default, bag);
        if (document is null)
        {
            return Summarize(context, path, null, bag.Items);
        }

        var keys = document.Root is DocMapping map ? map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) : [];
        if (keys.Contains("categories") || keys.Contains("tiers"))
        {
            var result = new RubricLoader().Parse(bytes!, path);
            var detail = result.Value is { } r
                ? context.Text("cli.validate.rubric", ("id", r.Id), ("version", r.Version), ("indicators", r.Indicators.Count), ("items", r.Items.Count))
                : null;
            return Summarize(context, path, detail, result.Diagnostics);
        }

        if (keys.Contains("findings") || keys.Contains("audit") || keys.Contains("company"))
        {
            var result = engine.Score(bytes!, path);
            var detail = result.Value is { } s ? context.Text("cli.validate.evidence", ("score", ReportFigures.Score(s.Score, s.Rubric)), ("tier", s.Tier.Id)) : null;
            return Summarize(context, path, detail, result.Diagnostics);
        }

        return Summarize(context, path, null, [DiagnosticCatalog.UnknownFileKind.Create(SourceLocation.WholeFile(path))]);
    }

    private static bool Summarize(CliContext context, string path, string? detail, IReadOnlyList<Diagnostic> diagnostics)
    {
        DiagnosticPrinter.Print(context, diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var shown = Rules.Text.DisplayText.Escape(path);
        context.Out.Write((errors == 0
            ? context.Text("cli.validate.ok", ("path", shown), ("detail", detail ?? ""), ("warnings", warnings))
            : context.Text("cli.validate.failed", ("path", shown), ("errors", errors), ("warnings", warnings))) + "\n");
        return errors == 0;
    }
}
