using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Layout;

/// <summary>
/// The words a workbook cell may hold for an enum value — the Chinese and the English drop-down words, the
/// evidence file's own word and a few short forms — and the file word each one means. Matching ignores
/// surrounding spaces and the case of Latin letters. Built once from <see cref="WorkbookText"/>.
/// </summary>
internal static class Vocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Results = Build(
        Enum.GetValues<FindingResult>().Select(r => (EvidenceWords.Of(r), WorkbookText.Of(r), Aliases(WorkbookText.ResultAliases, r))));

    public static readonly IReadOnlyDictionary<string, string> Grades = Build(
        Enum.GetValues<NonconformityGrade>().Select(g => (EvidenceWords.Of(g), WorkbookText.Of(g), Aliases(WorkbookText.GradeAliases, g))));

    public static readonly IReadOnlyDictionary<string, string> Kinds = Build(
        Enum.GetValues<AuditKind>().Select(k => (EvidenceWords.Of(k), WorkbookText.Of(k), Aliases(WorkbookText.KindAliases, k))));

    public static readonly IReadOnlyDictionary<string, string> Methods = Build(
        Enum.GetValues<EvidenceMethod>().Select(m => (FormatWords.Of(m), FormatWords.Describe(m).Both(), Aliases(WorkbookText.MethodAliases, m))));

    public static readonly IReadOnlyDictionary<string, string> Roles = Build(
        WorkbookText.Roles.Select(r => (r.Word, r.Label, Array.Empty<string>())));

    /// <summary>Correction statuses of a nonconformity record: <c>open</c>, <c>corrected</c>, <c>verified</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> CorrectionStatuses = Build(
        Enum.GetValues<CorrectionStatus>().Select(s => (WorkbookText.Word(s), WorkbookText.Of(s), WorkbookText.CorrectionStatusAliases(s))));

    /// <summary>Audit stages: the digits and the drop-down words, read as <c>1</c> or <c>2</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> Stages = Build(
        WorkbookText.Stages.Select(s => (s.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Label, WorkbookText.StageAliases(s.Stage))));

    /// <summary>Adjustment types: <c>deduction</c> or <c>bonus</c>.</summary>
    public static readonly IReadOnlyDictionary<string, string> AdjustmentTypes = Build(
    [
        ("deduction", WorkbookText.Deduction, WorkbookText.AdjustmentAliases("deduction")),
        ("bonus", WorkbookText.Bonus, WorkbookText.AdjustmentAliases("bonus")),
    ]);

    /// <summary>The code the preview formulas use for a result: C, P, N or X (not applicable).</summary>
    public static string Code(string resultWord) => resultWord switch
    {
        "conforming" => "C",
        "partial" => "P",
        "nonconforming" => "N",
        "not_applicable" => "X",
        "deduction" => "D",
        _ => "B",
    };

    /// <summary>The file word for a cell's text, or null when the text is not one of the words.</summary>
    public static string? Lookup(IReadOnlyDictionary<string, string> words, string text) =>
        words.TryGetValue(text.Trim(), out var word) ? word : null;

    private static string[] Aliases<T>((T Value, string[] Words)[] table, T value)
        where T : struct =>
        table.Where(a => EqualityComparer<T>.Default.Equals(a.Value, value)).SelectMany(a => a.Words).ToArray();

    private static Dictionary<string, string> Build(IEnumerable<(string FileWord, LocalizedText Label, string[] Aliases)> entries)
    {
        var words = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (fileWord, label, aliases) in entries)
        {
            foreach (var word in new[] { fileWord, label.Zh, label.En ?? label.Zh }.Concat(aliases))
            {
                words.TryAdd(word, fileWord);
            }
        }

        return words;
    }
}
