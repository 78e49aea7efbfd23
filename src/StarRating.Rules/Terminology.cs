namespace StarRating.Rules;

/// <summary>
/// Which Chinese word the texts use for the audit and the people doing it. Management-system audits say 审核
/// (审核组, 审核组长, 审核员, 审核报告); certification bodies doing service certification say 审查 (审查组, 审查组长,
/// 审查员, 审查报告). Both are in use for GB/T 27922; the rubric chooses (<c>terminology:</c>), a caller may override.
/// English says "audit" either way.
/// </summary>
public enum Terminology
{
    /// <summary>审核 (the default): <c>terminology: audit</c>.</summary>
    Audit = 0,

    /// <summary>审查, as service certification rules write it: <c>terminology: review</c>.</summary>
    Review = 1,
}
