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
        var files = new Argument<string[]>("files") { Description = "Rubric or evidence files; the kind is detected from the content.", Arity = ArgumentArity.OneOrMore };
        var rubric = CommonOptions.Rubric();
        var strict = CommonOptions.StrictVersion();
        var command = new Command("validate", "Check rubric and evidence files and print every problem as file(line,col): error CODE: message.") { files, rubric, strict };
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
        var rubric = CommonOptions.Rubric();
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var kind = new Option<string>("--kind", "-k") { Description = "Audit kind written into the checklist.", DefaultValueFactory = _ => "initial", HelpName = "initial|surveillance|recertification|mock|self" };
        kind.AcceptOnlyFromAmong("initial", "surveillance", "recertification", "mock", "self");
        var command = new Command("checklist", "Write a blank evidence file for the auditor: every check item with its requirement, and the document request list.") { rubric, lang, output, kind };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var auditKind = Enum.GetValues<AuditKind>().First(k => EvidenceWords.Of(k) == parse.GetValue(kind));
            var text = ChecklistWriter.Write(loadedRubric, CommonOptions.ToLanguage(parse.GetValue(lang)!), auditKind);
            var inputs = parse.GetValue(rubric) is { } r ? new[] { r } : [];
            return CommonOptions.Emit(context, text, parse.GetValue(output), inputs);
        });
        return command;
    }

    public static Command Rubric(CliContext context) =>
        new("rubric", "List, show, compare or export rubrics (built-in ones by id, files and overlays by path).")
        {
            RubricList(context),
            RubricShow(context),
            RubricDiff(context),
            RubricExport(context),
        };

    private static Command RubricList(CliContext context)
    {
        var lang = CommonOptions.Language();
        var list = new Command("list", "List the built-in rubrics: id, version, standard, scale, tiers.") { lang };
        list.SetAction(parse =>
        {
            var rubrics = RubricLoader.BuiltInIds.Select(id => Rules.Rubric.BuiltIn(id)!).ToArray();
            context.Out.Write(TerminalText.RubricList(rubrics, CommonOptions.ToLanguage(parse.GetValue(lang)!)));
            return ExitCodes.Success;
        });
        return list;
    }

    private static Command RubricShow(CliContext context)
    {
        var rubric = CommonOptions.Rubric();
        var lang = CommonOptions.Language();
        var show = new Command("show", "Print a rubric as a table: categories, indicators, check items, tiers and scoring rules; for an overlay, where each value comes from.") { rubric, lang };
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
        return show;
    }

    private static Command RubricDiff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The earlier rubric or version: a file or a built-in id." };
        var after = new Argument<string>("after") { Description = "The later rubric or version: a file or a built-in id." };
        var format = new Option<string>("--format", "-f") { Description = "text or json.", DefaultValueFactory = _ => "text", HelpName = "text|json" };
        format.AcceptOnlyFromAmong("text", "json");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var diff = new Command("diff", "What changed between two rubrics or versions, matched by id: points, items added and removed, tiers, grading conditions.") { before, after, format, lang, output };
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
                : TerminalText.RubricDiff(changes, CommonOptions.ToLanguage(parse.GetValue(lang)!));
            return CommonOptions.Emit(context, content, parse.GetValue(output), [parse.GetValue(before)!, parse.GetValue(after)!]);
        });
        return diff;
    }

    private static Command RubricExport(CliContext context)
    {
        var rubric = CommonOptions.Rubric();
        var resolved = new Option<bool>("--resolved")
        {
            Description = "Write the resolved rubric: one plain file with every value (an overlay merged into its base); its SHA-256 is the one results record.",
        };
        var output = CommonOptions.OutputFile();
        var export = new Command("export", "Write a rubric file: the built-in one (or --rubric) as it is, to edit or to extend; with --resolved, the rubric as scoring sees it.") { rubric, resolved, output };
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
            return CommonOptions.Emit(context, text, parse.GetValue(output), inputs);
        });
        return export;
    }

    private static bool ValidateOne(CliContext context, AuditEngine? engine, string path, bool strictVersion)
    {
        var bag = new DiagnosticBag();
        var bytes = SourceText.ReadFile(path, path, InputLimits.Default, bag);
        var document = bytes is null ? null : DocumentLoader.Parse(bytes, path, InputLimits.Default, bag);
        if (document is null)
        {
            return Summarize(context, path, "", bag.Items);
        }

        var keys = document.Root is DocMapping map ? map.Entries.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal) : [];
        if (keys.Contains("categories") || keys.Contains("tiers") || keys.Contains("extends"))
        {
            var result = new RubricLoader().Parse(bytes!, path);
            var detail = result.Value is { } r
                ? $"rubric {r.Id} {r.Version}, {r.Indicators.Count} indicators, {r.Items.Count} check items" + (r.Base is { } b ? $", extends {b.Id} {b.Version}" : "")
                : "rubric";
            return Summarize(context, path, detail, result.Diagnostics);
        }

        if (keys.Contains("findings") || keys.Contains("audit") || keys.Contains("company"))
        {
            var result = engine is null ? AuditEngine.ScoreWithBuiltInRubric(bytes!, path, strictVersion) : engine.Score(bytes!, path);
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
            ? $"{path}: ok ({detail}{counts})\n"
            : $"{path}: {DiagnosticPrinter.Plural(errors, "error")}{counts}\n");
        return errors == 0;
    }
}
