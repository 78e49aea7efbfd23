using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// samples/01-team: the three assessors' files of the bundled five-star audit. Merged (with pooled samples), the team's
/// file has two unresolved findings; once the lead writes the team's finding into each, it scores exactly as
/// samples/01-five-star-appliance-maker.yaml does.
/// </summary>
public sealed class TeamSampleTests
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "samples", "01-team");

    private static readonly string[] Files = ["1-wang-min-lead.yaml", "2-chen-siyuan.yaml", "3-zhou-lei-expert.yaml"];

    private static TeamMergeResult Merged(bool pool = true)
    {
        var loader = new EvidenceLoader();
        var inputs = Files.Select(f =>
        {
            var result = loader.LoadFile(Path.Combine(Folder, f));
            result.Diagnostics.Should().BeEmpty(f + " reads cleanly");
            return result.Value!;
        }).ToArray();
        var merged = TeamMerge.Merge(inputs, Rubric.Default, pool, "team.yaml");
        merged.Diagnostics.Should().BeEmpty();
        return merged.Value!;
    }

    /// <summary>What the lead writes into an unresolved finding: the team's result (here one assessor's), assessments kept.</summary>
    private static Finding Resolve(Finding unresolved, string assessor)
    {
        var chosen = unresolved.Assessments.Single(a => a.By.Single() == assessor);
        return unresolved with { Result = chosen.Result, Points = chosen.Points, Sample = chosen.Sample, Grade = chosen.Grade, Note = chosen.Note, Evidence = chosen.Evidence, Methods = chosen.Methods };
    }

    [Fact]
    public void Each_assessors_file_is_valid_evidence_of_part_of_the_audit()
    {
        foreach (var file in Files)
        {
            var result = AuditEngine.Default.ScoreFile(Path.Combine(Folder, file));
            // Each is one person's part of a formal audit: it lacks the others' items and nothing else.
            result.Errors.Select(e => e.Code).Should().Equal(["SR3015"], file);
        }
    }

    [Fact]
    public void Merging_finds_one_agreement_two_disagreements_and_one_pooled_sample_and_covers_every_item()
    {
        var merged = Merged();

        merged.Coverage.Agreed.Should().Equal("5.1.1.1");
        merged.Coverage.Unresolved.Should().Equal("5.1.2.2", "5.2.6.1");
        merged.Coverage.Pooled.Should().Equal("5.2.4.1");
        merged.Coverage.Unassessed.Should().BeEmpty();
        merged.Evidence.Findings.Single(f => f.Item == "5.2.4.1").Sample.Should().Be(new Sample(30, 27));
        merged.Evidence.Audit.Dates.Should().Equal(new DateOnly(2026, 9, 15), new DateOnly(2026, 9, 16), new DateOnly(2026, 9, 17));
        merged.Evidence.Bonuses.Should().ContainSingle("the lead's file holds the bonus");
    }

    [Fact]
    public void The_merged_file_is_refused_until_the_lead_resolves_it()
    {
        var result = AuditEngine.Default.Score(Merged().Evidence);

        result.Errors.Select(e => e.Code).Should().Equal("SR3152", "SR3152");
    }

    [Fact]
    public void Resolved_by_the_lead_it_scores_exactly_as_the_bundled_sample()
    {
        var merged = Merged().Evidence;
        var resolved = merged with
        {
            Findings = merged.Findings.Select(f => f.Item switch
            {
                // The lead keeps his own reading of the training gap (1 of 1.5 points) ...
                "5.1.2.2" => Resolve(f, "王敏"),
                // ... and the expert's of the take-back notice (the shops do inform; e-commerce does not: 1.5 of 2).
                "5.2.6.1" => Resolve(f, "周蕾"),
                _ => f,
            }).ToArray(),
        };

        var team = AuditEngine.Default.Score(resolved).GetValueOrThrow();
        var bundled = AuditEngine.Default.ScoreFile(Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml")).GetValueOrThrow();

        team.Score.Should().Be(bundled.Score);
        team.UnroundedScore.Should().Be(bundled.UnroundedScore);
        team.EarnedPoints.Should().Be(bundled.EarnedPoints);
        team.ApplicablePoints.Should().Be(bundled.ApplicablePoints);
        team.BonusPoints.Should().Be(bundled.BonusPoints);
        team.Tier.Id.Should().Be(bundled.Tier.Id);
        team.Items.Select(i => (i.Item.Id, i.Status, i.Earned, i.Grade)).Should().Equal(bundled.Items.Select(i => (i.Item.Id, i.Status, i.Earned, i.Grade)));
        team.Nonconformities.Select(n => n.Id).Should().Equal(bundled.Nonconformities.Select(n => n.Id));
    }

    [Fact]
    public void The_resolved_team_file_keeps_every_assessors_record_and_scores_as_the_bundled_sample()
    {
        // tests/StarRating.Reports.Tests/Golden/reports/team-resolved.yaml: this merge written out, the lead's two
        // resolutions typed in (the report goldens of the agreement section are rendered from it).
        var path = Path.Combine(RepoPaths.Root, "tests", "StarRating.Reports.Tests", "Golden", "reports", "team-resolved.yaml");
        var file = new EvidenceLoader().LoadFile(path).GetValueOrThrow();
        var merged = Merged().Evidence;

        file.Findings.Select(f => (f.Item, string.Join(",", f.By), f.Assessments.Count, f.IsUnresolved))
            .Should().Equal(merged.Findings.Select(f => (f.Item, string.Join(",", f.By), f.Assessments.Count, false)), "resolving writes the team's result and keeps by and assessments");
        file.Findings.SelectMany(f => f.Assessments).Select(a => (a.By.Single(), a.Result, a.Points, a.Sample, a.Note))
            .Should().Equal(merged.Findings.SelectMany(f => f.Assessments).Select(a => (a.By.Single(), a.Result, a.Points, a.Sample, a.Note)));
        var agreement = TeamAgreement.OfTeamAudit(file, Rubric.Default)!;
        agreement.Overall.KappaFraction.Should().Be("5/11", "the same statistics as before the lead resolved it");
        agreement.Disagreements.Select(d => (d.Target, d.Resolved, d.Finding.Points)).Should().Equal(("5.1.2.2", true, 1m), ("5.2.6.1", true, 1.5m));
        agreement.Pooled.Select(p => p.Target).Should().Equal("5.2.4.1");

        var team = AuditEngine.Default.Score(file).GetValueOrThrow();
        var bundled = AuditEngine.Default.ScoreFile(Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml")).GetValueOrThrow();
        (team.Score, team.UnroundedScore, team.Tier.Id).Should().Be((bundled.Score, bundled.UnroundedScore, bundled.Tier.Id));
        team.Items.Select(i => (i.Item.Id, i.Status, i.Earned)).Should().Equal(bundled.Items.Select(i => (i.Item.Id, i.Status, i.Earned)));
    }

    [Theory]
    [InlineData("team.yaml")]
    [InlineData("team.json")]
    public void A_resolved_finding_written_and_read_back_keeps_its_assessments(string name)
    {
        var merged = Merged().Evidence;
        var resolved = merged with { Findings = merged.Findings.Select(f => f.IsUnresolved ? Resolve(f, f.Assessments[0].By[0]) : f).ToArray() };
        var text = name.EndsWith(".json", StringComparison.Ordinal) ? EvidenceWriter.ToJson(resolved) : EvidenceWriter.ToYaml(resolved);

        var back = new EvidenceLoader().Parse(text, name).GetValueOrThrow();

        back.Findings.Where(f => f.Item is "5.1.2.2" or "5.2.6.1").Select(f => (f.Result is not null, f.By.Count, f.Assessments.Count)).Should().Equal((true, 2, 2), (true, 2, 2));
        TeamAgreement.Of([back], Rubric.Default).Overall.KappaFraction.Should().Be("5/11");
    }

    [Fact]
    public void Without_pooling_the_two_halves_of_the_sample_are_a_disagreement()
    {
        Merged(pool: false).Coverage.Unresolved.Should().Equal("5.1.2.2", "5.2.4.1", "5.2.6.1");
    }

    [Fact]
    public void Agreement_of_the_sample_team()
    {
        // Rated by two: 5.1.1.1 (C C), 5.1.2.2 (P P, 1 and 0.5 points), 5.2.6.1 (N P); the pooled 5.2.4.1 is no rating.
        // P_i: 1, 1, 0 → P̄ = 2/3. C 2, P 3, N 1 of 6: P̄e = (4 + 9 + 1)/36 = 7/18. κ = (2/3 − 7/18)/(11/18) = (5/18)/(11/18) = 5/11.
        var agreement = TeamAgreement.Of([Merged().Evidence], Rubric.Default);

        agreement.Overall.ExactKappa.Should().Be(Scoring.Rational.Ratio(5, 11));
        agreement.Overall.Kappa.Should().Be(0.455m);
        agreement.Overall.AlikePercent.Should().Be(33.3m, "only 5.1.1.1 of the three was rated alike");
        agreement.Spreads.Select(s => (s.Target, s.Spread, s.Flagged)).Should().Equal(("5.2.6.1", 1.5m, true), ("5.1.2.2", 0.5m, false));
    }

    [Theory]
    [InlineData("team.yaml")]
    [InlineData("team.json")]
    public void The_team_file_written_and_read_back_holds_every_assessment(string name)
    {
        var merged = Merged().Evidence;
        var text = name.EndsWith(".json", StringComparison.Ordinal) ? EvidenceWriter.ToJson(merged) : EvidenceWriter.ToYaml(merged);

        var back = new EvidenceLoader().Parse(text, name).GetValueOrThrow();

        back.Findings.Select(f => (f.Item, f.Result, f.Points, f.Sample, string.Join(",", f.By), f.Assessments.Count, f.IsUnresolved))
            .Should().Equal(merged.Findings.Select(f => (f.Item, f.Result, f.Points, f.Sample, string.Join(",", f.By), f.Assessments.Count, f.IsUnresolved)));
        back.Findings.SelectMany(f => f.Assessments).Select(a => (a.By.Single(), a.Result, a.Points, a.Sample, a.Note))
            .Should().Equal(merged.Findings.SelectMany(f => f.Assessments).Select(a => (a.By.Single(), a.Result, a.Points, a.Sample, a.Note)));
        AuditEngine.Default.Score(back).Errors.Select(e => e.Code).Should().Equal("SR3152", "SR3152");
        TeamAgreement.Of([back], Rubric.Default).Overall.ExactKappa.Should().Be(Scoring.Rational.Ratio(5, 11), "the statistics read the written file as the merged evidence");
    }
}
