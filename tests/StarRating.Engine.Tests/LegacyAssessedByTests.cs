using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// 'assessed_by' (one free-text name, written by workbooks before their assessor column held the team's 'by') is read
/// as 'by' with a located warning, so old files keep their assessor and get the team check like any 'by'.
/// </summary>
public sealed class LegacyAssessedByTests
{
    private const string Audit = """
        company: { name: 测试电器有限公司 }
        audit:
          kind: mock
          team: [ { name: 王敏, role: lead } ]
        findings:
          - { item: "5.1.1.1", result: conforming, assessed_by: 王敏 }
          - { item: "5.1.1.2", result: conforming, assessed_by: 张三 }
          - { item: "5.1.1.3", result: conforming, by: [王敏], assessed_by: 张三 }
        """;

    [Fact]
    public void Assessed_by_is_read_as_by_with_a_warning_at_the_key()
    {
        var loaded = new EvidenceLoader().Parse(Audit, "old.yaml");

        var evidence = loaded.GetValueOrThrow();
        evidence.Findings.Select(f => string.Join("+", f.By)).Should().Equal("王敏", "张三", "王敏");
        loaded.Diagnostics.Select(w => w.ToString()).Should().Equal(
            "old.yaml(6,44): warning SR3130: 'assessed_by' is now 'by' and is read as it (the assessors who made the finding, members of the team)",
            "old.yaml(7,44): warning SR3130: 'assessed_by' is now 'by' and is read as it (the assessors who made the finding, members of the team)",
            "old.yaml(8,54): warning SR3130: 'assessed_by' is now 'by' and is read as it (the assessors who made the finding, members of the team)");
    }

    [Fact]
    public void A_name_read_from_assessed_by_is_checked_against_the_team()
    {
        var scored = new AuditEngine(Rubric.Default).Score(new EvidenceLoader().Parse(Audit, "old.yaml").GetValueOrThrow());

        scored.Errors.Select(e => e.Code).Should().Equal("SR3150");
        scored.Errors.Single().Message.Should().Contain("张三");
    }
}
