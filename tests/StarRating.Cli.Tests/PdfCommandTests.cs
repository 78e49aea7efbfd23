using StarRating.Cli;

namespace StarRating.Cli.Tests;

/// <summary>score --format pdf: printed by real headless Chromium; a clear error naming what to install when it is missing.</summary>
/// <remarks>One class, so the test that hides Chromium (through STARRATING_CHROMIUM) never runs beside the one that uses it.</remarks>
public sealed class PdfCommandTests
{
    private const string Sample = "{root}/samples/06-mock-self-assessment.yaml";

    [SystemFact("browser", "pdf")]
    public void Score_prints_the_html_report_to_pdf_with_chromium()
    {
        SystemTools.Ensure("browser", "pdf");
        using var temp = new TempFolder();
        var target = temp.File("report.pdf");

        var run = CliRunner.Run("score", Sample, "-o", target);

        run.ExitCode.Should().Be(0, run.Error);
        File.ReadAllBytes(target).Take(5).Should().Equal("%PDF-"u8.ToArray());
        var text = PdfText(target);
        text.Should().Contain("成都蜀禾智能锁业有限公司").And.Contain("75.8").And.Contain("达标级");
        Directory.GetFiles(temp.Path).Should().ContainSingle("the temporary HTML and browser profile are not left beside the output");
    }

    [Fact]
    public void Without_chromium_pdf_is_refused_with_what_to_install_and_nothing_is_written()
    {
        using var temp = new TempFolder();
        var previous = Environment.GetEnvironmentVariable("STARRATING_CHROMIUM");
        Environment.SetEnvironmentVariable("STARRATING_CHROMIUM", temp.File("no-such-browser"));
        try
        {
            var run = CliRunner.Run("score", Sample, "--format", "pdf", "-o", temp.File("report.pdf"));

            run.ExitCode.Should().Be(ExitCodes.InvalidInput);
            run.Error.Should().Contain("error SR5400:").And.Contain("apt-get install chromium").And.Contain("Google Chrome");
            Directory.GetFiles(temp.Path).Should().BeEmpty();
        }
        finally
        {
            Environment.SetEnvironmentVariable("STARRATING_CHROMIUM", previous);
        }
    }

    [Fact]
    public void A_browser_that_fails_gives_a_clear_error_and_nothing_is_written()
    {
        if (!File.Exists("/bin/false"))
        {
            return;
        }

        using var temp = new TempFolder();
        var previous = Environment.GetEnvironmentVariable("STARRATING_CHROMIUM");
        Environment.SetEnvironmentVariable("STARRATING_CHROMIUM", "/bin/false");
        try
        {
            var run = CliRunner.Run("score", Sample, "-o", temp.File("report.pdf"));

            run.ExitCode.Should().Be(ExitCodes.InvalidInput);
            run.Error.Should().Contain("error SR5401: Chromium did not print the PDF: false exited with code 1");
            Directory.GetFiles(temp.Path).Should().BeEmpty();
        }
        finally
        {
            Environment.SetEnvironmentVariable("STARRATING_CHROMIUM", previous);
        }
    }

    private static string PdfText(string pdf)
    {
        var (_, text) = ProcessRunner.Run("pdftotext", [pdf, "-"]);
        return new string(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
    }
}
