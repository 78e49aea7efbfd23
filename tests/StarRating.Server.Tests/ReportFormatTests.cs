using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace StarRating.Server.Tests;

/// <summary>
/// Reports in every format and workbook evidence: the service makes each report as <c>starrating score --format F</c>
/// makes it from the downloaded evidence (the same bytes, except a PDF's print date), and reads an uploaded workbook
/// as the command reads the file, diagnostics at the same sheets and cells.
/// </summary>
[Collection("store")]
public sealed class ReportFormatTests
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static TheoryData<string> Stores => TestService.Stores;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Every_report_format_is_the_bytes_the_cli_writes_for_the_downloaded_evidence(string store)
    {
        await using var service = await TestService.StartAsync(store);
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var lead = service.Client("lead");
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File($"audit-{id}.json"), await lead.GetByteArrayAsync($"/api/audits/{id}"));

        foreach (var (format, lang, type) in new[]
                 {
                     ("docx", "zh", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                     ("docx", "en", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                     ("xlsx", "zh", XlsxType),
                     ("xlsx", "en", XlsxType),
                     ("html", "en", "text/html"),
                     ("md", "zh", "text/markdown"),
                 })
        {
            var output = $"cli-{lang}.{format}";
            var (code, _, error) = await CliHelper.RunAsync(folder.Path, null, "score", $"audit-{id}.json", "--format", format, "--lang", lang, "-o", output);
            code.Should().Be(0, error);

            var response = await lead.GetAsync($"/api/audits/{id}/report?format={format}&lang={lang}");
            response.StatusCode.Should().Be(HttpStatusCode.OK, format);
            response.Content.Headers.ContentType!.MediaType.Should().Be(type);
            var served = await response.Content.ReadAsByteArrayAsync();
            served.Should().Equal(await File.ReadAllBytesAsync(folder.File(output)), $"the {format} ({lang}) report is the command's file");
            if (format is "docx" or "xlsx")
            {
                var disposition = response.Content.Headers.ContentDisposition!;
                disposition.DispositionType.Should().Be("attachment");
                disposition.FileName.Should().Be($"audit-{id}-report.{format}");
                response.Headers.GetValues("X-Content-Type-Options").Single().Should().Be("nosniff");
                response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("sandbox");
            }
        }

        // Accept-Language picks the language when lang= is absent, as for the other formats.
        var english = await service.Client("lead", "en").GetByteArrayAsync($"/api/audits/{id}/report?format=docx");
        english.Should().Equal(await File.ReadAllBytesAsync(folder.File("cli-en.docx")));
    }

    [Fact]
    public async Task A_pdf_without_chromium_on_the_server_is_a_503_naming_what_to_install_never_a_500()
    {
        await using var service = await TestService.StartAsync("sqlite", o => o with { ChromiumPath = "/nonexistent/chromium" });
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var response = await service.Client("lead", "en").GetAsync($"/api/audits/{id}/report?format=pdf");
        response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7030");
        problem["title"]!.GetValue<string>().Should().Contain("apt-get install chromium").And.Contain("STARRATING_CHROMIUM");
        problem["errors"]![0]!["code"]!.GetValue<string>().Should().Be("SR5400");
        var chinese = await service.Client("lead").GetAsync($"/api/audits/{id}/report?format=pdf");
        JsonNode.Parse(await chinese.Content.ReadAsStringAsync())!["title"]!.GetValue<string>().Should().Contain("Chromium").And.Contain("apt-get install chromium");

        // Every other format works without a browser.
        (await service.Client("lead").GetAsync($"/api/audits/{id}/report?format=docx")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [SystemFact("browser", "pdf")]
    public async Task A_pdf_report_is_printed_by_chromium_as_the_cli_prints_it()
    {
        SystemTools.Ensure("browser", "pdf");
        await using var service = await TestService.StartAsync("sqlite");
        var id = await service.CreateAuditAsync(TestService.Sample("02-three-star-regional-retailer.yaml"));
        var lead = service.Client("lead");
        using var folder = new TempFolder();
        await File.WriteAllBytesAsync(folder.File($"audit-{id}.json"), await lead.GetByteArrayAsync($"/api/audits/{id}"));
        var (code, _, error) = await CliHelper.RunAsync(folder.Path, null, "score", $"audit-{id}.json", "--format", "pdf", "-o", "cli.pdf");
        code.Should().Be(0, error);

        var response = await lead.GetAsync($"/api/audits/{id}/report?format=pdf");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/pdf");
        response.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        response.Content.Headers.ContentDisposition.FileName.Should().Be($"audit-{id}-report.pdf");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        await File.WriteAllBytesAsync(folder.File("api.pdf"), pdf);

        // Chromium stamps the print date into the file, so the same print differs in bytes: compare the text.
        string Text(string file) => ProcessRunner.Run("pdftotext", ["-layout", folder.File(file), "-"]).Output;
        var text = Text("api.pdf");
        text.Should().Contain("江苏汉彭电器连锁有限公司");
        text.Should().Be(Text("cli.pdf"));

        // A second download of the same revision is the printed file again, without another browser.
        (await lead.GetByteArrayAsync($"/api/audits/{id}/report?format=pdf")).Should().Equal(pdf);
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_workbook_upload_is_read_as_the_cli_reads_it_with_sheet_and_cell_locations(string store)
    {
        await using var service = await TestService.StartAsync(store);
        using var folder = new TempFolder();
        File.Copy(Path.Combine(RepoPaths.Root, "samples", "02-three-star-regional-retailer.yaml"), folder.File("sample.yaml"));
        var (code, _, error) = await CliHelper.RunAsync(folder.Path, null, "convert", "sample.yaml", "-o", "audit.xlsx");
        code.Should().Be(0, error);
        var workbook = await File.ReadAllBytesAsync(folder.File("audit.xlsx"));
        var lead = service.Client("lead", "en");

        var created = await lead.PostAsync("/api/audits", new ByteArrayContent(workbook) { Headers = { { "Content-Type", XlsxType } } });
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = JsonNode.Parse(await created.Content.ReadAsStringAsync())!["id"]!.GetValue<long>();
        var result = JsonNode.Parse(await lead.GetStringAsync($"/api/audits/{id}/result"))!;
        (code, var cliJson, error) = await CliHelper.RunAsync(folder.Path, null, "score", "audit.xlsx", "--format", "json");
        code.Should().Be(0, error);
        var cli = JsonNode.Parse(cliJson)!;
        result["score"]!.ToJsonString().Should().Be(cli["score"]!.ToJsonString());
        result["tier"]!["id"]!.GetValue<string>().Should().Be(cli["tier"]!["id"]!.GetValue<string>());
        result["tier"]!["id"]!.GetValue<string>().Should().Be("three-star");

        // The same workbook as a browser's multipart upload.
        using var form = new MultipartFormDataContent { { new ByteArrayContent(workbook) { Headers = { { "Content-Type", XlsxType } } }, "evidence", "audit.xlsx" } };
        (await lead.PostAsync("/api/audits", form)).StatusCode.Should().Be(HttpStatusCode.Created);

        // A misspelt result word in the workbook: 422, each diagnostic at its sheet and cell, as the command says it.
        var broken = Rewrite(workbook, "xl/sharedStrings.xml", x => x.Replace("<t>符合</t>", "<t>符合吗</t>", StringComparison.Ordinal));
        await File.WriteAllBytesAsync(folder.File("broken.xlsx"), broken);
        using var upload = new MultipartFormDataContent { { new ByteArrayContent(broken) { Headers = { { "Content-Type", XlsxType } } }, "evidence", "broken.xlsx" } };
        var refused = await lead.PostAsync("/api/audits", upload);
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonNode.Parse(await refused.Content.ReadAsStringAsync())!;
        problem["code"]!.GetValue<string>().Should().Be("SR7004");
        var errors = problem["errors"]!.AsArray();
        errors.Should().NotBeEmpty();
        errors.Should().OnlyContain(e => e!["sheet"] != null && e["cell"] != null);
        var (cliCode, _, cliErrors) = await CliHelper.RunAsync(folder.Path, null, "validate", "broken.xlsx");
        cliCode.Should().Be(2);
        foreach (var e in errors)
        {
            cliErrors.Should().Contain($"{e!["file"]}({e["sheet"]}!{e["cell"]}): error {e["code"]}: {e["message"]}");
        }
    }

    private static byte[] Rewrite(byte[] package, string part, Func<string, string> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(package);
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(part)!;
            string text;
            using (var reader = new StreamReader(entry.Open()))
            {
                text = reader.ReadToEnd();
            }

            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(part).Open(), new UTF8Encoding(false));
            writer.Write(edit(text));
        }

        return stream.ToArray();
    }
}
