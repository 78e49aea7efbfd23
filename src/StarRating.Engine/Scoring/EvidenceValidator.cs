using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine.Scoring;

/// <summary>
/// The semantic checks of evidence against a rubric: what a finding names, whether its result, points, sample,
/// grade and reason fit together, duplicates, completeness for formal audits, and the adjustment caps. Works
/// the same on evidence read from a file and on evidence built in code.
/// </summary>
internal static class EvidenceValidator
{
    /// <summary>Checks the evidence, reporting into <paramref name="bag"/>; returns the finding of each item and indicator.</summary>
    /// <param name="evidence">The evidence.</param>
    /// <param name="rubric">The rubric.</param>
    /// <param name="bag">Where problems go.</param>
    /// <param name="strictVersion">Refuse another version of the rubric.</param>
    /// <param name="consensus">How a mock or self assessment scores an unresolved finding.</param>
    /// <param name="partial">
    /// One assessor's part of a team's audit (<see cref="TeamMerge"/>): no completeness, team-lead or
    /// adjustment-cap checks, which only the team's file can pass.
    /// </param>
    public static FindingIndex Validate(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag, bool strictVersion = false, ConsensusRule consensus = ConsensusRule.Lowest, bool partial = false)
        => Validate(evidence, rubric, bag, strictVersion, consensus, partial, preview: false, out _);

    /// <summary>
    /// Checks the evidence as <see cref="Validate(AuditEvidence, Rubric, DiagnosticBag, bool, ConsensusRule, bool)"/> does;
    /// with <paramref name="preview"/>, a formal audit still missing findings is let through (<paramref name="incomplete"/> true).
    /// </summary>
    public static FindingIndex Validate(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag, bool strictVersion, ConsensusRule consensus, bool partial, bool preview, out bool incomplete)
    {
        var findings = new FindingIndex();
        var file = SourceLocation.WholeFile(evidence.SourceName);
        if (evidence.RubricId is not null && !string.Equals(evidence.RubricId, rubric.Id, StringComparison.Ordinal))
        {
            bag.Add(EngineDiagnostics.RubricMismatch, evidence.RubricLocation ?? file, ("id", evidence.RubricId), ("loaded", rubric.Id));
            incomplete = false;
            return findings; // Every item check would be against the wrong rubric.
        }

        if (evidence.RubricVersion is { } pinned && !string.Equals(pinned, rubric.Version, StringComparison.Ordinal))
        {
            bag.Add(strictVersion ? EngineDiagnostics.RubricVersionRefused : EngineDiagnostics.RubricVersionMismatch, evidence.RubricLocation ?? file, ("pinned", pinned), ("id", rubric.Id), ("loaded", rubric.Version));
        }

        foreach (var finding in evidence.Findings)
        {
            CheckFinding(finding, rubric, evidence, bag, findings, consensus);
        }

        CheckOverridden(rubric, evidence, bag, findings);
        CheckAssessors(evidence, bag);
        incomplete = false;
        if (!partial)
        {
            incomplete = CheckCompleteness(evidence, rubric, bag, findings, preview);
            CheckAdjustments(evidence, rubric, bag);
            CheckAudit(evidence, bag);
        }

        CycleChecks.Check(evidence, rubric, bag);
        StageOne.Check(evidence, bag);

        CheckTexts(evidence, bag);
        return findings;
    }

