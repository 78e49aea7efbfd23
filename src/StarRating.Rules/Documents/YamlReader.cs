using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StarRating.Rules.Documents;

/// <summary>
/// Reads YAML into a <see cref="DocNode"/> tree from YamlDotNet's event stream. Anchors and aliases are read within
/// the node budget (see <see cref="TreeBuilder.Alias"/>); explicit tags are refused at the first event that carries
/// one; YamlDotNet's exceptions never leave this class.
/// </summary>
internal static class YamlReader
{
    public static DocNode? Read(string text, string file, InputLimits limits, DiagnosticBag bag)
    {
        var builder = new TreeBuilder(file, limits, bag);
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var lastMark = new Mark(1, 1);
        // Open collections, innermost last: a flow one ('{' or '[') remembers where it opened, so a bracket never
        // closed is reported where it is missing instead of as the parser's exception.
        var open = new Stack<(char Bracket, Mark At)?>();
        try
        {
            var documents = 0;
            while (parser.MoveNext())
            {
                var current = parser.Current!;
                lastMark = ToMark(current.Start);
                switch (current)
                {
                    case DocumentStart when ++documents > 1:
                        builder.Fail(DiagnosticCatalog.MultipleDocuments, lastMark);
                        return null;
                    case AnchorAlias alias:
                        if (!builder.Alias(alias.Value.Value, lastMark))
                        {
                            return null;
                        }

                        break;
                    case NodeEvent node when !node.Tag.IsEmpty && !node.Tag.IsNonSpecific:
                        builder.Fail(DiagnosticCatalog.TagNotAllowed, lastMark, ("tag", DisplayTag(node.Tag.Value)));
                        return null;
                    case Scalar scalar:
                        var docScalar = ToScalar(scalar, lastMark);
                        if (!builder.Scalar(docScalar))
                        {
                            return null;
                        }

                        if (!scalar.Anchor.IsEmpty)
                        {
                            builder.AnchorScalar(scalar.Anchor.Value, docScalar);
                        }

                        break;
                    case MappingStart mappingStart:
                        open.Push(mappingStart.Style == MappingStyle.Flow ? ('{', lastMark) : null);
                        if (!builder.StartMapping(lastMark, mappingStart.Style == MappingStyle.Flow))
                        {
                            return null;
                        }

                        if (!mappingStart.Anchor.IsEmpty)
                        {
                            builder.AnchorOpen(mappingStart.Anchor.Value);
                        }

                        break;
                    case SequenceStart sequenceStart:
                        open.Push(sequenceStart.Style == SequenceStyle.Flow ? ('[', lastMark) : null);
                        if (!builder.StartSequence(lastMark))
                        {
                            return null;
                        }

                        if (!sequenceStart.Anchor.IsEmpty)
                        {
                            builder.AnchorOpen(sequenceStart.Anchor.Value);
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        open.TryPop(out _);
                        builder.End();
                        break;
                }
            }
        }
        catch (Exception ex) when (Unclosed(ex, open) is { } bracket)
        {
            var missing = MissingCloser(text, bracket.At);
            if (FullWidth.FindStructural(text, bracket.At.Line, missing.Line, out var fullWidth) is { } culprit)
            {
                // A full-width comma or brace inside the '{ }' is what kept it from closing.
                bag.Add(FullWidth.Create(file, culprit, fullWidth));
                return null;
            }

            bag.Add(
                DiagnosticCatalog.UnclosedBracket,
                new SourceLocation(file, missing.Line, missing.Column),
                ("bracket", bracket.Bracket.ToString()),
                ("line", bracket.At.Line),
                ("column", bracket.At.Column),
                ("closer", bracket.Bracket == '{' ? "}" : "]"));
            return null;
        }
        catch (YamlException ex)
        {
            var at = ErrorMark(ex, text, lastMark);
            if (FullWidth.FindStructural(text, at.Line - 2, at.Line, out var fullWidth) is { } culprit)
            {
                // Parser jargon, often on the next line, for a full-width colon or comma typed with a Chinese input method.
                bag.Add(FullWidth.Create(file, culprit, fullWidth));
                return null;
            }

            bag.Add(DiagnosticCatalog.YamlSyntax, new SourceLocation(file, at.Line, at.Column), ("detail", CleanMessage(ex)));
            return null;
        }
#pragma warning disable CA1031 // The boundary: no foreign exception may reach the caller.
        catch (Exception)
#pragma warning restore CA1031
        {
            // Never the exception's own text: under UseSystemResourceKeys it is a resource key.
            bag.Add(DiagnosticCatalog.YamlSyntax, new SourceLocation(file, lastMark.Line, lastMark.Column), ("detail", new Message("diagnostic.yaml.unreadable")));
            return null;
        }

        if (builder.Root is null)
        {
            bag.Add(DiagnosticCatalog.EmptyDocument, SourceLocation.WholeFile(file));
        }

        return builder.Root;
    }

    /// <summary>
    /// The innermost flow collection still open when the parser failed for want of its closing bracket: YamlDotNet
    /// then either says it did not find ',' or the bracket, or fails inside with an InvalidOperationException.
    /// </summary>
    private static (char Bracket, Mark At)? Unclosed(Exception ex, Stack<(char Bracket, Mark At)?> open)
    {
        if (!open.TryPeek(out var innermost) || innermost is not { } flow)
        {
            return null;
        }

        var missingCloser = ex is not YamlException
            || ex.Message.Contains("did not find expected ',' or", StringComparison.Ordinal)
            || ex.Message.Contains("end of stream", StringComparison.OrdinalIgnoreCase);
        return missingCloser ? flow : null;
    }

    /// <summary>
    /// Where the closing bracket belongs: after the last line that still continues the flow collection, that is the
    /// opening line and the lines after it that are indented more deeply (blank lines and comments skipped).
    /// </summary>
    private static Mark MissingCloser(string text, Mark opened)
    {
        var lines = text.Split('\n');
        var openingLine = lines[opened.Line - 1].TrimEnd('\r');
        var indent = openingLine.Length - openingLine.TrimStart(' ').Length;
        var last = opened.Line;
        for (var i = opened.Line; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var content = line.TrimStart(' ');
            if (content.Length == 0 || content.StartsWith('#'))
            {
                continue;
            }

            if (line.Length - content.Length <= indent)
            {
                break;
            }

            last = i + 1;
        }

        var lastLine = lines[last - 1].TrimEnd('\r');
        var comment = lastLine.IndexOf(" #", StringComparison.Ordinal);
        var end = (comment >= 0 ? lastLine[..comment] : lastLine).TrimEnd().Length;
        return new Mark(last, end + 1);
    }

    /// <summary>
    /// YamlDotNet reports some scanner errors (tabs in indentation among them) at line 1, column 1. Point at the
    /// offending tab instead, or at least at the last event read before the error.
    /// </summary>
    private static Mark ErrorMark(YamlException ex, string text, Mark lastMark)
    {
        var mark = ToMark(ex.Start);
        if (mark != new Mark(1, 1))
        {
            return mark;
        }

        if (ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
        {
            var line = 1;
            var lineStart = 0;
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] == '\n')
                {
                    line++;
                    lineStart = i + 1;
                }
                else if (text[i] == '\t' && text.AsSpan(lineStart, i - lineStart).IsWhiteSpace())
                {
                    return new Mark(line, i - lineStart + 1);
                }
            }
        }

        return lastMark;
    }

    private static string DisplayTag(string tag) =>
        tag.StartsWith("tag:yaml.org,2002:", StringComparison.Ordinal) ? "!!" + tag["tag:yaml.org,2002:".Length..] : tag;

    private static DocScalar ToScalar(Scalar scalar, Mark start)
    {
        var plain = scalar.Style is ScalarStyle.Plain or ScalarStyle.Any;
        var isNull = plain && scalar.Value is "" or "~" or "null" or "Null" or "NULL";
        return new DocScalar(start, scalar.Value, isQuoted: !plain, isNull: isNull);
    }

    private static Mark ToMark(YamlDotNet.Core.Mark mark) => new(Math.Max(1, (int)mark.Line), Math.Max(1, (int)mark.Column));

    private static object CleanMessage(YamlException ex)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; the location is ours to print.
        var message = ex.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message[(marker + 3)..];
        }

        message = message.Trim();

        return message.Length == 0 ? new Message("diagnostic.yaml.unreadable") : message.TrimEnd('.');
    }
}
