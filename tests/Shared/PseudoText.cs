using System.Net;
using System.Text.RegularExpressions;

namespace StarRating.Testing;

/// <summary>
/// Checks that an output takes every word from the vocabulary: render it in the pseudo-language (every vocabulary
/// text wrapped in ⟦ ⟧), remove those spans, the markup and the data the output shows (company, notes, rubric texts…),
/// and what is left must hold no letter. A label written into code or a template is left over and named.
/// </summary>
internal static partial class PseudoText
{
    /// <summary>The words an output holds that come neither from the vocabulary nor from its data.</summary>
    /// <param name="output">The output rendered in the pseudo-language.</param>
    /// <param name="data">Every text of the input the output may show (longer ones first is not needed).</param>
    /// <param name="html">True to strip HTML markup (tags, styles, entities) first.</param>
    public static IReadOnlyList<string> Leftovers(string output, IEnumerable<string?> data, bool html)
    {
        var text = output;
        if (html)
        {
            text = StyleBlock().Replace(text, " ");
            text = Tag().Replace(text, " ");
            text = WebUtility.HtmlDecode(text);
        }

        // Innermost vocabulary spans first, until none is left.
        string before;
        do
        {
            before = text;
            text = VocabularySpan().Replace(text, " ");
        }
        while (text != before);

        // Data as written, and as the Markdown escaper writes it (a backslash before markup, <br> for a line break).
        var forms = data.OfType<string>()
            .Where(d => d.Length > 0)
            .SelectMany(d => new[] { d, MarkdownForm(d) }.Concat(d.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .Distinct(StringComparer.Ordinal)
            .OrderByDescending(d => d.Length);
        // A table cell shortened with "…" shows the start of a datum.
        var dataForms = forms.ToArray();
        text = ShortenedCell().Replace(text, m => dataForms.Any(d => d.StartsWith(m.Groups[1].Value.Trim(), StringComparison.Ordinal)) ? " " : m.Value);
        foreach (var form in dataForms)
        {
            text = text.Replace(form, " ", StringComparison.Ordinal);
        }

        // A line break the Markdown escaper writes between data (a cell listing several items) is markup, not a word.
        if (!html)
        {
            text = text.Replace("<br>", " ", StringComparison.Ordinal);
        }

        // Tokens editors and CI parse stay English by design: "file(3,5): error SR1101:"; a code alone ("SR3028: …",
        // a comparison's warning) is an identifier, not a word.
        text = DiagnosticKeyword().Replace(text, " ");
        return Word().Matches(text).Select(m => m.Value).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string MarkdownForm(string text)
    {
        const string special = "\\`*_[]<>|#&!~";
        var escaped = string.Concat(text.TrimEnd('\r', '\n').Select(c => special.Contains(c, StringComparison.Ordinal) ? "\\" + c : c.ToString()));
        return escaped.Replace("\r", "", StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal);
    }

    [GeneratedRegex("<style>.*?</style>", RegexOptions.Singleline)]
    private static partial Regex StyleBlock();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex("⟦[^⟦⟧]*⟧")]
    private static partial Regex VocabularySpan();

    [GeneratedRegex(@"\b((error|warning|info) )?SR\d{4}\b")]
    private static partial Regex DiagnosticKeyword();

    [GeneratedRegex(@"(?<=^|  )((?:(?!  )[^\n])*)…", RegexOptions.Multiline)]
    private static partial Regex ShortenedCell();

    [GeneratedRegex(@"\p{L}[\p{L}\p{M}_'’-]*")]
    private static partial Regex Word();
}
