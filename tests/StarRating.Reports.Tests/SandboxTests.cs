using System.Diagnostics;
using StarRating.Rules;

namespace StarRating.Reports.Tests;

/// <summary>
/// Runaway or malicious user templates are stopped with a located diagnostic, quickly, and return no report.
/// Times are asserted generously (5 s) so a loaded CI machine stays green; the point is that they stop.
/// </summary>
public sealed class SandboxTests
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData("endless loop", "{{ while true }}x{{ end }}", "SR4003", 1, 4)]
    [InlineData("huge for loop", "{{ for i in 1..1000000000 }}{{ i }}{{ end }}", "SR4003", 1, 14)]
    [InlineData("builtin iteration", "{{ (1..1000000000) | array.size }}", "SR4003", 1, 6)]
    [InlineData("deep recursion", "{{ func f\n  ret f\nend }}\n{{ f }}", "SR4004", 2, 7)]
    [InlineData("self include", "{{ include \"report.md.sbn\" }}", "SR4004", 1, 4)]
    [InlineData("100 MB output", "{{ for i in 1..100 }}{{ \"x\" | string.pad_right 1000000 }}{{ end }}", "SR4005", 1, 20)]
    [InlineData("one huge value", "{{ \"x\" * 100000000 }}", "SR4005", 1, 10)]
    [InlineData("include a file", "{{ include \"/etc/passwd\" }}", "SR4007", 1, 4)]
    [InlineData("include a relative path", "{{ include \"../../etc/passwd\" }}", "SR4007", 1, 4)]
    [InlineData("include_join", "{{ include_join [\"/etc/passwd\"] \",\" }}", "SR4009", 1, 4)]
    [InlineData("object.eval", "{{ object.eval \"1 + 1\" }}", "SR4009", 1, 4)]
    [InlineData("object.eval_template", "{{ object.eval_template \"{{ 1 }}\" }}", "SR4009", 1, 4)]
    [InlineData("date.now", "{{ date.now }}", "SR4009", 1, 4)]
    [InlineData("math.random", "{{ math.random 1 10 }}", "SR4009", 1, 4)]
    [InlineData("an integer grown past 4096 bits", "{{ x = 1 << 1048000 }}{{ x }}", "SR4002", 1, 8)]
    [InlineData("an integer grown step by step", "{{ x = 1 << 4000 }}{{ y = x * x }}", "SR4002", 1, 27)]
    [InlineData("an integer grown within one expression", "{{ x = (1 << 4000) * (1 << 4000) }}{{ x e }}", "SR4002", 1, 8)]
    [InlineData("unknown variable", "ok\n  {{ nothing_here }}", "SR4002", 2, 6)]
    [InlineData("unknown member", "{{ company.nothing_here }}", "SR4002", 1, 12)]
    [InlineData("reflection on a .NET object", "{{ include(\"_style.html.sbn\").text }}", "SR4002", 1, 31)]
    public void A_runaway_or_forbidden_template_is_stopped_with_a_located_diagnostic(string what, string template, string code, int line, int column)
    {
        var watch = Stopwatch.StartNew();

        var report = UserTemplate.Render(template);

        watch.Elapsed.Should().BeLessThan(Quick, what);
        report.Value.Should().BeNull(what);
        var error = report.Diagnostics.Should().ContainSingle(what).Subject;
        error.Code.Should().Be(code, what + ": " + error);
        error.Location.File.Should().EndWith("report.md.sbn", what);
        (error.Location.Line, error.Location.Column).Should().Be((line, column), what + ": " + error);
        error.Format(includeHint: true).Should().NotContain("   at ", "a diagnostic, never a stack trace");
    }

    [Fact]
    public void A_number_too_large_to_parse_is_refused_when_the_folder_loads()
    {
        // Found by fuzzing: Scriban parsed 4E440444444 into an exact integer for minutes (docs/fuzzing.md).
        using var folder = new TempFolder(("report.md.sbn", "Model 4E440444444 in text is fine;\n{{ 1e3 }} {{ 4E440444444 }} {{ 2.5e1001 }}"));
        var watch = Stopwatch.StartNew();

        var set = TemplateSet.LoadFolder(folder.Path);

        watch.Elapsed.Should().BeLessThan(Quick);
        set.Value.Should().BeNull();
        set.Diagnostics.Select(d => (d.Code, d.Location.Line, d.Location.Column)).Should().Equal(("SR4001", 2, 14), ("SR4001", 2, 32));
        set.Diagnostics[0].ToString().Should().EndWith(
            "report.md.sbn(2,14): error SR4001: template error: the number 4E440444444 is too large for a report template (at most 1000 digits and an exponent of at most 1000)");
    }

    [Fact]
    public void Refusals_read_as_compiler_style_lines()
    {
        var include = UserTemplate.Render("{{ include \"/etc/passwd\" }}").Diagnostics.Single();
        var eval = UserTemplate.Render("{{ object.eval \"1\" }}").Diagnostics.Single();

        include.ToString().Should().EndWith("report.md.sbn(1,4): error SR4007: include of '/etc/passwd' is refused");
        include.Hint.Should().Contain("report.html.sbn");
        eval.ToString().Should().EndWith("report.md.sbn(1,4): error SR4009: function 'object.eval' is not available in report templates");
    }

    [Fact]
    public void A_render_past_the_time_limit_is_stopped()
    {
        var limits = new ReportLimits { LoopLimit = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(200) };
        var watch = Stopwatch.StartNew();

        var report = UserTemplate.Render("{{ while true }}{{ end }}", limits: limits);

        watch.Elapsed.Should().BeLessThan(Quick);
        report.Value.Should().BeNull();
        report.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR4006");
    }

    [Fact]
    public void The_output_limit_refuses_a_report_that_is_one_character_too_long()
    {
        var limits = new ReportLimits { MaxOutputChars = 10 };

        UserTemplate.Render("0123456789", limits: limits).Succeeded.Should().BeTrue();
        var over = UserTemplate.Render("0123456789x", limits: limits);

        over.Value.Should().BeNull("a cut report must never be returned");
        over.Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR4005");
    }

    [Fact]
    public void Cancelling_a_render_throws_operation_canceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        var act = () => UserTemplate.Render("{{ while true }}{{ end }}", limits: new ReportLimits { LoopLimit = int.MaxValue }, cancellationToken: cts.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Limits_are_validated()
    {
        var act = () => new ReportRenderer(limits: new ReportLimits { LoopLimit = 0 });

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void The_defaults_are_documented_values()
    {
        var limits = ReportLimits.Default;

        (limits.LoopLimit, limits.RecursionLimit, limits.MaxOutputChars, limits.Timeout, limits.RegexTimeout, limits.MaxTemplateChars)
            .Should().Be((100_000, 64, 10_000_000, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1), 1_000_000));
    }
}
