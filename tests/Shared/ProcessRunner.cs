using System.Diagnostics;

namespace StarRating.Testing;

/// <summary>Runs a real program (Chromium, soffice, pdftotext...) with arguments, its output captured, killed after a timeout.</summary>
internal static class ProcessRunner
{
    public static (int Exit, string Output) Run(string program, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, program + " timed out");
        }

        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
