using System.Globalization;
using System.Text.RegularExpressions;

namespace StarRating.Rules.Documents;

/// <summary>What a reader needs while turning a <see cref="DocNode"/> tree into a model: where to report, and how.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public sealed class ReadContext
{
    /// <summary>Creates the context for reading one document.</summary>
    /// <param name="file">The file name diagnostics use.</param>
    /// <param name="bag">Where every diagnostic goes.</param>
    /// <param name="formatDoc">The document describing the format, named in hints (e.g. <c>docs/evidence-format.md</c>).</param>
    /// <param name="limits">The input limits (list lengths and the like) the reader enforces.</param>
    public ReadContext(string file, DiagnosticBag bag, string formatDoc, InputLimits limits)
        : this(file, bag, formatDoc, limits, null)
    {
    }

    internal ReadContext(string file, DiagnosticBag bag, string formatDoc, InputLimits limits, Loading.NodeOrigins? origins)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(bag);
        ArgumentNullException.ThrowIfNull(formatDoc);
        ArgumentNullException.ThrowIfNull(limits);
        File = file;
        Bag = bag;
        FormatDoc = formatDoc;
        Limits = limits;
        Origins = origins;
    }

    internal string File { get; }

    /// <summary>For a tree merged from several files (a rubric overlay): which file each node came from; null otherwise.</summary>
    internal Loading.NodeOrigins? Origins { get; }

    internal DiagnosticBag Bag { get; }

    /// <summary>The document that describes the format, named in hints (e.g. docs/evidence-format.md).</summary>
    public string FormatDoc { get; }

    /// <summary>The input limits the reader enforces (for example the longest list).</summary>
    public InputLimits Limits { get; }

    /// <summary>Where <paramref name="node"/> starts, in the file it came from.</summary>
    /// <param name="node">A node of the document being read.</param>
    public SourceLocation At(DocNode node) => node.Start.In(Origins?.FileOf(node) ?? File);

    /// <summary>Reports a diagnostic at the start of <paramref name="at"/>.</summary>
    /// <param name="descriptor">The diagnostic's code and severity.</param>
    /// <param name="at">The node the diagnostic is about.</param>
    /// <param name="arguments">The message's named arguments.</param>
    public void Report(DiagnosticDescriptor descriptor, DocNode at, params (string Name, object? Value)[] arguments) =>
        Bag.Add(descriptor, At(at), arguments);

    /// <summary>Reports a diagnostic at a location.</summary>
    /// <param name="descriptor">The diagnostic's code and severity.</param>
    /// <param name="at">Where the diagnostic points.</param>
    /// <param name="arguments">The message's named arguments.</param>
    public void Report(DiagnosticDescriptor descriptor, SourceLocation at, params (string Name, object? Value)[] arguments) =>
        Bag.Add(descriptor, at, arguments);
}
