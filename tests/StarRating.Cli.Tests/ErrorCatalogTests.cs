using System.Text;
using System.Text.RegularExpressions;
using StarRating.Rules;
using StarRating.Server;

namespace StarRating.Cli.Tests;

/// <summary>
/// docs/errors.md is generated from every layer's diagnostic descriptors (<see cref="CliDiagnostics.Descriptors"/>, which rest on
/// the layers below) and the golden files, so the catalogue
/// cannot drift from the code: every code's message and hint come from the table, and its example is a real
/// diagnostic produced by a golden test.
/// </summary>
public sealed class ErrorCatalogTests
{
    private static readonly string TestsFolder = Path.Combine(RepoPaths.Root, "tests");

    [Fact]
    public void Docs_errors_md_is_generated_from_the_catalogue()
    {
        Golden.Check(Path.Combine(RepoPaths.Root, "docs", "errors.md"), Generate());
    }

    [Fact]
    public void Every_diagnostic_code_is_triggered_by_a_test()
    {
        var goldens = GoldenOutputs().Select(g => g.Text).ToArray();
        var sources = Directory.EnumerateFiles(TestsFolder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.EndsWith("ErrorCatalogTests.cs", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToArray();

        var untested = CliDiagnostics.Descriptors.All
            .Where(d => !goldens.Any(g => g.Contains(" " + d.Code + ":", StringComparison.Ordinal))
                && !sources.Any(s => s.Contains('"' + d.Code + '"', StringComparison.Ordinal) || s.Contains(" " + d.Code + ":", StringComparison.Ordinal)))
            .Select(d => d.Code);

        untested.Should().BeEmpty("every code needs a golden case or a test asserting it");
    }

    [Fact]
    public void Codes_are_unique_and_well_formed()
    {
        // Descriptors (SR1xxx–SR6xxx) and the service's codes (SR55xx, SR7xxx) share one space of codes.
        CliDiagnostics.Descriptors.All.Select(d => d.Code).Concat(ServiceText.All.Keys)
            .Should().OnlyHaveUniqueItems().And.OnlyContain(c => Regex.IsMatch(c, "^SR[1-7][0-9]{3}$"));
    }

    [Fact]
    public void Every_code_the_source_or_the_vocabulary_uses_is_documented()
    {
        var documented = Regex.Matches(File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "errors.md")), @"^(?:## |\| )(SR[0-9]{4}) ", RegexOptions.Multiline)
            .Select(m => m.Groups[1].Value)
            .ToHashSet(StringComparer.Ordinal);
        // A code is used where the code writes it as a literal ("SR7016") or the vocabulary has a text for it.
        var inSource = Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "src"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".sbn", StringComparison.Ordinal))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"[""'](SR[0-9]{4})[""']").Select(m => (Code: m.Groups[1].Value, Where: Path.GetRelativePath(RepoPaths.Root, f))));
        var inVocabulary = Vocabulary.Default.Keys
            .Select(k => Regex.Match(k, @"^(?:diagnostic|service\.problem|service\.command)\.(SR[0-9]{4})(?:\.|$)"))
            .Where(m => m.Success)
            .Select(m => (Code: m.Groups[1].Value, Where: "vocabulary " + m.Value));

        var undocumented = inSource.Concat(inVocabulary).Where(u => !documented.Contains(u.Code)).Select(u => u.Code + " (" + u.Where + ")").Distinct();

        documented.Should().HaveCountGreaterThan(200);
        undocumented.Should().BeEmpty("every code a layer reports is listed in docs/errors.md: a descriptor in its layer's class, a service code in ServiceText");
    }

    [Fact]
    public void Every_descriptor_has_a_title_message_and_hint_in_every_language_with_the_same_arguments()
    {
        foreach (var d in CliDiagnostics.Descriptors.All)
        {
            foreach (var language in Vocabulary.Default.Languages)
            {
                Vocabulary.Default.Source(d.TitleKey, language).Should().NotBeNullOrWhiteSpace($"{d.Code} {language}");
                Vocabulary.Default.Source(d.MessageKey, language).Should().NotBeNullOrWhiteSpace($"{d.Code} {language}");
                Vocabulary.Default.Source(d.HintKey, language).Should().NotBeNull($"{d.Code} {language}");
            }

            // Each language may word an argument away (a Chinese sentence needs no article), but none may invent one.
            var union = Vocabulary.Default.Languages.SelectMany(l => Vocabulary.Default.ArgumentsOf(d.MessageKey, l).Concat(Vocabulary.Default.ArgumentsOf(d.HintKey, l))).Distinct();
            union.Should().BeEquivalentTo(d.Parameters, d.Code);
            var english = Vocabulary.Default.ArgumentsOf(d.MessageKey, Language.English).Concat(Vocabulary.Default.ArgumentsOf(d.HintKey, Language.English)).Distinct();
            english.Should().BeEquivalentTo(d.Parameters, $"{d.Code}: English, the reference wording, uses every argument");
        }
    }

    [Fact]
    public void Hints_name_no_library_setting_a_cli_user_cannot_change()
    {
        CliDiagnostics.Descriptors.All.Select(d => d.HintFormat).Should().NotContain(h => h.Contains("InputLimits", StringComparison.Ordinal) || h.Contains("MaxFileBytes", StringComparison.Ordinal));
    }

    /// <summary>True for the golden output of a CLI case run under a Chinese locale (its messages are Chinese).</summary>
    private static bool IsChinese(string goldenPath)
    {
        var args = Path.Combine(RepoPaths.Root, goldenPath.Replace(".expected.txt", ".args", StringComparison.Ordinal));
        if (!File.Exists(args))
        {
            return false;
        }

        var @case = CliCase.Read(args);
        var lang = @case.Args.SkipWhile(a => a != "--lang").Skip(1).FirstOrDefault();
        return lang == "zh" || (lang is null && @case.Locale.StartsWith("zh", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Path, string Text)> GoldenOutputs() =>
        Directory.EnumerateFiles(TestsFolder, "*.expected.txt", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (Path.GetRelativePath(RepoPaths.Root, f), File.ReadAllText(f)));

    private static string Generate()
    {
        // Examples come from hand-written cases; inputs kept from fuzzing (Golden/fuzz) are machine-made and not illustrative.
        var goldens = GoldenOutputs().Where(g => !g.Path.Contains("/Golden/fuzz/", StringComparison.Ordinal)).ToArray();
        var text = new StringBuilder();
        text.Append("# Diagnostics / 诊断信息\n\n");
        text.Append("Every problem StarRating reports has a stable code, a severity, a location and a hint. The tool prints them as\n");
        text.Append("`file(line,col): error CODE: message` (for a workbook `file(Sheet!F12): error CODE: message`) followed by an\n");
        text.Append("indented `hint:` line; the library returns them as\n");
        text.Append("`Diagnostic` values (`Code`, `Severity`, `Location`, `Arguments`; `Message` and `Hint` in English,\n");
        text.Append("`MessageIn(language)` and `HintIn(language)` in any language of the vocabulary). Errors stop the input from being\n");
        text.Append("used (exit code 2); warnings do not.\n\n");
        text.Append("StarRating 报告的每个问题都有固定的代码、严重程度、位置和处理提示。命令行工具按\n");
        text.Append("`文件(行,列): error 代码: 说明` 输出，下一行缩进给出 `提示：`；`error`/`warning` 两个词保持英文，便于编辑器和 CI 识别。\n\n");
        text.Append("The texts come from the vocabulary (`src/StarRating.Rules/Vocabulary/*.yaml`, keys `diagnostic.CODE.title`,\n");
        text.Append("`.message`, `.hint`; see [vocabulary.md](vocabulary.md)), in Chinese and English. Messages follow `--lang`, else the\n");
        text.Append("locale (`LC_ALL`, `LC_MESSAGES`, `LANG`): a Chinese locale or none gives Chinese, any other English.\n");
        text.Append("Arguments are named: `{key}` below is filled in per case; `{n, plural, one {…} other {…}}` and\n");
        text.Append("`{kind, select, …}` choose the wording by a number or a word, `{@key}` is another text of the vocabulary.\n\n");
        text.Append("This file is generated from each layer's descriptors (which class holds which codes: [embedding.md](embedding.md))\n");
        text.Append("and the vocabulary by `tests/StarRating.Cli.Tests/ErrorCatalogTests.cs` (a change shows up as\n");
        text.Append("`docs/errors.received.md`; approve it with `tools/approve-golden.sh`). Each example is real output from a golden\n");
        text.Append("test, whose input file shows what triggers it.\n\n");
        text.Append("| range | area |\n|---|---|\n");
        text.Append("| SR10xx | reading a file: size, encoding, YAML/JSON syntax, anchors, depth, limits |\n");
        text.Append("| SR11xx | structure: keys, types, numbers, dates, enum words, ids |\n");
        text.Append("| SR2xxx | rubric rules: ids, sums, tiers, prerequisites |\n");
        text.Append("| SR3xxx | evidence and scoring rules |\n");
        text.Append("| SR40xx | report templates |\n");
        text.Append("| SR41xx | Word templates and reference documents |\n");
        text.Append("| SR5xxx | the command-line tool and output files (SR54xx Word and PDF output) |\n");
        text.Append("| SR55xx | the service's commands (`serve`, `user`, `token`, `backup`): [service codes](#service-codes--服务代码) |\n");
        text.Append("| SR60xx | reading audit workbooks (.xlsx): package, safety limits, sheets, columns, cells |\n");
        text.Append("| SR70xx | the service's API problems: [service codes](#service-codes--服务代码) |\n");
        text.Append("| SR71xx | the service's pages: [service codes](#service-codes--服务代码) |\n\n");
        foreach (var d in CliDiagnostics.Descriptors.All)
        {
            var zhTitle = Vocabulary.Default.Format(d.TitleKey, Wording.Chinese, null);
            text.Append("## ").Append(d.Code).Append(" — ").Append(d.Title).Append(" / ").Append(zhTitle).Append("\n\n");
            text.Append("- Severity: ").Append(d.Severity.ToString().ToLowerInvariant()).Append('\n');
            text.Append("- Message: `").Append(d.MessageFormat).Append("`\n");
            text.Append("- 说明：`").Append(Vocabulary.Default.Source(d.MessageKey, Language.Chinese)).Append("`\n");
            text.Append("- How to fix: ").Append(d.HintFormat).Append('\n');
            text.Append("- 处理：").Append(Vocabulary.Default.Source(d.HintKey, Language.Chinese)).Append('\n');
            if (d.Parameters.Length > 0)
            {
                text.Append("- Arguments: ").Append(string.Join(", ", d.Parameters.Select(p => "`" + p + "`"))).Append('\n');
            }
            var lines = goldens.SelectMany(g => g.Text.Split('\n').Select(line => (g.Path, Line: line))).ToArray();
            // The compiler-style line ("file: warning SR3028: ..."), not a report's or summary's own line about it.
            var printed = ": " + d.Severity.ToString().ToLowerInvariant() + " " + d.Code + ":";
            var example = lines.FirstOrDefault(x => x.Line.Contains(printed, StringComparison.Ordinal) && !IsChinese(x.Path));
            var chineseExample = lines.FirstOrDefault(x => x.Line.Contains(printed, StringComparison.Ordinal) && IsChinese(x.Path));
            if (example.Line is not null)
            {
                var input = Directory.EnumerateFiles(Path.GetDirectoryName(Path.Combine(RepoPaths.Root, example.Path))!)
                    .FirstOrDefault(f => Path.GetFileName(f).StartsWith(Path.GetFileName(example.Path).Replace(".expected.txt", ".", StringComparison.Ordinal), StringComparison.Ordinal) && !f.EndsWith(".expected.txt", StringComparison.Ordinal));
                var source = input is null ? example.Path : Path.GetRelativePath(RepoPaths.Root, input);
                text.Append("- Example (`").Append(source).Append("`):\n\n  ```\n  ").Append(example.Line.Trim()).Append("\n  ```\n");
            }

            if (chineseExample.Line is not null)
            {
                text.Append("- 示例（`").Append(Path.ChangeExtension(chineseExample.Path.Replace(".expected.txt", "", StringComparison.Ordinal), ".args")).Append("`）：\n\n  ```\n  ").Append(chineseExample.Line.Trim()).Append("\n  ```\n");
            }

            text.Append('\n');
        }

        AppendServiceCodes(text);
        return text.ToString();
    }

    /// <summary>
    /// The service's codes are not diagnostics (they answer a request or a command, with no file position): one table
    /// from <see cref="ServiceText"/> and its catalogue texts, ordered by code.
    /// </summary>
    private static void AppendServiceCodes(StringBuilder text)
    {
        text.Append("## Service codes / 服务代码\n\n");
        text.Append("The audit service (`starrating serve`, see [service.md](service.md)) answers a refused request with problem details\n");
        text.Append("(`application/problem+json`) carrying one of the codes below and its HTTP status (SR70xx the API, SR71xx the\n");
        text.Append("pages' forms); its commands (`serve`, `user`, `token`, `backup`) print SR55xx messages, some of them information\n");
        text.Append("rather than errors. Diagnostics about the evidence itself keep their codes above. The texts are the vocabulary's\n");
        text.Append("`service.problem.CODE` and `service.command.CODE`; the codes and statuses are declared in\n");
        text.Append("`StarRating.Server.ServiceText`.\n\n");
        text.Append("审核服务（`starrating serve`）拒绝请求时返回带下列代码和 HTTP 状态的问题详情（SR70xx 为 API，SR71xx 为页面表单）；\n");
        text.Append("服务命令输出 SR55xx 消息（其中一些是提示而非错误）。证据本身的诊断仍使用上面的代码。\n\n");
        text.Append("| code | HTTP | 中文 | English |\n|---|---|---|---|\n");
        foreach (var entry in ServiceText.All.Values.OrderBy(e => e.Code, StringComparer.Ordinal))
        {
            text.Append("| ").Append(entry.Code).Append(" | ").Append(entry.Status == 0 ? "—" : entry.Status.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Append(" | `").Append(TableCell(entry.Zh)).Append("` | `").Append(TableCell(entry.En)).Append("` |\n");
        }
    }

    /// <summary>A text as a table cell: a pipe would end the cell, a line break the row.</summary>
    private static string TableCell(string value) => value.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
