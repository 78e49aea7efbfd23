using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// What a stage 1 audit (document review, 文件审查) can and cannot say, as GB/T 27922 certification runs it: stage 1
/// reviews the documents and records the company sent; the site visit — interviewing staff, observing the site,
/// visiting customers — and the scored recommendation belong to stage 2. So a stage 1 finding claiming a site-visit
/// method is a warning (SR3131), an item the rubric assesses only on site is not required for completeness, a stage 1
/// file carries no certification decision (SR3132), and its result recommends no tier (notice
/// <c>stage-one-no-recommendation</c>).
/// </summary>
internal static class StageOne
{
    /// <summary>The methods of a site visit, which a document review does not use.</summary>
    private static readonly EvidenceMethod[] SiteMethods = [EvidenceMethod.StaffInterview, EvidenceMethod.SiteObservation, EvidenceMethod.CustomerVisit];

    /// <summary>The notice code of a stage 1 result.</summary>
    public const string NoticeCode = "stage-one-no-recommendation";

    public static bool Applies(AuditEvidence evidence) => evidence.Audit.Stage == 1;

    /// <summary>
    /// True for an item the rubric assesses only on site: it names methods, and document review is not among them
    /// (an item without methods is taken as reviewable, so it stays required).
    /// </summary>
    public static bool OnSiteOnly(CheckItem item) => item.Methods.Count > 0 && !item.Methods.Contains(EvidenceMethod.DocumentReview);

    public static void Check(AuditEvidence evidence, DiagnosticBag bag)
    {
        if (!Applies(evidence))
        {
            return;
        }

        var file = SourceLocation.WholeFile(evidence.SourceName);
        foreach (var finding in evidence.Findings.Where(f => f.Item is not null || f.Indicator is not null))
        {
            var site = finding.Methods.Where(SiteMethods.Contains).ToArray();
            if (site.Length > 0)
            {
                bag.Add(EngineDiagnostics.StageOneSiteMethod, finding.KeyLocations.GetValueOrDefault("methods", finding.Location ?? file),
                    ("target", finding.Target), ("methods", site.Select(FormatWords.Describe).ToArray()));
            }
        }

        // On a mock or self assessment (SR3107) or a surveillance audit, which has no stage 1 (SR3110), the decision or
        // the stage is already wrong: one error is enough.
        if (evidence.Decision is { } decision && evidence.Audit is { KindRead: true, IsFormal: true } audit && audit.Kind != AuditKind.Surveillance)
        {
            bag.Add(EngineDiagnostics.StageOneDecision, decision.KeyLocations.GetValueOrDefault("tier", file));
        }
    }

    /// <summary>The notice of a stage 1 result: no tier recommended, and how many items are left to the site visit.</summary>
    public static Notice Notice(IReadOnlyList<ItemResult> items) =>
        new(NoticeCode, new Message("notice." + NoticeCode, ("count", items.Count(i => i.Status == ItemStatus.NotAssessed && OnSiteOnly(i.Item)))));
}