    /// <summary>Every name in <c>assessor:</c> and <c>by:</c> must be a member of <c>audit.team</c>; an assessment is one assessor's.</summary>
    private static void CheckAssessors(AuditEvidence evidence, DiagnosticBag bag)
    {
        var file = SourceLocation.WholeFile(evidence.SourceName);
        var team = evidence.Audit.Team.Select(m => m.Name).ToArray();
        var known = team.ToHashSet(StringComparer.Ordinal);
        var members = team.Length == 0 ? (object)new Message("diagnostic.value.no_team") : team;
        if (evidence.Assessor is { } assessor && !known.Contains(assessor))
        {
            bag.Add(EngineDiagnostics.AssessorNotInTeam, evidence.AssessorLocation ?? file, ("name", Values.Shorten(assessor)), ("team", members), ("suggestion", Suggest.DidYouMean(assessor, team)));
        }

        foreach (var finding in evidence.Findings)
        {
            foreach (var record in finding.Assessments.Prepend(finding))
            {
                var at = record.KeyLocations.GetValueOrDefault("by", record.Location ?? finding.Location ?? file);
                foreach (var name in record.By.Where(n => !known.Contains(n)))
                {
                    bag.Add(EngineDiagnostics.AssessorNotInTeam, at, ("name", Values.Shorten(name)), ("team", members), ("suggestion", Suggest.DidYouMean(name, team)));
                }
            }

            // A missing 'by' is already reported by the reader (missing key); built in code it has no location to skip on.
            foreach (var record in finding.Assessments.Where(a => a.By.Count > 1 || (a.By.Count == 0 && (a.Location is null || Written(a, "by")))))
            {
                bag.Add(EngineDiagnostics.AssessmentNotOneAssessor, record.KeyLocations.GetValueOrDefault("by", record.Location ?? file), ("target", finding.Target), ("count", record.By.Count));
            }

            var twice = finding.Assessments.Where(a => a.By.Count == 1).GroupBy(a => a.By[0], StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                var second = twice.ElementAt(1);
                bag.Add(EngineDiagnostics.AssessorTwice, second.KeyLocations.GetValueOrDefault("by", second.Location ?? file), ("name", Values.Shorten(twice.Key)), ("target", finding.Target));
            }
        }
    }

    /// <summary>
    /// Evidence built in code never went through the reader's character checks: refuse control and bidi characters in
    /// its texts here too, so none reaches a report or a terminal whichever way the evidence came in.
    /// </summary>
    private static void CheckTexts(AuditEvidence evidence, DiagnosticBag bag)
    {
        var file = SourceLocation.WholeFile(evidence.SourceName);
        void Check(string? text, SourceLocation? at)
        {
            if (text is not null && Rules.Text.DisplayText.FirstUnsafe(text, allowLineBreaks: true) is { } c)
            {
                if (Rules.Text.DisplayText.IsBidiControl(c))
                {
                    bag.Add(DiagnosticCatalog.BidiCharacter, at ?? file, ("codePoint", Rules.Text.DisplayText.CodePoint(c)));
                }
                else
                {
                    bag.Add(DiagnosticCatalog.EscapedControlCharacter, at ?? file, ("place", "value"), ("codePoint", Rules.Text.DisplayText.CodePoint(c)));
                }
            }
        }

        var company = evidence.Company;
        foreach (var text in new[] { company.Name, company.CreditCode, company.Address, company.Scope, company.Contact, evidence.Conclusion, evidence.Audit.Body, evidence.Audit.Reference })
        {
            Check(text, null);
        }

        foreach (var text in evidence.Audit.Sites.Concat(evidence.Audit.Team.SelectMany(m => new[] { m.Name, m.Role, m.Registration })))
        {
            Check(text, evidence.Audit.Location);
        }

        var audit = evidence.Audit;
        foreach (var text in audit.Criteria.Concat(audit.NotCovered).Append(audit.Objectives).Append(audit.Previous)
            .Append(evidence.Decision?.Tier).Append(evidence.Decision?.By).Append(evidence.Certificate?.Number))
        {
            Check(text, audit.Location);
        }

        foreach (var nc in evidence.Findings.Select(f => f.Nc).OfType<NonconformityRecord>())
        {
            foreach (var text in new[] { nc.Id, nc.ConfirmedBy, nc.RootCause, nc.Action, nc.VerifiedBy })
            {
                Check(text, nc.Location);
            }
        }

        foreach (var finding in evidence.Findings)
        {
            foreach (var text in finding.Evidence.Append(finding.Note).Append(finding.Reason).Append(finding.Item).Append(finding.Indicator))
            {
                Check(text, finding.Location);
            }
        }

        foreach (var (reason, basis, location) in evidence.Deductions.Select(d => (d.Reason, d.Basis, d.Location)).Concat(evidence.Bonuses.Select(b => (b.Reason, b.Basis, b.Location))))
        {
            Check(reason, location);
            Check(basis, location);
        }
    }

