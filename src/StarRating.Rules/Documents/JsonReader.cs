using Newtonsoft.Json;

namespace StarRating.Rules.Documents;

/// <summary>
/// Reads JSON into the same <see cref="DocNode"/> tree as <see cref="YamlReader"/>, so evidence written as JSON
/// goes through exactly the same checks. Newtonsoft's exceptions never leave this class.
/// </summary>
internal static partial class JsonReader
{
    public static DocNode? Read(string text, string file, InputLimits limits, DiagnosticBag bag)
    {
        var builder = new TreeBuilder(file, limits, bag);
        var lines = new LineIndex(text);
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            // Numbers are taken as written from the source text (below); one too long for decimal is turned into a
            // number error at the value in the catch, not a syntax error.
            FloatParseHandling = FloatParseHandling.Decimal,
            // Our own depth limit is lower and reports SR1008; this only guards Newtonsoft itself.
            MaxDepth = limits.MaxDepth + 2,
        };

        try
        {
            while (reader.Read())
            {
                var end = new Mark(reader.LineNumber, reader.LinePosition);
                if (Strictness(reader, lines, end) is { } lenient)
                {
                    bag.Add(DiagnosticCatalog.NotStrictJson, new SourceLocation(file, lenient.At.Line, lenient.At.Column), ("what", lenient.What), ("fix", lenient.Fix));
                    return null;
                }

                var ok = reader.TokenType switch
                {
                    JsonToken.StartObject => builder.StartMapping(end),
                    JsonToken.StartArray => builder.StartSequence(end),
                    JsonToken.EndObject or JsonToken.EndArray => End(builder),
                    JsonToken.PropertyName => builder.Scalar(new DocScalar(lines.StringStart(end, afterColon: true), (string)reader.Value!, isQuoted: true, isNull: false), isKey: true),
                    JsonToken.String => builder.Scalar(new DocScalar(lines.StringStart(end, afterColon: false), (string)reader.Value!, isQuoted: true, isNull: false)),
                    JsonToken.Integer or JsonToken.Float => builder.Scalar(new DocScalar(lines.TokenStart(end), lines.TokenText(end), isQuoted: false, isNull: false)),
                    JsonToken.Boolean => builder.Scalar(new DocScalar(lines.TokenStart(end), (bool)reader.Value! ? "true" : "false", isQuoted: false, isNull: false)),
                    JsonToken.Null => builder.Scalar(new DocScalar(lines.TokenStart(end), "", isQuoted: false, isNull: true)),
                    _ => true,
                };
                if (!ok)
                {
                    return null;
                }
            }

            // Newtonsoft stops quietly at the end of a truncated file: a bracket still open is a syntax error there.
            if (builder.OpenContainer is { } unclosed)
            {
                var last = lines.EndOfText();
                bag.Add(
                    DiagnosticCatalog.UnclosedBracket,
                    new SourceLocation(file, last.Line, last.Column),
                    ("bracket", unclosed is DocMapping ? "{" : "["),
                    ("line", unclosed.Start.Line),
                    ("column", unclosed.Start.Column),
                    ("closer", unclosed is DocMapping ? "}" : "]"));
                return null;
            }
        }
        catch (JsonReaderException ex) when (NumberFailure(ex))
        {
            // A number of hundreds of digits, or NaN/Infinity: a number error at the number, not a syntax error.
            var end = new Mark(Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition));
            var at = lines.TokenStart(end);
            var raw = lines.TokenText(end);
            if (JsonNumber().IsMatch(raw))
            {
                // Named by its path (findings[2].points), as the reader was at the number when it failed.
                Values.Decimal(new DocScalar(at, raw, isQuoted: false, isNull: false), reader.Path, new ReadContext(file, bag, "", limits));
            }
            else
            {
                bag.Add(DiagnosticCatalog.NotStrictJson, new SourceLocation(file, at.Line, at.Column), ("what", new Message("diagnostic.json.number", ("number", Values.Shorten(raw)))), ("fix", NumberFix));
            }

            return null;
        }
        catch (JsonReaderException ex)
        {
            bag.Add(DiagnosticCatalog.JsonSyntax, new SourceLocation(file, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), ("detail", CleanMessage(ex.Message)));
            return null;
        }
