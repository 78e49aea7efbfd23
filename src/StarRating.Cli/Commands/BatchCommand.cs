using System.CommandLine;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using StarRating.Cli.Output;
using StarRating.Engine;
using StarRating.Reports;
using StarRating.Rules;
using StarRating.Rules.Files;
using StarRating.Rules.Text;

namespace StarRating.Cli.Commands;

/// <summary>
/// batch: every evidence file in a folder → one report each and a portfolio summary (CSV and JSON, and with
/// --portfolio xlsx a workbook). Files are scored on all cores; results are not kept once their row is taken, so
/// memory stays flat however many audits there are. One bad file is reported and skipped; the rest go on.
/// </summary>
internal static class BatchCommand
{
    private const int MaxJobs = 64;

    private static readonly string[] Extensions = [".yaml", ".yml", ".json", ".xlsx"];

    private static readonly string[] OwnFormats = [PortfolioFormat, Reports.ResultJson.ResultFormat, Reports.ResultJson.GapFormat, Reports.ResultJson.ComparisonFormat];

    private const string PortfolioFormat = "starrating-portfolio/1";

    public static Command Create(CliContext context)
    {
        var folder = new Argument<string>("folder") { Description = context.Text("cli.argument.folder") };
        var output = new Option<string?>("--output", "-o") { Description = context.Text("cli.option.batch_output"), HelpName = "DIR" };
        var rubric = CommonOptions.Rubric(context);
        var reports = new Option<string>("--reports") { Description = context.Text("cli.option.reports"), DefaultValueFactory = _ => "html", HelpName = "html|md|json|none" };
        reports.AcceptOnlyFromAmong("html", "md", "json", "none");
        var terminology = CommonOptions.Terminology(context);
        // Read as text and checked here: System.CommandLine's own message for "abc" names a .NET type.
        var jobs = new Option<string?>("--jobs", "-j") { Description = context.Text("cli.option.jobs"), HelpName = "N" };
        var strict = CommonOptions.StrictVersion(context);
        var portfolio = new Option<string?>("--portfolio") { Description = context.Text("cli.option.portfolio"), HelpName = "xlsx" };
        portfolio.AcceptOnlyFromAmong("xlsx");
        var command = new Command("batch", context.Text("cli.command.batch")) { folder, output, rubric, reports, terminology, jobs, strict, portfolio };
        command.SetAction(parse =>
        {
            var loadedRubric = CommonOptions.ScoringRubric(context, parse.GetValue(rubric), out var failed);
            if (failed)
            {
                return ExitCodes.InvalidInput;
            }

            var jobsText = parse.GetValue(jobs);
            var jobCount = Math.Min(Environment.ProcessorCount, MaxJobs);
            if (jobsText is not null && (!int.TryParse(jobsText, NumberStyles.None, CultureInfo.InvariantCulture, out jobCount) || jobCount is < 1 or > MaxJobs))
            {
                DiagnosticPrinter.Report(context, [CliDiagnostics.InvalidJobs.Create(SourceLocation.WholeFile("--jobs"), ("max", MaxJobs), ("value", jobsText))]);
                return ExitCodes.InvalidInput;
            }

            var options = new Options(
                parse.GetValue(folder)!,
                parse.GetValue(output),
                parse.GetValue(reports)!,
                CommonOptions.OutputLanguage(parse),
                CommonOptions.ToTerminology(parse.GetValue(terminology)),
                jobCount,
                parse.GetValue(rubric),
                parse.GetValue(strict),
                parse.GetValue(portfolio) == "xlsx");
            return Run(context, loadedRubric, options);
        });
        return command;
    }