    /// <summary>True when the file wrote the key, even if its value could not be read (already reported then).</summary>
    private static bool Written(Finding finding, string key) => finding.KeyLocations.ContainsKey(key);

    private static SourceLocation At(Finding finding, string key, AuditEvidence evidence) =>
        finding.KeyLocations.TryGetValue(key, out var location) ? location : finding.Location ?? SourceLocation.WholeFile(evidence.SourceName);

    private static void CheckFinding(
        Finding finding,
        Rubric rubric,
        AuditEvidence evidence,
        DiagnosticBag bag,
        FindingIndex findings,
        ConsensusRule consensus)
    {
        var whole = finding.Location ?? SourceLocation.WholeFile(evidence.SourceName);
        CheckItem? item = null;
        var indexed = finding;
        if (finding.IsUnresolved && !(evidence.Audit.IsFormal && evidence.Audit.KindRead))
        {
            // A mock or self assessment scores what its assessors disagree on by a consensus rule, and says so (notice.consensus).
            var points = finding.Item is null ? null : rubric.FindItem(finding.Item)?.Points;
            indexed = Consensus.Resolve(finding, consensus, points, evidence.Audit.Team.Where(m => m.IsLead).Select(m => m.Name).ToArray());
        }

        if (finding.Item is not null && finding.Indicator is not null)
        {
            bag.Add(EngineDiagnostics.ItemAndIndicator, At(finding, "indicator", evidence), ("item", finding.Item), ("indicator", finding.Indicator));
        }
        else if (finding.Item is not null)
        {
            item = rubric.FindItem(finding.Item);
            if (item is null)
            {
                bag.Add(EngineDiagnostics.UnknownItem, At(finding, "item", evidence), ("id", finding.Item), ("suggestion", Suggest.DidYouMean(finding.Item, rubric.Items.Select(i => i.Id))));
            }
            else if (!findings.TryAddItem(item.Id, indexed))
            {
                bag.Add(EngineDiagnostics.DuplicateFinding, At(finding, "item", evidence), ("target", finding.Target), ("line", findings.OfItem(item.Id)!.Location?.Line ?? 0));
            }
        }
        else if (finding.Indicator is not null)
        {
            var indicator = rubric.FindIndicator(finding.Indicator);
            if (indicator is null)
            {
                bag.Add(EngineDiagnostics.UnknownIndicator, At(finding, "indicator", evidence), ("id", finding.Indicator), ("suggestion", Suggest.DidYouMean(finding.Indicator, rubric.Indicators.Select(i => i.Id))));
            }
            else if (!findings.TryAddIndicator(indicator.Id, indexed))
            {
                bag.Add(EngineDiagnostics.DuplicateFinding, At(finding, "indicator", evidence), ("target", finding.Target), ("line", findings.OfIndicator(indicator.Id)!.Location?.Line ?? 0));
            }

            if (finding.Result == FindingResult.Partial)
            {
                bag.Add(EngineDiagnostics.IndicatorFindingNotItemLevel, At(finding, "result", evidence), ("id", finding.Indicator), ("what", new Message("diagnostic.value.partial")));
            }

            // A sample on the whole indicator ("checked 20 complaint files, 17 handled right") applies to each of its
            // items without a finding of its own, exactly as an indicator result does; partial points stay per item.
        }
        else if (!Written(finding, "item") && !Written(finding, "indicator"))
        {
            bag.Add(EngineDiagnostics.NoTarget, whole);
        }

        var target = finding.Target;
        if (finding.IsUnresolved)
        {
            if (evidence.Audit.IsFormal && evidence.Audit.KindRead)
            {
                bag.Add(EngineDiagnostics.UnresolvedInFormalAudit, whole, ("target", target), ("count", finding.Assessments.Count), ("kind", EvidenceWords.Of(evidence.Audit.Kind)));
            }
        }
        else if (finding.Result is null && finding.Sample is null && !Written(finding, "result") && !Written(finding, "sample"))
        {
            bag.Add(EngineDiagnostics.NoResult, whole, ("target", target));
        }

        foreach (var assessment in finding.Assessments)
        {
            if (assessment.Result is null && assessment.Sample is null && !Written(assessment, "result") && !Written(assessment, "sample"))
            {
                bag.Add(EngineDiagnostics.NoResult, assessment.Location ?? whole, ("target", target));
            }

            CheckValues(assessment, item, target, evidence, bag);
        }

        CheckValues(finding, item, target, evidence, bag);
    }

