using StarRating.Engine.Scoring;
using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>
/// Merges the evidence files of an audit team — one per assessor, each naming its <c>assessor:</c> — into the team's
/// evidence. Findings one assessor recorded are taken as they are; findings several recorded alike (same result, points
/// and sample) become one finding listing every assessor in <see cref="Finding.By"/>, each one's record kept in
/// <see cref="Finding.Assessments"/>; findings they disagree on become unresolved (assessments and no result) for the
/// lead to resolve. Pure and thread-safe: it reads nothing and writes nothing.
/// </summary>
public static class TeamMerge
{
    /// <summary>Merges the assessors' evidence.</summary>
    /// <param name="inputs">One evidence per assessor, in the order given (the first is the reference for company, kind and rubric).</param>
    /// <param name="rubric">The rubric the files are recorded against.</param>
    /// <param name="poolSamples">
    /// Add up the samples several assessors recorded for one item (sizes and conforming counts), because they checked
    /// different records; without it, differing samples are a disagreement.
    /// </param>
    /// <param name="sourceName">The name of the team's evidence (the output file), for its diagnostics and reports.</param>
    /// <returns>The team's evidence and coverage, or every problem of the inputs (each located in the input that differs).</returns>
    public static LoadResult<TeamMergeResult> Merge(IReadOnlyList<AuditEvidence> inputs, Rubric rubric, bool poolSamples = false, string sourceName = "team")
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(rubric);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        if (inputs.Count < 2)
        {
            bag.Add(EngineDiagnostics.MergeTooFewInputs, SourceLocation.WholeFile(inputs.Count == 1 ? inputs[0].SourceName : sourceName), ("count", inputs.Count));
            return LoadResult.From<TeamMergeResult>(null, bag);
        }

        foreach (var input in inputs)
        {
            EvidenceValidator.Validate(input, rubric, bag, partial: true);
        }

        CheckInputs(inputs, rubric, bag);
        var team = UniteTeams(inputs, bag);
        if (bag.HasErrors)
        {
            return LoadResult.From<TeamMergeResult>(null, bag);
        }

        var leads = team.Where(m => m.IsLead).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var leadFile = inputs.FirstOrDefault(i => leads.Contains(i.Assessor!));
        var merged = new List<Finding>();
        var agreed = new List<string>();
        var unresolved = new List<string>();
        var pooled = new List<string>();
        foreach (var group in Groups(inputs, rubric))
        {
            var id = group[0].Finding.Item ?? group[0].Finding.Indicator ?? "";
            if (group.Count == 1)
            {
                var (assessor, finding) = group[0];
                merged.Add(finding.By.Count > 0 ? finding : finding with { By = [assessor] });
                continue;
            }

            var records = group.Select(g => AsAssessment(g.Assessor, g.Finding)).ToArray();
            var spokesman = group.FirstOrDefault(g => leads.Contains(g.Assessor)).Finding ?? group[0].Finding;
            var names = group.Select(g => g.Assessor).ToArray();
            if (poolSamples && group.All(g => g.Finding.Sample is not null && g.Finding.Result is null))
            {
                var sample = new Sample(group.Sum(g => g.Finding.Sample!.Size), group.Sum(g => g.Finding.Sample!.Conforming));
                merged.Add(Agreed(spokesman, group, names, records) with { Sample = sample, Grade = CombinedGrade(group, sample.Conforming == sample.Size) });
                pooled.Add(id);
            }
            else if (group.All(g => Alike(g.Finding, group[0].Finding)))
            {
                var full = group[0].Finding.Result == FindingResult.Conforming || group[0].Finding.Sample is { } s && s.Conforming == s.Size;
                merged.Add(Agreed(spokesman, group, names, records) with { Grade = group[0].Finding.Result == FindingResult.NotApplicable ? null : CombinedGrade(group, full) });
                agreed.Add(id);
            }
            else
            {
                merged.Add(new Finding { Item = group[0].Finding.Item, Indicator = group[0].Finding.Indicator, By = names, Assessments = records });
                unresolved.Add(id);
            }
        }

