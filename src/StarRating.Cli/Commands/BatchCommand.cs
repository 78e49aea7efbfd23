using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Commands;

/// <summary>
/// batch: every evidence file in a folder → one report each and a portfolio summary (CSV and JSON). Files are
/// scored on all cores; results are not kept once their row is taken, so memory stays flat however many
/// audits there are. One bad file is reported and skipped; the rest go on.
/// </summary>
internal static class BatchCommand
{
    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".xlsx"];

    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = "Folder of evidence files (*.yaml, *.yml, *.json, *.xlsx; not recursive)." };
        var output = new Option<string?>("--output", "-o") { Description = "Folder for the reports and portfolio files (default: FOLDER/reports).", HelpName = "DIR" };
        var rubric = CommonOptions.Rubric();
        var reports = new Option<string>("--reports") { Description = "Report per audit: html, md, json, or none (portfolio only).", DefaultValueFactory = _ => "html", HelpName = "html|md|json|none" };
        reports.AcceptOnlyFromAmong("html", "md", "json", "none");
        var lang = CommonOptions.Language();
        var jobs = new Option<int?>("--jobs", "-j") { Description = "Audits scored in parallel (default: the number of cores).", HelpName = "N" };
        var portfolio = new Option<string?>("--portfolio") { Description = "Also write the portfolio as a workbook, portfolio.xlsx (one row per audit).", HelpName = "xlsx" };
        portfolio.AcceptOnlyFromAmong("xlsx");
        var command = new Command("batch", "Score every evidence file in a folder: a report each, plus portfolio.csv and portfolio.json.") { folder, output, rubric, reports, lang, jobs, portfolio };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.LoadRubric(context, parse.GetValue(rubric));
            if (loadedRubric is null)
            {
                return ExitCodes.InvalidInput;
            }

            var options = new Options(
                parse.GetValue(folder)!,
                parse.GetValue(output),
                parse.GetValue(reports)!,
                CommonOptions.ToLanguage(parse.GetValue(lang)!),
                Math.Clamp(parse.GetValue(jobs) ?? Environment.ProcessorCount, 1, 64),
                parse.GetValue(portfolio) == "xlsx");
            return Run(context, loadedRubric, options);
        });
        return command;
    }

    private static int Run(CliContext context, Rubric rubric, Options options)
    {
        if (!Directory.Exists(options.Folder))
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.FolderNotFound.Create(SourceLocation.WholeFile(options.Folder))]);
            return ExitCodes.InvalidInput;
        }

        var files = Directory.EnumerateFiles(options.Folder)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.NoEvidenceFiles.Create(SourceLocation.WholeFile(options.Folder))]);
            return ExitCodes.InvalidInput;
        }

        var outDir = options.Output ?? Path.Combine(options.Folder, "reports");
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            DiagnosticPrinter.Report(context, [DiagnosticCatalog.OutputWriteFailed.Create(SourceLocation.WholeFile(outDir), ex.Message)]);
            return ExitCodes.InvalidInput;
        }

        var reportNames = ReportNames(files, options.Reports);
        var engine = new AuditEngine(rubric);
        var rows = new Row[files.Length];
        using var progress = new Progress(context, files.Length);
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, i =>
        {
            var path = Path.Combine(options.Folder, files[i]);
            rows[i] = ScoreOne(context, engine, path, reportNames[i] is { } name ? Path.Combine(outDir, name) : null, options);
            progress.Completed(i, rows[i]);
        });

        var csv = AtomicFile.Write(Path.Combine(outDir, "portfolio.csv"), Portfolio.Csv(rows));
        var json = AtomicFile.Write(Path.Combine(outDir, "portfolio.json"), Portfolio.Json(rubric, rows));
        var xlsx = options.PortfolioWorkbook ? AtomicFile.Write(Path.Combine(outDir, "portfolio.xlsx"), Portfolio.Workbook(rubric, rows, options.Language)) : null;
        progress.Finish();
        var writeFailures = new[] { csv, json, xlsx }.OfType<Diagnostic>().ToArray();
        DiagnosticPrinter.Print(context, writeFailures);

        var scored = rows.Count(r => r.Status == "scored");
        var tiers = rubric.Tiers.Reverse()
            .Select(t => (t, count: rows.Count(r => r.Tier == t)))
            .Where(x => x.count > 0)
            .Select(x => $"{x.t.Id} {x.count}");
        context.Out.Write($"{files.Length} audits: {scored} scored, {files.Length - scored} not scored" + (scored > 0 ? $" ({string.Join(", ", tiers)})" : "") + "\n");
        context.Out.Write($"portfolio: {Path.Combine(outDir, "portfolio.csv")}, {Path.Combine(outDir, "portfolio.json")}{(options.PortfolioWorkbook ? ", " + Path.Combine(outDir, "portfolio.xlsx") : "")}\n");
        return scored == files.Length && writeFailures.Length == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static Row ScoreOne(CliContext context, AuditEngine engine, string path, string? reportPath, Options options)
    {
        var outcome = EvidenceFiles.Score(engine, path);
        var diagnostics = outcome.Diagnostics;
        if (outcome.Value is not { } result)
        {
            return new Row(path, null, "invalid", diagnostics, null);
        }

        if (reportPath is not null)
        {
            var content = Render.Result(context, result, options.Reports, options.Language, Reports.ReportRenderer.Default);
            var failure = content is null ? null : AtomicFile.Write(reportPath, content);
            if (content is null || failure is not null)
            {
                return new Row(path, result, "write-failed", failure is null ? diagnostics : [.. diagnostics, failure], null);
            }
        }

        return new Row(path, result, "scored", diagnostics, reportPath);
    }

    private static string?[] ReportNames(string[] files, string format)
    {
        if (format == "none")
        {
            return new string?[files.Length];
        }

        var extension = format == "md" ? ".md" : "." + format;
        var stems = files.Select(Path.GetFileNameWithoutExtension).ToArray();
        var clashing = stems.GroupBy(s => s, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return files.Select((f, i) => clashing.Contains(stems[i]!) ? f + extension : stems[i] + extension).ToArray();
    }

    private sealed record Options(string Folder, string? Output, string Reports, Language Language, int Jobs, bool PortfolioWorkbook);

    /// <summary>What the portfolio keeps of one audit: a few fields, not the whole result.</summary>
    internal sealed class Row
    {
        public Row(string file, AuditResult? result, string status, IReadOnlyList<Diagnostic> diagnostics, string? report)
        {
            File = file;
            Status = status;
            Diagnostics = diagnostics;
            Report = report;
            if (result is not null)
            {
                Company = result.Company.Name;
                CreditCode = result.Company.CreditCode;
                Kind = EvidenceWords.Of(result.Audit.Kind);
                Dates = string.Join(" ", result.Audit.Dates.Select(Labels.Date));
                Score = Labels.ScoreText(result.Score, result.Rubric);
                ScoreValue = result.Score;
                Tier = result.Tier;
            }
        }

        public string File { get; }

        public string Status { get; }

        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        public string? Report { get; }

        public string? Company { get; }

        public string? CreditCode { get; }

        public string? Kind { get; }

        public string? Dates { get; }

        public string? Score { get; }

        public decimal? ScoreValue { get; }

        public Tier? Tier { get; }

        public int Errors => Diagnostics.Count(d => d.IsError);

        public int Warnings => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
    }

    /// <summary>
    /// Prints per-file lines in input order (whatever order the cores finish in), or a redrawn progress bar when
    /// stderr is a terminal. Diagnostics of bad files go to stderr either way.
    /// </summary>
    private sealed class Progress(CliContext context, int total) : IDisposable
    {
        private readonly object gate = new();
        private readonly Row?[] done = new Row?[total];
        private int next;
        private int completed;
        private long lastDraw;

        public void Completed(int index, Row row)
        {
            lock (gate)
            {
                done[index] = row;
                completed++;
                while (next < total && done[next] is { } ready)
                {
                    Print(next, ready);
                    done[next] = null;
                    next++;
                }

                if (context.IsTerminal && (Environment.TickCount64 - lastDraw > 100 || completed == total))
                {
                    lastDraw = Environment.TickCount64;
                    var width = 30;
                    var filled = completed * width / total;
                    context.Error.Write($"\r[{new string('#', filled)}{new string('.', width - filled)}] {completed}/{total}");
                }
            }
        }

        public void Finish()
        {
            if (context.IsTerminal)
            {
                context.Error.Write("\r" + new string(' ', 50) + "\r");
            }
        }

        public void Dispose() => Finish();

        private void Print(int index, Row row)
        {
            if (row.Diagnostics.Any(d => d.IsError))
            {
                if (context.IsTerminal)
                {
                    context.Error.Write("\r" + new string(' ', 50) + "\r");
                }

                DiagnosticPrinter.Print(context, row.Diagnostics);
            }

            if (!context.IsTerminal)
            {
                var counter = string.Create(CultureInfo.InvariantCulture, $"[{(index + 1).ToString(CultureInfo.InvariantCulture).PadLeft(total.ToString(CultureInfo.InvariantCulture).Length)}/{total}]");
                var detail = row.Status == "scored"
                    ? $"{row.Score} {row.Tier!.Id}"
                    : DiagnosticPrinter.Plural(row.Errors, "error");
                context.Out.Write($"{counter} {row.Status,-12} {row.File}  {detail}\n");
            }
        }
    }

    /// <summary>The portfolio files: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) and JSON.</summary>
    internal static class Portfolio
    {
        private static readonly string[] Header = ["file", "company", "credit_code", "kind", "dates", "score", "tier", "tier_label", "stars", "status", "errors", "warnings", "report"];

        public static byte[] Csv(IReadOnlyList<Row> rows)
        {
            var text = new StringBuilder();
            text.Append(string.Join(",", Header)).Append("\r\n");
            foreach (var row in rows)
            {
                var cells = new[]
                {
                    row.File, row.Company, row.CreditCode, row.Kind, row.Dates, row.Score, row.Tier?.Id, row.Tier?.Label.Zh,
                    row.Tier?.Stars.ToString(CultureInfo.InvariantCulture), row.Status,
                    row.Errors.ToString(CultureInfo.InvariantCulture), row.Warnings.ToString(CultureInfo.InvariantCulture), row.Report,
                };
                text.Append(string.Join(",", cells.Select(Escape))).Append("\r\n");
            }

            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
        }

        public static byte[] Workbook(Rubric rubric, IReadOnlyList<Row> rows, Language language) =>
            StarRating.Workbook.PortfolioWorkbook.Write(rubric, rows.Select(row => new StarRating.Workbook.PortfolioEntry
            {
                File = row.File,
                Status = row.Status,
                Company = row.Company,
                CreditCode = row.CreditCode,
                Kind = row.Kind,
                Dates = row.Dates,
                Score = row.ScoreValue,
                Tier = row.Tier,
                Errors = row.Errors,
                Warnings = row.Warnings,
                Report = row.Report,
            }).ToArray(), language);

        public static string Json(Rubric rubric, IReadOnlyList<Row> rows)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
            using (var json = new JsonTextWriter(text) { Formatting = Formatting.Indented, Indentation = 2 })
            {
                json.WriteStartObject();
                json.WritePropertyName("format");
                json.WriteValue("starrating-portfolio/1");
                json.WritePropertyName("rubric");
                json.WriteStartObject();
                Property(json, "id", rubric.Id);
                Property(json, "version", rubric.Version);
                Property(json, "sha256", rubric.Sha256);
                json.WriteEndObject();
                json.WritePropertyName("counts");
                json.WriteStartObject();
                json.WritePropertyName("audits");
                json.WriteValue(rows.Count);
                json.WritePropertyName("scored");
                json.WriteValue(rows.Count(r => r.Status == "scored"));
                foreach (var tier in rubric.Tiers)
                {
                    json.WritePropertyName(tier.Id);
                    json.WriteValue(rows.Count(r => r.Tier == tier));
                }

                json.WriteEndObject();
                json.WritePropertyName("audits");
                json.WriteStartArray();
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    Property(json, "file", row.File);
                    Property(json, "status", row.Status);
                    Property(json, "company", row.Company);
                    Property(json, "credit_code", row.CreditCode);
                    Property(json, "kind", row.Kind);
                    Property(json, "dates", row.Dates);
                    json.WritePropertyName("score");
                    if (row.Score is null)
                    {
                        json.WriteNull();
                    }
                    else
                    {
                        json.WriteRawValue(row.Score);
                    }

                    Property(json, "tier", row.Tier?.Id);
                    json.WritePropertyName("stars");
                    json.WriteValue(row.Tier?.Stars);
                    json.WritePropertyName("errors");
                    json.WriteValue(row.Errors);
                    json.WritePropertyName("warnings");
                    json.WriteValue(row.Warnings);
                    Property(json, "report", row.Report);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            return text.ToString() + "\n";
        }

        private static void Property(JsonTextWriter json, string name, string? value)
        {
            json.WritePropertyName(name);
            json.WriteValue(value);
        }

        private static string Escape(string? cell)
        {
            if (string.IsNullOrEmpty(cell))
            {
                return "";
            }

            // Quote what CSV needs quoted, and neutralise leading formula characters (CSV injection into spreadsheets).
            if (cell[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _))
            {
                cell = "'" + cell;
            }

            return cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
        }
    }
}