    /// <summary>Whether a finding's (or one assessment's) result, points, sample, reason and grade fit together.</summary>
    private static void CheckValues(Finding finding, CheckItem? item, Message target, AuditEvidence evidence, DiagnosticBag bag)
    {
        if (finding.Result is not null && finding.Sample is not null)
        {
            bag.Add(EngineDiagnostics.SampleWithResult, At(finding, "sample", evidence), ("target", target));
        }

        if (finding.Sample is { } sample)
        {
            if (sample.Size < 1)
            {
                bag.Add(EngineDiagnostics.SampleSizeZero, At(finding, "sample", evidence), ("target", target), ("size", sample.Size));
            }
            else if (sample.Conforming < 0 || sample.Conforming > sample.Size)
            {
                bag.Add(EngineDiagnostics.SampleConformingOutOfRange, At(finding, "sample", evidence), ("target", target), ("conforming", sample.Conforming), ("size", sample.Size));
            }
        }

        if (finding.Result == FindingResult.Partial)
        {
            if (item is null)
            {
                // No known item, so no maximum to name: the indicator-level (SR3019) or unknown-item error already
                // says what to fix, and a hint about "the item's 0 points" would mislead.
            }
            else if (finding.Points is null && !Written(finding, "points"))
            {
                bag.Add(EngineDiagnostics.PartialWithoutPoints, At(finding, "result", evidence), ("target", target), ("max", item.Points));
            }
            else if (finding.Points <= 0 || finding.Points >= item.Points)
            {
                bag.Add(EngineDiagnostics.PartialPointsOutOfRange, At(finding, "points", evidence), ("points", finding.Points.Value), ("target", target), ("max", item.Points));
            }
        }
        else if (finding.Points is not null)
        {
            object result = finding.Result is { } r ? EvidenceWords.Of(r) : new Message("diagnostic.value.sample");
            bag.Add(EngineDiagnostics.PointsWithoutPartial, At(finding, "points", evidence), ("target", target), ("result", result));
        }

        if (finding.Result == FindingResult.NotApplicable && string.IsNullOrWhiteSpace(finding.Reason))
        {
            bag.Add(EngineDiagnostics.NotApplicableWithoutReason, At(finding, "result", evidence), ("target", target));
        }

        if (finding.Grade is { } grade)
        {
            var fullyConforming = finding.Result == FindingResult.Conforming
                || (finding.Result is null && finding.Sample is { Size: > 0 } s && s.Conforming == s.Size);
            var excluded = finding.Result == FindingResult.NotApplicable;
            // An observation is not a nonconformity: a finding that earns nothing is graded major or minor. (A partial
            // result may carry an observation: a scheme that scores by degree, such as brand evaluation, notes one.)
            var nonconforming = finding.Result == FindingResult.Nonconforming || (finding.Result is null && finding.Sample is { Size: > 0, Conforming: 0 });
            if (excluded || (fullyConforming && grade != NonconformityGrade.Observation) || (nonconforming && grade == NonconformityGrade.Observation))
            {
                object result = finding.Result is { } r ? EvidenceWords.Of(r) : new Message("diagnostic.value.full_sample");
                bag.Add(EngineDiagnostics.GradeMismatch, At(finding, "grade", evidence), ("grade", EvidenceWords.Of(grade)), ("result", result), ("target", target));
            }
        }
    }

