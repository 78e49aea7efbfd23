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

/// <summary>The words used for enum values in rubric and evidence files.</summary>
public static class FormatWords
{
    /// <summary>The file word for an evidence method: document, interview, observation or customer.</summary>
    /// <param name="method">The method.</param>
    public static string Of(EvidenceMethod method) => Documents.Words.Methods.TokenOf(method);

    /// <summary>The name of an evidence method, from the vocabulary (<c>method.document</c>, …).</summary>
    /// <param name="method">The method.</param>
    public static Message Describe(EvidenceMethod method) => new("method." + Of(method));
}
