using System.Runtime.CompilerServices;
using System.Text;

namespace StarRating.Testing;

/// <summary>
/// Golden files: an input beside its expected output, compared byte for byte. Set the environment variable
/// STARRATING_UPDATE_GOLDEN=1 to rewrite the expected files instead, then review the diff like code.
/// </summary>
internal static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("STARRATING_UPDATE_GOLDEN") == "1";

    /// <summary>The source folder of golden files (not the build output), so updates land in the repo.</summary>
    public static string Folder(string relative, [CallerFilePath] string callerPath = "") =>
        Path.Combine(Path.GetDirectoryName(callerPath)!, relative);

    /// <summary>Input files in a folder with the given extensions, as theory data (file names only).</summary>
    public static TheoryData<string> Cases(string folder, params string[] extensions)
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(folder)
                     .Where(f => extensions.Any(e => f.EndsWith(e, StringComparison.Ordinal)) && !f.Contains(".expected.", StringComparison.Ordinal))
                     .Select(Path.GetFileName)
                     .Order(StringComparer.Ordinal))
        {
            data.Add(file!);
        }

        return data;
    }

    public static void Check(string expectedPath, string actual)
    {
        actual = actual.Replace("\r\n", "\n", StringComparison.Ordinal);
        if (Updating)
        {
            File.WriteAllText(expectedPath, actual, new UTF8Encoding(false));
            return;
        }

        File.Exists(expectedPath).Should().BeTrue($"the golden file {expectedPath} should exist (run with STARRATING_UPDATE_GOLDEN=1 to create it)");
        var expected = File.ReadAllText(expectedPath, Encoding.UTF8);
        actual.Should().Be(expected, $"the output should match {Path.GetFileName(expectedPath)}");
    }

    public static void CheckBytes(string expectedPath, byte[] actual)
    {
        if (Updating)
        {
            File.WriteAllBytes(expectedPath, actual);
            return;
        }

        File.Exists(expectedPath).Should().BeTrue($"the golden file {expectedPath} should exist (run with STARRATING_UPDATE_GOLDEN=1 to create it)");
        File.ReadAllBytes(expectedPath).Should().Equal(actual, $"the output should match {Path.GetFileName(expectedPath)} byte for byte");
    }
}
