using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StarRating.Cli.Tests;

/// <summary>
/// Kills a real <c>starrating batch</c> process at random moments while it writes reports, and checks that
/// every output file is either the previous file or the complete new one, and that no temporary file is left.
/// Each kill waits until a random number of outputs have been replaced, so it lands while reports are being written
/// however busy the machine is; it still runs alone, as it starts many processes.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed partial class KillTests
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "StarRating.Cli.dll");

    [Theory]
    [InlineData(SigTerm)]
    [InlineData(SigKill)]
    public void Killing_a_batch_never_leaves_a_torn_report(int signal)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        using var temp = new TempFolder();
        var input = temp.File("in");
        Directory.CreateDirectory(input);
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml");
        for (var copy = 0; copy < 8; copy++)
        {
            foreach (var sample in samples)
            {
                File.Copy(sample, Path.Combine(input, $"{copy:D2}-{Path.GetFileName(sample)}"));
            }
        }

        // A full run gives the complete outputs (and its duration); each round then starts from a previous version
        // of every file, which a torn write must never replace partially.
        var output = temp.File("out");
        Directory.CreateDirectory(output);
        var clock = Stopwatch.StartNew();
        using (var full = Start(input, output))
        {
            full.WaitForExit();
            full.ExitCode.Should().Be(0);
        }

        var fullRun = clock.Elapsed;
        var expected = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        expected.Keys.Should().Contain(["portfolio.csv", "portfolio.json"]).And.HaveCount(samples.Length * 8 + 2);
        var random = new Random(27922 + signal);
        var interruptedMidway = 0;
        // Six rounds, and more (up to 20) while no kill has landed mid-run.
        for (var round = 0; round < 6 || (interruptedMidway == 0 && round < 20); round++)
        {
            foreach (var name in expected.Keys)
            {
                File.WriteAllText(Path.Combine(output, name), "previous version of " + name);
            }

            using var process = Start(input, output);
            // Kill once a random number of outputs have been replaced, not at a random time: on a busy machine start-up
            // alone varies by seconds, so a kill timed by the clock lands before the first write or after the last.
            var replacedBeforeKill = random.Next(1, expected.Count);
            var deadline = Stopwatch.StartNew();
            while (!process.HasExited && Replaced(output, expected.Keys) < replacedBeforeKill && deadline.Elapsed < fullRun * 20 + TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(1);
            }

            SendSignal(process.Id, signal);
            process.WaitForExit();

            var replaced = 0;
            foreach (var file in Directory.GetFiles(output).Where(f => !Path.GetFileName(f).StartsWith('.')))
            {
                var content = File.ReadAllBytes(file);
                var name = Path.GetFileName(file);
                var previous = System.Text.Encoding.UTF8.GetBytes("previous version of " + name);
                (content.SequenceEqual(previous) || content.SequenceEqual(expected[name])).Should().BeTrue($"{name} is either the previous file or the complete new one (round {round})");
                replaced += content.SequenceEqual(previous) ? 0 : 1;
            }

            interruptedMidway += replaced > 0 && replaced < expected.Count ? 1 : 0;

            if (signal == SigTerm)
            {
                Directory.GetFiles(output, ".*.tmp").Should().BeEmpty($"a terminated process removes its temporary files (round {round})");
            }
        }

        interruptedMidway.Should().BeGreaterThan(0, "some kills must land while reports are being written, or the test proves nothing");

        // A process killed outright cannot clean up; the next run removes what it left.
        using (var last = Start(input, output))
        {
            last.WaitForExit();
            last.ExitCode.Should().Be(0);
        }

        Directory.GetFiles(output, ".*.tmp").Should().BeEmpty();
        Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes).Should().BeEquivalentTo(expected);
    }

    /// <summary>How many outputs no longer hold their previous version (a replacement is a rename, so its size changes at once).</summary>
    private static int Replaced(string output, IEnumerable<string> names) =>
        names.Count(name => new FileInfo(Path.Combine(output, name)) is { Exists: true } file && file.Length != System.Text.Encoding.UTF8.GetByteCount("previous version of " + name));

    private static Process Start(string input, string output)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { CliDll, "batch", input, "-o", output, "--reports", "html" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}

/// <summary>Tests that time a real process run alone, not beside the rest of the test assembly.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
