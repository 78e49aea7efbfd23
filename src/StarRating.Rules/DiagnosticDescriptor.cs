using System.Collections.Immutable;
using System.Globalization;

namespace StarRating.Rules;

/// <summary>
/// The definition behind a diagnostic code: its default severity, and the keys of its title, message and hint in
/// the vocabulary (<c>diagnostic.CODE.title</c>, <c>.message</c>, <c>.hint</c>), whose texts take named arguments
/// such as <c>{key}</c>. Each layer declares the descriptors it reports in one static class (Rules' in
/// <see cref="DiagnosticCatalog"/>) and lists them with a <see cref="DiagnosticDescriptorSet"/>; <c>docs/errors.md</c>
/// is generated from them in every language of the vocabulary.
/// </summary>
public sealed class DiagnosticDescriptor
{
    private readonly Lazy<ImmutableArray<string>> parameters;

    /// <summary>
    /// Declares a code. For StarRating's own layers, each in its static class of descriptors; the texts must exist in
    /// the vocabulary under <c>diagnostic.CODE</c> (a test checks every layer's codes).
    /// </summary>
    /// <param name="code">The stable code, <c>SR</c> and four digits, never reused for another problem.</param>
    /// <param name="severity">The default severity.</param>
    public DiagnosticDescriptor(string code, DiagnosticSeverity severity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Severity = severity;
        parameters = new(() => Vocabulary.Default.Languages
            .SelectMany(l => Vocabulary.Default.ArgumentsOf(MessageKey, l).Concat(Vocabulary.Default.ArgumentsOf(HintKey, l)))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToImmutableArray());
    }

    /// <summary>Stable code, e.g. <c>SR1101</c>.</summary>
    public string Code { get; }

    /// <summary>Default severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The vocabulary key of the short title, <c>diagnostic.CODE.title</c>.</summary>
    public string TitleKey => "diagnostic." + Code + ".title";

    /// <summary>The vocabulary key of the message, <c>diagnostic.CODE.message</c>.</summary>
    public string MessageKey => "diagnostic." + Code + ".message";

    /// <summary>The vocabulary key of the hint, <c>diagnostic.CODE.hint</c> (an empty text when there is none).</summary>
    public string HintKey => "diagnostic." + Code + ".hint";

    /// <summary>Short title for catalogues, in English.</summary>
    public string Title => Vocabulary.Default.Format(TitleKey, Wording.English, null);

    /// <summary>The English message text with its named placeholders, as written in the vocabulary.</summary>
    public string MessageFormat => Vocabulary.Default.Source(MessageKey, Language.English) ?? "";

    /// <summary>The English hint text with its named placeholders, as written in the vocabulary.</summary>
    public string HintFormat => Vocabulary.Default.Source(HintKey, Language.English) ?? "";

    /// <summary>The argument names the message and hint take (in any language), in ordinal order.</summary>
    public ImmutableArray<string> Parameters => parameters.Value;

    /// <summary>
    /// Creates a diagnostic at <paramref name="location"/>. Arguments are bound by name and must be exactly
    /// <see cref="Parameters"/>: <c>Create(at, ("key", "tiers"), ("context", "the top level"))</c>. Values are texts,
    /// numbers (written invariantly) or <see cref="Message"/>s (worded in the reader's language).
    /// </summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="arguments">One named value per parameter.</param>
    /// <exception cref="ArgumentException">A parameter is missing, unknown or given twice.</exception>
    public Diagnostic Create(SourceLocation location, params (string Name, object? Value)[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var values = new Dictionary<string, object?>(arguments.Length, StringComparer.Ordinal);
        foreach (var (name, value) in arguments)
        {
            if (!Parameters.Contains(name) || !values.TryAdd(name, value))
            {
                throw new ArgumentException(Mismatch(arguments.Select(a => a.Name)), nameof(arguments));
            }
        }

        if (values.Count != Parameters.Length)
        {
            throw new ArgumentException(Mismatch(arguments.Select(a => a.Name)), nameof(arguments));
        }

        return new Diagnostic(this, location, values.AsReadOnly());
    }

    /// <inheritdoc />
    public override string ToString() => Code;

    private string Mismatch(IEnumerable<string> given) =>
        string.Create(CultureInfo.InvariantCulture, $"{Code} takes the arguments ({string.Join(", ", Parameters)}), got ({string.Join(", ", given)}).");
}
