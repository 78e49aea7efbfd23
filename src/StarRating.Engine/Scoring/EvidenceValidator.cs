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
    /// <summary>
    /// Checks the evidence, reporting into <paramref name="bag"/>; returns the finding of each item and indicator.
    /// <paramref name="incomplete"/> is true when it is a formal audit still missing findings, let through as a preview.
    /// </summary>
    public static FindingIndex Validate(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag, bool strictVersion, bool preview, out bool incomplete)
    {
        var findings = new FindingIndex();
        var file = SourceLocation.WholeFile(evidence.SourceName);
        if (evidence.RubricId is not null && !string.Equals(evidence.RubricId, rubric.Id, StringComparison.Ordinal))
        {
            bag.Add(DiagnosticCatalog.RubricMismatch, evidence.RubricLocation ?? file, ("id", evidence.RubricId), ("loaded", rubric.Id));
            incomplete = false;
            return findings; // Every item check would be against the wrong rubric.
        }

        if (evidence.RubricVersion is { } pinned && !string.Equals(pinned, rubric.Version, StringComparison.Ordinal))
        {
            bag.Add(strictVersion ? DiagnosticCatalog.RubricVersionRefused : DiagnosticCatalog.RubricVersionMismatch, evidence.RubricLocation ?? file, ("pinned", pinned), ("id", rubric.Id), ("loaded", rubric.Version));
        }

        foreach (var finding in evidence.Findings)
        {
            CheckFinding(finding, rubric, evidence, bag, findings);
        }

        CheckOverridden(rubric, evidence, bag, findings);
        incomplete = CheckCompleteness(evidence, rubric, bag, findings, preview);
        CheckAdjustments(evidence, rubric, bag);
        CheckAudit(evidence, bag);
        CheckTexts(evidence, bag);
        return findings;
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
        FindingIndex findings)
    {
        var whole = finding.Location ?? SourceLocation.WholeFile(evidence.SourceName);
        CheckItem? item = null;
        if (finding.Item is not null && finding.Indicator is not null)
        {
            bag.Add(DiagnosticCatalog.ItemAndIndicator, At(finding, "indicator", evidence), ("item", finding.Item), ("indicator", finding.Indicator));
        }
        else if (finding.Item is not null)
        {
            item = rubric.FindItem(finding.Item);
            if (item is null)
            {
                bag.Add(DiagnosticCatalog.UnknownItem, At(finding, "item", evidence), ("id", finding.Item), ("suggestion", Suggest.DidYouMean(finding.Item, rubric.Items.Select(i => i.Id))));
            }
            else if (!findings.TryAddItem(item.Id, finding))
            {
                bag.Add(DiagnosticCatalog.DuplicateFinding, At(finding, "item", evidence), ("target", finding.Target), ("line", findings.OfItem(item.Id)!.Location?.Line ?? 0));
            }
        }
        else if (finding.Indicator is not null)
        {
            var indicator = rubric.FindIndicator(finding.Indicator);
            if (indicator is null)
            {
                bag.Add(DiagnosticCatalog.UnknownIndicator, At(finding, "indicator", evidence), ("id", finding.Indicator), ("suggestion", Suggest.DidYouMean(finding.Indicator, rubric.Indicators.Select(i => i.Id))));
            }
            else if (!findings.TryAddIndicator(indicator.Id, finding))
            {
                bag.Add(DiagnosticCatalog.DuplicateFinding, At(finding, "indicator", evidence), ("target", finding.Target), ("line", findings.OfIndicator(indicator.Id)!.Location?.Line ?? 0));
            }

            if (finding.Result == FindingResult.Partial)
            {
                bag.Add(DiagnosticCatalog.IndicatorFindingNotItemLevel, At(finding, "result", evidence), ("id", finding.Indicator), ("what", new Message("diagnostic.value.partial")));
            }

            // A sample on the whole indicator ("checked 20 complaint files, 17 handled right") applies to each of its
            // items without a finding of its own, exactly as an indicator result does; partial points stay per item.
        }
        else if (!Written(finding, "item") && !Written(finding, "indicator"))
        {
            bag.Add(DiagnosticCatalog.NoTarget, whole);
        }

        var target = finding.Target;
        if (finding.Result is null && finding.Sample is null && !Written(finding, "result") && !Written(finding, "sample"))
        {
            bag.Add(DiagnosticCatalog.NoResult, whole, ("target", target));
        }

        if (finding.Result is not null && finding.Sample is not null)
        {
            bag.Add(DiagnosticCatalog.SampleWithResult, At(finding, "sample", evidence), ("target", target));
        }

        if (finding.Sample is { } sample)
        {
            if (sample.Size < 1)
            {
                bag.Add(DiagnosticCatalog.SampleSizeZero, At(finding, "sample", evidence), ("target", target), ("size", sample.Size));
            }
            else if (sample.Conforming < 0 || sample.Conforming > sample.Size)
            {
                bag.Add(DiagnosticCatalog.SampleConformingOutOfRange, At(finding, "sample", evidence), ("target", target), ("conforming", sample.Conforming), ("size", sample.Size));
            }
        }

        if (finding.Result == FindingResult.Partial)
        {
            if (finding.Points is null && !Written(finding, "points"))
            {
                bag.Add(DiagnosticCatalog.PartialWithoutPoints, At(finding, "result", evidence), ("target", target), ("max", item?.Points ?? 0m));
            }
            else if (item is not null && (finding.Points <= 0 || finding.Points >= item.Points))
            {
                bag.Add(DiagnosticCatalog.PartialPointsOutOfRange, At(finding, "points", evidence), ("points", finding.Points.Value), ("target", target), ("max", item.Points));
            }
        }
        else if (finding.Points is not null)
        {
            object result = finding.Result is { } r ? EvidenceWords.Of(r) : new Message("diagnostic.value.sample");
            bag.Add(DiagnosticCatalog.PointsWithoutPartial, At(finding, "points", evidence), ("target", target), ("result", result));
        }

        if (finding.Result == FindingResult.NotApplicable && string.IsNullOrWhiteSpace(finding.Reason))
        {
            bag.Add(DiagnosticCatalog.NotApplicableWithoutReason, At(finding, "result", evidence), ("target", target));
        }

        if (finding.Grade is { } grade)
        {
            var fullyConforming = finding.Result == FindingResult.Conforming
                || (finding.Result is null && finding.Sample is { Size: > 0 } s && s.Conforming == s.Size);
            var excluded = finding.Result == FindingResult.NotApplicable;
            if (excluded || (fullyConforming && grade != NonconformityGrade.Observation))
            {
                object result = finding.Result is { } r ? EvidenceWords.Of(r) : new Message("diagnostic.value.full_sample");
                bag.Add(DiagnosticCatalog.GradeMismatch, At(finding, "grade", evidence), ("grade", EvidenceWords.Of(grade)), ("result", result), ("target", target));
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
                bag.Add(DiagnosticCatalog.ExcludedIndicatorWithItemFindings, At(finding, "result", evidence), ("id", indicator.Id), ("items", overriding));
            }
            else if (overriding.Length == indicator.Items.Count)
            {
                bag.Add(DiagnosticCatalog.IndicatorFindingOverridden, At(finding, "indicator", evidence), ("id", indicator.Id), ("items", overriding));
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
            if (finding is null)
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
            bag.Add(DiagnosticCatalog.NothingApplicable, at);
        }

        if (evidence.Audit.IsFormal && evidence.Audit.KindRead && missing.Count > 0)
        {
            // A preview scores what is recorded so far: the missing items count as not assessed (0), and the
            // result says it is a preview instead of failing with the list of what is missing.
            if (preview)
            {
                return true;
            }

            bag.Add(DiagnosticCatalog.MissingFinding, at, ("count", missing.Count), ("items", Abbreviate(missing)), ("kind", EvidenceWords.Of(evidence.Audit.Kind)));
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
                bag.Add(DiagnosticCatalog.UnknownItem, deduction.KeyLocations.GetValueOrDefault("item", location), ("id", deduction.Item), ("suggestion", Suggest.DidYouMean(deduction.Item, rubric.Items.Select(i => i.Id))));
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
            bag.Add(DiagnosticCatalog.TooManyBonuses, evidence.Bonuses[allowedBonuses].Location ?? file, ("count", evidence.Bonuses.Count), ("max", allowedBonuses));
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
                bag.Add(DiagnosticCatalog.BonusOverCap, location, ("points", bonus.Points.Value), ("max", policy.MaxBonusPoints));
            }
        }
    }

    private static void CheckAudit(AuditEvidence evidence, DiagnosticBag bag)
    {
        var company = evidence.Company;
        if (company.CreditCode is { } code && !CreditCode.IsValid(code))
        {
            bag.Add(DiagnosticCatalog.InvalidCreditCode, company.CreditCodeLocation ?? SourceLocation.WholeFile(evidence.SourceName), ("code", Values.Shorten(code)));
        }

        var audit = evidence.Audit;
        if (audit.IsFormal && audit.KindRead && !audit.Team.Any(m => m.IsLead))
        {
            bag.Add(DiagnosticCatalog.NoTeamLead, audit.Location ?? SourceLocation.WholeFile(evidence.SourceName));
        }

        for (var i = 1; i < audit.Dates.Count; i++)
        {
            if (audit.Dates[i] < audit.Dates[i - 1])
            {
                var location = i < audit.DateLocations.Count ? audit.DateLocations[i] : audit.Location ?? SourceLocation.WholeFile(evidence.SourceName);
                bag.Add(DiagnosticCatalog.DatesOutOfOrder, location, ("date", audit.Dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), ("previous", audit.Dates[i - 1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
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
