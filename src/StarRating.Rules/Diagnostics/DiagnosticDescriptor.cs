using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace StarRating.Rules;

/// <summary>
/// The definition behind a diagnostic code: its default severity, a short title and the message and hint
/// templates with named placeholders such as <c>{key}</c>. All descriptors live in <see cref="DiagnosticCatalog"/>,
/// so messages stay consistent and the error catalogue in the docs is generated from one table.
/// </summary>
public sealed class DiagnosticDescriptor
{
    internal DiagnosticDescriptor(string code, DiagnosticSeverity severity, string title, string messageFormat, string hintFormat)
    {
        Code = code;
        Severity = severity;
        Title = title;
        MessageFormat = messageFormat;
        HintFormat = hintFormat;
        Parameters = ParsePlaceholders(messageFormat + "\n" + hintFormat);
    }

    /// <summary>Stable code, e.g. <c>SR1101</c>.</summary>
    public string Code { get; }

    /// <summary>Default severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>Short title for catalogues.</summary>
    public string Title { get; }

    /// <summary>Message template with named placeholders.</summary>
    public string MessageFormat { get; }

    /// <summary>Hint template with named placeholders.</summary>
    public string HintFormat { get; }

    /// <summary>Placeholder names in order of first appearance (message first, then hint).</summary>
    public ImmutableArray<string> Parameters { get; }

    /// <summary>
    /// Creates a diagnostic at <paramref name="location"/>. <paramref name="arguments"/> fill the placeholders
    /// in the order of <see cref="Parameters"/>; numbers are formatted with the invariant culture.
    /// </summary>
    /// <param name="location">Where the problem is.</param>
    /// <param name="arguments">One value per placeholder.</param>
    public Diagnostic Create(SourceLocation location, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (arguments.Length != Parameters.Length)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"{Code} takes {Parameters.Length} arguments ({string.Join(", ", Parameters)}), got {arguments.Length}."),
                nameof(arguments));
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < arguments.Length; i++)
        {
            values[Parameters[i]] = FormatValue(arguments[i]);
        }

        var hint = Fill(HintFormat, values);
        return new Diagnostic(Code, Severity, location, Fill(MessageFormat, values), hint.Length == 0 ? null : hint);
    }

    internal static string FormatValue(object? value) => value switch
    {
        null => "",
        decimal d => Numbers.Format(d),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // Text from the input (keys, values, file names, messages of other libraries) is echoed escaped, so a
        // control or bidi character in it is seen and cannot act on the terminal or the report.
        _ => Text.DisplayText.Escape(value.ToString() ?? ""),
    };

    // Templates use {name} placeholders; "{{" and "}}" stand for literal braces.
    private static string Fill(string template, Dictionary<string, string> values)
    {
        var builder = new StringBuilder(template.Length + 32);
        foreach (var (literal, name) in Tokenize(template))
        {
            builder.Append(name is null ? literal : values[name]);
        }

        return builder.ToString();
    }

    private static ImmutableArray<string> ParsePlaceholders(string text)
    {
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var (_, name) in Tokenize(text))
        {
            if (name is not null && !names.Contains(name))
            {
                names.Add(name);
            }
        }

        return names.ToImmutable();
    }

    private static IEnumerable<(string Literal, string? Name)> Tokenize(string template)
    {
        var literal = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i);
                if (literal.Length > 0)
                {
                    yield return (literal.ToString(), null);
                    literal.Clear();
                }

                yield return ("", template.Substring(i + 1, close - i - 1));
                i = close;
            }
            else
            {
                literal.Append(c);
            }
        }

        if (literal.Length > 0)
        {
            yield return (literal.ToString(), null);
        }
    }
}
