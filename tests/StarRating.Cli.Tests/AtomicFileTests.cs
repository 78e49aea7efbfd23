using StarRating.Cli.Output;

namespace StarRating.Cli.Tests;

public sealed class AtomicFileTests
{
    // Far above any PID Linux hands out (pid_max is at most 2^22), so no process owns it.
    private const string DeadPid = "2147483000";

    [Fact]
    public void A_write_removes_temporary_files_of_its_target_left_by_dead_processes_and_nothing_else()
    {
        using var temp = new TempFolder();
        string[] theirs =
        [
            ".report.html.tmp",                                   // not our shape
            $".report.html.{DeadPid}.ABCDEF012345.tmp",           // upper-case: not ours
            $".report.html.{DeadPid}.abcdef01234.tmp",            // 11 digits: not ours
            $".other.html.{DeadPid}.abcdef012345.tmp",            // another target: its own write cleans it
            "report.html.tmp",
        ];
        var orphan = $".report.html.{DeadPid}.abcdef012345.tmp";
        var live = $".report.html.{Environment.ProcessId}.0123456789ab.tmp"; // a write of this process in flight
        foreach (var name in theirs.Append(orphan).Append(live))
        {
            File.WriteAllText(temp.File(name), name);
        }

        AtomicFile.Durable.Write(temp.File("report.html"), "<p>new</p>").Should().BeNull();

        File.ReadAllText(temp.File("report.html")).Should().Be("<p>new</p>");
        File.Exists(temp.File(orphan)).Should().BeFalse("its process is gone");
        File.Exists(temp.File(live)).Should().BeTrue("its process is still running");
        theirs.Should().OnlyContain(name => File.Exists(temp.File(name)) && File.ReadAllText(temp.File(name)) == name);
    }

    [Fact]
    public void Orphans_of_every_target_in_a_folder_go_when_each_target_is_written()
    {
        using var temp = new TempFolder();
        for (var i = 0; i < 50; i++)
        {
            File.WriteAllText(temp.File($".{i:D2}.html.{DeadPid}.abcdef012345.tmp"), "torn");
        }

        for (var i = 0; i < 50; i++)
        {
            AtomicFile.Durable.Write(temp.File($"{i:D2}.html"), "done").Should().BeNull();
        }

        Directory.GetFiles(temp.Path, ".*").Should().BeEmpty();
        Directory.GetFiles(temp.Path).Should().HaveCount(50);
    }
}
