namespace StarRating.Rules.Documents;

/// <summary>
/// Full-width punctuation typed with a Chinese input method where YAML needs its ASCII twin (<c>result：conforming</c>,
/// <c>{ name: 张三， role: lead }</c>): found where it breaks the structure, named, pointed at, and told what to type.
/// Inside quotes and in ordinary text it is left alone: Chinese notes use it all the time.
/// </summary>
internal static class FullWidth
{
    /// <summary>
    /// The characters (by code point: C# source holds no full-width character, see ConventionTests), the vocabulary key
    /// of their name (<c>diagnostic.full_width.NAME</c>) and the ASCII character YAML expects instead.
    /// </summary>
    private static readonly (char Character, string Name, string Ascii)[] Table =
    [
        ((char)0xFF1A, "colon", ":"),
        ((char)0xFF0C, "comma", ","),
        ((char)0x3001, "ideographic_comma", ","),
        ((char)0xFF1B, "semicolon", ","),
        ((char)0xFF08, "opening_parenthesis", "["),
        ((char)0xFF09, "closing_parenthesis", "]"),
        ((char)0x3010, "opening_lenticular_bracket", "["),
        ((char)0x3011, "closing_lenticular_bracket", "]"),
        ((char)0xFF3B, "opening_bracket", "["),
        ((char)0xFF3D, "closing_bracket", "]"),
        ((char)0xFF5B, "opening_brace", "{"),
        ((char)0xFF5D, "closing_brace", "}"),
        ((char)0x201C, "opening_double_quote", "\""),
        ((char)0x201D, "closing_double_quote", "\""),
        ((char)0x2018, "opening_single_quote", "'"),
        ((char)0x2019, "closing_single_quote", "'"),
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
        return DiagnosticCatalog.FullWidthPunctuation.Create(
            new SourceLocation(file, at.Line, at.Column),
            ("name", new Message("diagnostic.full_width." + name)),
            ("character", c.ToString()),
            ("codePoint", Text.DisplayText.CodePoint(c)),
            ("ascii", ascii),
            ("space", ascii == ":" ? "after" : "none"));
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
