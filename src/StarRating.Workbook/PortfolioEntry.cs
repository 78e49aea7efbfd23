using StarRating.Rules;
using StarRating.Workbook.Xlsx;
using T = StarRating.Workbook.WorkbookText;

namespace StarRating.Workbook;

/// <summary>One audit of a portfolio: what <c>batch</c> keeps of it.</summary>
public sealed record PortfolioEntry
{
    /// <summary>The evidence file.</summary>
    public required string File { get; init; }

    /// <summary><c>scored</c>, <c>invalid</c> or <c>write-failed</c>.</summary>
    public required string Status { get; init; }

    /// <summary>The company, when scored.</summary>
    public string? Company { get; init; }

    /// <summary>The unified social credit code, when given.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The audit kind's file word.</summary>
    public string? Kind { get; init; }

    /// <summary>The audit dates, space separated.</summary>
    public string? Dates { get; init; }

    /// <summary>The score, when scored.</summary>
    public decimal? Score { get; init; }

    /// <summary>The tier granted, when scored.</summary>
    public Tier? Tier { get; init; }

    /// <summary>Errors found.</summary>
    public int Errors { get; init; }

    /// <summary>Warnings found.</summary>
    public int Warnings { get; init; }

    /// <summary>The report written, if any.</summary>
    public string? Report { get; init; }
}
