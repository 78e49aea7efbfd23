using System.Runtime.CompilerServices;
using System.Text;

namespace StarRating.Testing;

/// <summary>
/// Golden files: an input beside its expected output, compared byte for byte. A mismatch (or a missing expected
/// file) writes the actual output beside the expected one as <c>NAME.received.EXT</c> and fails the test; approving
/// is a separate, explicit step: review the received file, then copy it over the expected one
/// (<c>tools/approve-golden.sh</c> does that for every received file). Nothing here ever rewrites an expected file,
/// so a test run cannot bless its own output. Received files are ignored by git.
/// </summary>
internal static class Golden
{
    /// <summary>The source folder of golden files (not the build output), so received files land beside them.</summary>
    public static string Folder(string relative, [CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(callerPath)!, relative);

    /// <summary>Input files in a folder with the given extensions, as theory data (file names only).</summary>
    public static TheoryData<string> Cases(string folder, params string[] extensions)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder)
                     .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal))
                                 && !f.Contains(".expected.", StringComparison.Ordinal)
                                 && !f.Contains(".received.", StringComparison.Ordinal))
                     .Select(Path.GetFileName)
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    /// <summary>
    /// The received path for an expected path: <c>.received</c> goes before the last extension, so the pair maps both
    /// ways without guessing (<c>a.expected.md</c> → <c>a.expected.received.md</c>, <c>api.txt</c> → <c>api.received.txt</c>).
    /// </summary>
    public static string ReceivedPath(string expectedPath)
    {
        var folder = Path.GetDirectoryName(expectedPath)!;
        var name = Path.GetFileName(expectedPath);
        var dot = name.LastIndexOf('.');
        return Path.Combine(folder, dot > 0 ? name[..dot] + ".received" + name[dot..] : name + ".received");
    }

    public static void Check(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath, Encoding.UTF8) : null;
        var received = ReceivedPath(expectedPath);
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual, new UTF8Encoding(false));
        expected.Should().NotBeNull($"the golden file {expectedPath} should exist; the output was written to {received}: review it, then approve it with tools/approve-golden.sh");
        actual.Should().Be(expected, $"the output should match {Path.GetFileName(expectedPath)}; the actual output is in {received} (review, then tools/approve-golden.sh)");
    }

    public static void CheckBytes(string expectedPath, byte[] actual)
    {
        var expected = File.Exists(expectedPath) ? File.ReadAllBytes(expectedPath) : null;
        var received = ReceivedPath(expectedPath);
        if (expected is not null && expected.AsSpan().SequenceEqual(actual))
        {
            File.Delete(received);
            return;
        }

        File.WriteAllBytes(received, actual);
        expected.Should().NotBeNull($"the golden file {expectedPath} should exist; the output was written to {received}: review it, then approve it with tools/approve-golden.sh");
        expected.Should().Equal(actual, $"the output should match {Path.GetFileName(expectedPath)} byte for byte; the actual output is in {received}");
    }
}