    /// <summary>
    /// An indicator finding and item findings of the same indicator: an excluded indicator whose items are assessed
    /// contradicts itself (error); any other indicator finding that every item overrides counts for nothing (warning).
    /// </summary>
    private static void CheckOverridden(Rubric rubric, AuditEvidence evidence, DiagnosticBag bag, FindingIndex findings)
    {
        foreach (var (id, finding) in findings.Indicators)
        {
            var indicator = rubric.FindIndicator(id)!;
            var overriding = indicator.Items.Where(i => findings.OfItem(i.Id) is not null).Select(i => i.Id).ToArray();
            if (overriding.Length == 0)
            {
                continue;
            }

            if (finding.Result == FindingResult.NotApplicable)
            {
                bag.Add(EngineDiagnostics.ExcludedIndicatorWithItemFindings, At(finding, "result", evidence), ("id", indicator.Id), ("items", overriding));
            }
            else if (overriding.Length == indicator.Items.Count)
            {
                bag.Add(EngineDiagnostics.IndicatorFindingOverridden, At(finding, "indicator", evidence), ("id", indicator.Id), ("items", overriding));
            }
        }
    }

    private static bool CheckCompleteness(
        AuditEvidence evidence,
        Rubric rubric,
        DiagnosticBag bag,
        FindingIndex findings,
        bool preview)
    {
        var at = evidence.FindingsLocation ?? SourceLocation.WholeFile(evidence.SourceName);
        var anyApplicable = false;
        var missing = new List<CheckItem>();
        foreach (var item in rubric.Items)
        {
            var finding = findings.OfItem(item.Id) ?? findings.OfIndicator(item.Indicator.Id);
            if (finding is null && StageOne.Applies(evidence) && StageOne.OnSiteOnly(item))
            {
                anyApplicable = true; // A document review leaves it to the site visit (stage 2): not missing, still applicable.
            }
            else if (finding is null)
            {
                anyApplicable = true;
                missing.Add(item);
            }
            else if (finding.Result != FindingResult.NotApplicable)
            {
                anyApplicable = true;
            }
        }

        if (!anyApplicable)
        {
            bag.Add(EngineDiagnostics.NothingApplicable, at);
        }

        if (evidence.Audit.IsFormal && evidence.Audit.KindRead && missing.Count > 0)
        {
            // A preview scores what is recorded so far: the missing items count as not assessed (0), and the
            // result says it is a preview instead of failing with the list of what is missing.
            if (preview)
            {
                return true;
            }

            bag.Add(EngineDiagnostics.MissingFinding, at, ("count", missing.Count), ("items", Abbreviate(missing)), ("kind", EvidenceWords.Of(evidence.Audit.Kind)));
        }

        return false;
    }

    /// <summary>Lists item ids, writing "5.2.1.*" for an indicator none of whose items has a finding.</summary>
    private static string Abbreviate(IReadOnlyList<CheckItem> missing)
    {
        var parts = new List<string>();
        foreach (var group in missing.GroupBy(i => i.Indicator))
        {
            if (group.Count() == group.Key.Items.Count && group.Count() > 1)
            {
                parts.Add(group.Key.Id + ".*");
            }
            else
            {
                parts.AddRange(group.Select(i => i.Id));
            }
        }

        return string.Join(", ", parts);
    }

