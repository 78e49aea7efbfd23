using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// Evidence → workbook → evidence keeps everything the evidence format holds, for every bundled sample and every
/// valid test audit, in both languages: same score, same findings field by field, same team, dates, sites and
/// adjustments; and the conversion settles (YAML → XLSX → YAML → XLSX → YAML gives the same YAML twice).
/// </summary>
public sealed class RoundTripTests
{
    public static TheoryData<string> All() => Audits.All();

    [Theory]
    [MemberData(nameof(All))]
    public void Workbook_scores_like_the_yaml(string file)
    {
        var evidence = Audits.Evidence(file);
        var rubric = Audits.RubricOf(evidence);
        var yamlScore = new AuditEngine(rubric).Score(evidence).GetValueOrThrow();
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var workbook = AuditWorkbook.FromEvidence(evidence, rubric, language);
            // Only the records the workbook has no cells for are warned about (SR5302), and only when present.
            var expected = Layout.EvidenceSheets.CarriesCycle(evidence) || evidence.Assessor is not null || evidence.Findings.Any(f => f.By.Count > 0 || f.Assessments.Count > 0)
                ? new[] { "SR5302" } : [];
            workbook.Warnings.Select(w => w.Code).Should().Equal(expected);

            var outcome = Audits.ScoreWorkbook(workbook.Content, rubric: rubric);

            outcome.Errors.Select(e => e.ToString()).Should().BeEmpty();
            var result = outcome.Value!;
            result.Score.Should().Be(yamlScore.Score);
            result.Tier.Should().Be(yamlScore.Tier);
            result.UnroundedScore.Should().Be(yamlScore.UnroundedScore);
            result.Items.Select(i => (i.Item.Id, i.Status, i.Earned, i.Grade)).Should().Equal(yamlScore.Items.Select(i => (i.Item.Id, i.Status, i.Earned, i.Grade)));
            result.Warnings.Select(w => w.Code).Should().Equal(yamlScore.Warnings.Select(w => w.Code));
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Workbook_reads_back_the_same_evidence(string file)
    {
        var evidence = Audits.Evidence(file);
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var rubric = Audits.RubricOf(evidence);
            var back = Audits.ReadWorkbook(AuditWorkbook.FromEvidence(evidence, rubric, language).Content, rubric: rubric).GetValueOrThrow();

            Canonical(back).Should().Be(Canonical(evidence), $"the {language} workbook should carry every field");
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Conversion_settles_after_one_round(string file)
    {
        var evidence = Audits.Evidence(file);
        var rubric = Audits.RubricOf(evidence);
        var yaml1 = EvidenceWriter.ToYaml(Audits.ReadWorkbook(AuditWorkbook.FromEvidence(evidence, rubric).Content, rubric: rubric).GetValueOrThrow());
        var again = new EvidenceLoader().Parse(yaml1, "again.yaml").GetValueOrThrow();
        var yaml2 = EvidenceWriter.ToYaml(Audits.ReadWorkbook(AuditWorkbook.FromEvidence(again, rubric).Content, rubric: rubric).GetValueOrThrow());

        yaml2.Should().Be(yaml1);
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Yaml_and_json_writers_read_back_the_same_evidence(string file)
    {
        var evidence = Audits.Evidence(file);

        var fromYaml = new EvidenceLoader().Parse(EvidenceWriter.ToYaml(evidence), "out.yaml").GetValueOrThrow();
        var fromJson = new EvidenceLoader().Parse(EvidenceWriter.ToJson(evidence), "out.json").GetValueOrThrow();

        Canonical(fromYaml, keepOrder: true).Should().Be(Canonical(evidence, keepOrder: true));
        Canonical(fromJson, keepOrder: true).Should().Be(Canonical(evidence, keepOrder: true));
        Cycle(fromYaml).Should().Be(Cycle(evidence), "the YAML writer keeps the certification cycle's records");
        Cycle(fromJson).Should().Be(Cycle(evidence), "the JSON writer keeps the certification cycle's records");
    }

    [Fact]
    public void A_workbook_says_it_cannot_hold_the_certification_cycle_and_the_assessors_records()
    {
        var evidence = Audits.Evidence("samples/01-five-star-appliance-maker.yaml");

        var warning = AuditWorkbook.FromEvidence(evidence, Audits.RubricOf(evidence), Language.English).Warnings.Single();

        warning.Code.Should().Be("SR5302");
        warning.Message.Should().Contain("the certification cycle's records (stage, objectives, criteria");
    }

    [Fact]
    public void The_writers_keep_every_record_of_the_certification_cycle()
    {
        // The chain's initial audit has nc records, a decision and a certificate; the surveillance sample names its previous.
        var files = Audits.Files().ToArray();
        var withCycle = files.Select(Audits.Evidence).Where(e => e.Decision is not null || e.Certificate is not null || e.Audit.Previous is not null || e.Findings.Any(f => f.Nc is not null)).ToArray();

        withCycle.Should().Contain(e => e.Decision != null && e.Certificate != null && e.Findings.Any(f => f.Nc != null), "a bundled audit exercises the records");
        foreach (var evidence in withCycle)
        {
            var yaml = EvidenceWriter.ToYaml(evidence);
            var json = EvidenceWriter.ToJson(evidence);
            Cycle(new EvidenceLoader().Parse(yaml, "out.yaml").GetValueOrThrow()).Should().Be(Cycle(evidence));
            Cycle(new EvidenceLoader().Parse(json, "out.json").GetValueOrThrow()).Should().Be(Cycle(evidence));
            EvidenceWriter.ToYaml(new EvidenceLoader().Parse(yaml, "again.yaml").GetValueOrThrow()).Should().Be(yaml, "writing settles");
        }
    }

    /// <summary>The certification cycle's fields (issue 17) as text: audit stage and scope, previous, nc records, decision, certificate.</summary>
    private static string Cycle(AuditEvidence e)
    {
        static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var a = e.Audit;
        return string.Join("\n", new[]
        {
            $"stage={a.Stage} objectives={a.Objectives} criteria=[{string.Join(" | ", a.Criteria)}] person_days={a.PersonDays?.ToString(System.Globalization.CultureInfo.InvariantCulture)} not_covered=[{string.Join(" | ", a.NotCovered)}] previous={a.Previous}",
            $"decision={e.Decision?.Tier}/{e.Decision?.By}/{D(e.Decision?.On)}",
            $"certificate={e.Certificate?.Number}/{D(e.Certificate?.Issued)}/{D(e.Certificate?.Expires)}",
        }.Concat(e.Findings.Where(f => f.Nc is not null).Select(f =>
            $"{f.Item ?? f.Indicator} nc={f.Nc!.Id}/{f.Nc.ConfirmedBy}/{f.Nc.RootCause}/{f.Nc.Action}/{D(f.Nc.Due)}/{f.Nc.Status}/{f.Nc.VerifiedBy}/{D(f.Nc.VerifiedOn)}")));
    }

    /// <summary>
    /// Every field of the evidence as text. Findings are compared in rubric order unless <paramref name="keepOrder"/>:
    /// a workbook lists them by row (the order carries no meaning: each finding names its item).
    /// </summary>
    internal static string Canonical(AuditEvidence e, bool keepOrder = false)
    {
        static string L<TItem>(IEnumerable<TItem> items) => "[" + string.Join(" | ", items) + "]";
        static string N(decimal? value) => value?.ToString("G29", System.Globalization.CultureInfo.InvariantCulture) ?? "";
        var findings = e.Findings.Select(f =>
            $"item={f.Item} indicator={f.Indicator} result={f.Result} points={N(f.Points)} sample={f.Sample} grade={f.Grade} methods={L(f.Methods)} evidence={L(f.Evidence)} note={f.Note} reason={f.Reason} by={f.AssessedBy}");
        if (!keepOrder)
        {
            findings = findings.Order(StringComparer.Ordinal);
        }

        return string.Join("\n", new[]
        {
            $"rubric={e.RubricId}",
            $"company={e.Company.Name}|{e.Company.CreditCode}|{e.Company.Address}|{e.Company.Scope}|{e.Company.Contact}",
            $"audit={e.Audit.Kind}|{L(e.Audit.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}|{e.Audit.Body}|{e.Audit.Reference}|{L(e.Audit.Sites)}",
            "team=" + L(e.Audit.Team.Select(m => $"{m.Name}/{m.Role}/{m.Registration}")),
            "deductions=" + L(e.Deductions.Select(d => $"{N(d.Points)}/{d.Item}/{d.Reason}/{d.Basis}")),
            "bonuses=" + L(e.Bonuses.Select(b => $"{N(b.Points)}/{b.Reason}/{b.Basis}")),
            "conclusion=" + e.Conclusion,
        }.Concat(findings));
    }
}
