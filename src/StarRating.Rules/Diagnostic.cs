using System.Text;

namespace StarRating.Rules;

/// <summary>
/// One problem found in an input: a stable code, a severity, where it is, and the named arguments of its message
/// and hint. Diagnostics are data: loaders and the engine collect every problem they find and return them
/// together; the words come from the vocabulary, in whichever language the reader wants
/// (<see cref="Format(Language, bool)"/>).
/// </summary>
public sealed class Diagnostic
{
    private string? message;
    private string? hint;
    private IReadOnlyDictionary<string, object?>? displayArguments;

    internal Diagnostic(DiagnosticDescriptor descriptor, SourceLocation location, IReadOnlyDictionary<string, object?> arguments)
    {
        Descriptor = descriptor;
        Location = location;
        Arguments = arguments;
    }

    /// <summary>Stable identifier such as <c>SR1101</c>; see <c>docs/errors.md</c>.</summary>
    public string Code => Descriptor.Code;

    /// <summary>How serious the problem is.</summary>
    public DiagnosticSeverity Severity => Descriptor.Severity;

    /// <summary>File, line and column.</summary>
    public SourceLocation Location { get; }

    /// <summary>
    /// The named arguments of the message and hint (<see cref="DiagnosticDescriptor.Parameters"/>): texts, numbers,
    /// or <see cref="Rules.Message"/>s worded in the reader's language.
    /// </summary>
    public IReadOnlyDictionary<string, object?> Arguments { get; }

    /// <summary>What is wrong, in one sentence, in English (<see cref="MessageIn"/> for another language).</summary>
    public string Message => message ??= MessageIn(Language.English);

    /// <summary>How to fix it, in English, or <see langword="null"/> when the message says it all.</summary>
    public string? Hint => (hint ??= HintIn(Language.English)) is { Length: > 0 } text ? text : null;

    /// <summary>True for <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool IsError => Severity == DiagnosticSeverity.Error;

    /// <summary>The descriptor behind the code.</summary>
    public DiagnosticDescriptor Descriptor { get; }

    /// <summary>What is wrong, in <paramref name="language"/>.</summary>
    /// <param name="language">The language.</param>
    public string MessageIn(Language language) =>
        Vocabulary.Default.Format(Descriptor.MessageKey, new Wording(language), DisplayArguments);

    /// <summary>How to fix it, in <paramref name="language"/>; empty when there is no hint.</summary>
    /// <param name="language">The language.</param>
    public string HintIn(Language language) =>
        Vocabulary.Default.Format(Descriptor.HintKey, new Wording(language), DisplayArguments);

    // Text from the input (keys, values, file names, messages of other libraries) is echoed escaped, so a control or
    // bidi character in it is seen (\u001B) and cannot act on the terminal or the report; texts inside a message
    // argument too. Arguments keep the raw text.
    private IReadOnlyDictionary<string, object?> DisplayArguments => displayArguments ??= Escaped(Arguments);

    private static IReadOnlyDictionary<string, object?> Escaped(IReadOnlyDictionary<string, object?> arguments) =>
        arguments.Values.Any(v => v is string or Rules.Message)
            ? arguments.ToDictionary(a => a.Key, a => Escaped(a.Value), StringComparer.Ordinal).AsReadOnly()
            : arguments;

    private static object? Escaped(object? value) => value switch
    {
        string text => Text.DisplayText.Escape(text),
        Rules.Message { Arguments.Count: > 0 } message => new Rules.Message(message.Key, [.. Escaped(message.Arguments).Select(a => (a.Key, a.Value))]),
        _ => value,
    };

    /// <summary>
    /// The compiler-style line <c>file(line,col): error SR1101: message</c> in English, the format printed by the
    /// tool and understood by editors and CI log parsers.
    /// </summary>
    public override string ToString() => Format(Language.English, includeHint: false);

    /// <summary>Formats the diagnostic in English, optionally followed by its hint on an indented second line.</summary>
    /// <param name="includeHint">Whether to append the hint.</param>
    public string Format(bool includeHint) => Format(Language.English, includeHint);

    /// <summary>
    /// Formats the diagnostic in <paramref name="language"/>: <c>file(line,col): error SR1101: message</c> (the words
    /// <c>error</c> and <c>warning</c> stay English, as editors and CI logs look for them), optionally followed by the
    /// hint on an indented second line.
    /// </summary>
    /// <param name="language">The language of the message and hint.</param>
    /// <param name="includeHint">Whether to append the hint.</param>
    public string Format(Language language, bool includeHint)
    {
        var builder = new StringBuilder();
        builder.Append(Location.ToString())
            .Append(": ")
            .Append(SeverityWord(Severity))
            .Append(' ')
            .Append(Code)
            .Append(": ")
            .Append(MessageIn(language));
        if (includeHint && HintIn(language) is { Length: > 0 } text)
        {
            builder.Append("\n    ").Append(Vocabulary.Default.Format("diagnostic.hint_line", new Wording(language), new Dictionary<string, object?> { ["hint"] = text }));
        }

        return builder.ToString();
    }

    internal static string SeverityWord(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };
}