    private static void CheckAdjustments(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag)
    {
        var file = SourceLocation.WholeFile(evidence.SourceName);
        foreach (var deduction in evidence.Deductions)
        {
            var location = deduction.Location ?? file;
            if (deduction.Points is <= 0)
            {
                bag.Add(DiagnosticCatalog.NumberOutOfRange, deduction.KeyLocations.GetValueOrDefault("points", location), ("key", "points"), ("value", deduction.Points.Value), ("range", new Message("diagnostic.range.positive")));
            }

            if (deduction.Item is not null && rubric.FindItem(deduction.Item) is null)
            {
                bag.Add(EngineDiagnostics.UnknownItem, deduction.KeyLocations.GetValueOrDefault("item", location), ("id", deduction.Item), ("suggestion", Suggest.DidYouMean(deduction.Item, rubric.Items.Select(i => i.Id))));
            }

            if (string.IsNullOrWhiteSpace(deduction.Reason) && deduction.Location is null)
            {
                bag.Add(DiagnosticCatalog.EmptyValue, location, ("key", "reason"), ("doc", Evidence.EvidenceReader.FormatDoc));
            }
        }

        var policy = rubric.Scoring;
        // A rubric whose bonus cap is 0 points allows no bonus at all, whatever its count says.
        var allowedBonuses = policy.MaxBonusPoints > 0 ? policy.MaxBonusCount : 0;
        if (evidence.Bonuses.Count > allowedBonuses)
        {
            bag.Add(EngineDiagnostics.TooManyBonuses, evidence.Bonuses[allowedBonuses].Location ?? file, ("count", evidence.Bonuses.Count), ("max", allowedBonuses));
        }

        foreach (var bonus in evidence.Bonuses)
        {
            var location = bonus.KeyLocations.GetValueOrDefault("points", bonus.Location ?? file);
            if (bonus.Points is <= 0)
            {
                bag.Add(DiagnosticCatalog.NumberOutOfRange, location, ("key", "points"), ("value", bonus.Points.Value), ("range", new Message("diagnostic.range.positive")));
            }
            else if (bonus.Points > policy.MaxBonusPoints)
            {
                bag.Add(EngineDiagnostics.BonusOverCap, location, ("points", bonus.Points.Value), ("max", policy.MaxBonusPoints));
            }
        }
    }

    private static void CheckAudit(AuditEvidence evidence, DiagnosticBag bag)
    {
        var company = evidence.Company;
        if (company.CreditCode is { } code && !CreditCode.IsValid(code))
        {
            bag.Add(EngineDiagnostics.InvalidCreditCode, company.CreditCodeLocation ?? SourceLocation.WholeFile(evidence.SourceName), ("code", Values.Shorten(code)));
        }

        var audit = evidence.Audit;
        if (audit.IsFormal && audit.KindRead && !audit.Team.Any(m => m.IsLead))
        {
            bag.Add(EngineDiagnostics.NoTeamLead, audit.Location ?? SourceLocation.WholeFile(evidence.SourceName));
        }

        for (var i = 1; i < audit.Dates.Count; i++)
        {
            if (audit.Dates[i] < audit.Dates[i - 1])
            {
                var location = i < audit.DateLocations.Count ? audit.DateLocations[i] : audit.Location ?? SourceLocation.WholeFile(evidence.SourceName);
                bag.Add(EngineDiagnostics.DatesOutOfOrder, location, ("date", audit.Dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("previous", audit.Dates[i - 1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    }
}

/// <summary>The unified social credit code (统一社会信用代码) check of GB 32100-2015.</summary>
internal static class CreditCode
{
    private const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    public static bool IsValid(string code)
    {
        if (code.Length != 18)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var value = Alphabet.IndexOf(code[i], StringComparison.Ordinal);
            if (value < 0)
            {
                return false;
            }

            sum += value * Weights[i];
        }

        var check = (31 - (sum % 31)) % 31;
        return code[17] == Alphabet[check];
    }
}
