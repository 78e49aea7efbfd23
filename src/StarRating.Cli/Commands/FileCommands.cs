using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Cli.Commands;

/// <summary>validate, checklist and rubric: commands about the input files themselves.</summary>
internal static class FileCommands
{
    public static Command Validate(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Rubric or evidence files (YAML, JSON, or .xlsx audit workbooks); the kind is detected from the content.", Arity = ArgumentArity.OneOrMore };
        var rubric = CommonOptions.Rubric();
        var command = new Command("validate", "Check rubric and evidence files and print every problem as file(line,col): error CODE: message.") { files, rubric };
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
        var rubric = CommonOptions.Rubric();
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var kind = new Option<string>("--kind", "-k") { Description = "Audit kind written into the checklist.", DefaultValueFactory = _ => "initial", HelpName = "initial|surveillance|recertification|mock|self" };
        kind.AcceptOnlyFromAmong("initial", "surveillance", "recertification", "mock", "self");
        var format = new FormatOption("yaml: an evidence file; xlsx: the audit workbook (needs -o). Default: xlsx when -o ends in .xlsx, else yaml.", "yaml", "xlsx");
        var command = new Command("checklist", "Write a blank checklist for the audit team: an evidence file or an Excel workbook with every check item, its requirement, and the document request list.") { rubric, lang, output, kind, format.Option };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var auditKind = Enum.GetValues<AuditKind>().First(k => EvidenceWords.Of(k) == parse.GetValue(kind));
            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            var inputs = parse.GetValue(rubric) is { } r ? new[] { r } : [];
            var target = parse.GetValue(output);
            var formatName = format.Choose(context, "checklist", parse, target);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            var content = formatName == "xlsx"
                ? OutputContent.OfBinary(Workbook.AuditWorkbook.Checklist(loadedRubric, language, auditKind), formatName)
                : OutputContent.OfText(ChecklistWriter.Write(loadedRubric, language, auditKind), formatName);
            return CommonOptions.Emit(context, content, target, inputs);
        });
        return command;
    }

    public static Command Rubric(CliContext context)
    {
        var rubric = CommonOptions.Rubric();
        var lang = CommonOptions.Language();
        var show = new Command("show", "Print the rubric as a table: categories, indicators, check items, tiers and scoring rules.") { rubric, lang };
        show.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            context.Out.Write(TerminalText.Rubric(loadedRubric, CommonOptions.ToLanguage(parse.GetValue(lang)!)));
            return ExitCodes.Success;
        });

        var output = CommonOptions.OutputFile();
        var export = new Command("export", "Write the built-in rubric file, to edit into a rubric of your own (e.g. with the official points).") { output };
        export.SetAction(parse =>
        {
            var text = System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes());
            return CommonOptions.Emit(context, OutputContent.OfText(text), parse.GetValue(output), []);
        });

        return new Command("rubric", "Show or export a rubric.") { show, export };
    }

    public static Command Templates(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = "Folder to write the built-in templates into (created if missing; no file in it is replaced)." };
        var export = new Command("export", "Write the built-in report templates to a folder, to edit and use with --templates DIR.") { folder };
        export.SetAction(parse =>
        {
            var target = parse.GetValue(folder)!;
            if (File.Exists(target))
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.NotAFolder.Create(SourceLocation.WholeFile(target), Rules.Text.DisplayText.Escape(target))]);
                return ExitCodes.InvalidInput;
            }

            var sources = Reports.TemplateSet.BuiltInSources();
            var existing = sources.Where(s => File.Exists(Path.Combine(target, s.Name)) || Directory.Exists(Path.Combine(target, s.Name)))
                .Select(s => DiagnosticCatalog.ExportWouldReplace.Create(SourceLocation.WholeFile(Path.Combine(target, s.Name)), s.Name))
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
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(target), Rules.Files.IoErrors.Describe(ex))]);
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

            context.Error.Write($"wrote {sources.Count} templates to {Rules.Text.DisplayText.Escape(target)}; use them with --templates {Rules.Text.DisplayText.Escape(target)}\n");
            return ExitCodes.Success;
        });

        return new Command("templates", "Report templates: export the built-in ones to start from.") { export };
    }

    private static bool ValidateOne(CliContext context, AuditEngine engine, string path)
    {
        if (EvidenceFiles.IsWorkbook(path))
        {
            var scored = EvidenceFiles.Score(engine, path);
            var summary = scored.Value is { } w ? $"evidence workbook, score {Labels.ScoreText(w.Score, w.Rubric)} {w.Tier.Id}" : "evidence workbook";
            return Summarize(context, path, summary, scored.Diagnostics);
        }

        var bag = new DiagnosticBag();
        var bytes = SourceText.ReadFile(path, path, InputLimits.Default, bag);
        var document = bytes is null ? null : DocumentLoader.Parse(bytes, path, InputLimits.Default, bag);
        if (document is null)
        {
            return Summarize(context, path, "", bag.Items);
        }

        var keys = document.Root is DocMapping map ? map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) : [];
        if (keys.Contains("categories") || keys.Contains("tiers"))
        {
            var result = new RubricLoader().Parse(bytes!, path);
            var detail = result.Value is { } r ? $"rubric {r.Id} {r.Version}, {r.Indicators.Count} indicators, {r.Items.Count} check items" : "rubric";
            return Summarize(context, path, detail, result.Diagnostics);
        }

        if (keys.Contains("findings") || keys.Contains("audit") || keys.Contains("company"))
        {
            var result = engine.Score(bytes!, path);
            var detail = result.Value is { } s ? $"evidence, score {Labels.ScoreText(s.Score, s.Rubric)} {s.Tier.Id}" : "evidence";
            return Summarize(context, path, detail, result.Diagnostics);
        }

        return Summarize(context, path, "", [DiagnosticCatalog.UnknownFileKind.Create(SourceLocation.WholeFile(path))]);
    }

    private static bool Summarize(CliContext context, string path, string detail, IReadOnlyList<Diagnostic> diagnostics)
    {
        DiagnosticPrinter.Print(context, diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var counts = warnings > 0 ? ", " + DiagnosticPrinter.Plural(warnings, "warning") : "";
        context.Out.Write(errors == 0
            ? $"{Rules.Text.DisplayText.Escape(path)}: ok ({detail}{counts})\n"
            : $"{Rules.Text.DisplayText.Escape(path)}: {DiagnosticPrinter.Plural(errors, "error")}{counts}\n");
        return errors == 0;
    }
}
