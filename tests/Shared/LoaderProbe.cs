using System.Globalization;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StarRating.Rules;
using StarRating.Rules.Documents;

namespace StarRating.Testing;

/// <summary>
/// Helpers for asking the loaders what they accept: edit a probe document at a path, and read the key and
/// value lists that the SR1101 and SR1106 hints print.
/// </summary>
internal static partial class LoaderProbe
{
    /// <summary>The key inserted to provoke SR1101; no format defines it and no suggestion is close to it.</summary>
    public const string UnknownKey = "zz_probe";

    /// <summary>The value written to provoke SR1106.</summary>
    public const string UnknownValue = "zz_probe";

    /// <summary>The file extensions each probe runs under: the YAML and the JSON front end must agree.</summary>
    public static readonly string[] Formats = [".json", ".yaml"];

    /// <summary>How MapReader names a mapping in messages: its path, or "the top level".</summary>
    public static string Context(string dataPath) => dataPath.Length == 0 ? "the top level" : dataPath;

    /// <summary>
    /// The document as text in the given format. JSON is valid YAML (flow style), so one text serves both
    /// front ends; quoted JSON strings stay quoted text in YAML and numbers stay plain.
    /// </summary>
    public static string Text(JObject document) => document.ToString(Newtonsoft.Json.Formatting.Indented);

    public static JObject MappingAt(JObject document, string dataPath) =>
        dataPath.Length == 0 ? document : document.SelectToken(dataPath) as JObject
            ?? throw new InvalidOperationException($"No mapping at '{dataPath}' in the probe document");

    public static JObject WithKey(JObject document, string dataPath, string key, JToken value)
    {
        var copy = (JObject)document.DeepClone();
        MappingAt(copy, dataPath)[key] = value;
        return copy;
    }

    public static JObject WithoutKey(JObject document, string dataPath, string key)
    {
        var copy = (JObject)document.DeepClone();
        MappingAt(copy, dataPath).Remove(key).Should().BeTrue($"the probe document should have '{key}' at '{dataPath}'");
        return copy;
    }

    public static JObject WithValue(JObject document, string dataPath, JToken value)
    {
        var copy = (JObject)document.DeepClone();
        var token = copy.SelectToken(dataPath) ?? throw new InvalidOperationException($"Nothing at '{dataPath}' in the probe document");
        token.Replace(value);
        return copy;
    }

    /// <summary>The keys listed by an SR1101 hint ("Allowed keys here: a, b, c.").</summary>
    public static IReadOnlyList<string> AllowedKeys(Diagnostic diagnostic)
    {
        diagnostic.Code.Should().Be("SR1101");
        var match = AllowedKeysPattern().Match(diagnostic.Hint ?? "");
        match.Success.Should().BeTrue($"the SR1101 hint should list the allowed keys: {diagnostic.Hint}");
        return match.Groups[1].Value.Split(", ");
    }

    /// <summary>The values listed by an SR1106 hint ("Use one of: a, b, c.").</summary>
    public static IReadOnlyList<string> AllowedValues(Diagnostic diagnostic)
    {
        diagnostic.Code.Should().Be("SR1106");
        var match = AllowedValuesPattern().Match(diagnostic.Hint ?? "");
        match.Success.Should().BeTrue($"the SR1106 hint should list the allowed values: {diagnostic.Hint}");
        return match.Groups[1].Value.Split(", ");
    }

    /// <summary>The key named by an SR1102 message ("missing required key 'k' in context").</summary>
    public static string? MissingKey(Diagnostic diagnostic, string context)
    {
        var match = MissingKeyPattern().Match(diagnostic.Message);
        return diagnostic.Code == "SR1102" && match.Success && match.Groups[2].Value == context ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The complete example files in a Markdown doc: fenced <c>yaml</c> or <c>json</c> blocks that name
    /// <paramref name="schemaFile"/> as their schema (<c># yaml-language-server: $schema=...</c> or a
    /// <c>"$schema"</c> key) and hold more than that line. Returns each block's text and the file extension it would have.
    /// </summary>
    public static IReadOnlyList<(string Text, string Extension)> CompleteExamples(string markdown, string schemaFile)
    {
        var examples = new List<(string, string)>();
        foreach (Match block in FencedBlockPattern().Matches(markdown))
        {
            var text = block.Groups[2].Value;
            var lines = text.Split('\n').Count(l => l.Trim().Length > 0 && !l.TrimStart().StartsWith('#'));
            var namesSchema = Regex.IsMatch(text, @"\$schema[""=:]\s*[^\n]*" + Regex.Escape(schemaFile));
            if (namesSchema && lines > 1)
            {
                examples.Add((text, "." + block.Groups[1].Value));
            }
        }

        return examples;
    }

    /// <summary>
    /// Parses YAML or JSON with StarRating's own front end and converts the tree to JSON values the way a
    /// YAML 1.2 editor sees them: quoted text is a string, plain scalars resolve by the core schema (null,
    /// true/false, integers, floats, else a string). This is what the schema is checked against.
    /// </summary>
    public static JToken AsJson(string text, string fileName)
    {
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Parse(text, fileName, InputLimits.Default, bag)
            ?? throw new InvalidOperationException($"{fileName} does not parse: {string.Join("; ", bag.Items)}");
        return Convert(document.Root);
    }

    private static JToken Convert(DocNode node)
    {
        switch (node)
        {
            case DocMapping mapping:
                var obj = new JObject();
                foreach (var entry in mapping.Entries)
                {
                    obj[entry.Key.Value] = Convert(entry.Value);
                }

                return obj;
            case DocSequence sequence:
                return new JArray(sequence.Items.Select(Convert));
            case DocScalar { IsQuoted: true } quoted:
                return new JValue(quoted.Value);
            case DocScalar { IsNull: true }:
                return JValue.CreateNull();
            case DocScalar scalar:
                return Plain(scalar.Value);
            default:
                throw new InvalidOperationException(node.GetType().Name);
        }
    }

    private static JValue Plain(string text)
    {
        if (text is "true" or "True" or "TRUE")
        {
            return new JValue(true);
        }

        if (text is "false" or "False" or "FALSE")
        {
            return new JValue(false);
        }

        if (YamlIntegerPattern().IsMatch(text))
        {
            return new JValue(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture));
        }

        if (YamlFloatPattern().IsMatch(text))
        {
            return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                ? new JValue(value)
                : new JValue(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        return new JValue(text);
    }

    [GeneratedRegex(@"```(yaml|json)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex FencedBlockPattern();

    [GeneratedRegex(@"Allowed keys here: (.*)\. Keys starting with")]
    private static partial Regex AllowedKeysPattern();

    [GeneratedRegex(@"Use one of: (.*)\.$")]
    private static partial Regex AllowedValuesPattern();

    [GeneratedRegex(@"^missing required key '(.*)' in (.*)$")]
    private static partial Regex MissingKeyPattern();

    [GeneratedRegex(@"^[-+]?[0-9]{1,18}$")]
    private static partial Regex YamlIntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex YamlFloatPattern();
}
