using System.Diagnostics;
using System.Runtime.InteropServices;

namespace StarRating.Cli.Tests;

/// <summary>
/// Kills a real <c>starrating batch</c> process while it writes reports, and checks that every output file is either
/// the previous file or the complete new one, and that no temporary file is left. Each kill is timed by the batch's
/// own progress, not by a clock: the signal goes out the moment the process has printed the progress line of its k-th
/// report (k random, at most half of them), so reports are being written on the other cores while it lands, and the
/// portfolio, written last, never is. A wall-clock delay measured against a full run missed the writes whenever the
/// loaded machine made start-up slower than the full run had been. It still runs alone, so the other CLI tests do not
/// compete with the processes it starts.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed partial class KillTests
{
    private const int SigKill = 9;
    private const int SigTerm = 15;

    /// <summary>Copies of each sample: enough reports after the latest kill point (half of them) to outlast the signal's way.</summary>
    private const int Copies = 10;

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int SendSignal(int pid, int signal);

    private static readonly string CliDll = Path.Combine(AppContext.BaseDirectory, "StarRating.Cli.dll");

    [UnixTheory("POSIX signals")]
    [InlineData(SigTerm)]
    [InlineData(SigKill)]
    public void Killing_a_batch_never_leaves_a_torn_report(int signal)
    {
        using var temp = new TempFolder();
        var input = temp.File("in");
        Directory.CreateDirectory(input);
        var samples = Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml");
        for (var copy = 0; copy < Copies; copy++)
        {
            foreach (var sample in samples)
            {
                // A surveillance sample names its predecessor (previous:), which is copied under the same prefix.
                var text = File.ReadAllText(sample).Replace("\n  previous: ", $"\n  previous: {copy:D2}-", StringComparison.Ordinal);
                File.WriteAllText(Path.Combine(input, $"{copy:D2}-{Path.GetFileName(sample)}"), text);
            }
        }

        // A full run gives the complete outputs; each round then starts from a previous version of every file, which a
        // torn write must never replace partially.
        var output = temp.File("out");
        Directory.CreateDirectory(output);
        using (var full = Start(input, output))
        {
            full.WaitForExit();
            full.ExitCode.Should().Be(0);
        }

        var expected = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        var reports = samples.Length * Copies;
        expected.Keys.Should().Contain(["portfolio.csv", "portfolio.json"]).And.HaveCount(reports + 2);
        var random = new Random(27922 + signal);
        var killedMidway = 0;
        const int rounds = 6;
        for (var round = 0; round < rounds; round++)
        {
            foreach (var name in expected.Keys)
            {
                File.WriteAllText(Path.Combine(output, name), "previous version of " + name);
            }

            var killAfter = random.Next(1, reports / 2 + 1);
            using var process = Start(input, output, killAfter, signal);
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

            // Killed mid-batch: the reports it had announced were written, the portfolio (written last) was not.
            if (process.ExitCode != 0 && File.ReadAllText(Path.Combine(output, "portfolio.json")) == "previous version of portfolio.json")
            {
                replaced.Should().BeGreaterThanOrEqualTo(killAfter, $"round {round}");
                killedMidway++;
            }

            if (signal == SigTerm)
            {
                Directory.GetFiles(output, ".*.tmp").Should().BeEmpty($"a terminated process removes its temporary files (round {round})");
            }
        }

        killedMidway.Should().BeGreaterThanOrEqualTo(rounds / 2, "the kills must land while reports are being written, or the test proves nothing");

        // A process killed outright cannot clean up; the next run removes what it left.
        using (var last = Start(input, output))
        {
            last.WaitForExit();
            last.ExitCode.Should().Be(0);
        }

        Directory.GetFiles(output, ".*.tmp").Should().BeEmpty();
        // Compared file by file: an equivalency assertion over 60 arrays of 100 KB walks every byte by reflection (10 s).
        var final = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        final.Keys.Should().BeEquivalentTo(expected.Keys);
        final.Where(f => !f.Value.AsSpan().SequenceEqual(expected[f.Key])).Select(f => f.Key).Should().BeEmpty("the next run completes every output");
    }

    /// <summary>
    /// Starts a batch; with <paramref name="killAfter"/>, sends <paramref name="signal"/> as soon as the progress line of
    /// that many reports has been printed (lines come in input order, each after its report was written). A thread of
    /// its own waits on the output pipe, so the signal follows the line within a scheduling slice, not after the
    /// thread pool gets round to it.
    /// </summary>
    private static Process Start(string input, string output, int killAfter = 0, int signal = 0)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { CliDll, "batch", input, "-o", output, "--reports", "html" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        var reader = new Thread(() =>
        {
            var announced = 0;
            while (process.StandardOutput.ReadLine() is { } line)
            {
                if (killAfter > 0 && line.StartsWith('[') && ++announced == killAfter)
                {
                    SendSignal(process.Id, signal);
                }
            }
        })
        { IsBackground = true, Priority = ThreadPriority.Highest };
        reader.Start();
        return process;
    }
}

/// <summary>Tests that time a real process run alone, not beside the rest of the test assembly.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
