using System.Globalization;
using System.Text;

namespace StarRating.Server.Pages;

/// <summary>
/// Writes HTML by construction: element and attribute names are constants of our code (checked to be plain names),
/// and every value and every piece of text goes through an encoder — there is no way to write a caller's string as
/// markup. Text is encoded minimally (<c>&amp; &lt; &gt; &quot; &#39;</c>) so Chinese stays as UTF-8, not entities;
/// control characters become U+FFFD, and in displayed text the bidirectional embedding, override and isolate controls
/// do too, so a hostile name cannot reorder the page around it (form values keep them: a field is its own context).
/// </summary>
internal sealed class Html
{
    private readonly StringBuilder text = new(capacity: 64 * 1024);

    /// <summary>An attribute: omitted when the value is null, written bare (a boolean attribute) when it is empty.</summary>
    public readonly record struct Attr(string Name, string? Value)
    {
        public static implicit operator Attr((string Name, string? Value) pair) => new(pair.Name, pair.Value);
    }

    /// <summary>"" (present) when true, null (absent) when false: for boolean attributes such as checked.</summary>
    public static string? Flag(bool on) => on ? "" : null;

    public Html Doctype()
    {
        text.Append("<!doctype html>\n");
        return this;
    }

    public Html Open(string tag, params Attr[] attributes)
    {
        StartTag(tag, attributes);
        return this;
    }

    /// <summary>A void element (input, meta, link, br): no content, no end tag.</summary>
    public Html Void(string tag, params Attr[] attributes) => Open(tag, attributes);

    public Html Close(string tag)
    {
        CheckName(tag);
        text.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>An element holding text only.</summary>
    public Html Element(string tag, string? content, params Attr[] attributes)
    {
        StartTag(tag, attributes);
        Text(content);
        return Close(tag);
    }

    /// <summary>Displayed text: encoded, with control and bidi-override characters neutralised.</summary>
    public Html Text(string? content)
    {
        Encode(content, attribute: false, display: true);
        return this;
    }

    /// <summary>The content of a textarea: encoded, kept as typed (but for control characters).</summary>
    public Html Value(string? content)
    {
        // A textarea drops one leading line break: write one so a value that starts with one survives.
        if (content is { Length: > 0 } && content[0] == '\n')
        {
            text.Append('\n');
        }

        Encode(content, attribute: false, display: false);
        return this;
    }

    public Html Number(decimal value)
    {
        text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    /// <summary>A fixed line break in the source, for readable output; never content.</summary>
    public Html Line()
    {
        text.Append('\n');
        return this;
    }

    public int Length => text.Length;

    public override string ToString() => text.ToString();

    private void StartTag(string tag, Attr[] attributes)
    {
        CheckName(tag);
        text.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null)
            {
                continue;
            }

            CheckName(name);
            text.Append(' ').Append(name);
            if (value.Length > 0)
            {
                text.Append("=\"");
                Encode(value, attribute: true, display: false);
                text.Append('"');
            }
        }

        text.Append('>');
    }

    /// <summary>Names come from our code; a name that is not plain is a bug, never written.</summary>
    private static void CheckName(string name)
    {
        var ok = name.Length is > 0 and < 40 && name[0] is >= 'a' and <= 'z';
        foreach (var c in name)
        {
            ok &= c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-';
        }

        if (!ok)
        {
            throw new ArgumentException("not a plain HTML name", nameof(name));
        }
    }

    private void Encode(string? value, bool attribute, bool display)
    {
        if (value is null)
        {
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '&':
                    text.Append("&amp;");
                    break;
                case '<':
                    text.Append("&lt;");
                    break;
                case '>':
                    text.Append("&gt;");
                    break;
                case '"':
                    text.Append("&quot;");
                    break;
                case '\'':
                    text.Append("&#39;");
                    break;
                case '\n' or '\t':
                    text.Append(attribute ? ' ' : c);
                    break;
                case '\r':
                    break;
                default:
                    text.Append(IsControl(c) || (display && IsBidiControl(c)) ? '\uFFFD' : c);
                    break;
            }
        }
    }

    private static bool IsControl(char c) => c < '\u0020' || c is (>= '\u007F' and <= '\u009F') or '\uFFFE' or '\uFFFF';

    /// <summary>Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).</summary>
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
