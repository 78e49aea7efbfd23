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
            Description = "text: a summary for the terminal; json, md or html: the full report; docx: the Word report ending with the nonconformity forms; pdf: the HTML report printed by Chromium (docx and pdf need -o; -o FILE.docx or FILE.pdf implies them).",
            DefaultValueFactory = _ => "text",
            HelpName = "text|json|md|html|docx|pdf",
        };
        format.AcceptOnlyFromAmong("text", "json", "md", "html", "docx", "pdf");
        var referenceDoc = CommonOptions.ReferenceDoc();
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

        var command = new Command("score", "Score an audit's evidence and print or write the result.") { evidence, rubric, format, lang, output, failBelow, templates, referenceDoc };
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
            var formatName = CommonOptions.Format(parse, format, output);
            var templatesFolder = parse.GetValue(templates);
            var referencePath = parse.GetValue(referenceDoc);
            Reports.ReportRenderer? renderer = null;
            if (formatName != "text" || templatesFolder is not null || referencePath is not null)
            {
                renderer = Render.Renderer(context, templatesFolder, referencePath);
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
            if (formatName is "docx" or "pdf")
            {
                code = Render.Binary(context, formatName, parse.GetValue(output), Inputs(path, referencePath), f => renderer!.Render(result, f, language));
            }
            else
            {
                var content = Render.Result(context, result, formatName, language, renderer);
                if (content is null)
                {
                    return ExitCodes.InvalidInput;
                }

                code = CommonOptions.Emit(context, content, parse.GetValue(output), Inputs(path, referencePath));
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
        var evidence = new Argument<string>("evidence") { Description = "Evidence file (YAML or JSON)." };
        var rubric = CommonOptions.Rubric();
        var target = new Option<string?>("--target", "-t") { Description = "Tier to reach (default: the next tier).", HelpName = "TIER" };
        var format = new Option<string>("--format", "-f") { Description = "text, json, md, html or docx (docx needs -o; -o FILE.docx implies it).", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html|docx" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html", "docx");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("gap", "What to fix to reach the next tier: lost points ranked by the score they would add, and the fewest items that get there.") { evidence, rubric, target, format, lang, output, referenceDoc };
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
            var formatName = CommonOptions.Format(parse, format, output);
            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            if (Render.WordDocument(context, "gap", formatName, parse.GetValue(output), parse.GetValue(referenceDoc), Inputs(path, parse.GetValue(referenceDoc)), (renderer, f) => renderer.RenderGap(gap, f, language)) is { } written)
            {
                return written;
            }

            var content = Render.Gap(context, gap, formatName, language);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, parse.GetValue(output), [path]);
        });
        return command;
    }

    public static Command Diff(CliContext context)
    {
        var before = new Argument<string>("before") { Description = "The earlier audit's evidence (e.g. the initial audit)." };
        var after = new Argument<string>("after") { Description = "The later audit's evidence (e.g. the surveillance audit)." };
        var rubric = CommonOptions.Rubric();
        var format = new Option<string>("--format", "-f") { Description = "text, json, md, html or docx (docx needs -o; -o FILE.docx implies it).", DefaultValueFactory = _ => "text", HelpName = "text|json|md|html|docx" };
        format.AcceptOnlyFromAmong("text", "json", "md", "html", "docx");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("diff", "Compare two audits of one company: score and tier change, per-indicator deltas, changed items.") { before, after, rubric, format, lang, output, referenceDoc };
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
            var formatName = CommonOptions.Format(parse, format, output);
            var language = CommonOptions.ToLanguage(parse.GetValue(lang)!);
            if (Render.WordDocument(context, "diff", formatName, parse.GetValue(output), parse.GetValue(referenceDoc), Inputs(beforePath, parse.GetValue(referenceDoc)).Append(afterPath), (renderer, f) => renderer.RenderComparison(comparison.Value, f, language)) is { } written)
            {
                return written;
            }

            var content = Render.Comparison(context, comparison.Value, formatName, language);
            return content is null ? ExitCodes.InvalidInput : CommonOptions.Emit(context, content, parse.GetValue(output), [beforePath, afterPath]);
        });
        return command;
    }

    /// <summary>
    /// ncr: the nonconformity forms (不符合项报告) alone, one per major or minor nonconformity and special deduction,
    /// as a Word document to fill in and sign (or Markdown, HTML, or a PDF printed from the HTML).
    /// </summary>
    public static Command Ncr(CliContext context)
    {
        var evidence = new Argument<string>("evidence") { Description = "Evidence file (YAML or JSON)." };
        var rubric = CommonOptions.Rubric();
        var format = new Option<string>("--format", "-f")
        {
            Description = "docx (the default with -o FILE.docx), md (the default without -o), html or pdf (printed by Chromium).",
            DefaultValueFactory = _ => "md",
            HelpName = "docx|md|html|pdf",
        };
        format.AcceptOnlyFromAmong("docx", "md", "html", "pdf");
        var lang = CommonOptions.Language();
        var output = CommonOptions.OutputFile();
        var templates = new Option<string?>("--templates")
        {
            Description = "Folder of report templates that replace the built-in ones (run sandboxed).",
            HelpName = "DIR",
        };
        var referenceDoc = CommonOptions.ReferenceDoc();
        var command = new Command("ncr", "The nonconformity forms (不符合项报告): one numbered form per major or minor nonconformity, with blank fields for the company's confirmation, root cause, corrective action, due date and the team's verification.")
        {
            evidence, rubric, format, lang, output, templates, referenceDoc,
        };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var referencePath = parse.GetValue(referenceDoc);
            var renderer = Render.Renderer(context, parse.GetValue(templates), referencePath);
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
            var formatName = CommonOptions.Format(parse, format, output);
            if (parse.GetResult(format) is not { Implicit: false } && parse.GetValue(output) is { } file
                && Path.GetExtension(file).Equals(".html", StringComparison.OrdinalIgnoreCase))
            {
                formatName = "html";
            }

            if (formatName is "docx" or "pdf")
            {
                return Render.Binary(context, formatName, parse.GetValue(output), Inputs(path, referencePath), f => renderer.RenderNonconformities(result, f, language));
            }

            var rendered = renderer.RenderNonconformities(result, Render.ToFormat(formatName), language);
            if (rendered.Value is null)
            {
                DiagnosticPrinter.Report(context, rendered.Diagnostics);
                return ExitCodes.InvalidInput;
            }

            return CommonOptions.Emit(context, rendered.Value.Content, parse.GetValue(output), Inputs(path, referencePath));
        });
        return command;
    }

    /// <summary>The input files an output must not overwrite.</summary>
    private static IEnumerable<string> Inputs(string evidence, string? referenceDoc) =>
        referenceDoc is null ? [evidence] : [evidence, referenceDoc];

    /// <summary>Scores a file, printing its diagnostics (warnings too); null when it has errors.</summary>
    public static AuditResult? Scored(CliContext context, Rubric rubric, string path)
    {
        var outcome = new AuditEngine(rubric).ScoreFile(path);
        if (outcome.Value is null)
        {
            DiagnosticPrinter.Report(context, outcome.Diagnostics);
            return null;
        }

        DiagnosticPrinter.Print(context, outcome.Diagnostics);
        return outcome.Value;
    }
}
