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
    /// <summary>Checks the evidence; true when it is a formal audit still missing findings, let through as a preview.</summary>
    public static bool Validate(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag, ScoringOptions options)
    {
        var file = SourceLocation.WholeFile(evidence.SourceName);
        if (evidence.RubricId is not null && !string.Equals(evidence.RubricId, rubric.Id, StringComparison.Ordinal))
        {
            bag.Add(DiagnosticCatalog.RubricMismatch, evidence.RubricLocation ?? file, evidence.RubricId, rubric.Id);
            return false; // Every item check would be against the wrong rubric.
        }

        var itemFindings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        var indicatorFindings = new Dictionary<string, Finding>(StringComparer.Ordinal);
        foreach (var finding in evidence.Findings)
        {
            CheckFinding(finding, rubric, evidence, bag, itemFindings, indicatorFindings);
        }

        var incomplete = CheckCompleteness(evidence, rubric, bag, itemFindings, indicatorFindings, options.Preview);
        CheckAdjustments(evidence, rubric, bag);
        CheckAudit(evidence, bag);
        return incomplete;
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
        Dictionary<string, Finding> itemFindings,
        Dictionary<string, Finding> indicatorFindings)
    {
        var whole = finding.Location ?? SourceLocation.WholeFile(evidence.SourceName);
        CheckItem? item = null;
        if (finding.Item is not null && finding.Indicator is not null)
        {
            bag.Add(DiagnosticCatalog.ItemAndIndicator, At(finding, "indicator", evidence), finding.Item, finding.Indicator);
        }
        else if (finding.Item is not null)
        {
            item = rubric.FindItem(finding.Item);
            if (item is null)
            {
                bag.Add(DiagnosticCatalog.UnknownItem, At(finding, "item", evidence), finding.Item, Suggest.DidYouMean(finding.Item, rubric.Items.Select(i => i.Id)));
            }
            else if (itemFindings.TryGetValue(item.Id, out var first))
            {
                bag.Add(DiagnosticCatalog.DuplicateFinding, At(finding, "item", evidence), finding.Target, first.Location?.Line ?? 0);
            }
            else
            {
                itemFindings[item.Id] = finding;
            }
        }
        else if (finding.Indicator is not null)
        {
            var indicator = rubric.FindIndicator(finding.Indicator);
            if (indicator is null)
            {
                bag.Add(DiagnosticCatalog.UnknownIndicator, At(finding, "indicator", evidence), finding.Indicator, Suggest.DidYouMean(finding.Indicator, rubric.Indicators.Select(i => i.Id)));
            }
            else if (indicatorFindings.TryGetValue(indicator.Id, out var first))
            {
                bag.Add(DiagnosticCatalog.DuplicateFinding, At(finding, "indicator", evidence), finding.Target, first.Location?.Line ?? 0);
            }
            else
            {
                indicatorFindings[indicator.Id] = finding;
            }

            if (finding.Result == FindingResult.Partial)
            {
                bag.Add(DiagnosticCatalog.IndicatorFindingNotItemLevel, At(finding, "result", evidence), finding.Indicator, "result: partial");
            }

            if (finding.Sample is not null)
            {
                bag.Add(DiagnosticCatalog.IndicatorFindingNotItemLevel, At(finding, "sample", evidence), finding.Indicator, "a sample");
            }
        }
        else if (!Written(finding, "item") && !Written(finding, "indicator"))
        {
            bag.Add(DiagnosticCatalog.NoTarget, whole);
        }

        var target = finding.Target;
        if (finding.Result is null && finding.Sample is null && !Written(finding, "result") && !Written(finding, "sample"))
        {
            bag.Add(DiagnosticCatalog.NoResult, whole, target);
        }

        if (finding.Result is not null && finding.Sample is not null)
        {
            bag.Add(DiagnosticCatalog.SampleWithResult, At(finding, "sample", evidence), target);
        }

        if (finding.Sample is { } sample)
        {
            if (sample.Size < 1)
            {
                bag.Add(DiagnosticCatalog.SampleSizeZero, At(finding, "sample", evidence), target, sample.Size);
            }
            else if (sample.Conforming < 0 || sample.Conforming > sample.Size)
            {
                bag.Add(DiagnosticCatalog.SampleConformingOutOfRange, At(finding, "sample", evidence), target, sample.Conforming, sample.Size);
            }
        }

        if (finding.Result == FindingResult.Partial)
        {
            if (finding.Points is null && !Written(finding, "points"))
            {
                bag.Add(DiagnosticCatalog.PartialWithoutPoints, At(finding, "result", evidence), target, item?.Points ?? 0m);
            }
            else if (item is not null && (finding.Points <= 0 || finding.Points >= item.Points))
            {
                bag.Add(DiagnosticCatalog.PartialPointsOutOfRange, At(finding, "points", evidence), finding.Points.Value, target, item.Points);
            }
        }
        else if (finding.Points is not null)
        {
            var result = finding.Result is { } r ? EvidenceWords.Of(r) : "a sample";
            bag.Add(DiagnosticCatalog.PointsWithoutPartial, At(finding, "points", evidence), target, result);
        }

        if (finding.Result == FindingResult.NotApplicable && string.IsNullOrWhiteSpace(finding.Reason))
        {
            bag.Add(DiagnosticCatalog.NotApplicableWithoutReason, At(finding, "result", evidence), target);
        }

        if (finding.Grade is { } grade)
        {
            var fullyConforming = finding.Result == FindingResult.Conforming
                || (finding.Result is null && finding.Sample is { Size: > 0 } s && s.Conforming == s.Size);
            var excluded = finding.Result == FindingResult.NotApplicable;
            if (excluded || (fullyConforming && grade != NonconformityGrade.Observation))
            {
                var result = finding.Result is { } r ? EvidenceWords.Of(r) : "fully conforming sample";
                bag.Add(DiagnosticCatalog.GradeMismatch, At(finding, "grade", evidence), EvidenceWords.Of(grade), result, target);
            }
        }
    }

    private static bool CheckCompleteness(
        AuditEvidence evidence,
        Rubric rubric,
        DiagnosticBag bag,
        Dictionary<string, Finding> itemFindings,
        Dictionary<string, Finding> indicatorFindings,
        bool preview)
    {
        var at = evidence.FindingsLocation ?? SourceLocation.WholeFile(evidence.SourceName);
        var anyApplicable = false;
        var missing = new List<CheckItem>();
        foreach (var item in rubric.Items)
        {
            var finding = itemFindings.GetValueOrDefault(item.Id) ?? indicatorFindings.GetValueOrDefault(item.Indicator.Id);
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

        if (evidence.Audit.IsFormal && missing.Count > 0)
        {
            // A preview scores what is recorded so far: the missing items count as not assessed (0), and the
            // result says it is a preview instead of failing with the list of what is missing.
            if (preview)
            {
                return true;
            }

            bag.Add(DiagnosticCatalog.MissingFinding, at, missing.Count, Abbreviate(missing), EvidenceWords.Of(evidence.Audit.Kind));
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
                bag.Add(DiagnosticCatalog.NumberOutOfRange, deduction.KeyLocations.GetValueOrDefault("points", location), "points", deduction.Points.Value, "greater than 0");
            }

            if (deduction.Item is not null && rubric.FindItem(deduction.Item) is null)
            {
                bag.Add(DiagnosticCatalog.UnknownItem, deduction.KeyLocations.GetValueOrDefault("item", location), deduction.Item, Suggest.DidYouMean(deduction.Item, rubric.Items.Select(i => i.Id)));
            }

            if (string.IsNullOrWhiteSpace(deduction.Reason) && deduction.Location is null)
            {
                bag.Add(DiagnosticCatalog.EmptyValue, location, "reason", Evidence.EvidenceReader.FormatDoc);
            }
        }

        var policy = rubric.Scoring;
        // A rubric whose bonus cap is 0 points allows no bonus at all, whatever its count says.
        var allowedBonuses = policy.MaxBonusPoints > 0 ? policy.MaxBonusCount : 0;
        if (evidence.Bonuses.Count > allowedBonuses)
        {
            bag.Add(DiagnosticCatalog.TooManyBonuses, evidence.Bonuses[allowedBonuses].Location ?? file, evidence.Bonuses.Count, allowedBonuses);
        }

        foreach (var bonus in evidence.Bonuses)
        {
            var location = bonus.KeyLocations.GetValueOrDefault("points", bonus.Location ?? file);
            if (bonus.Points is <= 0)
            {
                bag.Add(DiagnosticCatalog.NumberOutOfRange, location, "points", bonus.Points.Value, "greater than 0");
            }
            else if (bonus.Points > policy.MaxBonusPoints)
            {
                bag.Add(DiagnosticCatalog.BonusOverCap, location, bonus.Points.Value, policy.MaxBonusPoints);
            }
        }
    }

    private static void CheckAudit(AuditEvidence evidence, DiagnosticBag bag)
    {
        var company = evidence.Company;
        if (company.CreditCode is { } code && !CreditCode.IsValid(code))
        {
            bag.Add(DiagnosticCatalog.InvalidCreditCode, company.CreditCodeLocation ?? SourceLocation.WholeFile(evidence.SourceName), Values.Shorten(code));
        }

        var audit = evidence.Audit;
        if (audit.IsFormal && !audit.Team.Any(m => m.IsLead))
        {
            bag.Add(DiagnosticCatalog.NoTeamLead, audit.Location ?? SourceLocation.WholeFile(evidence.SourceName));
        }

        for (var i = 1; i < audit.Dates.Count; i++)
        {
            if (audit.Dates[i] < audit.Dates[i - 1])
            {
                var location = i < audit.DateLocations.Count ? audit.DateLocations[i] : audit.Location ?? SourceLocation.WholeFile(evidence.SourceName);
                bag.Add(DiagnosticCatalog.DatesOutOfOrder, location, audit.Dates[i].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), audit.Dates[i - 1].ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
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
