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
        var strict = CommonOptions.StrictVersion(context);
        var command = new Command("validate", context.Text("cli.command.validate")) { files, rubric, strict };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            // Without --rubric, each evidence file is checked against the built-in rubric it names.
            var engine = loadedRubric is null ? null : new AuditEngine(loadedRubric) { StrictVersion = parse.GetValue(strict) };
            foreach (var path in parse.GetValue(files)!)
            {
                failed |= !ValidateOne(context, engine, path, parse.GetValue(strict));
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
        var format = new FormatOption(context.Text("cli.option.checklist_format"), "yaml", "xlsx");
        var command = new Command("checklist", context.Text("cli.command.checklist")) { rubric, terminology, output, kind, format.Option };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var auditKind = Enum.GetValues<AuditKind>().First(k => EvidenceWords.Of(k) == parse.GetValue(kind));
            var wording = new Wording(CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)) ?? loadedRubric.Terminology);
            var inputs = parse.GetValue(rubric) is { } r ? new[] { r } : [];
            var target = parse.GetValue(output);
            var formatName = format.Choose(context, "checklist", parse, target);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            var content = formatName == "xlsx"
                ? OutputContent.OfBinary(Workbook.AuditWorkbook.Checklist(loadedRubric, wording.Language, auditKind), formatName)
                : OutputContent.OfText(ChecklistWriter.Write(loadedRubric, wording, auditKind), formatName);
            return CommonOptions.Emit(context, content, target, inputs);
        });
        return command;
    }

    public static Command Rubric(CliContext context) =>
        new("rubric", context.Text("cli.command.rubric"))
        {
            RubricList(context),
            RubricShow(context),
            RubricDiff(context),
            RubricExport(context),
        };

    private static Command RubricList(CliContext context)
    {
        var list = new Command("list", context.Text("cli.command.rubric_list"));
        list.SetAction(parse =>
        {
            var rubrics = RubricLoader.BuiltInIds.Select(id => Rules.Rubric.BuiltIn(id)!).ToArray();
            context.Out.Write(TerminalText.RubricList(rubrics, new Wording(CommonOptions.OutputLanguage(parse))));
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command RubricShow(CliContext context)
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
        return show;
    }

    private static Command RubricDiff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = context.Text("cli.argument.rubric_before") };
        var after = new Argument<string>("after") { Description = context.Text("cli.argument.rubric_after") };
        var format = new Option<string>("--format", "-f") { Description = context.Text("cli.option.rubric_diff_format"), DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var output = CommonOptions.OutputFile(context);
        var diff = new Command("diff", context.Text("cli.command.rubric_diff")) { before, after, format, output };
        diff.SetAction(parse =>
        {
            var earlier = CommonOptions.LoadNamedRubric(context, parse.GetValue(before)!);
            var later = earlier is null ? null : CommonOptions.LoadNamedRubric(context, parse.GetValue(after)!);
            if (earlier is null || later is null)
            {
                return ExitCodes.InvalidInput;
            }

            var changes = Rules.RubricDiff.Compare(earlier, later);
            var content = parse.GetValue(format) == "json"
                ? Reports.ResultJson.Write(changes)
                : TerminalText.RubricDiff(changes, new Wording(CommonOptions.OutputLanguage(parse), later.Terminology));
            return CommonOptions.Emit(context, OutputContent.OfText(content), parse.GetValue(output), [parse.GetValue(before)!, parse.GetValue(after)!]);
        });
        return diff;
    }

    private static Command RubricExport(CliContext context)
    {
        var rubric = CommonOptions.Rubric(context);
        var resolved = new Option<bool>("--resolved")
        {
            Description = context.Text("cli.option.resolved"),
        };
        var output = CommonOptions.OutputFile(context);
        var export = new Command("export", context.Text("cli.command.rubric_export")) { rubric, resolved, output };
        export.SetAction(parse =>
        {
            var value = parse.GetValue(rubric);
            var loadedRubric = CommonOptions.LoadRubric(context, value);
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var inputs = value is not null && File.Exists(value) ? new[] { value } : [];
            var text = parse.GetValue(resolved)
                ? loadedRubric.ExportResolved()
                : inputs.Length > 0 ? File.ReadAllText(value!) : System.Text.Encoding.UTF8.GetString(RubricLoader.BuiltInBytes(loadedRubric.Id)!);
            return CommonOptions.Emit(context, OutputContent.OfText(text), parse.GetValue(output), inputs);
        });
        return export;
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
                DiagnosticPrinter.Report(context, [ReportDiagnostics.NotAFolder.Create(SourceLocation.WholeFile(target), ("path", target))]);
                return ExitCodes.InvalidInput;
            }

            var sources = Reports.TemplateSet.BuiltInSources();
            var existing = sources.Where(s => File.Exists(Path.Combine(target, s.Name)) || Directory.Exists(Path.Combine(target, s.Name)))
                .Select(s => CliDiagnostics.ExportWouldReplace.Create(SourceLocation.WholeFile(Path.Combine(target, s.Name)), ("name", s.Name)))
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
                DiagnosticPrinter.Report(context, [CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(target), ("reason", Rules.Files.IoErrors.Describe(ex)))]);
                return ExitCodes.InvalidInput;
            }

            foreach (var (name, text) in sources)
            {
                if (AtomicFile.Durable.Write(Path.Combine(target, name), text) is { } failure)
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

    private static bool ValidateOne(CliContext context, AuditEngine? engine, string path, bool strictVersion)
    {
        if (EvidenceFiles.IsWorkbook(path))
        {
            var scored = EvidenceFiles.Score(engine, path, strictVersion);
            var summary = scored.Value is { } w ? context.Text("cli.validate.workbook", ("score", ReportFigures.Score(w.Score, w.Rubric)), ("tier", w.Tier.Id)) : null;
            return Summarize(context, path, summary, scored.Diagnostics);
        }

        var bag = new DiagnosticBag();
        if (TopLevelKeys.ReadFile(path, InputLimits.Default, bag, out var bytes) is not { } keys)
        {
            return Summarize(context, path, null, bag.Items);
        }

        if (keys.Contains("categories") || keys.Contains("tiers") || keys.Contains("extends"))
        {
            var result = new RubricLoader().Parse(bytes!, path);
            var detail = result.Value is { } r
                ? context.Text("cli.validate.rubric", ("id", r.Id), ("version", r.Version), ("indicators", r.Indicators.Count), ("items", r.Items.Count), ("base", r.Base is { } b ? b.Id + " " + b.Version : "none"))
                : null;
            return Summarize(context, path, detail, result.Diagnostics);
        }

        if (keys.Contains("findings") || keys.Contains("audit") || keys.Contains("company"))
        {
            var result = engine is null ? AuditEngine.ScoreWithBuiltInRubric(bytes!, path, strictVersion) : engine.Score(bytes!, path);
            var detail = result.Value is { } s ? context.Text("cli.validate.evidence", ("score", ReportFigures.Score(s.Score, s.Rubric)), ("tier", s.Tier.Id)) : null;
            return Summarize(context, path, detail, result.Diagnostics);
        }

        return Summarize(context, path, null, [CliDiagnostics.UnknownFileKind.Create(SourceLocation.WholeFile(path))]);
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
