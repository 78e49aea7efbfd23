using Newtonsoft.Json.Linq;

namespace StarRating.Rules.Tests;

/// <summary>
/// Keeps the overlay part of <c>schemas/rubric.schema.json</c> in step with the overlay resolver, the way
/// <see cref="SchemaTests"/> does for plain rubrics: a probe overlay that writes every overlay key loads cleanly and
/// passes the schema, and at each kind of overlay entry the keys the resolver names in an SR1101 hint are exactly the
/// schema's properties.
/// </summary>
public sealed class OverlaySchemaTests
{
    private static readonly SchemaLite Schema = SchemaLite.Load(Path.Combine(RepoPaths.Root, "schemas", "rubric.schema.json"));

    /// <summary>An overlay of the built-in rubric that writes every overlay key at least once, and loads without a diagnostic.</summary>
    private static readonly JObject EveryKey = JObject.Parse("""
        {
          "$schema": "../schemas/rubric.schema.json",
          "id": "probe-overlay",
          "extends": "gbt27922-2011",
          "version": "1",
          "title": { "zh": "探针覆盖", "en": "Probe overlay" },
          "report_title": "探针报告",
          "standard": "GB/T 27922-2011",
          "total": 100,
          "provisional": "分值为暂定",
          "terminology": "review",
          "description": "每个键各写一次",
          "documents": [ "营业执照" ],
          "scoring": { "max_special_deductions": 3 },
          "tiers": {
            "compliant": { "remove": true },
            "five-star": { "label": "五星级", "min": 96, "stars": 5, "requires": ["5.4.1.1"], "initial_audit_note": "说明" },
            "seven-star": { "label": "七星级", "min": 97, "stars": 7, "after": "five-star" }
          },
          "categories": {
            "5.1": { "points": 39 },
            "5.2": { "points": 30 },
            "5.3": { "remove": true },
            "5.4": { "name": "新类别", "points": 31, "after": "5.2" }
          },
          "indicators": {
            "5.4.1": {
              "name": "新指标", "points": 31, "provisional": true, "summary": "概述", "category": "5.4",
              "items": { "5.4.1.1": { "points": 31, "requirement": "要求", "methods": ["document"], "documents": ["文件"] } }
            },
            "5.2.4": { "points": 7, "items": { "5.2.4.5": { "remove": true }, "5.2.4.1": { "points": 2, "after": "5.2.4.4" } } },
            "5.2.6": { "category": "5.1", "after": "5.1.7" },
            "5.1.1": { "remove": true }
          }
        }
        """);

    /// <summary>Every kind of overlay mapping: where the probe has one, and the schema definition that governs it.</summary>
    public static TheoryData<string, string> Entries() => new()
    {
        { "", "overlay" },
        { "tiers['five-star']", "overlayTier" },
        { "categories['5.4']", "overlayCategory" },
        { "indicators['5.4.1']", "overlayIndicator" },
        { "indicators['5.4.1'].items['5.4.1.1']", "overlayItem" },
    };

    [Fact]
    public void Probe_overlay_loads_cleanly_and_passes_the_schema()
    {
        foreach (var format in LoaderProbe.Formats)
        {
            Load(EveryKey, format).Diagnostics.Should().BeEmpty($"the probe overlay ({format}) is valid");
        }

        Schema.Validate(EveryKey).Should().BeEmpty();
    }

    [Fact]
    public void Probe_overlay_writes_every_key_of_every_overlay_entry_schema()
    {
        foreach (var (path, definition) in Entries().Select(row => ((string)row[0], (string)row[1])))
        {
            var written = Siblings(path).SelectMany(o => o.Properties().Select(p => p.Name)).ToHashSet(StringComparer.Ordinal);
            written.Should().BeEquivalentTo(SchemaLite.PropertyNames(Definition(definition)), $"the probe should write every key of {definition}");
        }
    }

    [Theory]
    [MemberData(nameof(Entries))]
    public void Unknown_key_hint_lists_exactly_the_schema_properties(string path, string definition)
    {
        foreach (var format in LoaderProbe.Formats)
        {
            var probe = (JObject)EveryKey.DeepClone();
            ((JObject)(path.Length == 0 ? probe : probe.SelectToken(path)!))[LoaderProbe.UnknownKey] = "x";

            var diagnostic = Load(probe, format).Diagnostics.Should().ContainSingle(d => d.Code == "SR1101").Which;

            LoaderProbe.AllowedKeys(diagnostic).Should().BeEquivalentTo(SchemaLite.PropertyNames(Definition(definition)));
            Schema.Validate(probe).Should().NotBeEmpty("the schema refuses the unknown key too");
        }
    }

    [Fact]
    public void Required_keys_of_an_overlay_are_its_own_id_extends_and_version()
    {
        SchemaLite.RequiredNames(Definition("overlay")).Should().BeEquivalentTo(["id", "extends", "version"]);
        foreach (var key in new[] { "id", "version" })
        {
            var probe = (JObject)EveryKey.DeepClone();
            probe.Remove(key);

            Load(probe, ".yaml").Diagnostics.Select(d => LoaderProbe.MissingKey(d, "the top level of an overlay")).Should().Contain(key);
            Schema.Validate(probe).Should().NotBeEmpty();
        }
    }

    [Fact]
    public void Every_overlay_definition_is_probed()
    {
        var definitions = ((JObject)Schema.Root["definitions"]!).Properties().Select(p => p.Name).Where(n => n.StartsWith("overlay", StringComparison.Ordinal));
        var probed = Entries().Select(row => (string)row[1]).Concat(["overlayTiers", "overlayCategories", "overlayIndicators", "overlayItems"]);

        definitions.Should().BeEquivalentTo(probed);
    }

    [Fact]
    public void A_plain_rubric_matches_only_the_rubric_branch_and_an_overlay_only_the_overlay_branch()
    {
        var rubric = LoaderProbe.AsJson(File.ReadAllText(Path.Combine(RepoPaths.Root, "rules", "gbt27925-2011.yaml")), "gbt27925-2011.yaml");
        var example = Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml");
        var overlay = LoaderProbe.AsJson(File.ReadAllText(example), "acme-gbt27922.yaml");

        Schema.Validate(rubric).Should().BeEmpty();
        Schema.Validate(overlay).Should().BeEmpty();
        Schema.IsValid(overlay, Definition("rubric")).Should().BeFalse();
        Schema.IsValid(rubric, Definition("overlay")).Should().BeFalse();
        new RubricLoader().LoadFile(example).Diagnostics.Should().BeEmpty();
    }

    private static IEnumerable<JObject> Siblings(string path)
    {
        if (path.Length == 0)
        {
            return [EveryKey];
        }

        // Every entry of the same id-keyed mapping as the one at `path` (remove: true cannot share an entry with values).
        var entry = (JObject)EveryKey.SelectToken(path)!;
        return ((JObject)entry.Parent!.Parent!).Properties().Select(p => p.Value).OfType<JObject>()
            .Concat(path.StartsWith("indicators", StringComparison.Ordinal) && path.Contains("items", StringComparison.Ordinal)
                ? EveryKey["indicators"]!.Children<JProperty>().Select(p => p.Value["items"]).OfType<JObject>().SelectMany(i => i.Properties().Select(p => p.Value).OfType<JObject>())
                : []);
    }

    private static JObject Definition(string name) => (JObject)Schema.Root["definitions"]![name]!;

    private static LoadResult<Rubric> Load(JObject document, string format) =>
        new RubricLoader().Parse(LoaderProbe.Text(document), "probe" + format);
}
