namespace StarRating.Reports.Tests;

internal static class UserTemplate
{
    /// <summary>Renders the formal-complete case with one user template (report.md.sbn or report.html.sbn).</summary>
    public static Rules.LoadResult<RenderedReport> Render(string template, ReportFormat format = ReportFormat.Markdown, ReportLimits? limits = null, CancellationToken cancellationToken = default)
    {
        var name = format == ReportFormat.Html ? "report.html.sbn" : "report.md.sbn";
        using var folder = new TempFolder((name, template));
        var set = TemplateSet.LoadFolder(folder.Path, limits);
        set.Diagnostics.Should().BeEmpty();
        return new ReportRenderer(set.Value).Render(Cases.Result("formal-complete"), format, cancellationToken: cancellationToken);
    }
}
