using StarRating.Engine;
using StarRating.Rules;
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

    /// <summary>Reads and scores an evidence file of any format.</summary>
    public static LoadResult<AuditResult> Score(AuditEngine engine, string path) =>
        IsWorkbook(path) ? engine.Score(new WorkbookReader(engine.Rubric).ReadFile(path)) : engine.ScoreFile(path);

    /// <summary>Reads an evidence file of any format (structure only: keys, types, words), for conversion.</summary>
    public static LoadResult<AuditEvidence> Load(Rubric rubric, string path) =>
        IsWorkbook(path) ? new EvidenceLoader().Read(new WorkbookReader(rubric).ReadFile(path)) : new EvidenceLoader().LoadFile(path);
}
