namespace StarRating.Rules;

/// <summary>
/// The ways an auditor gathers evidence (GB/T 27922-2011, clause 6): document investigation and
/// on-site investigation.
/// </summary>
public enum EvidenceMethod
{
    /// <summary>查阅文件和记录: reading documents and records. Written <c>document</c> in files.</summary>
    DocumentReview = 0,

    /// <summary>询问工作人员: asking staff. Written <c>interview</c>.</summary>
    StaffInterview = 1,

    /// <summary>观察现场: observing the site. Written <c>observation</c>.</summary>
    SiteObservation = 2,

    /// <summary>访问顾客: visiting or calling customers. Written <c>customer</c>.</summary>
    CustomerVisit = 3,
}