        var first = inputs[0];
        var evidence = new AuditEvidence
        {
            RubricId = first.RubricId,
            RubricVersion = first.RubricVersion,
            Company = first.Company with { Location = null, CreditCodeLocation = null },
            Audit = new AuditInfo
            {
                Kind = first.Audit.Kind,
                Dates = inputs.SelectMany(i => i.Audit.Dates).Distinct().Order().ToArray(),
                Team = team,
                Body = inputs.Select(i => i.Audit.Body).FirstOrDefault(b => b is not null),
                Reference = inputs.Select(i => i.Audit.Reference).FirstOrDefault(r => r is not null),
                Sites = inputs.SelectMany(i => i.Audit.Sites).Distinct(StringComparer.Ordinal).ToArray(),
            },
            Findings = merged,
            Deductions = UniteDeductions(inputs, bag),
            Bonuses = TakeBonuses(inputs, leadFile, bag),
            Conclusion = leadFile?.Conclusion,
            SourceName = sourceName,
        };
        var coverage = Coverage(inputs, rubric, merged, agreed, unresolved, pooled, team);
        return LoadResult.From(new TeamMergeResult(evidence, coverage), bag);
    }

    /// <summary>Two records agree when they give the same result, points and sample; notes, methods and evidence may differ.</summary>
    internal static bool Alike(Finding a, Finding b) => a.Result == b.Result && a.Points == b.Points && a.Sample == b.Sample;

    private static Finding AsAssessment(string assessor, Finding finding) =>
        finding with { Item = null, Indicator = null, By = [assessor], Assessments = [] };

    /// <summary>One finding for several assessors: the lead's note (or the first one's), every method and piece of evidence once.</summary>
    private static Finding Agreed(Finding spokesman, IReadOnlyList<(string Assessor, Finding Finding)> group, string[] names, Finding[] records) => spokesman with
    {
        By = names,
        Assessments = records,
        Methods = group.SelectMany(g => g.Finding.Methods).Distinct().ToArray(),
        Evidence = group.SelectMany(g => g.Finding.Evidence).Distinct(StringComparer.Ordinal).ToArray(),
        Reason = group.Select(g => g.Finding.Reason).FirstOrDefault(r => r is not null),
    };

    /// <summary>The most serious grade given; on a fully conforming finding only an observation may stay.</summary>
    private static NonconformityGrade? CombinedGrade(IReadOnlyList<(string Assessor, Finding Finding)> group, bool fullyConforming)
    {
        var grades = group.Select(g => g.Finding.Grade).OfType<NonconformityGrade>().ToArray();
        if (fullyConforming)
        {
            return grades.Contains(NonconformityGrade.Observation) ? NonconformityGrade.Observation : null;
        }

        return grades.Length == 0 ? null : grades.Min();
    }

    /// <summary>The findings of every input by item or indicator, in rubric order (an indicator's own finding before its items').</summary>
    private static List<List<(string Assessor, Finding Finding)>> Groups(IReadOnlyList<AuditEvidence> inputs, Rubric rubric)
    {
        // One pass over the findings, then one lookup per rubric entry: linear in the inputs' size.
        var byTarget = new Dictionary<(string? Item, string? Indicator), List<(string, Finding)>>();
        foreach (var input in inputs)
        {
            foreach (var finding in input.Findings)
            {
                var key = finding.Item is not null ? (finding.Item, (string?)null) : ((string?)null, finding.Indicator);
                if (!byTarget.TryGetValue(key, out var list))
                {
                    byTarget[key] = list = [];
                }

                list.Add((input.Assessor!, finding));
            }
        }

        var groups = new List<List<(string, Finding)>>();
        foreach (var indicator in rubric.Indicators)
        {
            foreach (var key in indicator.Items.Select(i => ((string?)i.Id, (string?)null)).Prepend((null, indicator.Id)))
            {
                if (byTarget.TryGetValue(key, out var group))
                {
                    groups.Add(group);
                }
            }
        }

        return groups;
    }

    private static void CheckInputs(IReadOnlyList<AuditEvidence> inputs, Rubric rubric, DiagnosticBag bag)
    {
        var first = inputs[0];
        var owners = new Dictionary<string, AuditEvidence>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var file = SourceLocation.WholeFile(input.SourceName);
            if (string.IsNullOrWhiteSpace(input.Assessor))
            {
                bag.Add(EngineDiagnostics.MergeNoAssessor, file);
            }
            else if (!owners.TryAdd(input.Assessor, input))
            {
                bag.Add(EngineDiagnostics.MergeSameAssessor, input.AssessorLocation ?? file, ("name", input.Assessor), ("other", owners[input.Assessor].SourceName));
            }

            if (ReferenceEquals(input, first))
            {
                continue;
            }

            var companyAt = input.Company.Location ?? file;
            if (!string.Equals(input.Company.Name, first.Company.Name, StringComparison.Ordinal))
            {
                bag.Add(EngineDiagnostics.MergeCompanyDiffers, companyAt, ("key", "name"), ("value", input.Company.Name), ("expected", first.Company.Name), ("first", first.SourceName));
            }
            else if (input.Company.CreditCode is { } code && first.Company.CreditCode is { } expected && !string.Equals(code, expected, StringComparison.Ordinal))
            {
                bag.Add(EngineDiagnostics.MergeCompanyDiffers, input.Company.CreditCodeLocation ?? companyAt, ("key", "credit_code"), ("value", code), ("expected", expected), ("first", first.SourceName));
            }

            if (input.Audit.Kind != first.Audit.Kind && input.Audit.KindRead && first.Audit.KindRead)
            {
                bag.Add(EngineDiagnostics.MergeAuditKindDiffers, input.Audit.Location ?? file, ("kind", EvidenceWords.Of(input.Audit.Kind)), ("expected", EvidenceWords.Of(first.Audit.Kind)), ("first", first.SourceName));
            }

            // No rubric written means the rubric merging them; a version pin only differs from another pin.
            var (id, firstId) = (input.RubricId ?? rubric.Id, first.RubricId ?? rubric.Id);
            var versionsDiffer = input.RubricVersion is not null && first.RubricVersion is not null && input.RubricVersion != first.RubricVersion;
            if (id != firstId || versionsDiffer)
            {
                bag.Add(EngineDiagnostics.MergeRubricDiffers, input.RubricLocation ?? file, ("rubric", Reference(id, input.RubricVersion)), ("expected", Reference(firstId, first.RubricVersion)), ("first", first.SourceName));
            }
        }
    }

    private static string Reference(string id, string? version) => version is null ? id : id + "@" + version;

    /// <summary>Every member of every file's team, once, in the order first met; one member with two roles is an error.</summary>
    private static List<TeamMember> UniteTeams(IReadOnlyList<AuditEvidence> inputs, DiagnosticBag bag)
    {
        var team = new List<TeamMember>();
        var from = new Dictionary<string, (TeamMember Member, AuditEvidence File)>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            foreach (var member in input.Audit.Team)
            {
                if (!from.TryGetValue(member.Name, out var first))
                {
                    team.Add(member);
                    from[member.Name] = (member, input);
                }
                else if (first.Member.Role != member.Role)
                {
                    bag.Add(EngineDiagnostics.MergeRoleDiffers, input.Audit.Location ?? SourceLocation.WholeFile(input.SourceName), ("name", member.Name), ("role", member.Role), ("expected", first.Member.Role), ("first", first.File.SourceName));
                }
            }
        }

        return team;
    }

    /// <summary>Every special deduction once: the same reason (trimmed) written twice is one deduction, with a warning.</summary>
    private static List<Deduction> UniteDeductions(IReadOnlyList<AuditEvidence> inputs, DiagnosticBag bag)
    {
        var deductions = new List<Deduction>();
        var from = new Dictionary<string, AuditEvidence>(StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            foreach (var deduction in input.Deductions)
            {
                var reason = deduction.Reason.Trim();
                if (from.TryGetValue(reason, out var first))
                {
                    bag.Add(EngineDiagnostics.MergeDuplicateDeduction, deduction.Location ?? SourceLocation.WholeFile(input.SourceName), ("reason", Rules.Documents.Values.Shorten(reason)), ("first", first.SourceName));
                    continue;
                }

                from[reason] = input;
                deductions.Add(deduction);
            }
        }

        return deductions;
    }

    /// <summary>The lead's bonus; without a lead's file, a bonus every assessor wrote alike; any other bonus is left out with a warning.</summary>
    private static IReadOnlyList<Bonus> TakeBonuses(IReadOnlyList<AuditEvidence> inputs, AuditEvidence? leadFile, DiagnosticBag bag)
    {
        static bool Same(Bonus a, Bonus b) => a.Reason.Trim() == b.Reason.Trim() && a.Points == b.Points;
        var taken = leadFile?.Bonuses
            ?? inputs[0].Bonuses.Where(b => inputs.All(i => i.Bonuses.Any(o => Same(o, b)))).ToArray();
        foreach (var input in inputs.Where(i => !ReferenceEquals(i, leadFile)))
        {
            foreach (var bonus in input.Bonuses.Where(b => !taken.Any(t => Same(t, b))))
            {
                bag.Add(EngineDiagnostics.MergeBonusDropped, bonus.Location ?? SourceLocation.WholeFile(input.SourceName), ("reason", Rules.Documents.Values.Shorten(bonus.Reason.Trim())));
            }
        }

        return taken;
    }

    private static TeamCoverage Coverage(IReadOnlyList<AuditEvidence> inputs, Rubric rubric, List<Finding> merged, List<string> agreed, List<string> unresolved, List<string> pooled, List<TeamMember> team)
    {
        var assessors = inputs.Select(input =>
        {
            var covered = input.Findings
                .Select(f => f.Item is not null ? rubric.FindItem(f.Item)?.Indicator.Id : f.Indicator)
                .OfType<string>()
                .ToHashSet(StringComparer.Ordinal);
            var indicators = rubric.Indicators.Where(ind => covered.Contains(ind.Id)).Select(ind => ind.Id).ToArray();
            var role = team.First(m => m.Name == input.Assessor).Role;
            return new AssessorCoverage(input.Assessor!, role, input.SourceName, indicators, input.Findings.Count);
        }).ToArray();
        var recorded = merged.Select(f => f.Item ?? f.Indicator).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unassessed = rubric.Items
            .Where(item => !recorded.Contains(item.Id) && !recorded.Contains(item.Indicator.Id))
            .Select(item => item.Id)
            .ToArray();
        return new TeamCoverage(assessors, unassessed, agreed, unresolved, pooled);
    }
}
