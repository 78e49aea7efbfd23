using StarRating.Rules;

namespace StarRating.Reports.Hosting;

/// <summary>
/// What <see cref="StarRatingServiceCollectionExtensions.AddStarRating"/> registers: the rubric audits are scored
/// with, the limits on inputs and renders, and the report templates. Read once, when the first service is built;
/// like every options class it is mutable only while the application is being configured.
/// </summary>
public sealed class StarRatingOptions
{
    /// <summary>The rubric to score with; when null, the built-in rubric <see cref="RubricId"/>.</summary>
    public Rubric? Rubric { get; set; }

    /// <summary>The built-in rubric used when <see cref="Rubric"/> is null (<c>gbt27922-2011</c> by default; see <see cref="RubricLoader.BuiltInIds"/>).</summary>
    public string RubricId { get; set; } = RubricLoader.DefaultRubricId;

    /// <summary>Make a rubric version pin that differs from the rubric's version an error rather than a warning (SR3200).</summary>
    public bool StrictVersion { get; set; }

    /// <summary>Limits on every evidence input (size, depth, nodes...); <see cref="InputLimits.Default"/> by default.</summary>
    public InputLimits InputLimits { get; set; } = InputLimits.Default;

    /// <summary>The templates reports are rendered with; the built-in ones when null (see <see cref="TemplateSet.FromTexts"/>).</summary>
    public TemplateSet? Templates { get; set; }

    /// <summary>Limits on every render (time, loops, output size); those of <see cref="Templates"/>, else <see cref="ReportLimits.Default"/>, when null.</summary>
    public ReportLimits? ReportLimits { get; set; }
}
