using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>Prints diagnostics to stderr as <c>file(line,col): error CODE: message</c> with the hint below, in the user's language.</summary>
internal static class DiagnosticPrinter
{
    public static void Print(CliContext context, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            context.Error.Write(diagnostic.Format(context.Messages, includeHint: true));
            context.Error.Write('\n');
        }
    }

    /// <summary>Prints the diagnostics and a count line; returns true when there were errors.</summary>
    public static bool Report(CliContext context, IReadOnlyList<Diagnostic> diagnostics)
    {
        Print(context, diagnostics);
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (errors > 0)
        {
            context.Error.Write(context.Text("cli.nothing_written", ("errors", errors), ("warnings", warnings)) + "\n");
        }

        return errors > 0;
    }
}
