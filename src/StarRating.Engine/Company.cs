using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>The audited company.</summary>
public sealed record Company
{
    /// <summary>The registered name.</summary>
    public required string Name { get; init; }

    /// <summary>统一社会信用代码 (unified social credit code), 18 characters.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The address.</summary>
    public string? Address { get; init; }

    /// <summary>The certification scope (商品和服务范围).</summary>
    public string? Scope { get; init; }

    /// <summary>A contact person or phone.</summary>
    public string? Contact { get; init; }

    internal SourceLocation? CreditCodeLocation { get; init; }

    internal SourceLocation? Location { get; init; }
}
