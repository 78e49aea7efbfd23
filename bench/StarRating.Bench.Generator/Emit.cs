using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace StarRating.Bench.Generator;

/// <summary>An ordered mapping; <see cref="Flow"/> writes it on one line in YAML (<c>{ a: 1, b: 2 }</c>).</summary>
internal sealed class Map : List<KeyValuePair<string, object>>
{
    public bool Flow { get; init; }

    public void Add(string key, object? value)
    {
        if (value is not null)
        {
            Add(new KeyValuePair<string, object>(key, value));
        }
    }
}

/// <summary>An ordered list; <see cref="Flow"/> writes it on one line in YAML (<c>[a, b]</c>).</summary>
internal sealed class Seq : List<object>
{
    public Seq()
    {
    }

    public Seq(IEnumerable<object> items)
        : base(items)
    {
    }

    public bool Flow { get; init; }
}

/// <summary>A multi-line text written as a YAML literal block (<c>|-</c>).</summary>
internal sealed record Block(string Text);

/// <summary>A scalar that must stay a string in YAML (ids such as "5.1.2.3").</summary>
internal sealed record Quoted(string Text);

/// <summary>Writes the tree as YAML in the style of <c>samples/</c>, or as indented JSON.</summary>
internal static class Emit
{
    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Yaml(Map root, int number)
    {
        var text = new StringBuilder(32 * 1024);
        text.Append("# yaml-language-server: $schema=../schemas/evidence.schema.json\n");
        text.Append("# 基准测试用合成审核证据 #").Append(number.ToString(CultureInfo.InvariantCulture)).Append(",企业与人员均为虚构。\n");
        foreach (var (key, value) in root)
        {
            if (key is "company" or "audit" or "findings" or "adjustments" or "conclusion")
            {
                text.Append('\n');
            }

            Entry(text, 0, key, value);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static byte[] Json(Map root)
    {
        using var stream = new MemoryStream(32 * 1024);
        using (var json = new Utf8JsonWriter(stream, JsonOptions))
        {
            JsonValue(json, root);
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void Entry(StringBuilder text, int indent, string key, object value, bool skipIndent = false)
    {
        text.Append(' ', skipIndent ? 0 : indent).Append(key).Append(':');
        switch (value)
        {
            case Map { Flow: false } map:
                text.Append('\n');
                foreach (var (k, v) in map)
                {
                    Entry(text, indent + 2, k, v);
                }

                break;
            case Seq { Flow: false } seq:
                text.Append('\n');
                foreach (var element in seq)
                {
                    Element(text, indent + 2, element);
                }

                break;
            case Block block:
                text.Append(" |-\n");
                foreach (var line in block.Text.Split('\n'))
                {
                    text.Append(' ', indent + 2).Append(line).Append('\n');
                }

                break;
            default:
                text.Append(' ');
                Inline(text, value, flow: false);
                text.Append('\n');
                break;
        }
    }

    private static void Element(StringBuilder text, int indent, object value)
    {
        if (value is Map { Flow: false } map)
        {
            text.Append(' ', indent).Append("- ");
            for (var i = 0; i < map.Count; i++)
            {
                // The first key sits after the dash; every key and its nested content align at indent + 2.
                Entry(text, indent + 2, map[i].Key, map[i].Value, skipIndent: i == 0);
            }

            return;
        }

        text.Append(' ', indent).Append("- ");
        Inline(text, value, flow: false);
        text.Append('\n');
    }

    private static void Inline(StringBuilder text, object value, bool flow)
    {
        switch (value)
        {
            case Map map:
                text.Append("{ ");
                for (var i = 0; i < map.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ").Append(map[i].Key).Append(": ");
                    Inline(text, map[i].Value, flow: true);
                }

                text.Append(" }");
                break;
            case Seq seq:
                text.Append('[');
                for (var i = 0; i < seq.Count; i++)
                {
                    text.Append(i == 0 ? "" : ", ");
                    Inline(text, seq[i], flow: true);
                }

                text.Append(']');
                break;
            case Quoted quoted:
                text.Append('"').Append(quoted.Text).Append('"');
                break;
            case string s:
                text.Append(NeedsQuotes(s, flow) ? "\"" + s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" : s);
                break;
            case int n:
                text.Append(n.ToString(CultureInfo.InvariantCulture));
                break;
            case decimal d:
                text.Append(d.ToString(CultureInfo.InvariantCulture));
                break;
            case DateOnly date:
                text.Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException("unexpected value " + value.GetType());
        }
    }

    private static bool NeedsQuotes(string s, bool flow)
    {
        if (s.Length == 0 || "-?:,[]{}#&*!|>'\"%@`".Contains(s[0], StringComparison.Ordinal) || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]))
        {
            return true;
        }

        if (s.Contains(": ", StringComparison.Ordinal) || s.Contains(" #", StringComparison.Ordinal) || s.EndsWith(':'))
        {
            return true;
        }

        if (flow && s.AsSpan().IndexOfAny(",[]{}") >= 0)
        {
            return true;
        }

        // Plain scalars that YAML would read as something other than text.
        return char.IsAsciiDigit(s[0]) || s is "null" or "true" or "false" or "yes" or "no" or "~";
    }

    private static void JsonValue(Utf8JsonWriter json, object value)
    {
        switch (value)
        {
            case Map map:
                json.WriteStartObject();
                foreach (var (k, v) in map)
                {
                    json.WritePropertyName(k);
                    JsonValue(json, v);
                }

                json.WriteEndObject();
                break;
            case Seq seq:
                json.WriteStartArray();
                foreach (var element in seq)
                {
                    JsonValue(json, element);
                }

                json.WriteEndArray();
                break;
            case Block block:
                json.WriteStringValue(block.Text);
                break;
            case Quoted quoted:
                json.WriteStringValue(quoted.Text);
                break;
            case string s:
                json.WriteStringValue(s);
                break;
            case int n:
                json.WriteNumberValue(n);
                break;
            case decimal d:
                json.WriteNumberValue(d);
                break;
            case DateOnly date:
                json.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            default:
                throw new InvalidOperationException("unexpected value " + value.GetType());
        }
    }
}