#pragma warning disable CA1031 // The boundary: no foreign exception may reach the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Never the exception's own text: under UseSystemResourceKeys it is a resource key.
            bag.Add(DiagnosticCatalog.JsonSyntax, new SourceLocation(file, Math.Max(1, reader.LineNumber), Math.Max(1, reader.LinePosition)), ("detail", new Message("diagnostic.json.unreadable")));
            return null;
        }

        if (builder.Root is null)
        {
            bag.Add(DiagnosticCatalog.EmptyDocument, SourceLocation.WholeFile(file));
        }

        return builder.Root;
    }

    /// <summary>
    /// What Newtonsoft accepts beyond strict JSON (RFC 8259): comments, single quotes, unquoted keys, trailing commas,
    /// NaN and Infinity, undefined, constructors. Refused at the token, with what to type instead.
    /// </summary>
    private static (Mark At, Message What, Message Fix)? Strictness(JsonTextReader reader, LineIndex lines, Mark end)
    {
        switch (reader.TokenType)
        {
            case JsonToken.Comment:
                return (lines.CommentStart(end), new Message("diagnostic.json.comments"), new Message("diagnostic.json.fix_comments"));
            case JsonToken.String or JsonToken.PropertyName when reader.QuoteChar == '\'':
                return (lines.QuotedStart(end, '\''), new Message("diagnostic.json.single_quotes"), new Message("diagnostic.json.fix_single_quotes"));
            case JsonToken.PropertyName when lines.CharAt(lines.PropertyStart(end)) != '"':
                return (lines.PropertyStart(end), new Message("diagnostic.json.unquoted_keys"), new Message("diagnostic.json.fix_unquoted_key", ("key", Values.Shorten(reader.Value as string ?? ""))));
            case JsonToken.EndObject or JsonToken.EndArray when lines.CommaBefore(end) is { } comma:
                return (comma, new Message("diagnostic.json.trailing_comma"), new Message("diagnostic.json.fix_trailing_comma"));
            case JsonToken.Float or JsonToken.Integer when !JsonNumber().IsMatch(lines.TokenText(end)):
                return (lines.TokenStart(end), new Message("diagnostic.json.number", ("number", Values.Shorten(lines.TokenText(end)))), NumberFix);
            case JsonToken.Undefined or JsonToken.StartConstructor or JsonToken.EndConstructor or JsonToken.Raw or JsonToken.Bytes:
                return (lines.TokenStart(end), new Message("diagnostic.json.other_value"), new Message("diagnostic.json.fix_other_value"));
            default:
                return null;
        }
    }

    private static readonly Message NumberFix = new("diagnostic.json.fix_number");

    private static bool NumberFailure(JsonReaderException ex) =>
        (ex.Message.StartsWith("JSON integer ", StringComparison.Ordinal) && ex.Message.Contains(" is too large", StringComparison.Ordinal))
        || ex.Message.Contains("is not a valid decimal", StringComparison.Ordinal)
        || ex.Message.StartsWith("Cannot read NaN", StringComparison.Ordinal)
        || ex.Message.StartsWith("Cannot read Infinity", StringComparison.Ordinal)
        || ex.Message.StartsWith("Cannot read -Infinity", StringComparison.Ordinal);

    [System.Text.RegularExpressions.GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial System.Text.RegularExpressions.Regex JsonNumber();

    private static bool End(TreeBuilder builder)
    {
        builder.End();
        return true;
    }

    private static object CleanMessage(string message)
    {
        // Newtonsoft appends "Path 'x', line 3, position 5."; the location is ours to print.
        var cut = message.IndexOf(" Path '", StringComparison.Ordinal);
        if (cut < 0)
        {
            cut = message.IndexOf(", line ", StringComparison.Ordinal);
        }

        message = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.', ',');
        return message switch
        {
            "JsonToken EndObject is not valid for closing JsonType Array" => new Message("diagnostic.json.array_closed_by_brace"),
            "JsonToken EndArray is not valid for closing JsonType Object" => new Message("diagnostic.json.object_closed_by_bracket"),
            _ => message,
        };
    }

    /// <summary>
    /// Newtonsoft reports where a token ends; diagnostics should point where it starts. This walks back over
    /// the source line to the token's first character.
    /// </summary>
    private sealed class LineIndex
    {
        private readonly string text;
        private readonly List<int> lineStarts = [0];

        public LineIndex(string text)
        {
            this.text = text;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    lineStarts.Add(i + 1);
                }
            }
        }

        public Mark TokenStart(Mark end)
        {
            var (lineStart, lineEnd) = Bounds(end.Line);
            var i = Math.Min(lineStart + end.Column - 1, lineEnd - 1);
            while (i > lineStart && !IsDelimiter(text[i - 1]))
            {
                i--;
            }

            return new Mark(end.Line, i - lineStart + 1);
        }

        /// <summary>The source text of a number or word token ending at <paramref name="end"/>, as written.</summary>
        public string TokenText(Mark end)
        {
            var start = TokenStart(end);
            var (lineStart, lineEnd) = Bounds(end.Line);
            var from = lineStart + start.Column - 1;
            var to = Math.Min(lineStart + end.Column, lineEnd);
            while (to > from && IsDelimiter(text[to - 1]) || (to > from && text[to - 1] is ']' or '}'))
            {
                to--;
            }

            return text[from..Math.Max(from, to)];
        }

        public char CharAt(Mark mark)
        {
            var (lineStart, _) = Bounds(mark.Line);
            var i = lineStart + mark.Column - 1;
            return i >= 0 && i < text.Length ? text[i] : '\0';
        }

        /// <summary>Where a property name starts: the first character after the previous '{' or ','.</summary>
        public Mark PropertyStart(Mark end)
        {
            var i = Offset(end) - 1;
            while (i > 0 && text[i] != ':')
            {
                i--;
            }

            i--;
            while (i > 0 && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            var last = i;
            if (text[last] == '"' || text[last] == '\'')
            {
                return StringStart(end, afterColon: true);
            }

            while (i > 0 && text[i - 1] is not ('{' or ',') && !char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            return MarkOf(i);
        }

        public Mark QuotedStart(Mark end, char quote)
        {
            var i = Math.Min(Offset(end), text.Length) - 1;
            while (i > 0 && text[i] != quote)
            {
                i--;
            }

            i--;
            while (i > 0 && text[i] != quote)
            {
                i--;
            }

            return MarkOf(Math.Max(0, i));
        }

        public Mark CommentStart(Mark end)
        {
            var i = Math.Min(Offset(end), text.Length) - 1;
            while (i > 0 && !(text[i - 1] == '/' && text[i] is '/' or '*'))
            {
                i--;
            }

            return MarkOf(Math.Max(0, i - 1));
        }

        /// <summary>The comma right before a closing bracket (whitespace between), or null.</summary>
        public Mark? CommaBefore(Mark end)
        {
            var i = Math.Min(Offset(end), text.Length) - 1;
            while (i >= 0 && text[i] is not ('}' or ']'))
            {
                i--;
            }

            i--;
            while (i >= 0 && char.IsWhiteSpace(text[i]))
            {
                i--;
            }

            return i >= 0 && text[i] == ',' ? MarkOf(i) : null;
        }

        /// <summary>Just after the last character of the text that is not white space.</summary>
        public Mark EndOfText()
        {
            var i = text.Length;
            while (i > 0 && char.IsWhiteSpace(text[i - 1]))
            {
                i--;
            }

            return MarkOf(i);
        }

        private int Offset(Mark mark)
        {
            var (lineStart, _) = Bounds(mark.Line);
            return lineStart + mark.Column;
        }

        private Mark MarkOf(int offset)
        {
            var line = lineStarts.BinarySearch(offset);
            line = line >= 0 ? line : ~line - 1;
            return new Mark(line + 1, offset - lineStarts[line] + 1);
        }

        public Mark StringStart(Mark end, bool afterColon)
        {
            var (lineStart, lineEnd) = Bounds(end.Line);
            var i = Math.Min(lineStart + end.Column - 1, lineEnd - 1);
            if (afterColon)
            {
                while (i > lineStart && text[i] != '"')
                {
                    i--;
                }
            }

            // i is at (or just after) the closing quote: find the opening quote that is not escaped.
            if (i >= lineStart && i < text.Length && text[i] != '"')
            {
                i--;
            }

            for (var j = i - 1; j >= lineStart; j--)
            {
                if (text[j] == '"' && !IsEscaped(j, lineStart))
                {
                    return new Mark(end.Line, j - lineStart + 1);
                }
            }

            return new Mark(end.Line, Math.Max(1, end.Column));
        }

        private bool IsEscaped(int quote, int lineStart)
        {
            var backslashes = 0;
            for (var k = quote - 1; k >= lineStart && text[k] == '\\'; k--)
            {
                backslashes++;
            }

            return backslashes % 2 == 1;
        }

        private (int Start, int End) Bounds(int line)
        {
            var index = Math.Clamp(line - 1, 0, lineStarts.Count - 1);
            var start = lineStarts[index];
            var end = index + 1 < lineStarts.Count ? lineStarts[index + 1] - 1 : text.Length;
            return (start, Math.Max(start + 1, end));
        }

        private static bool IsDelimiter(char c) => c is ' ' or '\t' or ',' or ':' or '[' or '{' or '\r';
    }
}
