using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>score, gap and diff: commands that score evidence and present the result.</summary>
internal static class ScoreCommands
{
    public static Command Score(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = "Evidence file: YAML, JSON (.json) or an audit workbook (.xlsx)." };
        var rubric = CommonOptions.Rubric();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a summary for the terminal; json, md or html: the full report; xlsx: the scored workbook (needs -o).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|md|html|xlsx",
        };
        format.AcceptOnlyFromAmong("text", "json", "md", "html", "xlsx");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var failBelow = new Option<string?>("--fail-below")
        {
            Description = "Exit with code 3 when the tier reached is lower than TIER (e.g. compliant, three-star).",
            HelpName = "TIER",
        };
        var templates = new Option<string?>("--templates")
        {
            Description = "Folder of report templates that replace the built-in ones (run sandboxed).",
            HelpName = "DIR",
        };

        var command = new Command("score", "Score an audit's evidence and print or write the result.") { evidence, rubric, format, lang, output, failBelow, templates };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            Tier? threshold = null;
            if (parse.GetValue(failBelow) is { } tierId)
            {
                threshold = loadedRubric.FindTier(tierId);
                if (threshold is null)
                {
                    DiagnosticPrinter.Report(context, [DiagnosticCatalog.UnknownTier.Create(SourceLocation.WholeFile("--fail-below"), tierId, string.Join(", ", loadedRubric.Tiers.Select(t => t.Id)))]);
                    return ExitCodes.InvalidInput;
                }
            }

            // The text summary needs no template: don't compile the built-in ones (or load Scriban) for it. A
            // --templates folder is still checked, whatever the format.
            var formatName = parse.GetValue(format)!;
            var templatesFolder = parse.GetValue(templates);
            Reports.ReportRenderer? renderer = null;
            if ((formatName != "text" && formatName != "xlsx") || templatesFolder is not null)
            {
                renderer = Render.Renderer(context, templatesFolder);
                if (renderer is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path);
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            int code;
            if (formatName == "xlsx")
            {
                var workbook = Workbook.AuditWorkbook.Scored(result, language);
                DiagnosticPrinter.Print(context, workbook.Warnings);
                code = EvidenceFiles.EmitWorkbook(context, workbook.Content, parse.GetValue(output), [path]);
            }
            else
            {
                var content = Render.Result(context, result, formatName, language, renderer);
                if (content is null)
                {
                    return ExitCodes.InvalidInput;
                }

                code = CommonOptions.Emit(context, content, parse.GetValue(output), [path]);
            }

            if (code == ExitCodes.Success && threshold is not null && result.Tier.Rank < threshold.Rank)
            {
                context.Error.Write($"tier {result.Tier.Id} is below {threshold.Id} (--fail-below)\n");
                return ExitCodes.BelowTier;
            }

            return code;
        });
        return command;
    }

    public static Command Gap(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = "Evidence file: YAML, JSON or an audit workbook (.xlsx)." };
        var rubric = CommonOptions.Rubric();
        var target = new Option<string?>("--target", "-t") { Description = "Tier to reach (default: the next tier).", HelpName = "TIER" };
        var format = new Option<string>("--format", "-f") { Description = "text, json, md or html.", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var command = new Command("gap", "What to fix to reach the next tier: lost points ranked by the score they would add, and the fewest items that get there.") { evidence, rubric, target, format, lang, output };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            Tier? targetTier = null;
            if (parse.GetValue(target) is { } tierId && (targetTier = loadedRubric.FindTier(tierId)) is null)
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.UnknownTier.Create(SourceLocation.WholeFile("--target"), tierId, string.Join(", ", loadedRubric.Tiers.Select(t => t.Id)))]);
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path);
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            var gap = AuditEngine.AnalyzeGap(result, targetTier);
            var content = Render.Gap(context, gap, parse.GetValue(format)!, CommonOptions.ToLanguage(parse.GetValue(lang)!));
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, parse.GetValue(output), [path]);
        });
        return command;
    }

    public static Command Diff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The earlier audit's evidence (e.g. the initial audit)." };
        var after = new Argument<string>("after") { Description = "The later audit's evidence (e.g. the surveillance audit)." };
        var rubric = CommonOptions.Rubric();
        var format = new Option<string>("--format", "-f") { Description = "text, json, md or html.", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var command = new Command("diff", "Compare two audits of one company: score and tier change, per-indicator deltas, changed items.") { before, after, rubric, format, lang, output };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var beforePath = parse.GetValue(before)!;
            var afterPath = parse.GetValue(after)!;
            var beforeResult = Scored(context, loadedRubric, beforePath);
            var afterResult = Scored(context, loadedRubric, afterPath);
            if (beforeResult is null || afterResult is null)
            {
                return ExitCodes.InvalidInput;
            }

            var comparison = AuditEngine.Compare(beforeResult, afterResult);
            if (comparison.Value is null)
            {
                DiagnosticPrinter.Report(context, comparison.Diagnostics);
                return ExitCodes.InvalidInput;
            }

            DiagnosticPrinter.Print(context, comparison.Diagnostics);
            var content = Render.Comparison(context, comparison.Value, parse.GetValue(format)!, CommonOptions.ToLanguage(parse.GetValue(lang)!));
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, parse.GetValue(output), [beforePath, afterPath]);
        });
        return command;
    }

    /// <summary>Scores a file, printing its diagnostics (warnings too); null when it has errors.</summary>
    public static AuditResult? Scored(CliContext context, Rubric rubric, string path)
    {
        var outcome = EvidenceFiles.Score(new AuditEngine(rubric), path);
        if (outcome.Value is null)
        {
            DiagnosticPrinter.Report(context, outcome.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, outcome.Diagnostics);
        return outcome.Value;
    }
}
