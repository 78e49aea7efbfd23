using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook.Tests;

/// <summary>
/// Workbooks built to hurt: each is refused with its code, quickly and without unpacking what it threatens. The
/// reader never throws for any of them.
/// </summary>
public sealed class HostileTests
{
    private static readonly byte[] Checklist = AuditWorkbook.Checklist(Rubric.Default);

    private static IReadOnlyList<Diagnostic> Read(byte[] bytes, string name = "hostile.xlsx", WorkbookLimits? limits = null) =>
        new WorkbookReader(Rubric.Default, limits).Read(bytes, name).Diagnostics;

    /// <summary>The checklist with one part replaced (or added), and optionally one more entry.</summary>
    private static byte[] Repack(byte[] workbook, Func<string, byte[], byte[]?> change, params (string Name, byte[] Content)[] extra)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(workbook)))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var stream = entry.Open();
                using var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                var content = change(entry.FullName, buffer.ToArray());
                if (content is null)
                {
                    continue;
                }

                using var write = target.CreateEntry(entry.FullName, CompressionLevel.Optimal).Open();
                write.Write(content);
            }

            foreach (var (name, content) in extra)
            {
                using var write = target.CreateEntry(name, CompressionLevel.Optimal).Open();
                write.Write(content);
            }
        }

        return output.ToArray();
    }

    private static byte[] Replace(string part, Func<string, string> edit) =>
        Repack(Checklist, (name, content) => name == part ? Encoding.UTF8.GetBytes(edit(Encoding.UTF8.GetString(content))) : content);

    [Fact]
    public void Text_and_old_or_encrypted_files_are_not_workbooks()
    {
        Read(Encoding.UTF8.GetBytes("company:\n  name: x\n")).Single().Code.Should().Be("SR6001");
        Read([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).Single().Message.Should().Contain("encrypted");
        Read(Checklist[..(Checklist.Length / 2)]).Single().Code.Should().Be("SR6001");
    }

    [Fact]
    public void Macros_are_refused_by_name_content_type_and_part()
    {
        Read(Checklist, "audit.xlsm").Single().Code.Should().Be("SR6002");
        Read(Repack(Checklist, (_, c) => c, ("xl/vbaProject.bin", [1, 2, 3]))).Single().Code.Should().Be("SR6002");
        Read(Replace("[Content_Types].xml", x => x.Replace("spreadsheetml.sheet.main+xml", "sheet.macroEnabled.main+xml", StringComparison.Ordinal))).Single().Code.Should().Be("SR6002");
    }

    [Fact]
    public void A_compression_bomb_is_refused_before_it_is_unpacked()
    {
        // 50 MB of one repeated row (under the 64 MB total) compress to about 100 KB.
        var row = Encoding.UTF8.GetBytes("<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>");
        var bomb = new byte[50 * 1024 * 1024];
        for (var i = 0; i + row.Length < bomb.Length; i += row.Length)
        {
            row.CopyTo(bomb, i);
        }

        var workbook = Repack(Checklist, (name, content) => name == "xl/worksheets/sheet2.xml" ? bomb : content);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();

        var diagnostics = Read(workbook);

        // The allocation bound proves the bomb is never unpacked; the clock only catches a hang (unpacking 50 MB
        // takes well under a second idle), with room for a machine busy with other builds.
        clock.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
        (GC.GetAllocatedBytesForCurrentThread() - before).Should().BeLessThan(workbook.Length + (16 * 1024 * 1024), "the bomb is never unpacked");
        diagnostics.Select(d => d.Code).Should().BeEquivalentTo(["SR6004"]);
    }

    [Fact]
    public void A_part_that_unpacks_beyond_its_declared_size_is_stopped()
    {
        // Patch the entry headers so the sheet declares 100 bytes: a lying header is how bombs pass size checks.
        var workbook = Repack(Checklist, (_, c) => c);
        var name = Encoding.ASCII.GetBytes("xl/worksheets/sheet2.xml");
        var patched = 0;
        for (var from = 0; workbook.AsSpan(from).IndexOf(name) is var found and >= 0; from += found + 1)
        {
            var at = from + found;
            var local = at - 30;
            var central = at - 46;
            if (local >= 0 && workbook[local] == 'P' && workbook[local + 1] == 'K' && workbook[local + 2] == 3)
            {
                BitConverter.GetBytes(100).CopyTo(workbook, local + 22);
                patched++;
            }
            else if (central >= 0 && workbook[central] == 'P' && workbook[central + 1] == 'K' && workbook[central + 2] == 1)
            {
                BitConverter.GetBytes(100).CopyTo(workbook, central + 24);
                patched++;
            }
        }

        patched.Should().Be(2);

        // .NET stops unpacking at the declared size (the reader's bounded stream would too): the sheet ends after
        // 100 bytes and is refused as damaged, whatever the rest would have unpacked to.
        Read(workbook).Should().ContainSingle().Which.ToString().Should().StartWith("hostile.xlsx: error SR6008: part 'xl/worksheets/sheet2.xml' is not well-formed XML");
    }

    [Fact]
    public void Size_caps_are_limits_of_the_reader()
    {
        Read(Checklist, limits: new WorkbookLimits { MaxUnpackedBytes = 10_000 }).Single().Code.Should().Be("SR6003");
        Read(Checklist, limits: new WorkbookLimits { MaxFileBytes = 1_000 }).Single().Code.Should().Be("SR6017");
        Read(Checklist, limits: new WorkbookLimits { MaxParts = 3 }).Single().Code.Should().Be("SR6005");
        Read(Checklist, limits: new WorkbookLimits { MaxSheets = 2 }).Single().Code.Should().Be("SR6005");
        Read(Checklist, limits: new WorkbookLimits { MaxSharedStrings = 100 }).Single().Code.Should().Be("SR6013");
        Read(Checklist, limits: new WorkbookLimits { MaxSharedStringChars = 1000 }).Single().Code.Should().Be("SR6013");
        Read(Checklist, limits: new WorkbookLimits { MaxCells = 100 }).Single().Code.Should().Be("SR6006");
    }

    [Fact]
    public void A_value_far_below_the_table_is_refused()
    {
        var far = Replace("xl/worksheets/sheet2.xml", x => x.Replace("</sheetData>", "<row r=\"1000000\"><c r=\"A1000000\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>", StringComparison.Ordinal));
        var wide = Replace("xl/worksheets/sheet2.xml", x => x.Replace("</sheetData>", "<row r=\"900\"><c r=\"XFD900\" t=\"inlineStr\"><is><t>x</t></is></c></row></sheetData>", StringComparison.Ordinal));

        Read(far).Single().Code.Should().Be("SR6006");
        Read(wide).Single().ToString().Should().Be("hostile.xlsx(检查项): error SR6006: the sheet has more than 256 columns");
    }

    [Fact]
    public void Xml_with_a_dtd_or_entities_is_refused()
    {
        const string Laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>";
        var bomb = Replace("xl/sharedStrings.xml", x => Laughs + x[x.IndexOf("<sst", StringComparison.Ordinal)..].Replace("<t>", "<t>&lol2;", StringComparison.Ordinal));
        var external = Replace("xl/workbook.xml", x => "<?xml version=\"1.0\"?><!DOCTYPE workbook SYSTEM \"file:///etc/passwd\">" + x[x.IndexOf("<workbook", StringComparison.Ordinal)..]);

        Read(bomb).Single().Code.Should().Be("SR6007");
        Read(external).Single().Code.Should().Be("SR6007");
        Read(Replace("xl/workbook.xml", x => x.Replace("</sheets>", "<sheets>", StringComparison.Ordinal))).Single().Code.Should().Be("SR6008");
    }

    [Fact]
    public void External_links_and_connections_are_refused()
    {
        var link = Replace("xl/_rels/workbook.xml.rels", x => x.Replace("</Relationships>", "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink\" Target=\"externalLinks/externalLink1.xml\"/></Relationships>", StringComparison.Ordinal));
        var remote = Replace("xl/_rels/workbook.xml.rels", x => x.Replace("</Relationships>", "<Relationship Id=\"rId98\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"http://example.com/x.xlsx\" TargetMode=\"External\"/></Relationships>", StringComparison.Ordinal));

        Read(link).Single().Code.Should().Be("SR6009");
        Read(remote).Single().Message.Should().Contain("http://example.com/x.xlsx");
    }

    [Fact]
    public void Too_many_sheets_are_refused_before_any_is_read()
    {
        var many = Replace("xl/workbook.xml", x => x.Replace("</sheets>", string.Concat(Enumerable.Range(10, 100).Select(i => $"<sheet name=\"s{i}\" sheetId=\"{i}\" r:id=\"rId1\"/>")) + "</sheets>", StringComparison.Ordinal));

        Read(many).Single().Code.Should().Be("SR6005");
    }

    [Fact]
    public void A_deleted_sheet_or_column_is_named()
    {
        var noItems = Replace("xl/workbook.xml", x => x.Replace("<sheet name=\"检查项\" sheetId=\"2\" r:id=\"rId2\" />", "", StringComparison.Ordinal));
        var noResult = Replace("xl/worksheets/sheet2.xml", x => x.Replace(">result<", ">x<", StringComparison.Ordinal));

        Read(noItems).Single().ToString().Should().Be("hostile.xlsx: error SR6010: the workbook has no '检查项 / Check items' sheet");
        var missing = Read(Replace("xl/sharedStrings.xml", x => x.Replace("<t>result</t>", "<t>x</t>", StringComparison.Ordinal).Replace("<t>结果</t>", "<t>y</t>", StringComparison.Ordinal)));
        missing.Select(d => d.ToString()).Should().Contain("hostile.xlsx(检查项): error SR6011: the sheet has no '结果 / Result' column");
        _ = noResult;
    }

    [Fact]
    public void Random_damage_never_throws()
    {
        var random = new Random(27922);
        var reader = new WorkbookReader(Rubric.Default);
        for (var i = 0; i < 300; i++)
        {
            var damaged = (byte[])Checklist.Clone();
            for (var j = 0; j < 1 + (i % 8); j++)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            var act = () => AuditEngine.Default.Score(reader.Read(damaged, "damaged.xlsx"));

            act.Should().NotThrow();
        }
    }
}
