using StarRating.Engine;
using StarRating.Rules;
using StarRating.Rules.Documents;
using StarRating.Workbook;

namespace StarRating.Cli.Commands;

/// <summary>
/// Evidence from any of its formats: YAML, JSON or an audit workbook (.xlsx), chosen by the file extension. Every
/// command that reads evidence goes through here, so each accepts a workbook wherever it accepts YAML.
/// </summary>
internal static class EvidenceFiles
{
    /// <summary>True for a workbook name: .xlsx, and the macro-enabled .xlsm (which the reader refuses with SR6002).</summary>
    public static bool IsWorkbook(string path) =>
        path.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".xlsm", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads and scores an evidence file of any format with <paramref name="engine"/>, or, when it is null, with the
    /// built-in rubric the evidence names in <c>rubric:</c> (the default rubric when it names none).
    /// </summary>
    public static LoadResult<AuditResult> Score(AuditEngine? engine, string path, bool strictVersion = false)
    {
        if (!IsWorkbook(path))
        {
            return engine is null ? AuditEngine.ScoreFileWithBuiltInRubric(path, strictVersion) : engine.ScoreFile(path);
        }

        if (engine is not null)
        {
            return engine.Score(new WorkbookReader(engine.Rubric).ReadFile(path));
        }

        // A workbook says which rubric it was written for on its audit sheet; the reader needs the rubric to tell
        // indicator rows from item rows, so read it once with the default rubric to learn which one that is.
        var first = new WorkbookReader(Rules.Rubric.Default).ReadFile(path);
        var rubric = BuiltInRubricOf(first) ?? Rules.Rubric.Default;
        var tree = rubric == Rules.Rubric.Default ? first : new WorkbookReader(rubric).ReadFile(path);
        return new AuditEngine(rubric) { StrictVersion = strictVersion }.Score(tree);
    }

    /// <summary>Reads an evidence file of any format (structure only: keys, types, words), for conversion.</summary>
    public static LoadResult<AuditEvidence> Load(Rubric rubric, string path) =>
        IsWorkbook(path) ? new EvidenceLoader().Read(new WorkbookReader(rubric).ReadFile(path)) : new EvidenceLoader().LoadFile(path);

    private static Rubric? BuiltInRubricOf(DocumentTree tree)
    {
        var text = tree.Root is DocMapping map && map.Entries.FirstOrDefault(e => e.Key.Value == "rubric").Value is DocScalar { IsNull: false } scalar
            ? scalar.Value
            : null;
        return RubricReference.TryParse(text, out var reference) ? Rules.Rubric.BuiltIn(reference.Id) : null;
    }
}
