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

    public static TheoryData<string> Loadable() => Audits.Loadable();

    [Theory]
    [MemberData(nameof(All))]
    public void Workbook_scores_like_the_yaml(string file)
    {
        var evidence = Audits.Evidence(file);
        var rubric = Audits.RubricOf(evidence);
        var yamlScore = new AuditEngine(rubric).Score(evidence).GetValueOrThrow();
        // Named beside the YAML file, so that 'previous:' finds the same previous audit.
        var name = Path.ChangeExtension(Audits.Full(file), ".xlsx");
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var workbook = AuditWorkbook.FromEvidence(evidence, rubric, language);
            // The workbook holds the certification cycle's and the team's records too: nothing bundled is lossy.
            workbook.Warnings.Select(w => w.ToString()).Should().BeEmpty();

            var outcome = Audits.ScoreWorkbook(workbook.Content, name, rubric);

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
    [MemberData(nameof(Loadable))]
    public void Workbook_reads_back_the_same_evidence(string file)
    {
        var evidence = Audits.Evidence(file);
        foreach (var language in new[] { Language.Chinese, Language.English })
        {
            var rubric = Audits.RubricOf(evidence);
            var workbook = AuditWorkbook.FromEvidence(evidence, rubric, language);
            var back = Audits.ReadWorkbook(workbook.Content, rubric: rubric).GetValueOrThrow();
            if (workbook.Warnings.Count > 0)
            {
                // A test audit written to break a rule the workbook cannot express (a finding naming an item and an
                // indicator, an indicator the rubric lacks) is said to be lossy, and only such a one.
                workbook.Warnings.Select(w => w.Code).Should().OnlyContain(code => code == "SR5302");
                Canonical(back).Should().NotBe(Canonical(evidence));
                continue;
            }

            Canonical(back).Should().Be(Canonical(evidence), $"the {language} workbook should carry every field");
            Cycle(back).Should().Be(Cycle(evidence), $"the {language} workbook should carry the certification cycle's records");
        }
    }

    [Theory]
    [MemberData(nameof(Loadable))]
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
    public void The_bundled_audits_exercise_every_record_the_workbook_gained()
    {
        // Otherwise the round trips above would pass without ever writing a cycle or team cell.
        var all = Audits.LoadableFiles().Select(Audits.Evidence).ToArray();

        all.Should().Contain(e => e.Decision != null && e.Certificate != null && e.Findings.Any(f => f.Nc != null && f.Nc.VerifiedOn != null));
        all.Should().Contain(e => e.Audit.Previous != null && e.Audit.Criteria.Count > 0 && e.Audit.PersonDays != null && e.Audit.Objectives != null);
        all.Should().Contain(e => e.Audit.Stage == 1);
        all.Should().Contain(e => e.Audit.NotCovered.Count > 0);
        all.Should().Contain(e => e.Assessor != null);
        all.Should().Contain(e => e.Findings.Any(f => f.By.Count > 1));
        all.Should().Contain(e => e.Findings.Any(f => f.IsUnresolved), "an unresolved finding has only its assessments");
        all.Should().Contain(e => e.Findings.Any(f => !f.IsUnresolved && f.Assessments.Count > 0), "a resolved finding keeps its assessments as the record");
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
    internal static string Cycle(AuditEvidence e)
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
        static string Record(Finding f) =>
            $"by={L(f.By)} result={f.Result} points={N(f.Points)} sample={f.Sample} grade={f.Grade} methods={L(f.Methods)} evidence={L(f.Evidence)} note={f.Note} reason={f.Reason}";
        var findings = e.Findings.Select(f =>
            $"item={f.Item} indicator={f.Indicator} {Record(f)} assessments={L(f.Assessments.Select(Record))}");
        if (!keepOrder)
        {
            findings = findings.Order(StringComparer.Ordinal);
        }

        return string.Join("\n", new[]
        {
            $"rubric={e.RubricId} assessor={e.Assessor}",
            $"company={e.Company.Name}|{e.Company.CreditCode}|{e.Company.Address}|{e.Company.Scope}|{e.Company.Contact}",
            $"audit={e.Audit.Kind}|{L(e.Audit.Dates.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)))}|{e.Audit.Body}|{e.Audit.Reference}|{L(e.Audit.Sites)}",
            "team=" + L(e.Audit.Team.Select(m => $"{m.Name}/{m.Role}/{m.Registration}")),
            "deductions=" + L(e.Deductions.Select(d => $"{N(d.Points)}/{d.Item}/{d.Reason}/{d.Basis}")),
            "bonuses=" + L(e.Bonuses.Select(b => $"{N(b.Points)}/{b.Reason}/{b.Basis}")),
            "conclusion=" + e.Conclusion,
        }.Concat(findings));
    }
}
