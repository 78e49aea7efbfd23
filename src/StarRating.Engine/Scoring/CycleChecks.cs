using System.Globalization;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Engine.Scoring;

/// <summary>
/// The checks of what the certification cycle adds to an evidence file, made as an auditor reads them: a nonconformity
/// record belongs to a graded finding and is verified by someone on a date after the audit; the body's decision names a
/// tier of the rubric and follows the audit; a certificate expires after it is issued; stage 1 is for initial and
/// recertification audits; criteria carry versions and include the standard.
/// </summary>
internal static class CycleChecks
{
    public static void Check(AuditEvidence evidence, Rubric rubric, DiagnosticBag bag)
    {
        var file = SourceLocation.WholeFile(evidence.SourceName);
        var audit = evidence.Audit;
        var start = audit.Dates.Count > 0 ? audit.Dates.Min() : (DateOnly?)null;
        var end = audit.Dates.Count > 0 ? audit.Dates.Max() : (DateOnly?)null;
        SourceLocation AuditAt(string key) => audit.KeyLocations.GetValueOrDefault(key, audit.Location ?? file);

        CheckRecords(evidence, bag, file, start);

        if (audit.Stage == 1 && audit.KindRead && audit.Kind is AuditKind.Surveillance)
        {
            bag.Add(EngineDiagnostics.StageOneNotFor, AuditAt("stage"), ("kind", EvidenceWords.Of(audit.Kind)));
        }

        if (audit.PersonDays is <= 0)
        {
            bag.Add(DiagnosticCatalog.NumberOutOfRange, AuditAt("person_days"), ("key", "person_days"), ("value", audit.PersonDays.Value), ("range", new Message("diagnostic.range.positive")));
        }

        foreach (var criterion in audit.Criteria.Where(c => !c.Any(char.IsAsciiDigit)))
        {
            bag.Add(EngineDiagnostics.CriterionWithoutVersion, AuditAt("criteria"), ("criterion", Values.Shorten(criterion)));
        }

        if (audit.Criteria.Count > 0 && !audit.Criteria.Any(c => Normalized(c).Contains(Normalized(rubric.Standard), StringComparison.Ordinal)))
        {
            bag.Add(EngineDiagnostics.CriteriaWithoutStandard, AuditAt("criteria"), ("standard", rubric.Standard));
        }

        if (evidence.Decision is { } decision)
        {
            SourceLocation DecisionAt(string key) => decision.KeyLocations.GetValueOrDefault(key, file);
            if (audit.KindRead && !audit.IsFormal)
            {
                bag.Add(EngineDiagnostics.DecisionNotFormal, DecisionAt("tier"), ("kind", EvidenceWords.Of(audit.Kind)));
            }
            else if (decision.Tier.Length > 0 && rubric.Tiers.All(t => t.Id != decision.Tier))
            {
                var ids = rubric.Tiers.Select(t => t.Id).ToArray();
                bag.Add(EngineDiagnostics.DecisionUnknownTier, DecisionAt("tier"), ("tier", decision.Tier), ("rubric", rubric.Id), ("suggestion", Suggest.DidYouMean(decision.Tier, ids)), ("tiers", string.Join(", ", ids)));
            }

            if (decision.On is { } on && end is { } last && on < last)
            {
                bag.Add(EngineDiagnostics.DecisionBeforeAudit, DecisionAt("on"), ("on", Day(on)), ("end", Day(last)));
            }
        }

        if (evidence.Certificate is { Issued: { } issued, Expires: { } expires } certificate && expires <= issued)
        {
            bag.Add(EngineDiagnostics.CertificateDates, certificate.KeyLocations.GetValueOrDefault("expires", file), ("expires", Day(expires)), ("issued", Day(issued)));
        }
    }

    private static void CheckRecords(AuditEvidence evidence, DiagnosticBag bag, SourceLocation file, DateOnly? start)
    {
        var seen = new Dictionary<string, NonconformityRecord>(StringComparer.Ordinal);
        foreach (var finding in evidence.Findings)
        {
            if (finding.Nc is not { } nc)
            {
                continue;
            }

            SourceLocation At(string key) => nc.KeyLocations.GetValueOrDefault(key, nc.Location ?? finding.Location ?? file);
            if (finding.Grade is null && !finding.KeyLocations.ContainsKey("grade"))
            {
                bag.Add(EngineDiagnostics.NcWithoutGrade, finding.KeyLocations.GetValueOrDefault("nc", finding.Location ?? file), ("target", finding.Target));
            }

            if (nc.Id.Length > 0 && !seen.TryAdd(nc.Id, nc))
            {
                bag.Add(EngineDiagnostics.NcDuplicateId, At("id"), ("id", nc.Id), ("line", seen[nc.Id].Location?.Line ?? 0));
            }

            var written = nc.KeyLocations;
            if (nc.Status == CorrectionStatus.Verified)
            {
                foreach (var key in new[] { "verified_by", "verified_on" }.Where(k => !written.ContainsKey(k)))
                {
                    bag.Add(EngineDiagnostics.NcVerificationMissing, At("status"), ("id", nc.Id), ("missing", key));
                }
            }
            else
            {
                foreach (var key in new[] { "verified_by", "verified_on" }.Where(written.ContainsKey))
                {
                    bag.Add(EngineDiagnostics.NcVerificationNotVerified, At(key), ("id", nc.Id), ("key", key), ("status", EvidenceWords.Of(nc.Status)));
                }
            }

            if (nc.Status != CorrectionStatus.Open && string.IsNullOrWhiteSpace(nc.Action))
            {
                bag.Add(EngineDiagnostics.NcActionMissing, At("status"), ("id", nc.Id), ("status", EvidenceWords.Of(nc.Status)));
            }

            if (nc.VerifiedOn is { } verified && start is { } first && verified < first)
            {
                bag.Add(EngineDiagnostics.NcVerifiedBeforeAudit, At("verified_on"), ("id", nc.Id), ("verified", Day(verified)), ("start", Day(first)));
            }
        }
    }

    /// <summary>Standard numbers compared without spaces and case: "GB/T27922-2011" names "GB/T 27922-2011".</summary>
    private static string Normalized(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).Select(char.ToUpperInvariant).ToArray());

    internal static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
