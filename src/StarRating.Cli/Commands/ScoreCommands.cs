using System.CommandLine;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>score, gap, diff and ncr: commands that score evidence and present the result.</summary>
internal static class ScoreCommands
{
    public static Command Score(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = "Evidence file: YAML, JSON (.json) or an audit workbook (.xlsx)." };
        var rubric = CommonOptions.Rubric();
        var format = new FormatOption(
            "text: a summary for the terminal; json, md or html: the full report; docx: the Word report ending with the nonconformity forms; pdf: the HTML report printed by Chromium; xlsx: the scored workbook (docx, pdf and xlsx need -o). Default: from the -o extension (.html, .md, .json, .docx, .pdf, .xlsx), else text.",
            "text", "json", "md", "html", "docx", "pdf", "xlsx");
        var referenceDoc = CommonOptions.ReferenceDoc();
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var failBelow = new Option<string?>("--fail-below")
        {
            Description = "Exit with code 3 when the tier reached is lower than TIER (e.g. compliant, three-star).",
            HelpName = "TIER",
        };
        var templates = CommonOptions.Templates();

        var command = new Command("score", "Score an audit's evidence and print or write the result.") { evidence, rubric, format.Option, lang, output, failBelow, templates, referenceDoc };
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
            Reports.ReportRenderer? renderer = null;
            if (formatName is not ("text" or "xlsx") || templatesFolder is not null || referencePath is not null)
            {
                renderer = Render.Renderer(context, templatesFolder, referencePath, formatName);
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
            var content = Render.Result(context, result, formatName, language, renderer, outputPath);
            if (content is null)
            {
                return ExitCodes.InvalidInput;
            }

            var code = CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), templatesFolder, referencePath, path));
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
        var format = new FormatOption("text, json, md, html or docx (docx needs -o). Default: from the -o extension, else text.", "text", "json", "md", "html", "docx");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var templates = CommonOptions.Templates();
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("gap", "What to fix to reach the next tier: lost points ranked by the score they would add, and the fewest items that get there.") { evidence, rubric, target, format.Option, lang, output, templates, referenceDoc };
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

            var outputPath = parse.GetValue(output);
            var formatName = format.Choose(context, "gap", parse, outputPath);
            if (formatName is null)
            {
                return ExitCodes.InvalidInput;
            }

            var path = parse.GetValue(evidence)!;
            var result = Scored(context, loadedRubric, path);
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            var renderer = Render.Renderer(context, parse.GetValue(templates), parse.GetValue(referenceDoc), formatName);
            if (renderer is null)
            {
                return ExitCodes.InvalidInput;
            }

            var gap = AuditEngine.AnalyzeGap(result, targetTier);
            var content = Render.Gap(context, gap, formatName, CommonOptions.ToLanguage(parse.GetValue(lang)!), renderer, outputPath);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), parse.GetValue(templates), parse.GetValue(referenceDoc), path));
        });
        return command;
    }

    public static Command Diff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The earlier audit's evidence (e.g. the initial audit)." };
        var after = new Argument<string>("after") { Description = "The later audit's evidence (e.g. the surveillance audit)." };
        var rubric = CommonOptions.Rubric();
        var format = new FormatOption("text, json, md, html or docx (docx needs -o). Default: from the -o extension, else text.", "text", "json", "md", "html", "docx");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var templates = CommonOptions.Templates();
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("diff", "Compare two audits of one company: score and tier change, per-indicator deltas, changed items.") { before, after, rubric, format.Option, lang, output, templates, referenceDoc };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
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
            var renderer = Render.Renderer(context, parse.GetValue(templates), parse.GetValue(referenceDoc), formatName);
            if (renderer is null)
            {
                return ExitCodes.InvalidInput;
            }

            var content = Render.Comparison(context, comparison.Value, formatName, CommonOptions.ToLanguage(parse.GetValue(lang)!), renderer, outputPath);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), parse.GetValue(templates), parse.GetValue(referenceDoc), beforePath, afterPath));
        });
        return command;
    }

    /// <summary>
    /// ncr: the nonconformity forms (不符合项报告) alone, one per major or minor nonconformity and special deduction,
    /// as a Word document to fill in and sign (or Markdown, HTML, or a PDF printed from the HTML).
    /// </summary>
    public static Command Ncr(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = "Evidence file: YAML, JSON or an audit workbook (.xlsx)." };
        var rubric = CommonOptions.Rubric();
        var format = new FormatOption(
            "md (the default without -o), docx, html or pdf (printed by Chromium); docx and pdf need -o. Default: from the -o extension (.docx, .html, .md, .pdf), else md.",
            "md", "docx", "html", "pdf");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var templates = CommonOptions.Templates();
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("ncr", "The nonconformity forms (不符合项报告): one numbered form per major or minor nonconformity, with blank fields for the company's confirmation, root cause, corrective action, due date and the team's verification.")
        {
            evidence, rubric, format.Option, lang, output, templates, referenceDoc,
        };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
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
            var result = Scored(context, loadedRubric, path);
            if (result is null)
            {
                return ExitCodes.InvalidInput;
            }

            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            var content = Render.Document(context, formatName, outputPath, f => renderer.RenderNonconformities(result, f, language));
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, outputPath, CommonOptions.Inputs(parse.GetValue(rubric), templatesFolder, referencePath, path));
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
