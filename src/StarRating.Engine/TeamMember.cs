using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A member of the audit team.</summary>
public sealed record TeamMember
{
    private readonly string role = "member";

    /// <summary>The member's name.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// The role: <c>lead</c>, <c>member</c>, <c>expert</c>, <c>observer</c> or <c>trainee</c>. Set in any of the
    /// words the vocabulary lists for a role (<c>evidence_words.role.*</c>: 组长, 审核组长, 审查组长, Lead, lead auditor …
    /// are all <c>lead</c>), it is normalised to that word as it is set; other roles are kept as written (trimmed).
    /// </summary>
    public string Role
    {
        get => role;
        init => role = TeamRoles.Normalize(value);
    }

    /// <summary>True for the lead auditor (role <c>lead</c>).</summary>
    public bool IsLead => Role == TeamRoles.Lead;

    /// <summary>The auditor's registration number, if given.</summary>
    public string? Registration { get; init; }
}
