using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>score, gap, diff and ncr: commands that score evidence and present the result.</summary>
internal static class ScoreCommands
{
    public static Command Score(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = context.Text("cli.argument.evidence") };
        var rubric = CommonOptions.Rubric(context);
        var format = new FormatOption(context.Text("cli.option.score_format"), "text", "json", "md", "html", "docx", "pdf", "xlsx");
        var referenceDoc = CommonOptions.ReferenceDoc(context);
        var terminology = CommonOptions.Terminology(context);
        var output = CommonOptions.OutputFile(context);
        var failBelow = new Option<string?>("--fail-below")
        {
            Description = context.Text("cli.option.fail_below"),
            HelpName = "TIER",
        };
        var templates = CommonOptions.Templates(context);

        var strict = CommonOptions.StrictVersion(context);
        var consensus = CommonOptions.Consensus(context);
        var command = new Command("score", context.Text("cli.command.score")) { evidence, rubric, format.Option, terminology, output, failBelow, templates, strict, referenceDoc, consensus };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var outputPath = parse.GetValue(output);
            var formatName = format.Choose(context, "score", parse, outputPath);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The text summary and the scored workbook need no template: don't compile the built-in ones (or load
            // Scriban) for them. A --templates folder or a --reference-doc is still checked, whatever the format.
            var templatesFolder = parse.GetValue(templates);
            var referencePath = parse.GetValue(referenceDoc);
            ReportRenderer? renderer = null;
            if (formatName is not ("text" or "xlsx") || templatesFolder is not null || referencePath is not null)
            {
                renderer = Render.Renderer(context, templatesFolder, referencePath, formatName);
                if (renderer is null)
                {
                    return ExitCodes.InvalidInput;
                }
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path, parse.GetValue(strict), CommonOptions.ToConsensus(parse.GetValue(consensus)));
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The tier named by --fail-below is looked up in the rubric that scored (the evidence's, without --rubric).
            Tier? threshold = null;
            if (parse.GetValue(failBelow) is { } tierId && (threshold = result.Rubric.FindTier(tierId)) is null)
            {
                DiagnosticPrinter.Report(context, [UnknownTier("--fail-below", tierId, result.Rubric)]);
                return ExitCodes.InvalidInput;
            }

            var report = AuditReport.Create(result, CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)));
            var content = Render.Result(context, report, formatName, renderer, outputPath);
            if (content is null)
            {
                return ExitCodes.InvalidInput;
            }

            var code = CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), templatesFolder, referencePath, path));
            if (code == ExitCodes.Success && threshold is not null && result.Tier.Rank < threshold.Rank)
            {
                context.Error.Write(context.Text("cli.below_tier", ("tier", result.Tier.Id), ("threshold", threshold.Id)) + "\n");
                return ExitCodes.BelowTier;
            }

            return code;
        });
        return command;
    }

    public static Command Gap(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = context.Text("cli.argument.evidence") };
        var rubric = CommonOptions.Rubric(context);
        var target = new Option<string?>("--target", "-t") { Description = context.Text("cli.option.target"), HelpName = "TIER" };
        var format = new FormatOption(context.Text("cli.option.format"), "text", "json", "md", "html", "docx");
        var terminology = CommonOptions.Terminology(context);
        var output = CommonOptions.OutputFile(context);
        var templates = CommonOptions.Templates(context);
        var strict = CommonOptions.StrictVersion(context);
        var referenceDoc = CommonOptions.ReferenceDoc(context);
        var consensus = CommonOptions.Consensus(context);
        var command = new Command("gap", context.Text("cli.command.gap")) { evidence, rubric, target, format.Option, terminology, output, templates, strict, referenceDoc, consensus };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var outputPath = parse.GetValue(output);
            var formatName = format.Choose(context, "gap", parse, outputPath);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path, parse.GetValue(strict), CommonOptions.ToConsensus(parse.GetValue(consensus)));
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            // The tier is looked up in the rubric that scored (the evidence's own, without --rubric).
            Tier? targetTier = null;
            if (parse.GetValue(target) is { } tierId && (targetTier = result.Rubric.FindTier(tierId)) is null)
            {
                DiagnosticPrinter.Report(context, [UnknownTier("--target", tierId, result.Rubric)]);
                return ExitCodes.InvalidInput;
            }

            var renderer = Render.Renderer(context, parse.GetValue(templates), parse.GetValue(referenceDoc), formatName);
            if (renderer is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = AuditReport.Create(result, CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)), targetTier);
            var content = Render.Gap(context, report, formatName, renderer, outputPath);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), parse.GetValue(templates), parse.GetValue(referenceDoc), path));
        });
        return command;
    }

    public static Command Diff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = context.Text("cli.argument.before") };
        var after = new Argument<string>("after") { Description = context.Text("cli.argument.after") };
        var rubric = CommonOptions.Rubric(context);
        var beforeRubric = new Option<string?>("--before-rubric")
        {
            Description = context.Text("cli.option.before_rubric"),
            HelpName = "FILE|ID",
        };
        var format = new FormatOption(context.Text("cli.option.format"), "text", "json", "md", "html", "docx");
        var terminology = CommonOptions.Terminology(context);
        var output = CommonOptions.OutputFile(context);
        var templates = CommonOptions.Templates(context);
        var strict = CommonOptions.StrictVersion(context);
        var referenceDoc = CommonOptions.ReferenceDoc(context);
        var command = new Command("diff", context.Text("cli.command.diff")) { before, after, rubric, beforeRubric, format.Option, terminology, output, templates, strict, referenceDoc };
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

            var outputPath = parse.GetValue(output);
            var formatName = format.Choose(context, "diff", parse, outputPath);
            if (formatName is null)
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
            var renderer = Render.Renderer(context, parse.GetValue(templates), parse.GetValue(referenceDoc), formatName);
            if (renderer is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = ComparisonReport.Create(comparison.Value, CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)));
            var content = Render.Comparison(context, report, formatName, renderer, outputPath);
            var inputs = CommonOptions.Inputs(parse.GetValue(rubric), parse.GetValue(templates), parse.GetValue(referenceDoc), parse.GetValue(beforeRubric) is { } r ? [beforePath, afterPath, r] : [beforePath, afterPath]);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, inputs);
        });
        return command;
    }

    /// <summary>
    /// ncr: the nonconformity forms alone, one per major or minor nonconformity and special deduction, as a Word
    /// document to fill in and sign (or Markdown, HTML, or a PDF printed from the HTML).
    /// </summary>
    public static Command Ncr(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = context.Text("cli.argument.evidence") };
        var rubric = CommonOptions.Rubric(context);
        var format = new FormatOption(context.Text("cli.option.ncr_format"), "md", "docx", "html", "pdf");
        var terminology = CommonOptions.Terminology(context);
        var output = CommonOptions.OutputFile(context);
        var templates = CommonOptions.Templates(context);
        var strict = CommonOptions.StrictVersion(context);
        var referenceDoc = CommonOptions.ReferenceDoc(context);
        var command = new Command("ncr", context.Text("cli.command.ncr"))
        {
            evidence, rubric, format.Option, terminology, output, templates, strict, referenceDoc,
        };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var outputPath = parse.GetValue(output);
            var formatName = format.Choose(context, "ncr", parse, outputPath);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            var templatesFolder = parse.GetValue(templates);
            var referencePath = parse.GetValue(referenceDoc);
            var renderer = Render.Renderer(context, templatesFolder, referencePath, formatName);
            if (renderer is null)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path, parse.GetValue(strict));
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            var report = AuditReport.Create(result, CommonOptions.OutputLanguage(parse), CommonOptions.ToTerminology(parse.GetValue(terminology)));
            var content = Render.Document(context, formatName, outputPath, f => renderer.RenderNonconformities(report, f));
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), templatesFolder, referencePath, path));
        });
        return command;
    }

    /// <summary>
    /// Scores a file with <paramref name="rubric"/>, or with the built-in rubric the evidence names when it is null;
    /// prints its diagnostics (warnings too); null when it has errors.
    /// </summary>
    public static AuditResult? Scored(CliContext context, Rubric? rubric, string path, bool strictVersion, ConsensusRule consensus = ConsensusRule.Lowest)
    {
        var outcome = EvidenceFiles.Score(rubric is null ? null : new AuditEngine(rubric) { StrictVersion = strictVersion, Consensus = consensus }, path, strictVersion, consensus);
        if (outcome.Value is null)
        {
            DiagnosticPrinter.Report(context, outcome.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, outcome.Diagnostics);
        return outcome.Value;
    }

    private static Diagnostic UnknownTier(string option, string tierId, Rubric rubric) =>
        CliDiagnostics.UnknownTier.Create(SourceLocation.WholeFile(option), ("id", tierId), ("allowed", string.Join(", ", rubric.Tiers.Select(t => t.Id))));
}
