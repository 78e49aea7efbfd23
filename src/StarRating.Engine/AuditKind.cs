namespace StarRating.Engine;

/// <summary>The kind of audit; formal audits must assess every applicable check item.</summary>
public enum AuditKind
{
    /// <summary>初次认证审核: the first certification audit (<c>initial</c>).</summary>
    Initial = 0,

    /// <summary>监督审核: a yearly surveillance audit during validity (<c>surveillance</c>).</summary>
    Surveillance = 1,

    /// <summary>再认证审核: the audit that renews an expiring certificate (<c>recertification</c>).</summary>
    Recertification = 2,

    /// <summary>模拟审核: a consultant's mock audit before the real one (<c>mock</c>).</summary>
    Mock = 3,

    /// <summary>自我评价: the company's own self-assessment (<c>self</c>).</summary>
    Self = 4,
}
