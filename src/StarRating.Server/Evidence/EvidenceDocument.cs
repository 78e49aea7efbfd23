using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using StarRating.Engine;
using StarRating.Rules;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace StarRating.Server.Evidence;

/// <summary>
/// How the service keeps an evidence document: its "head" (every top-level key but <c>findings</c>, with an empty
/// <c>findings</c> list as a placeholder so the key keeps its place) and each finding as its own evidence-format JSON
/// object. <see cref="Compose"/> puts them back into one JSON evidence file, byte for byte the same for the same
/// state, which the library reads and scores like any file.
/// </summary>
/// <remarks>
/// This is the service's evidence <em>writer</em>, kept in this one class so it can be swapped for the shared evidence
/// writer when that lands in the library. It never interprets a finding's keys beyond <c>item</c>/<c>indicator</c>:
/// keys the format grows (<c>nc</c>, <c>by</c>, <c>assessments</c>, <c>previous</c>, <c>decision</c>, …) pass through
/// untouched, and the library stays the only judge of what is valid.
/// </remarks>
internal static partial class EvidenceDocument
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        IndentSize = 2,
        NewLine = "\n",
        // Chinese stays readable in the document; it is served as application/json with nosniff, never as HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static readonly JsonWriterOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The evidence file name the service scores under: the same name a downloaded copy gets.</summary>
    public static string FileName(long auditId) => "audit-" + auditId.ToString(CultureInfo.InvariantCulture) + ".json";

    /// <summary>Writes the evidence document: head keys in order, the findings in their order at the findings key.</summary>
    public static byte[] Compose(string headJson, IEnumerable<string> findingJsons)
    {
        var head = (JsonObject)JsonNode.Parse(headJson)!;
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in head)
            {
                writer.WritePropertyName(key);
                if (key == "findings")
                {
                    writer.WriteStartArray();
                    foreach (var finding in findingJsons)
                    {
                        JsonNode.Parse(finding)!.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                }
                else if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }

            writer.WriteEndObject();
        }

        buffer.Write("\n"u8);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Splits a validated evidence document into its head and its findings (with their targets).</summary>
    public static (string Head, IReadOnlyList<(string Target, string Json)> Findings) Split(JsonObject root)
    {
        var findings = new List<(string, string)>();
        if (root["findings"] is JsonArray array)
        {
            foreach (var node in array)
            {
                var finding = (JsonObject)node!;
                findings.Add((TargetOf(finding)!, Compact(finding)));
            }
        }

        var head = new JsonObject();
        foreach (var (key, value) in root)
        {
            head[key] = key == "findings" ? new JsonArray() : value?.DeepClone();
        }

        if (!head.ContainsKey("findings"))
        {
            head["findings"] = new JsonArray();
        }

        return (Compact(head), findings);
    }

    /// <summary>The check item or indicator a finding object names, or null.</summary>
    public static string? TargetOf(JsonObject finding) =>
        (finding["item"] as JsonValue)?.ToString() is { Length: > 0 } item ? item
        : (finding["indicator"] as JsonValue)?.ToString() is { Length: > 0 } indicator ? indicator
        : null;

    /// <summary>One line of JSON, keys in the order given.</summary>
    public static string Compact(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, CompactOptions))
        {
            node.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// A document that holds the head and one finding written <em>verbatim</em> from line 2, so the library's
    /// diagnostics on the finding map back to the request body by subtracting one line.
    /// </summary>
    public static string Probe(string headJson, string findingText)
    {
        var head = (JsonObject)JsonNode.Parse(headJson)!;
        var text = new StringBuilder(headJson.Length + findingText.Length + 32);
        text.Append('{');
        var first = true;
        foreach (var (key, value) in head)
        {
            if (key == "findings")
            {
                continue;
            }

            if (!first)
            {
                text.Append(',');
            }

            first = false;
            var property = new JsonObject { [key] = value?.DeepClone() };
            var compact = Compact(property);
            text.Append(compact, 1, compact.Length - 2);
        }

        text.Append(first ? "" : ",").Append("\"findings\":[\n").Append(findingText).Append("\n]}\n");
        return text.ToString();
    }

    /// <summary>
    /// A document holding the head without <paramref name="part"/>, the findings, and <paramref name="partText"/> as
    /// that part <em>verbatim</em> from line 2 (everything else on line 1), so the library's diagnostics on the new
    /// value map back to the request body by subtracting one line.
    /// </summary>
    public static string PartProbe(string headJson, IEnumerable<string> findingJsons, string part, string partText)
    {
        var head = (JsonObject)JsonNode.Parse(headJson)!;
        var text = new StringBuilder(headJson.Length + partText.Length + 1024);
        text.Append('{');
        foreach (var (key, value) in head)
        {
            if (key == part)
            {
                continue;
            }

            var property = new JsonObject { [key] = key == "findings" ? new JsonArray([.. findingJsons.Select(f => JsonNode.Parse(f))]) : value?.DeepClone() };
            var compact = Compact(property);
            text.Append(compact, 1, compact.Length - 2).Append(',');
        }

        text.Append('"').Append(part).Append("\":\n").Append(partText).Append("\n}\n");
        return text.ToString();
    }

    /// <summary>The head with <paramref name="part"/> set to <paramref name="valueJson"/> (in its place, or last), or removed when null.</summary>
    public static string WithPart(string headJson, string part, string? valueJson)
    {
        var head = (JsonObject)JsonNode.Parse(headJson)!;
        if (valueJson is null)
        {
            head.Remove(part);
        }
        else
        {
            head[part] = JsonNode.Parse(valueJson);
        }

        return Compact(head);
    }

    /// <summary>
    /// Turns validated YAML evidence into the same JSON the library would read the same way: quoted and block
    /// scalars become strings, plain scalars become JSON numbers where they already are one (so <c>007</c> or a
    /// date stays text), <c>true</c>/<c>false</c> booleans, <c>~</c>/<c>null</c>/empty null, anything else a string.
    /// Only called after the library accepted the YAML (size, depth, anchors, duplicates, control characters).
    /// </summary>
    public static JsonObject YamlToJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (JsonObject)Convert(stream.Documents[0].RootNode)!;
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", Convert(c.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.Plain or ScalarStyle.Any)
        {
            switch (value)
            {
                case "" or "~" or "null" or "Null" or "NULL":
                    return null;
                case "true" or "True" or "TRUE":
                    return JsonValue.Create(true);
                case "false" or "False" or "FALSE":
                    return JsonValue.Create(false);
            }

            if (JsonNumber().IsMatch(value))
            {
                return JsonNode.Parse(value);
            }
        }

        return JsonValue.Create(value);
    }

    /// <summary>Numbers JSON can carry exactly as written (no leading zeros, plus sign or exponent).</summary>
    [GeneratedRegex(@"^-?(0|[1-9][0-9]{0,14})(\.[0-9]{1,12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();

    /// <summary>The columns the audit list filters on, read from the library's view of the evidence.</summary>
    public static AuditSummary Summarize(AuditEvidence evidence, JsonObject root)
    {
        var dates = evidence.Audit.Dates;
        int? stage = root["audit"] is JsonObject audit && audit["stage"] is JsonValue s && s.TryGetValue<int>(out var n) ? n : null;
        return new AuditSummary(
            evidence.Company.Name,
            evidence.Company.CreditCode,
            EvidenceWords.Of(evidence.Audit.Kind),
            stage,
            evidence.Audit.Reference,
            dates.Count == 0 ? null : dates.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            dates.Count == 0 ? null : dates.Max().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            evidence.RubricId);
    }
}

/// <summary>What the audit list stores beside the document.</summary>
internal sealed record AuditSummary(string CompanyName, string? CreditCode, string Kind, int? Stage, string? Reference, string? FirstDate, string? LastDate, string? RubricId, string? RubricVersion = null);
