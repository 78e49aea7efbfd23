using System.Text.RegularExpressions;
using StarRating.Rules;
using StarRating.Rules.Text;

namespace StarRating.Cli.Output;

/// <summary>
/// System.CommandLine's parse errors in the user's language. The parser words its errors itself, in English (its
/// resources, with the invariant culture of the tool); each known wording is recognised here and said again from the
/// vocabulary (<c>cli.parse.*</c>), with what the user typed shown escaped and no .NET type name. An error this table
/// does not know is shown as the parser wrote it, escaped. The patterns follow System.CommandLine 2.0's resources
/// (Directory.Packages.props pins the version; CommandTests check every one of them).
/// </summary>
internal static class ParseErrorText
{
    private static readonly (Regex Pattern, string Key, string[] Names)[] Known =
    [
        (Exact("Unrecognized command or argument '(.*)'\\."), "unrecognized", ["token"]),
        (Exact("Argument '(.*)' not recognized\\. Must be one of:(.*)"), "not_allowed", ["value", "allowed"]),
        (Exact("Cannot parse argument '(.*)' for option '(.*)' as expected type '.*'\\.(?: Did you mean one of the following\\?.*)?"), "cannot_parse_option", ["value", "option"]),
        (Exact("Cannot parse argument '(.*)' for command '(.*)' as expected type '.*'\\.(?: Did you mean one of the following\\?.*)?"), "cannot_parse_command", ["value", "command"]),
        (Exact("Cannot parse argument '(.*)' as expected type '.*'\\."), "cannot_parse", ["value"]),
        (Exact("Required argument missing for command: '(.*)'\\."), "missing_command_argument", ["command"]),
        (Exact("Required argument missing for option: '(.*)'\\."), "missing_option_argument", ["option"]),
        (Exact("Option '(.*)' expects a single argument but ([0-9]+) were provided\\."), "expects_one", ["option", "count"]),
        (Exact("Option '(.*)' is required\\."), "option_required", ["option"]),
        (Exact("Required command was not provided\\."), "command_required", []),
        (Exact("'(.*)' was not matched\\. Did you mean one of the following\\?(.*)"), "not_matched", ["token", "allowed"]),
        (Exact("Response file not found '(.*)'\\."), "response_file_missing", ["file"]),
        (Exact("Error reading response file '(.*?)': .*"), "response_file_error", ["file"]),
        (Exact("(.*) option cannot be combined with other arguments\\."), "version_combined", ["option"]),
    ];

    /// <summary>The parse error <paramref name="message"/> in <paramref name="wording"/>'s language.</summary>
    public static string Describe(string message, Wording wording)
    {
        foreach (var (pattern, key, names) in Known)
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var arguments = names.Select((name, i) => (name, Value(name, match.Groups[i + 1].Value))).ToArray();
                return wording.Format("cli.parse." + key, arguments);
            }
        }

        // The parser echoes what was typed: shown escaped, like every text the user supplies.
        return DisplayText.EscapeMultiline(message);
    }

    private static object? Value(string name, string text) => name switch
    {
        // A list the parser writes one per line ("\n\t'text'\n\t'json'"): the values, joined as the language joins a list.
        "allowed" => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(DisplayText.Escape).ToArray(),
        "count" => int.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        _ => DisplayText.Escape(text),
    };

    private static Regex Exact(string pattern) => new("^" + pattern + "$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
}
