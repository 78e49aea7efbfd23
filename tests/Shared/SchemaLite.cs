using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarRating.Testing;

/// <summary>
/// Our JSON Schemas (draft-07) for tests: validation by JsonSchema.Net, a maintained validator, and what it
/// cannot do: navigation from a data path to the schema that governs it, the property and required names of a
/// mapping schema, and every schema object of the file, which the tests use to hold the schema and the loaders
/// to the same keys. A keyword outside <see cref="Annotations"/> and <see cref="Assertions"/> makes loading throw,
/// so a schema cannot use a rule that the navigation here ignores.
/// </summary>
internal sealed class SchemaLite
{
    /// <summary>Keywords that never affect validation.</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions",
    };

    /// <summary>Keywords our schemas may use (the navigation here understands them; JsonSchema.Net validates them all).</summary>
    public static readonly IReadOnlySet<string> Assertions = new HashSet<string>(StringComparer.Ordinal)
    {
        "$ref", "type", "enum", "const", "properties", "required", "additionalProperties", "patternProperties",
        "items", "minItems", "maxItems", "minLength", "pattern", "minimum", "maximum", "exclusiveMinimum",
        "exclusiveMaximum", "allOf", "anyOf", "oneOf", "not", "if", "then", "else",
    };

    private SchemaLite(JObject root, string path)
    {
        Root = root;
        Path = path;
    }

    public JObject Root { get; }

    public string Path { get; }

    public static SchemaLite Load(string path)
    {
        using var reader = new JsonTextReader(new StreamReader(path)) { DateParseHandling = DateParseHandling.None };
        var root = JObject.Load(reader);
        var unknown = Walk(root, "#")
            .SelectMany(s => s.Item2.Properties().Select(p => (s.Item1, p.Name)))
            .Where(k => !Annotations.Contains(k.Name) && !Assertions.Contains(k.Name))
            .ToArray();
        if (unknown.Length > 0)
        {
            throw new NotSupportedException($"Keywords the tests' navigation does not know, in {path}: {string.Join(", ", unknown.Select(k => k.Item1 + "/" + k.Name))}");
        }

        return new SchemaLite(root, path);
    }

    /// <summary>Follows <c>$ref</c> (local pointers only) until a schema without one.</summary>
    public JObject Resolve(JObject schema)
    {
        var seen = 0;
        while (schema["$ref"] is JValue { Value: string reference })
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal) || ++seen > 32)
            {
                throw new NotSupportedException($"Only local $ref pointers are supported: {reference}");
            }

            var target = Root.SelectToken(string.Concat(reference[2..].Split('/').Select(p => "['" + p + "']")));
            schema = target as JObject ?? throw new InvalidOperationException($"$ref {reference} points nowhere");
        }

        return schema;
    }

    /// <summary>Every problem found, as "path: message"; empty when the value is valid.</summary>
    public IReadOnlyList<string> Validate(JToken value) => Collect(value, Root, "$");

    public bool IsValid(JToken value, JObject schema) => Collect(value, schema, "$").Count == 0;

    // ---- navigation ----------------------------------------------------------------------------------

    /// <summary>The schema and, through $ref, oneOf and anyOf, every alternative it allows.</summary>
    public IEnumerable<JObject> Alternatives(JObject schema)
    {
        var resolved = Resolve(schema);
        yield return resolved;
        foreach (var keyword in new[] { "oneOf", "anyOf" })
        {
            if (resolved[keyword] is JArray branches)
            {
                foreach (var branch in branches.OfType<JObject>().SelectMany(Alternatives))
                {
                    yield return branch;
                }
            }
        }
    }

    /// <summary>
    /// The schema that governs the value at <paramref name="dataPath"/> (e.g. <c>categories[0].indicators[0]</c>;
    /// empty for the root), found the way a validator would reach it: properties by name, list entries by items.
    /// </summary>
    public JObject At(string dataPath)
    {
        var schema = Root;
        foreach (var segment in Segments(dataPath))
        {
            schema = segment is int
                ? Alternatives(schema).Select(s => s["items"] as JObject).FirstOrDefault(s => s is not null)
                    ?? throw new InvalidOperationException($"No list schema on the way to '{dataPath}'")
                : Alternatives(schema).Select(s => s["properties"]?[(string)segment] as JObject).FirstOrDefault(s => s is not null)
                    ?? throw new InvalidOperationException($"No property '{segment}' on the way to '{dataPath}'");
        }

        return schema;
    }

    /// <summary>The mapping schema (type object) that governs <paramref name="dataPath"/>.</summary>
    public JObject ObjectAt(string dataPath) =>
        Alternatives(At(dataPath)).FirstOrDefault(s => Declares(s, "object"))
        ?? throw new InvalidOperationException($"No mapping schema at '{dataPath}'");

    /// <summary>The enum that governs <paramref name="dataPath"/>, looking through alternatives and list entries.</summary>
    public JArray EnumAt(string dataPath)
    {
        foreach (var schema in Alternatives(At(dataPath)))
        {
            if (schema["enum"] is JArray values)
            {
                return values;
            }

            if (schema["items"] is JObject items && Alternatives(items).Select(s => s["enum"]).OfType<JArray>().FirstOrDefault() is { } itemValues)
            {
                return itemValues;
            }
        }

        throw new InvalidOperationException($"No enum at '{dataPath}'");
    }

    /// <summary>True when the schema's <c>type</c> is, or lists, <paramref name="type"/>.</summary>
    public static bool Declares(JObject schema, string type) => schema["type"] switch
    {
        JArray types => types.Any(t => (string?)t == type),
        JValue single => (string?)single == type,
        _ => false,
    };

    /// <summary>Property names of a mapping schema, in schema order.</summary>
    public static IReadOnlyList<string> PropertyNames(JObject objectSchema) =>
        ((JObject?)objectSchema["properties"])?.Properties().Select(p => p.Name).ToArray() ?? [];

    /// <summary>The required keys of a mapping schema.</summary>
    public static IReadOnlyList<string> RequiredNames(JObject objectSchema) =>
        ((JArray?)objectSchema["required"])?.Select(t => (string)t!).ToArray() ?? [];

    /// <summary>Every schema object in the file (including definitions and nested subschemas), depth first.</summary>
    public IEnumerable<(string Pointer, JObject Schema)> AllSchemas() => Walk(Root, "#");

    /// <summary>Splits <c>a.b[0].c</c> into "a", "b", 0, "c".</summary>
    public static IEnumerable<object> Segments(string dataPath)
    {
        foreach (Match m in Regex.Matches(dataPath, @"([^.\[\]]+)|\[(\d+)\]"))
        {
            yield return m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : m.Groups[1].Value;
        }
    }

    private static IEnumerable<(string, JObject)> Walk(JObject schema, string pointer)
    {
        yield return (pointer, schema);
        foreach (var property in schema.Properties())
        {
            switch (property.Name)
            {
                case "properties" or "patternProperties" or "definitions" when property.Value is JObject map:
                    foreach (var child in map.Properties().Where(p => p.Value is JObject))
                    {
                        foreach (var found in Walk((JObject)child.Value, $"{pointer}/{property.Name}/{child.Name}"))
                        {
                            yield return found;
                        }
                    }

                    break;
                case "allOf" or "anyOf" or "oneOf" when property.Value is JArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JObject branch)
                        {
                            foreach (var found in Walk(branch, $"{pointer}/{property.Name}/{i}"))
                            {
                                yield return found;
                            }
                        }
                    }

                    break;
                case "items" or "not" or "if" or "then" or "else" or "additionalProperties" when property.Value is JObject sub:
                    foreach (var found in Walk(sub, $"{pointer}/{property.Name}"))
                    {
                        yield return found;
                    }

                    break;
            }
        }
    }

    // ---- validation: JsonSchema.Net ------------------------------------------------------------------

    /// <summary>
    /// Validates with JsonSchema.Net against <paramref name="schema"/>, a schema object of this file (the root or one
    /// reached by navigation): it is built as a document of its own that carries the file's definitions, so its
    /// local <c>$ref</c>s resolve as in the file. Every problem as "pointer: keyword: message".
    /// </summary>
    private List<string> Collect(JToken value, JObject schema, string path)
    {
        var evaluated = Compile(schema).Evaluate(ToElement(value), new Json.Schema.EvaluationOptions { OutputFormat = Json.Schema.OutputFormat.List });
        if (evaluated.IsValid)
        {
            return [];
        }

        var errors = (evaluated.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{path}{d.InstanceLocation}: {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : [$"{path}: invalid"];
    }

    private Json.Schema.JsonSchema Compile(JObject schema)
    {
        lock (compiled)
        {
            if (compiled.TryGetValue(schema, out var built))
            {
                return built;
            }

            var document = (JObject)schema.DeepClone();
            if (!ReferenceEquals(schema, Root) && Root["definitions"] is { } definitions && document["definitions"] is null)
            {
                document["definitions"] = definitions.DeepClone();
            }

            document.Remove("$id");
            if (Root["$schema"] is { } dialect && document["$schema"] is null)
            {
                document.AddFirst(new JProperty("$schema", dialect.DeepClone())); // draft-07, so 'definitions' is a keyword
            }

            // Each document in a registry of its own: the same schema file is loaded by several test classes.
            var options = new Json.Schema.BuildOptions { SchemaRegistry = new Json.Schema.SchemaRegistry() };
            built = Json.Schema.JsonSchema.Build(ToElement(document), options, new Uri("https://starrating.invalid/schema/" + compiled.Count.ToString(CultureInfo.InvariantCulture) + ".json"));
            compiled.Add(schema, built);
            return built;
        }
    }

    private readonly Dictionary<JObject, Json.Schema.JsonSchema> compiled = new(ReferenceEqualityComparer.Instance);

    private static System.Text.Json.JsonElement ToElement(JToken value)
    {
        using var document = System.Text.Json.JsonDocument.Parse(value.ToString(Formatting.None));
        return document.RootElement.Clone();
    }
}
