using Newtonsoft.Json;

namespace StarRating.Rules.Documents;

/// <summary>
/// Reads JSON into the same <see cref="DocNode"/> tree as <see cref="YamlReader"/>, so evidence written as JSON
/// goes through exactly the same checks. Newtonsoft's exceptions never leave this class.
/// </summary>
internal static class JsonReader
{
    public static DocNode? Read(string text, string file, InputLimits limits, DiagnosticBag bag)
    {
        var builder = new TreeBuilder(file, limits, bag);
        var lines = new LineIndex(text);
        using var reader = new JsonTextReader(new StringReader(text))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Decimal,
            // Our own depth limit is lower and reports SR1008; this only guards Newtonsoft itself.
            MaxDepth = limits.MaxDepth + 2,
        };

        try
        {
            while (reader.Read())
            {
                var end = new Mark(reader.LineNumber, reader.LinePosition);
                var ok = reader.TokenType switch
                {
                    JsonToken.StartObject => builder.StartMapping(end),
                    JsonToken.StartArray => builder.StartSequence(end),
                    JsonToken.EndObject or JsonToken.EndArray => End(builder),
                    JsonToken.PropertyName => builder.Scalar(new DocScalar(lines.StringStart(end, afterColon: true), (string)reader.Value!, isQuoted: true, isNull: false), isKey: true),
                    JsonToken.String => builder.Scalar(new DocScalar(lines.StringStart(end, afterColon: false), (string)reader.Value!, isQuoted: true, isNull: false)),
                    JsonToken.Integer or JsonToken.Float => builder.Scalar(Number(reader.Value, lines.TokenStart(end))),
                    JsonToken.Boolean => builder.Scalar(new DocScalar(lines.TokenStart(end), (bool)reader.Value! ? "true" : "false", isQuoted: false, isNull: false)),
                    JsonToken.Null or JsonToken.Undefined => builder.Scalar(new DocScalar(lines.TokenStart(end), "", isQuoted: false, isNull: true)),
                    _ => true,
                };
                if (!ok)
                {
                    return null;
                }
            }
        }
        catch (JsonReaderException ex)
        {
            bag.Add(DiagnosticCatalog.JsonSyntax, new SourceLocation(file, Math.Max(1, ex.LineNumber), Math.Max(1, ex.LinePosition)), ("detail", CleanMessage(ex.Message)));
            return null;
        }
#pragma warning disable CA1031 // The boundary: no foreign exception may reach the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            bag.Add(DiagnosticCatalog.JsonSyntax, new SourceLocation(file, Math.Max(1, reader.LineNumber), Math.Max(1, reader.LinePosition)), ("detail", CleanMessage(ex.Message)));
            return null;
        }

        if (builder.Root is null)
        {
            bag.Add(DiagnosticCatalog.EmptyDocument, SourceLocation.WholeFile(file));
        }

        return builder.Root;
    }

    private static bool End(TreeBuilder builder)
    {
        builder.End();
        return true;
    }

    private static DocScalar Number(object? value, Mark start)
    {
        var text = value switch
        {
            // Keep the scale as written: an id or version written 5.10 stays "5.10", not "5.1".
            decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
        return new DocScalar(start, text, isQuoted: false, isNull: false);
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
