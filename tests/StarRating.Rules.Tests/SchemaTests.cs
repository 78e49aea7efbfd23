using System.Reflection;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StarRating.Rules;

namespace StarRating.Rules.Tests;

/// <summary>
/// Keeps <c>schemas/rubric.schema.json</c> and <c>docs/rubric-format.md</c> in step with the rubric loader.
/// No JSON Schema validator package is available, so agreement is checked by asking the loader: a probe
/// rubric that uses every key once is edited at each mapping, and the loader's own hints say which keys
/// (SR1101), which required keys (SR1102) and which enum words (SR1106) it knows. Each must equal the
/// schema. A key added to the reader without the schema fails here.
/// </summary>
/// <remarks>
/// <c>$schema</c> is part of both sides: the loader accepts it at the top level (and lists it in SR1101), and
/// the schema declares it so JSON files can name their schema. It is compared like any other key.
/// </remarks>
public sealed class SchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "schemas", "rubric.schema.json");
    private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "rubric-format.md");
    private static readonly SchemaLite Schema = SchemaLite.Load(SchemaPath);

    /// <summary>A rubric that writes every key of the format once, and loads without a diagnostic.</summary>
    private static readonly JObject EveryKey = JObject.Parse("""
        {
          "$schema": "../schemas/rubric.schema.json",
          "id": "probe",
          "title": { "zh": "探针细则", "en": "Probe rubric" },
          "report_title": { "zh": "探针报告", "en": "Probe report" },
          "standard": "TEST-1",
          "version": "1",
          "total": 10,
          "provisional": "分值为暂定",
          "terminology": "review",
          "description": "每个键各写一次",
          "documents": [ "营业执照", { "zh": "企业简介", "en": "Company profile" } ],
          "scoring": {
            "decimals": 1,
            "rounding": "half_away_from_zero",
            "detail_decimals": 2,
            "default_deduction": 1,
            "max_bonus": 1,
            "max_bonus_count": 1,
            "max_special_deductions": 4,
            "agreement_spread": 1.5,
            "withhold_tier_on_open_major": false,
            "surveillance_interval_months": 12
          },
          "tiers": [
            { "id": "fail", "label": "不达标", "min": 0 },
            { "id": "pass", "label": "达标", "min": 6, "stars": 3, "requires": ["A.1.1"], "initial_audit_note": "说明" }
          ],
          "categories": [
            {
              "id": "A", "name": "甲类", "points": 10,
              "indicators": [
                {
                  "id": "A.1", "name": "指标一", "points": 10, "provisional": true, "summary": "概述",
                  "items": [
                    { "id": "A.1.1", "points": 6, "requirement": "要求一", "methods": ["document"], "documents": ["文件"] },
                    { "id": "A.1.2", "points": 4, "requirement": "要求二", "methods": ["interview"] }
                  ]
                }
              ]
            }
          ]
        }
        """);

    /// <summary>Every kind of mapping in a rubric, by where the probe document has one.</summary>
    private static readonly string[] MappingPaths =
    [
        "",                                      // top level
        "scoring",
        "tiers[1]",                              // tier (the lowest tier takes no 'requires')
        "categories[0]",
        "categories[0].indicators[0]",
        "categories[0].indicators[0].items[0]",
        "title",                                 // localized text { zh, en }
    ];

    /// <summary>Every place an enum word is read, by where the probe document has one.</summary>
    private static readonly string[] EnumPaths =
    [
        "terminology",
        "scoring.rounding",
        "categories[0].indicators[0].items[0].methods[0]",
    ];

    public static TheoryData<string, string> MappingCases() => Cases(MappingPaths);

    public static TheoryData<string, string> EnumCases() => Cases(EnumPaths);

    [Fact]
    public void Schema_is_draft_07_json_with_an_id()
    {
        Schema.Root["$schema"]!.Value<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        Schema.Root["$id"]!.Value<string>().Should().EndWith("/schemas/rubric.schema.json");
        Schema.Validate(new JObject()).Should().NotBeEmpty("an empty mapping lacks every required key");
    }

    [Fact]
    public void Probe_document_loads_cleanly_and_writes_every_key_of_the_schema()
    {
        foreach (var format in LoaderProbe.Formats)
        {
            Load(EveryKey, format).Diagnostics.Should().BeEmpty($"the probe rubric ({format}) is valid");
        }

        Schema.Validate(EveryKey).Should().BeEmpty();
        foreach (var path in MappingPaths)
        {
            LoaderProbe.MappingAt(EveryKey, path).Properties().Select(p => p.Name)
                .Should().BeEquivalentTo(SchemaLite.PropertyNames(Schema.ObjectAt(path)), $"the probe should write every key at '{path}'");
        }
    }

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void Unknown_key_hint_lists_exactly_the_schema_properties(string path, string format)
    {
        var probe = LoaderProbe.WithKey(EveryKey, path, LoaderProbe.UnknownKey, "x");

        var diagnostic = Load(probe, format).Diagnostics
            .Should().ContainSingle(d => d.Code == "SR1101").Which;

        diagnostic.Message.Should().Be($"unknown key '{LoaderProbe.UnknownKey}' in {LoaderProbe.Context(path)}");
        LoaderProbe.AllowedKeys(diagnostic).Should().BeEquivalentTo(
            SchemaLite.PropertyNames(Schema.ObjectAt(path)),
            $"the schema's properties at '{path}' must be the keys the loader reads there");
    }

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void Required_keys_are_exactly_those_whose_removal_is_reported(string path, string format)
    {
        var objectSchema = Schema.ObjectAt(path);
        var reportedMissing = new List<string>();
        foreach (var key in SchemaLite.PropertyNames(objectSchema))
        {
            var result = Load(LoaderProbe.WithoutKey(EveryKey, path, key), format);
            var missing = result.Diagnostics.Select(d => LoaderProbe.MissingKey(d, LoaderProbe.Context(path))).OfType<string>().ToArray();
            missing.Should().BeSubsetOf([key], "removing one key reports at most that key as missing");
            reportedMissing.AddRange(missing);
        }

        reportedMissing.Should().BeEquivalentTo(SchemaLite.RequiredNames(objectSchema), $"'required' at '{path}' must match the loader");
    }

    [Theory]
    [MemberData(nameof(EnumCases))]
    public void Enum_words_are_exactly_the_loaders(string path, string format)
    {
        var probe = LoaderProbe.WithValue(EveryKey, path, LoaderProbe.UnknownValue);

        var diagnostic = Load(probe, format).Diagnostics.Should().ContainSingle(d => d.Code == "SR1106").Which;

        LoaderProbe.AllowedValues(diagnostic).Should().BeEquivalentTo(Schema.EnumAt(path).Select(v => (string)v!));
    }

    [Fact]
    public void Every_mapping_schema_is_probed()
    {
        var probed = MappingPaths.Select(Schema.ObjectAt).ToHashSet(ReferenceEqualityComparer.Instance);

        // Overlay mappings are keyed by id and probed by OverlaySchemaTests.
        var unprobed = Schema.AllSchemas()
            .Where(s => SchemaLite.Declares(s.Schema, "object") && !probed.Contains(s.Schema) && !s.Pointer.StartsWith("#/definitions/overlay", StringComparison.Ordinal))
            .Select(s => s.Pointer);

        unprobed.Should().BeEmpty("every mapping in the schema needs an entry in MappingPaths");
    }

    [Fact]
    public void Every_enum_of_the_schema_is_probed()
    {
        var probed = EnumPaths.Select(Schema.EnumAt).ToHashSet(ReferenceEqualityComparer.Instance);

        var unprobed = Schema.AllSchemas()
            .Where(s => s.Schema["enum"] is JArray values && !probed.Contains(values))
            .Select(s => s.Pointer);

        unprobed.Should().BeEmpty("every enum in the schema needs an entry in EnumPaths");
    }

    /// <summary>
    /// A rubric never reads a single value as a list of one (unlike evidence files): for every list in the
    /// probe, writing its first entry alone must be refused by the loader and by the schema alike.
    /// </summary>
    [Fact]
    public void Single_values_never_stand_for_lists()
    {
        var lists = EveryKey.Descendants().OfType<JArray>().Select(a => a.Path).ToArray();
        lists.Should().Contain(["tiers", "tiers[1].requires", "categories", "categories[0].indicators", "categories[0].indicators[0].items",
            "categories[0].indicators[0].items[0].methods", "categories[0].indicators[0].items[0].documents"]);

        foreach (var path in lists)
        {
            var single = EveryKey.SelectToken(path)![0]!.DeepClone();
            var loaderAccepts = Load(LoaderProbe.WithValue(EveryKey, path, single), ".yaml").Succeeded;
            var schemaAccepts = Schema.IsValid(single, Schema.At(path));

            loaderAccepts.Should().BeFalse($"a single value for '{path}' is not a list");
            schemaAccepts.Should().Be(loaderAccepts, $"the schema should refuse a single value for '{path}' too");
        }
    }

    [Fact]
    public void Every_mapping_schema_is_closed_and_every_property_is_described()
    {
        foreach (var (pointer, schema) in Schema.AllSchemas())
        {
            if (SchemaLite.Declares(schema, "object"))
            {
                schema["additionalProperties"]!.Value<bool>().Should().BeFalse(pointer);
                schema["patternProperties"]!["^x-"].Should().NotBeNull(pointer);
            }

            if (Regex.IsMatch(pointer, "/properties/[^/]+$") && !pointer.Contains("/allOf/", StringComparison.Ordinal))
            {
                ((string?)schema["title"]).Should().NotBeNullOrWhiteSpace(pointer);
                ((string?)schema["description"]).Should().NotBeNullOrWhiteSpace(pointer);
            }
        }
    }

    [Fact]
    public void Schema_defaults_are_the_loaders_defaults()
    {
        var minimal = (JObject)EveryKey.DeepClone();
        minimal.Remove("scoring");
        var indicator = LoaderProbe.MappingAt(minimal, "categories[0].indicators[0]");
        indicator.Remove("provisional");
        LoaderProbe.MappingAt(minimal, "tiers[1]").Remove("stars");
        var rubric = Load(minimal, ".json").GetValueOrThrow();

        var scoring = Schema.ObjectAt("scoring")["properties"]!;
        scoring["decimals"]!["default"]!.Value<int>().Should().Be(rubric.Scoring.Decimals);
        scoring["rounding"]!["default"]!.Value<string>().Should().Be(Documents.Words.Rounding.TokenOf(rubric.Scoring.Rounding));
        scoring["detail_decimals"]!["default"]!.Value<int>().Should().Be(rubric.Scoring.DetailDecimals);
        scoring["default_deduction"]!["default"]!.Value<decimal>().Should().Be(rubric.Scoring.DefaultDeduction);
        scoring["max_bonus"]!["default"]!.Value<decimal>().Should().Be(rubric.Scoring.MaxBonusPoints);
        scoring["max_bonus_count"]!["default"]!.Value<int>().Should().Be(rubric.Scoring.MaxBonusCount);
        scoring["max_special_deductions"]!["default"].Should().BeNull("absent means no condition");
        scoring["agreement_spread"]!["default"]!.Value<decimal>().Should().Be(rubric.Scoring.AgreementSpread);
        rubric.Scoring.MaxSpecialDeductions.Should().BeNull();
        Schema.ObjectAt("categories[0].indicators[0]")["properties"]!["provisional"]!["default"]!.Value<bool>().Should().Be(rubric.Indicators[0].PointsProvisional);
        Schema.ObjectAt("tiers[1]")["properties"]!["stars"]!["default"]!.Value<int>().Should().Be(rubric.Tiers[1].Stars);
    }

    [Fact]
    public void Schema_accepts_the_default_rubric()
    {
        var path = Path.Combine(RepoPaths.Root, "rules", "gbt27922-2011.yaml");

        Schema.Validate(LoaderProbe.AsJson(File.ReadAllText(path), path)).Should().BeEmpty();
    }

    [Fact]
    public void Complete_examples_in_the_format_doc_load_and_pass_the_schema()
    {
        var examples = LoaderProbe.CompleteExamples(File.ReadAllText(DocPath), "rubric.schema.json");

        examples.Should().HaveCountGreaterThanOrEqualTo(2, "the doc shows a YAML and a JSON rubric");
        foreach (var (text, extension) in examples)
        {
            new RubricLoader().Parse(text, "example" + extension).Diagnostics.Should().BeEmpty(text);
            Schema.Validate(LoaderProbe.AsJson(text, "example" + extension)).Should().BeEmpty(text);
        }
    }

    [Fact]
    public void Default_rubric_points_editors_at_the_schema()
    {
        var rules = Path.Combine(RepoPaths.Root, "rules");
        var firstLine = File.ReadLines(Path.Combine(rules, "gbt27922-2011.yaml")).First();

        var match = Regex.Match(firstLine, @"^# yaml-language-server: \$schema=(\S+)$");
        match.Success.Should().BeTrue(firstLine);
        Path.GetFullPath(Path.Combine(rules, match.Groups[1].Value)).Should().Be(Path.GetFullPath(SchemaPath));
    }

    public static TheoryData<string> GoldenCases => Golden.Cases(Golden.Folder("Golden/rubric"), ".yaml", ".json");

    /// <summary>
    /// Valid golden rubrics pass the schema; those the loader refuses for a reason a schema can state (unknown
    /// or missing key, wrong type, bad enum word or id, range) fail it. Syntax errors and rules about sums, ids
    /// and tier order are beyond a schema and are not compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Schema_agrees_with_the_loader_on_golden_rubrics(string fileName)
    {
        var path = Path.Combine(Golden.Folder("Golden/rubric"), fileName);
        var result = new RubricLoader().Parse(File.ReadAllBytes(path), fileName);
        var codes = result.Diagnostics.Select(d => d.Code).ToHashSet();
        if (codes.Overlaps(["SR1003", "SR1004", "SR1005", "SR1006", "SR1007", "SR1008", "SR1009", "SR1012", "SR1013", "SR1014", "SR1015", "SR1016", "SR1017", "SR1018", "SR1019", "SR1020", "SR1021", "SR1022", "SR1103"]))
        {
            return; // The file does not parse into a tree (or not into an unambiguous one).
        }

        var errors = Schema.Validate(LoaderProbe.AsJson(File.ReadAllText(path), fileName));

        if (result.Succeeded)
        {
            errors.Should().BeEmpty($"{fileName} loads, so the schema must accept it");
        }
        else if (codes.Overlaps(SchemaExpressible))
        {
            errors.Should().NotBeEmpty($"{fileName} fails with {string.Join(", ", codes)}, which the schema can express");
        }
    }

    [Fact]
    public void Format_doc_mentions_every_key_and_enum_word_of_the_schema()
    {
        var doc = File.ReadAllText(DocPath);

        foreach (var (pointer, schema) in Schema.AllSchemas())
        {
            foreach (var key in SchemaLite.PropertyNames(schema))
            {
                doc.Should().Contain($"`{key}`", $"docs/rubric-format.md should document the key '{key}' ({pointer})");
            }

            foreach (var word in (schema["enum"] as JArray)?.Select(v => (string)v!) ?? [])
            {
                doc.Should().Contain($"`{word}`", $"docs/rubric-format.md should document the value '{word}' ({pointer})");
            }
        }
    }

    [Fact]
    public void Format_doc_mentions_every_input_limit_and_the_schema()
    {
        var doc = File.ReadAllText(DocPath);

        foreach (var limit in typeof(InputLimits).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            doc.Should().Contain($"`{limit.Name}`");
        }

        doc.Should().Contain("schemas/rubric.schema.json").And.Contain("# yaml-language-server: $schema=");
    }

    /// <summary>Diagnostic codes for problems a JSON Schema can state.</summary>
    private static readonly string[] SchemaExpressible = ["SR1101", "SR1102", "SR1104", "SR1106", "SR1108", "SR1109", "SR1110", "SR1111", "SR2005"];

    private static TheoryData<string, string> Cases(IEnumerable<string> paths)
    {
        var data = new TheoryData<string, string>();
        foreach (var path in paths)
        {
            foreach (var format in LoaderProbe.Formats)
            {
                data.Add(path, format);
            }
        }

        return data;
    }

    private static LoadResult<Rubric> Load(JObject document, string format) =>
        new RubricLoader().Parse(LoaderProbe.Text(document), "probe" + format);
}
