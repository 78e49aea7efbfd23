namespace StarRating.Rules.Documents;

/// <summary>
/// Full-width punctuation typed with a Chinese input method where YAML needs its ASCII twin (<c>result：conforming</c>,
/// <c>{ name: 张三， role: lead }</c>): found where it breaks the structure, named, pointed at, and told what to type.
/// Inside quotes and in ordinary text it is left alone: Chinese notes use it all the time.
/// </summary>
internal static class FullWidth
{
    /// <summary>The characters, their English names and the ASCII character YAML expects instead.</summary>
    private static readonly (char Character, string Name, string Ascii)[] Table =
    [
        ('\uFF1A', "full-width colon", ":"),
        ('\uFF0C', "full-width comma", ","),
        ('\u3001', "ideographic comma", ","),
        ('\uFF1B', "full-width semicolon", ","),
        ('\uFF08', "full-width opening parenthesis", "["),
        ('\uFF09', "full-width closing parenthesis", "]"),
        ('\u3010', "full-width opening bracket", "["),
        ('\u3011', "full-width closing bracket", "]"),
        ('\uFF3B', "full-width opening bracket", "["),
        ('\uFF3D', "full-width closing bracket", "]"),
        ('\uFF5B', "full-width opening brace", "{"),
        ('\uFF5D', "full-width closing brace", "}"),
        ('\u201C', "curly opening quotation mark", "\""),
        ('\u201D', "curly closing quotation mark", "\""),
        ('\u2018', "curly opening quotation mark", "'"),
        ('\u2019', "curly closing quotation mark", "'"),
    ];

    /// <summary>Every character of the table, for IndexOfAny.</summary>
    public static readonly System.Buffers.SearchValues<char> Characters = System.Buffers.SearchValues.Create(Table.Select(t => t.Character).ToArray());

    public static (string Name, string Ascii)? Describe(char c)
    {
        foreach (var (character, name, ascii) in Table)
        {
            if (character == c)
            {
                return (name, ascii);
            }
        }

        return null;
    }

    public static bool IsFullWidth(char c) => Describe(c) is not null;

    /// <summary>The diagnostic for the character at a position.</summary>
    public static Diagnostic Create(string file, Mark at, char c)
    {
        var (name, ascii) = Describe(c)!.Value;
        var after = ascii == ":" ? " followed by a space" : "";
        return DiagnosticCatalog.FullWidthPunctuation.Create(new SourceLocation(file, at.Line, at.Column), name, c.ToString(), Text.DisplayText.CodePoint(c), ascii, after);
    }

    /// <summary>
    /// After a YAML syntax error: the first full-width character in a structural place on
    /// lines <paramref name="fromLine"/> to <paramref name="toLine"/> (a key's colon, or anything inside a flow '{ }' or '[ ]'), outside quotes and comments.
    /// </summary>
    public static Mark? FindStructural(string text, int fromLine, int toLine, out char found)
    {
        found = '\0';
        var lines = text.Split('\n');
        for (var lineNumber = Math.Max(1, fromLine); lineNumber <= Math.Min(toLine, lines.Length); lineNumber++)
        {
            var line = lines[lineNumber - 1].TrimEnd('\r');
            var quote = '\0';
            var flowDepth = 0;
            var keyDone = false;
            for (var i = 0; i < line.Length; i++)
            {
                var c = line[i];
                if (quote != '\0')
                {
                    quote = c == quote ? '\0' : quote;
                    continue;
                }

                switch (c)
                {
                    case '"' or '\'' when i == 0 || line[i - 1] is ' ' or '{' or '[' or ',' or ':' or '-':
                        quote = c;
                        continue;
                    case '#' when i == 0 || line[i - 1] == ' ':
                        i = line.Length;
                        continue;
                    case '{' or '[':
                        flowDepth++;
                        continue;
                    case '}' or ']':
                        flowDepth = Math.Max(0, flowDepth - 1);
                        continue;
                    case ':' when i + 1 == line.Length || line[i + 1] == ' ':
                        keyDone = flowDepth == 0 || keyDone;
                        continue;
                }

                if (Describe(c) is not { } what)
                {
                    continue;
                }

                var structural = flowDepth > 0 || (!keyDone && what.Ascii == ":") || (what.Ascii is "{" or "[" && !keyDone)
                    || (keyDone && flowDepth == 0 && what.Ascii is "{" or "[" or "\"" && line[..i].TrimEnd().EndsWith(':'));
                if (structural)
                {
                    found = c;
                    return new Mark(lineNumber, i + 1);
                }
            }
        }

        return null;
    }
}