    /// <summary>Scores the folder with <paramref name="rubric"/>, or each file with the built-in rubric it names when null.</summary>
    private static int Run(CliContext context, Rubric? rubric, Options options)
    {
        if (!Directory.Exists(options.Folder))
        {
            DiagnosticPrinter.Report(context, [File.Exists(options.Folder)
                ? ReportDiagnostics.NotAFolder.Create(SourceLocation.WholeFile(options.Folder), ("path", options.Folder))
                : ReportDiagnostics.FolderNotFound.Create(SourceLocation.WholeFile(options.Folder))]);
            return ExitCodes.InvalidInput;
        }

        // Reports and portfolios of an earlier run into the same folder are our own output, not audits: they are
        // recognised by their format marker and neither scored nor protected (this run replaces them).
        var candidates = Directory.EnumerateFiles(options.Folder)
            .Where(f => Extensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();

        // Only regular files (links followed) are audits: opening a named pipe waits for a writer, so a pipe named
        // audit.yaml would hang the whole batch, and a device never ends. Each one skipped is said, not hidden.
        var special = candidates.Select(f => (Path: f, FileProbe.Stat(f).Kind)).Where(c => c.Kind != FileKind.Regular).ToArray();
        if (special.Length > 0)
        {
            DiagnosticPrinter.Report(context, special.Select(c => CliDiagnostics.BatchSkipsSpecialFile.Create(
                SourceLocation.WholeFile(c.Path), ("kind", c.Kind switch
                {
                    FileKind.Device => "device",
                    FileKind.Fifo => "pipe",
                    FileKind.Directory => "folder",
                    FileKind.Missing => "broken_link",
                    _ => "other",
                }))).ToArray());
        }

        var files = candidates
            .Where(f => special.All(c => c.Path != f))
            .Where(f => !IsOwnOutput(f))
            // The --rubric file may sit among the audits; it is the rubric, not an audit to score.
            .Where(f => options.Rubric is null || !Rules.Files.FileProbe.SameFile(f, options.Rubric))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => !name.StartsWith('.'))
            .Order(StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
        {
            DiagnosticPrinter.Report(context, [CliDiagnostics.NoEvidenceFiles.Create(SourceLocation.WholeFile(options.Folder))]);
            return ExitCodes.InvalidInput;
        }

        var outDir = options.Output ?? Path.Combine(options.Folder, "reports");
        try
        {
            Directory.CreateDirectory(outDir);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            DiagnosticPrinter.Report(context, [CliDiagnostics.OutputWriteFailed.Create(SourceLocation.WholeFile(outDir), ("reason", IoErrors.Describe(ex)))]);
            return ExitCodes.InvalidInput;
        }

        var inputs = files.Select(f => Path.Combine(options.Folder, f)).Concat(options.Rubric is null ? [] : [options.Rubric]).ToArray();
        var reportNames = ReportNames(files, options.Reports);
        var clash = CommonOptions.Clashes(inputs);
        for (var i = 0; i < reportNames.Length; i++)
        {
            // A report named like an input (b.json's JSON report into b's own folder) keeps the input's full name: b.json.json.
            if (reportNames[i] is { } name && clash(Path.Combine(outDir, name)) is not null)
            {
                reportNames[i] = files[i] + Path.GetExtension(name);
            }
        }

        // No output may land on an input (an evidence file named portfolio.json, -o into the input folder, a link):
        // every clash is refused before anything is written.
        var outputs = reportNames.OfType<string>().Select(n => Path.Combine(outDir, n)).Append(Path.Combine(outDir, "portfolio.csv")).Append(Path.Combine(outDir, "portfolio.json"))
            .Concat(options.PortfolioWorkbook ? [Path.Combine(outDir, "portfolio.xlsx")] : []);
        var clashes = outputs
            .Select(o => (Output: o, Input: clash(o)))
            .Where(c => c.Input is not null)
            .Select(c => CliDiagnostics.OutputIsInput.Create(SourceLocation.WholeFile(c.Output), ("input", c.Input)))
            .ToArray();
        if (clashes.Length > 0)
        {
            DiagnosticPrinter.Report(context, clashes);
            return ExitCodes.InvalidInput;
        }

        var engine = rubric is null ? null : new AuditEngine(rubric) { StrictVersion = options.StrictVersion };
        var rows = new Row[files.Length];
        // Reports are made durable together, with one flush before the portfolio is written (an fsync per report
        // was a third of the batch's time); each is still written atomically, so none is ever seen half-written.
        var reportWriter = new AtomicFile(flushEachFile: false);
        using var progress = new Progress(context, files.Length);
        Parallel.For(0, files.Length, new ParallelOptions { MaxDegreeOfParallelism = options.Jobs }, i =>
        {
            var path = Path.Combine(options.Folder, files[i]);
            rows[i] = ScoreOne(context, engine, path, reportNames[i] is { } name ? Path.Combine(outDir, name) : null, options, reportWriter);
            progress.Completed(i, rows[i]);
        });

        reportWriter.Flush();
        var csv = AtomicFile.Durable.Write(Path.Combine(outDir, "portfolio.csv"), Portfolio.Csv(rows));
        var json = AtomicFile.Durable.Write(Path.Combine(outDir, "portfolio.json"), Portfolio.Json(rubric, rows));
        var rubrics = rubric is null ? rows.Select(r => r.Rubric).OfType<Rubric>().Distinct().ToArray() : [rubric];
        var xlsx = options.PortfolioWorkbook
            ? AtomicFile.Durable.Write(Path.Combine(outDir, "portfolio.xlsx"), Portfolio.Workbook(rubric ?? rubrics.FirstOrDefault() ?? Rules.Rubric.Default, rows, options.Language))
            : null;
        progress.Finish();
        var writeFailures = new[] { csv, json, xlsx }.OfType<Diagnostic>().ToArray();
        DiagnosticPrinter.Print(context, writeFailures);

        var scored = rows.Count(r => r.Status == "scored");
        var tiers = rubrics.SelectMany(r => r.Tiers.Reverse())
            .Select(t => (t, count: rows.Count(r => r.Tier == t)))
            .Where(x => x.count > 0)
            .Select(x => rubrics.Length > 1 ? $"{x.t.Id} {x.count} ({TierRubric(rubrics, x.t).Id})" : $"{x.t.Id} {x.count}");
        context.Out.Write(context.Text("cli.batch.summary", ("audits", files.Length), ("scored", scored), ("failed", files.Length - scored), ("tiers", string.Join(", ", tiers))) + "\n");
        context.Out.Write(context.Text("cli.batch.portfolio", ("csv", DisplayText.Escape(Path.Combine(outDir, "portfolio.csv"))), ("json", DisplayText.Escape(Path.Combine(outDir, "portfolio.json"))), ("xlsx", options.PortfolioWorkbook ? DisplayText.Escape(Path.Combine(outDir, "portfolio.xlsx")) : "none")) + "\n");
        return scored == files.Length && writeFailures.Length == 0 ? ExitCodes.Success : ExitCodes.InvalidInput;
    }

    private static Rubric TierRubric(Rubric[] rubrics, Tier tier) => rubrics.First(r => r.Tiers.Contains(tier));

    private static Row ScoreOne(CliContext context, AuditEngine? engine, string path, string? reportPath, Options options, AtomicFile writer)
    {
        var outcome = EvidenceFiles.Score(engine, path, options.StrictVersion);
        var diagnostics = outcome.Diagnostics;
        if (outcome.Value is not { } result)
        {
            return new Row(path, null, "invalid", diagnostics, null);
        }

        if (reportPath is not null)
        {
            var content = Render.Result(context, Reports.AuditReport.Create(result, options.Language, options.Terminology), options.Reports, Reports.ReportRenderer.Default, reportPath);
            var failure = content is null ? null : writer.Write(reportPath, content.Bytes);
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

    private sealed record Options(string Folder, string? Output, string Reports, Language Language, Terminology? Terminology, int Jobs, string? Rubric, bool StrictVersion, bool PortfolioWorkbook);

    /// <summary>
    /// A file this tool wrote (a report or a portfolio): a JSON file with our format marker in its first bytes, or a
    /// portfolio workbook (its hidden role name). Batch writes no other report that it reads: .md and .html are not
    /// evidence, and an audit workbook in the folder is an audit.
    /// </summary>
    private static bool IsOwnOutput(string path)
    {
        if (EvidenceFiles.IsWorkbook(path))
        {
            return StarRating.Workbook.PortfolioWorkbook.IsPortfolio(path);
        }

        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var head = new byte[256];
            var read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            var text = Encoding.UTF8.GetString(head, 0, read);
            return OwnFormats.Any(f => text.Contains("\"format\": \"" + f + "\"", StringComparison.Ordinal));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // Scored as evidence, which reports why it cannot be read.
        }
    }

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
                Dates = string.Join(" ", result.Audit.Dates.Select(Reports.ReportFigures.Date));
                Score = Reports.ReportFigures.Score(result.Score, result.Rubric);
                ScoreValue = result.Score;
                Tier = result.Tier;
                Rubric = result.Rubric;
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

        public Rubric? Rubric { get; }

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
                    : context.Text("cli.batch.errors", ("errors", row.Errors));
                context.Out.Write(context.Text("cli.batch.progress", ("counter", counter), ("status", StatusWord(context, row.Status)), ("file", DisplayText.Escape(row.File)), ("detail", detail)) + "\n");
            }
        }
    }

    /// <summary>Every status a row can have (kept as data in the portfolio; shown in words in progress lines).</summary>
    private static readonly string[] RowStatuses = ["scored", "invalid", "write-failed"];

    /// <summary>A row's status in the user's words (<c>cli.batch.status.*</c>), padded to the widest of them so the file names line up.</summary>
    private static string StatusWord(CliContext context, string status)
    {
        string Word(string s) => context.Text("cli.batch.status." + s.Replace('-', '_'));
        var width = RowStatuses.Max(s => DisplayText.Width(Word(s)));
        var word = Word(status);
        return word + new string(' ', width - DisplayText.Width(word));
    }

    /// <summary>The portfolio files: CSV (UTF-8 with BOM, so spreadsheet programs read the Chinese) JSON and the workbook.</summary>
    internal static class Portfolio
    {
        private static readonly string[] Header = ["file", "company", "credit_code", "kind", "dates", "score", "tier", "tier_label", "stars", "status", "errors", "warnings", "report", "rubric"];

        public static byte[] Csv(IReadOnlyList<Row> rows)
        {
            var text = new StringBuilder();
            text.Append(string.Join(",", Header)).Append("\r\n");
            foreach (var row in rows)
            {
                var cells = new[]
                {
                    DisplayText.Escape(row.File), row.Company, row.CreditCode, row.Kind, row.Dates, row.Score, row.Tier?.Id, row.Tier?.Label.Zh,
                    row.Tier?.Stars.ToString(CultureInfo.InvariantCulture), row.Status,
                    row.Errors.ToString(CultureInfo.InvariantCulture), row.Warnings.ToString(CultureInfo.InvariantCulture), row.Report is null ? null : DisplayText.Escape(row.Report), RubricOf(row),
                };
                text.Append(string.Join(",", cells.Select(Escape))).Append("\r\n");
            }

            return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
        }

        public static byte[] Workbook(Rubric rubric, IReadOnlyList<Row> rows, Language language) =>
            StarRating.Workbook.PortfolioWorkbook.Write(rubric, rows.Select(row => new StarRating.Workbook.PortfolioEntry
            {
                File = DisplayText.Escape(row.File),
                Status = row.Status,
                Company = row.Company,
                CreditCode = row.CreditCode,
                Kind = row.Kind,
                Dates = row.Dates,
                Score = row.ScoreValue,
                Tier = row.Tier,
                Errors = row.Errors,
                Warnings = row.Warnings,
                Report = row.Report is null ? null : DisplayText.Escape(row.Report),
            }).ToArray(), language);

        /// <summary>
        /// The portfolio. <c>rubric</c> names the rubric every scored audit used (null when the folder mixes rubrics,
        /// scored each with the one it names); each audit also names its own as <c>ID@VERSION</c>.
        /// </summary>
        public static string Json(Rubric? rubric, IReadOnlyList<Row> rows)
        {
            var used = rows.Select(r => r.Rubric).OfType<Rubric>().Distinct().ToArray();
            var common = rubric ?? (used.Length == 1 ? used[0] : used.Length == 0 ? Rules.Rubric.Default : null);
            var tiers = common is not null ? common.Tiers : used.SelectMany(r => r.Tiers).ToArray();
            return JsonText.Write(json =>
            {
                json.WriteStartObject();
                json.WritePropertyName("format");
                json.WriteValue(PortfolioFormat);
                json.WritePropertyName("rubric");
                if (common is null)
                {
                    json.WriteNull();
                }
                else
                {
                    json.WriteStartObject();
                    Property(json, "id", common.Id);
                    Property(json, "version", common.Version);
                    Property(json, "sha256", common.Sha256);
                    json.WriteEndObject();
                }

                json.WritePropertyName("counts");
                json.WriteStartObject();
                json.WritePropertyName("audits");
                json.WriteValue(rows.Count);
                json.WritePropertyName("scored");
                json.WriteValue(rows.Count(r => r.Status == "scored"));
                foreach (var group in tiers.GroupBy(t => t.Id, StringComparer.Ordinal))
                {
                    json.WritePropertyName(group.Key);
                    json.WriteValue(rows.Count(r => r.Tier is { } tier && group.Contains(tier)));
                }

                json.WriteEndObject();
                json.WritePropertyName("audits");
                json.WriteStartArray();
                foreach (var row in rows)
                {
                    json.WriteStartObject();
                    Property(json, "file", DisplayText.Escape(row.File));
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
                    Property(json, "report", row.Report is null ? null : DisplayText.Escape(row.Report));
                    Property(json, "rubric", RubricOf(row));
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            });
        }

        /// <summary>The rubric that scored the row, as <c>ID@VERSION</c>.</summary>
        private static string? RubricOf(Row row) => row.Rubric is { } rubric ? new RubricReference(rubric.Id, rubric.Version).ToString() : null;

        private static void Property(JsonWriter json, string name, string? value)
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
