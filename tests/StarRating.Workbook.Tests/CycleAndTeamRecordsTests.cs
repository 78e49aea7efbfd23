using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// The certification cycle's and the team's records as an assessor meets them in the workbook: the audit header and
/// a nonconformity record filled on site read back as the evidence file would hold them, every mistake is located by
/// sheet and cell, an old workbook's assessor column still reads (now validated against the team), and a team
/// workbook written by merge is resolved by the lead in Excel.
/// </summary>
public sealed class CycleAndTeamRecordsTests
{
    // Sample 01 (an initial audit): six nonconformity records in rows 5-10 of 不符合项, blank input rows below; on 审核信息
    // the stage is C19, person-days C22, the team rows 28-30, the decision tier C41, the certificate expiry C46; on
    // 检查项 the assessor column is Q.
    private const string Sample = "samples/01-five-star-appliance-maker.yaml";
    private static readonly AuditEvidence Evidence = Audits.Evidence(Sample);
    private static readonly byte[] Filled = AuditWorkbook.FromEvidence(Evidence, Rubric.Default).Content;

    private static string Serial(DateOnly date) => "number:" + (date.DayNumber - new DateOnly(1899, 12, 30).DayNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_nonconformity_record_and_the_audit_header_filled_on_site_read_back()
    {
        var edited = WorkbookEdit.Apply(Filled,
        [
            // The assessor verifies NC-2026-01 at follow-up; Excel turned the typed date into a day number.
            "不符合项!F5 = 培训计划未覆盖新品上市", "不符合项!I5 = 已关闭", "不符合项!J5 = 王敏", "不符合项!K5 = " + Serial(new DateOnly(2026, 10, 20)),
            // Person-days typed as text, the stage and the status by words people type, the decision by the tier's label.
            "审核信息!C22 = 2.5", "审核信息!C19 = 文件审查", "审核信息!C41 = 四星级",
        ]);

        var evidence = Audits.ReadWorkbook(edited).GetValueOrThrow();

        var nc = evidence.Findings.Single(f => f.Item == "5.1.2.2").Nc!;
        (nc.Id, nc.RootCause, nc.Status, nc.VerifiedBy, nc.VerifiedOn, nc.Due).Should().Be(
            ("NC-2026-01", "培训计划未覆盖新品上市", CorrectionStatus.Verified, "王敏", new DateOnly(2026, 10, 20), new DateOnly(2026, 10, 17)));
        evidence.Audit.PersonDays.Should().Be(2.5m);
        evidence.Audit.Stage.Should().Be(1);
        evidence.Decision!.Tier.Should().Be("four-star");
        evidence.Findings.Count(f => f.Nc is not null).Should().Be(Evidence.Findings.Count(f => f.Nc is not null));
    }

    [Fact]
    public void Mistakes_in_the_records_are_located_by_sheet_and_cell()
    {
        var edited = WorkbookEdit.Apply(Filled,
        [
            "不符合项!A11 = 9.9.9", "不符合项!D11 = NC-X",           // an item with no finding
            "不符合项!D12 = NC-Y",                                   // a record naming no item
            "不符合项!A13 = 5.1.2.2", "不符合项!D13 = NC-Z",         // a second record for one finding
            "不符合项!H6 = 2026-13-40",                              // a date that does not exist
            "不符合项!I7 = 差不多",                                  // a status that is none of the words
            "审核信息!C19 = 第三阶段",                                // a stage that is neither 1 nor 2
            "审核信息!C46 = 2029-02-30",                             // a certificate expiry that does not exist
        ]);

        var read = Audits.ReadWorkbook(edited);

        read.Errors.Select(e => (e.Code, e.Location.ToString())).Should().BeEquivalentTo(new[]
        {
            ("SR6040", "audit.xlsx(不符合项!A11)"),
            ("SR6041", "audit.xlsx(不符合项!A12)"),
            ("SR6042", "audit.xlsx(不符合项!A13)"),
            ("SR1107", "audit.xlsx(不符合项!H6)"),
            ("SR1106", "audit.xlsx(不符合项!I7)"),
            ("SR1105", "audit.xlsx(审核信息!C19)"),
            ("SR1107", "audit.xlsx(审核信息!C46)"),
        });
        read.Errors.Single(e => e.Code == "SR6042").ToString().Should().Contain("5.1.2.2 already has a nonconformity record in row 5");
    }

    [Fact]
    public void An_old_workbooks_assessor_column_reads_as_by_and_is_checked_against_the_team()
    {
        // Workbooks written before the column held 'by' have the key 'assessed_by' in the hidden key row.
        var old = WorkbookEdit.Apply(Filled, ["检查项!Q3 = assessed_by", "检查项!Q7 = 陈思远、周蕾", "检查项!Q8 = 张三"]);

        var scored = Audits.ScoreWorkbook(old);

        scored.Errors.Select(e => (e.Code, e.Location.ToString())).Should().Equal(("SR3150", "audit.xlsx(检查项!Q8)"));
        var evidence = Audits.ReadWorkbook(old).Value!;
        evidence.Findings.Single(f => f.Item == "5.1.1.1").By.Should().Equal("陈思远", "周蕾");
    }

    [Fact]
    public void The_lead_resolves_a_team_workbook_written_by_merge()
    {
        var files = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", "01-team"), "*.yaml").Order(StringComparer.Ordinal);
        var merged = TeamMerge.Merge(files.Select(f => new EvidenceLoader().LoadFile(f).GetValueOrThrow()).ToArray(), Rubric.Default, poolSamples: true).GetValueOrThrow().Evidence;
        var workbook = AuditWorkbook.FromEvidence(merged, Rubric.Default, Language.English);
        workbook.Warnings.Should().BeEmpty();
        var unresolved = merged.Findings.Where(f => f.IsUnresolved).Select(f => f.Item).ToArray();

        var before = Audits.ScoreWorkbook(workbook.Content, rubric: Rubric.Default);
        before.Errors.Select(e => e.Code).Should().Equal(unresolved.Select(_ => "SR3152"));

        // The lead types the team's result on each unresolved item's row (the cell the error points at).
        var cells = before.Errors.Select(e => e.Location.ToString()[(e.Location.ToString().IndexOf('(') + 1)..^1]).ToArray();
        var resolved = WorkbookEdit.Apply(workbook.Content, cells.Select(cell => cell.Replace("'", "", StringComparison.Ordinal) + " = conforming"));
        var after = Audits.ScoreWorkbook(resolved, rubric: Rubric.Default);

        after.Errors.Should().BeEmpty();
        var evidence = Audits.ReadWorkbook(resolved, rubric: Rubric.Default).Value!;
        foreach (var item in unresolved)
        {
            var finding = evidence.Findings.Single(f => f.Item == item);
            finding.Result.Should().Be(FindingResult.Conforming);
            finding.Assessments.Should().HaveCount(merged.Findings.Single(f => f.Item == item).Assessments.Count, "the assessments stay as the record");
        }
    }
}
