namespace StarRating.Reports.Tests;

/// <summary>A temporary folder of template files, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder(params (string Name, string Text)[] files)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "starrating-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
        foreach (var (name, text) in files)
        {
            System.IO.File.WriteAllText(System.IO.Path.Combine(Path, name), text);
        }
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }

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
