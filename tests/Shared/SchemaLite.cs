using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace StarRating.Testing;

/// <summary>
/// The part of JSON Schema draft-07 that our schemas use, small enough to read in one sitting: a validator
/// (no validator package is available here) and navigation from a data path to the schema that governs it.
/// A keyword outside that part makes it throw, so a schema cannot silently use a rule these tests ignore.
/// </summary>
internal sealed class SchemaLite
{
    /// <summary>Keywords that never affect validation.</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "default", "examples", "definitions",
    };

    /// <summary>Keywords this validator implements.</summary>
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
        return new SchemaLite(JObject.Load(reader), path);
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
    public IReadOnlyList<string> Validate(JToken value)
    {
        var errors = new List<string>();
        Validate(value, Root, "$", errors);
        return errors;
    }

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

    // ---- validation ----------------------------------------------------------------------------------

    private List<string> Collect(JToken value, JObject schema, string path)
    {
        var errors = new List<string>();
        Validate(value, schema, path, errors);
        return errors;
    }

    private void Validate(JToken value, JObject schema, string path, List<string> errors)
    {
        foreach (var keyword in schema.Properties().Select(p => p.Name))
        {
            if (!Annotations.Contains(keyword) && !Assertions.Contains(keyword))
            {
                throw new NotSupportedException($"Keyword '{keyword}' is not supported by SchemaLite ({Path})");
            }
        }

        if (schema["$ref"] is not null)
        {
            // Draft-07: everything beside $ref is ignored, so only annotations may stand there.
            var beside = schema.Properties().Select(p => p.Name).Where(k => k != "$ref" && !Annotations.Contains(k)).ToArray();
            if (beside.Length > 0)
            {
                throw new InvalidOperationException($"Keywords beside $ref are ignored by draft-07: {string.Join(", ", beside)} ({Path})");
            }

            Validate(value, Resolve(schema), path, errors);
            return;
        }

        if (schema["type"] is { } type)
        {
            var allowed = type is JArray list ? list.Select(t => (string)t!).ToArray() : [(string)type!];
            if (!allowed.Any(t => HasType(value, t)))
            {
                errors.Add($"{path}: expected {string.Join(" or ", allowed)}, found {value.Type}");
                return;
            }
        }

        if (schema["enum"] is JArray values && !values.Any(v => JToken.DeepEquals(v, value)))
        {
            errors.Add($"{path}: '{value}' is not one of {string.Join(", ", values)}");
        }

        if (schema["const"] is { } constant && !JToken.DeepEquals(constant, value))
        {
            errors.Add($"{path}: must be {constant}");
        }

        if (value is JObject obj)
        {
            ValidateObject(obj, schema, path, errors);
        }

        if (value is JArray array)
        {
            if (schema["minItems"] is { } minItems && array.Count < (int)minItems)
            {
                errors.Add($"{path}: fewer than {minItems} entries");
            }

            if (schema["maxItems"] is { } maxItems && array.Count > (int)maxItems)
            {
                errors.Add($"{path}: more than {maxItems} entries");
            }

            if (schema["items"] is JObject items)
            {
                for (var i = 0; i < array.Count; i++)
                {
                    Validate(array[i], items, $"{path}[{i}]", errors);
                }
            }
        }

        if (value.Type == JTokenType.String)
        {
            var text = (string)value!;
            if (schema["minLength"] is { } minLength && text.Length < (int)minLength)
            {
                errors.Add($"{path}: shorter than {minLength}");
            }

            if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, (string)pattern!))
            {
                errors.Add($"{path}: '{text}' does not match {pattern}");
            }
        }

        if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            var number = value.ToObject<decimal>();
            if (schema["minimum"] is { } minimum && number < minimum.ToObject<decimal>())
            {
                errors.Add($"{path}: {number} is below {minimum}");
            }

            if (schema["maximum"] is { } maximum && number > maximum.ToObject<decimal>())
            {
                errors.Add($"{path}: {number} is above {maximum}");
            }

            if (schema["exclusiveMinimum"] is { } exclusiveMinimum && number <= exclusiveMinimum.ToObject<decimal>())
            {
                errors.Add($"{path}: {number} is not above {exclusiveMinimum}");
            }

            if (schema["exclusiveMaximum"] is { } exclusiveMaximum && number >= exclusiveMaximum.ToObject<decimal>())
            {
                errors.Add($"{path}: {number} is not below {exclusiveMaximum}");
            }
        }

        ValidateCombinators(value, schema, path, errors);
    }

    private void ValidateObject(JObject obj, JObject schema, string path, List<string> errors)
    {
        var properties = schema["properties"] as JObject;
        var patterns = (schema["patternProperties"] as JObject)?.Properties().ToArray() ?? [];
        foreach (var name in RequiredNames(schema))
        {
            if (obj[name] is null)
            {
                errors.Add($"{path}: missing required '{name}'");
            }
        }

        foreach (var property in obj.Properties())
        {
            var matched = false;
            if (properties?[property.Name] is JObject propertySchema)
            {
                matched = true;
                Validate(property.Value, propertySchema, $"{path}.{property.Name}", errors);
            }

            foreach (var pattern in patterns.Where(p => Regex.IsMatch(property.Name, p.Name)))
            {
                matched = true;
                Validate(property.Value, (JObject)pattern.Value, $"{path}.{property.Name}", errors);
            }

            switch (schema["additionalProperties"])
            {
                case JValue { Type: JTokenType.Boolean } allowed when !matched && !(bool)allowed:
                    errors.Add($"{path}: unknown key '{property.Name}'");
                    break;
                case JObject additional when !matched:
                    Validate(property.Value, additional, $"{path}.{property.Name}", errors);
                    break;
            }
        }
    }

    private void ValidateCombinators(JToken value, JObject schema, string path, List<string> errors)
    {
        if (schema["allOf"] is JArray all)
        {
            foreach (var branch in all.Cast<JObject>())
            {
                Validate(value, branch, path, errors);
            }
        }

        if (schema["anyOf"] is JArray any && !any.Cast<JObject>().Any(b => IsValid(value, b)))
        {
            errors.Add($"{path}: matches none of anyOf");
        }

        if (schema["oneOf"] is JArray one)
        {
            var matches = one.Cast<JObject>().Count(b => IsValid(value, b));
            if (matches != 1)
            {
                errors.Add($"{path}: matches {matches} of oneOf, not exactly one");
            }
        }

        if (schema["not"] is JObject not && IsValid(value, not))
        {
            errors.Add($"{path}: matches a schema it must not match");
        }

        if (schema["if"] is JObject condition)
        {
            var branch = IsValid(value, condition) ? schema["then"] : schema["else"];
            if (branch is JObject consequence)
            {
                Validate(value, consequence, path, errors);
            }
        }
    }

    private static bool HasType(JToken value, string type) => type switch
    {
        "object" => value.Type == JTokenType.Object,
        "array" => value.Type == JTokenType.Array,
        "string" => value.Type == JTokenType.String,
        "boolean" => value.Type == JTokenType.Boolean,
        "null" => value.Type == JTokenType.Null,
        "number" => value.Type is JTokenType.Integer or JTokenType.Float,
        "integer" => value.Type == JTokenType.Integer || (value.Type == JTokenType.Float && value.ToObject<decimal>() % 1 == 0),
        _ => throw new NotSupportedException($"type '{type}'"),
    };
}
