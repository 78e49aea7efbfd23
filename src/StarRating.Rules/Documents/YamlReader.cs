using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace StarRating.Rules.Documents;

/// <summary>
/// Reads YAML into a <see cref="DocNode"/> tree from YamlDotNet's event stream. Anchors, aliases and explicit
/// tags are refused at the first event that carries one; YamlDotNet's exceptions never leave this class.
/// </summary>
internal static class YamlReader
{
    public static DocNode? Read(string text, string file, InputLimits limits, DiagnosticBag bag)
    {
        var builder = new TreeBuilder(file, limits, bag);
        var parser = new Parser(new Scanner(new StringReader(text), skipComments: true));
        var lastMark = new Mark(1, 1);
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
                        builder.Fail(DiagnosticCatalog.AnchorOrAlias, lastMark, ("what", new Message("diagnostic.yaml.alias", ("name", alias.Value.Value))));
                        return null;
                    case NodeEvent node when !node.Anchor.IsEmpty:
                        builder.Fail(DiagnosticCatalog.AnchorOrAlias, lastMark, ("what", new Message("diagnostic.yaml.anchor", ("name", node.Anchor.Value))));
                        return null;
                    case NodeEvent node when !node.Tag.IsEmpty && !node.Tag.IsNonSpecific:
                        builder.Fail(DiagnosticCatalog.TagNotAllowed, lastMark, ("tag", DisplayTag(node.Tag.Value)));
                        return null;
                    case Scalar scalar:
                        if (!builder.Scalar(ToScalar(scalar, lastMark)))
                        {
                            return null;
                        }

                        break;
                    case MappingStart:
                        if (!builder.StartMapping(lastMark))
                        {
                            return null;
                        }

                        break;
                    case SequenceStart:
                        if (!builder.StartSequence(lastMark))
                        {
                            return null;
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        builder.End();
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            var at = ErrorMark(ex, text, lastMark);
            bag.Add(DiagnosticCatalog.YamlSyntax, new SourceLocation(file, at.Line, at.Column), ("detail", CleanMessage(ex)));
            return null;
        }
#pragma warning disable CA1031 // The boundary: no foreign exception may reach the caller.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            bag.Add(DiagnosticCatalog.YamlSyntax, new SourceLocation(file, lastMark.Line, lastMark.Column), ("detail", ex.Message));
            return null;
        }

        if (builder.Root is null)
        {
            bag.Add(DiagnosticCatalog.EmptyDocument, SourceLocation.WholeFile(file));
        }

        return builder.Root;
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
        if (ex.InnerException is not null && message.Length == 0)
        {
            message = ex.InnerException.Message;
        }

        return message.Length == 0 ? new Message("diagnostic.yaml.unreadable") : message.TrimEnd('.');
    }
}
