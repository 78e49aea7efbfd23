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
        var evidence = new Argument<string>("evidence") { Description = "Evidence file (YAML, or JSON when it ends in .json)." };
        var rubric = CommonOptions.Rubric();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: a summary for the terminal; json, md or html: the full report.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|md|html",
        };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
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

        var strict = CommonOptions.StrictVersion();
        var command = new Command("score", "Score an audit's evidence and print or write the result.") { evidence, rubric, format, lang, output, failBelow, templates, strict };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            // The text summary needs no template: don't compile the built-in ones (or load Scriban) for it. A
            // --templates folder is still checked, whatever the format.
            var formatName = parse.GetValue(format)!;
            var templatesFolder = parse.GetValue(templates);
            Reports.ReportRenderer? renderer = null;
            if (formatName != "text" || templatesFolder is not null)
            {
                renderer = Render.Renderer(context, templatesFolder);
                if (renderer is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path, parse.GetValue(strict));
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The tier named by --fail-below is looked up in the rubric that scored (the evidence's, without --rubric).
            Tier? threshold = null;
            if (parse.GetValue(failBelow) is { } tierId && (threshold = result.Rubric.FindTier(tierId)) is null)
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.UnknownTier.Create(SourceLocation.WholeFile("--fail-below"), tierId, string.Join(", ", result.Rubric.Tiers.Select(t => t.Id)))]);
                return ExitCodes.InvalidInput;
            }

            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            var content = Render.Result(context, result, formatName, language, renderer);
            if (content is null)
            {
                return ExitCodes.InvalidInput;
            }

            var code = CommonOptions.Emit(context, content, parse.GetValue(output), [path]);
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
        var evidence = new Argument<string>("evidence") { Description = "Evidence file (YAML or JSON)." };
        var rubric = CommonOptions.Rubric();
        var target = new Option<string?>("--target", "-t") { Description = "Tier to reach (default: the next tier).", HelpName = "TIER" };
        var format = new Option<string>("--format", "-f") { Description = "text, json, md or html.", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var strict = CommonOptions.StrictVersion();
        var command = new Command("gap", "What to fix to reach the next tier: lost points ranked by the score they would add, and the fewest items that get there.") { evidence, rubric, target, format, lang, output, strict };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path, parse.GetValue(strict));
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The tier is looked up in the rubric that scored (the evidence's own, without --rubric).
            Tier? targetTier = null;
            if (parse.GetValue(target) is { } tierId && (targetTier = result.Rubric.FindTier(tierId)) is null)
            {
                DiagnosticPrinter.Report(context, [DiagnosticCatalog.UnknownTier.Create(SourceLocation.WholeFile("--target"), tierId, string.Join(", ", result.Rubric.Tiers.Select(t => t.Id)))]);
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
        var beforeRubric = new Option<string?>("--before-rubric")
        {
            Description = "Rubric of the earlier audit, when it was scored under another version (file or built-in id). Default: --rubric.",
            HelpName = "FILE|ID",
        };
        var format = new Option<string>("--format", "-f") { Description = "text, json, md or html.", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var strict = CommonOptions.StrictVersion();
        var command = new Command("diff", "Compare two audits of one company: score and tier change, per-indicator deltas, changed items; across rubric versions, items are matched by id and the rubric changes listed.") { before, after, rubric, beforeRubric, format, lang, output, strict };
        command.SetAction(parse =>
        {
            var afterRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var earlierRubric = parse.GetValue(beforeRubric) is { } earlier ? CommonOptions.ScoringRubric(context, earlier, out failed) : afterRubric;
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var beforePath = parse.GetValue(before)!;
            var afterPath = parse.GetValue(after)!;
            var beforeResult = Scored(context, earlierRubric, beforePath, parse.GetValue(strict));
            var afterResult = Scored(context, afterRubric, afterPath, parse.GetValue(strict));
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

    /// <summary>
    /// Scores a file with <paramref name="rubric"/>, or with the built-in rubric the evidence names when it is null;
    /// prints its diagnostics (warnings too); null when it has errors.
    /// </summary>
    public static AuditResult? Scored(CliContext context, Rubric? rubric, string path, bool strictVersion)
    {
        var outcome = rubric is null
            ? AuditEngine.ScoreFileWithBuiltInRubric(path, strictVersion)
            : new AuditEngine(rubric) { StrictVersion = strictVersion }.ScoreFile(path);
        if (outcome.Value is null)
        {
            DiagnosticPrinter.Report(context, outcome.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, outcome.Diagnostics);
        return outcome.Value;
    }
}
