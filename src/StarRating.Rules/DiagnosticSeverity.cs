namespace StarRating.Rules;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input cannot be used: nothing is scored or rendered from it.</summary>
    Error = 0,

    /// <summary>The input is used, but something in it is probably a mistake.</summary>
    Warning = 1,

    /// <summary>Information only.</summary>
    Info = 2,
}
