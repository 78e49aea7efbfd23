using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// Keeps <c>schemas/evidence.schema.json</c> and <c>docs/evidence-format.md</c> in step with the evidence
/// reader. As for the rubric (see <c>SchemaTests</c> in the rules tests), the reader's own hints are the
/// reference: a probe file that writes every key once is edited at each mapping, and SR1101 (allowed keys),
/// SR1102 (required keys) and SR1106 (enum words) must list exactly what the schema says. The worked example
/// of the format doc is scored here, so its figures cannot go stale.
/// </summary>
/// <remarks><c>$schema</c> is compared like any other top-level key: the reader accepts it and the schema declares it.</remarks>
public sealed class EvidenceSchemaTests
{
    private static readonly string SchemaPath = Path.Combine(RepoPaths.Root, "schemas", "evidence.schema.json");
    private static readonly string DocPath = Path.Combine(RepoPaths.Root, "docs", "evidence-format.md");
    private static readonly SchemaLite Schema = SchemaLite.Load(SchemaPath);

    /// <summary>
    /// Evidence that writes every key once. Its single finding combines keys that the scoring rules forbid
    /// together (item and indicator, result and sample): only the reader's structural checks run on it.
    /// </summary>
    private static readonly JObject EveryKey = JObject.Parse("""
        {
          "$schema": "../schemas/evidence.schema.json",
          "rubric": "gbt27922-2011",
          "assessor": "王敏",
          "company": { "name": "探针电器有限公司", "credit_code": "91310115MA1K3BCD2H", "address": "上海市", "scope": "家用电器", "contact": "13800000000" },
          "audit": {
            "kind": "self",
            "dates": ["2026-10-12"],
            "team": [ { "name": "王敏", "role": "lead", "registration": "2026-SR-0001" } ],
            "body": "某认证中心",
            "reference": "SR-2026-001",
            "sites": ["上海总部"],
            "stage": 2, "objectives": "目的", "criteria": ["GB/T 27922-2011"], "person_days": 1.5, "not_covered": ["仓库"],
            "previous": "prev.yaml"
          },
          "findings": [
            {
              "item": "5.1.1.1", "indicator": "5.1.1", "result": "partial", "points": 1,
              "sample": { "size": 2, "conforming": 1 },
              "grade": "minor", "methods": ["document"], "evidence": ["手册"], "note": "说明", "reason": "原因", "assessed_by": "王敏",
              "by": ["王敏"],
              "assessments": [
                {
                  "by": "王敏", "result": "partial", "points": 1, "sample": { "size": 2, "conforming": 1 },
                  "grade": "minor", "methods": ["document"], "evidence": ["手册"], "note": "说明", "reason": "原因", "assessed_by": "王敏"
                }
              ],
              "nc": { "id": "NC-1", "confirmed_by": "李经理", "root_cause": "原因", "action": "措施", "due": "2026-10-20", "status": "verified", "verified_by": "王敏", "verified_on": "2026-10-21" }
            }
          ],
          "adjustments": {
            "deductions": [ { "points": 1, "reason": "超范围收费", "basis": "价格法", "item": "5.1.1.1" } ],
            "bonus": { "points": 1, "reason": "服务平台", "basis": "证书" }
          },
          "conclusion": "结论",
          "decision": { "tier": "compliant", "by": "技术委员会", "on": "2026-10-30" },
          "certificate": { "number": "C-1", "issued": "2026-10-30", "expires": "2029-10-29" }
        }
        """);

    /// <summary>The same, with the bonus written as a list of one (the other shape the reader accepts).</summary>
    private static readonly JObject EveryKeyBonusList = LoaderProbe.WithValue(EveryKey, "adjustments.bonus", new JArray(EveryKey.SelectToken("adjustments.bonus")!.DeepClone()));

    /// <summary>Every kind of mapping in an evidence file, by where a probe document has one.</summary>
    private static readonly string[] MappingPaths =
    [
        "",                           // top level
        "company",
        "audit",
        "audit.team[0]",              // team member
        "findings[0]",
        "findings[0].sample",
        "findings[0].assessments[0]", // one assessor's record
        "findings[0].nc",
        "adjustments",
        "adjustments.deductions[0]",
        "adjustments.bonus",          // one bonus as a mapping
        "adjustments.bonus[0]",       // a bonus in a list
        "decision",
        "certificate",
    ];

    /// <summary>Every place an enum word is read: lists in both their shapes.</summary>
    private static readonly string[] EnumPaths =
    [
        "audit.kind",
        "findings[0].result",
        "findings[0].grade",
        "findings[0].methods[0]",
        "findings[0].methods",        // a single method instead of a list
        "findings[0].assessments[0].result",
        "findings[0].assessments[0].grade",
        "findings[0].nc.status",
    ];

    public static TheoryData<string, string> MappingCases() => Cases(MappingPaths);

    public static TheoryData<string, string> EnumCases() => Cases(EnumPaths);

    [Fact]
    public void Schema_is_draft_07_json_with_an_id()
    {
        Schema.Root["$schema"]!.Value<string>().Should().Be("http://json-schema.org/draft-07/schema#");
        Schema.Root["$id"]!.Value<string>().Should().EndWith("/schemas/evidence.schema.json");
        Schema.Validate(new JObject()).Should().NotBeEmpty("an empty mapping lacks every required key");
    }

    [Fact]
    public void Probe_documents_read_cleanly_and_write_every_key_of_the_schema()
    {
        // The probe has every key, the old 'assessed_by' too, which is read as 'by' with its deprecation warning (SR3130) only.
        foreach (var format in LoaderProbe.Formats)
        {
            Read(EveryKey, format).Diagnostics.Select(d => d.Code).Should().OnlyContain(code => code == "SR3130", $"the probe evidence ({format}) is well formed");
            Read(EveryKeyBonusList, format).Diagnostics.Select(d => d.Code).Should().OnlyContain(code => code == "SR3130", $"the probe evidence with a bonus list ({format}) is well formed");
        }

        foreach (var path in MappingPaths)
        {
            LoaderProbe.MappingAt(Base(path), path).Properties().Select(p => p.Name)
                .Should().BeEquivalentTo(SchemaLite.PropertyNames(Schema.ObjectAt(path)), $"the probe should write every key at '{path}'");
        }
    }

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void Unknown_key_hint_lists_exactly_the_schema_properties(string path, string format)
    {
        var probe = LoaderProbe.WithKey(Base(path), path, LoaderProbe.UnknownKey, "x");

        var diagnostic = Read(probe, format).Diagnostics.Should().ContainSingle(d => d.Code == "SR1101").Which;

        diagnostic.Message.Should().Be($"unknown key '{LoaderProbe.UnknownKey}' in {LoaderProbe.Context(path)}");
        LoaderProbe.AllowedKeys(diagnostic).Should().BeEquivalentTo(
            SchemaLite.PropertyNames(Schema.ObjectAt(path)),
            $"the schema's properties at '{path}' must be the keys the reader reads there");
    }

    [Theory]
    [MemberData(nameof(MappingCases))]
    public void Required_keys_are_exactly_those_whose_removal_is_reported(string path, string format)
    {
        var objectSchema = Schema.ObjectAt(path);
        var reportedMissing = new List<string>();
        foreach (var key in SchemaLite.PropertyNames(objectSchema))
        {
            var result = Read(LoaderProbe.WithoutKey(Base(path), path, key), format);
            var missing = result.Diagnostics.Select(d => LoaderProbe.MissingKey(d, LoaderProbe.Context(path))).OfType<string>().ToArray();
            missing.Should().BeSubsetOf([key], "removing one key reports at most that key as missing");
            reportedMissing.AddRange(missing);
        }

        reportedMissing.Should().BeEquivalentTo(SchemaLite.RequiredNames(objectSchema), $"'required' at '{path}' must match the reader");
    }

    [Theory]
    [MemberData(nameof(EnumCases))]
    public void Enum_words_are_exactly_the_readers(string path, string format)
    {
        var probe = LoaderProbe.WithValue(EveryKey, path, LoaderProbe.UnknownValue);

        var diagnostic = Read(probe, format).Diagnostics.Should().ContainSingle(d => d.Code == "SR1106").Which;

        LoaderProbe.AllowedValues(diagnostic).Should().BeEquivalentTo(Schema.EnumAt(path).Select(v => (string)v!));
    }

    [Fact]
    public void Every_mapping_schema_is_probed()
    {
        var probed = MappingPaths.Select(Schema.ObjectAt).ToHashSet(ReferenceEqualityComparer.Instance);

        var unprobed = Schema.AllSchemas()
            .Where(s => SchemaLite.Declares(s.Schema, "object") && !probed.Contains(s.Schema))
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
    /// methods, evidence, dates and sites take one value for a list of one, and bonus one mapping; team,
    /// findings and deductions must be lists. For every list in the probe, writing its first entry alone must
    /// be accepted by the reader exactly when the schema accepts it there.
    /// </summary>
    [Fact]
    public void Single_values_stand_for_lists_exactly_where_the_schema_allows()
    {
        var lists = EveryKey.Descendants().OfType<JArray>().Select(a => a.Path).ToArray();
        lists.Should().Contain(["audit.dates", "audit.team", "audit.sites", "findings", "findings[0].methods", "findings[0].evidence", "adjustments.deductions"]);

        foreach (var path in lists)
        {
            var single = EveryKey.SelectToken(path)![0]!.DeepClone();
            var readerAccepts = !Read(LoaderProbe.WithValue(EveryKey, path, single), ".yaml").Errors.Any();
            var schemaAccepts = Schema.IsValid(single, Schema.At(path));

            schemaAccepts.Should().Be(readerAccepts, $"a single value for '{path}' is {(readerAccepts ? "accepted" : "refused")} by the reader");
        }

        // And the other way round: one bonus mapping may also be written as a list.
        Schema.IsValid(EveryKeyBonusList.SelectToken("adjustments.bonus")!, Schema.At("adjustments.bonus")).Should().BeTrue();
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
    public void Schema_defaults_are_the_readers_defaults()
    {
        var probe = LoaderProbe.WithoutKey(EveryKey, "audit.team[0]", "role");

        var member = Read(probe, ".yaml").Value!.Audit.Team.Single();

        Schema.ObjectAt("audit.team[0]")["properties"]!["role"]!["default"]!.Value<string>().Should().Be(member.Role);
    }

    public static TheoryData<string> GoldenCases => Golden.Cases(Golden.Folder("Golden/evidence"), ".yaml", ".json");

    /// <summary>
    /// Golden evidence that scores passes the schema (warnings included); golden evidence refused for a
    /// reason a schema can state fails it. Problems only the rubric can judge (unknown ids, partial points
    /// above the item's, completeness) are not compared.
    /// </summary>
    [Theory]
    [MemberData(nameof(GoldenCases))]
    public void Schema_agrees_with_the_engine_on_golden_evidence(string fileName)
    {
        var path = Path.Combine(Golden.Folder("Golden/evidence"), fileName);
        var outcome = AuditEngine.Default.Score(File.ReadAllBytes(path), fileName);
        var codes = outcome.Diagnostics.Where(d => d.IsError).Select(d => d.Code).ToHashSet();
        if (codes.Overlaps(Unparsed))
        {
            return;
        }

        var errors = Schema.Validate(LoaderProbe.AsJson(File.ReadAllText(path), fileName));

        if (outcome.Succeeded)
        {
            errors.Should().BeEmpty($"{fileName} scores, so the schema must accept it");
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
                doc.Should().Contain($"`{key}`", $"docs/evidence-format.md should document the key '{key}' ({pointer})");
            }

            foreach (var word in (schema["enum"] as JArray)?.Select(v => (string)v!) ?? [])
            {
                doc.Should().Contain($"`{word}`", $"docs/evidence-format.md should document the value '{word}' ({pointer})");
            }
        }

        doc.Should().Contain("schemas/evidence.schema.json");
    }

    [Fact]
    public void Complete_examples_in_the_format_doc_score_and_pass_the_schema()
    {
        var examples = LoaderProbe.CompleteExamples(File.ReadAllText(DocPath), "evidence.schema.json");

        examples.Should().HaveCountGreaterThanOrEqualTo(3, "the doc shows a short example, the worked example and a JSON file");
        foreach (var (text, extension) in examples)
        {
            AuditEngine.Default.Score(text, "example" + extension).Diagnostics.Should().BeEmpty(text);
            Schema.Validate(LoaderProbe.AsJson(text, "example" + extension)).Should().BeEmpty(text);
        }
    }

    /// <summary>The worked example of docs/evidence-format.md, scored: every figure the doc states is checked.</summary>
    [Fact]
    public void Worked_example_of_the_format_doc_scores_as_the_doc_says()
    {
        var doc = File.ReadAllText(DocPath);
        var match = Regex.Match(doc, @"<!-- worked-example -->\s*```yaml\n(.*?)```", RegexOptions.Singleline);
        match.Success.Should().BeTrue("docs/evidence-format.md should hold the worked example after <!-- worked-example -->");
        var yaml = match.Groups[1].Value;

        Schema.Validate(LoaderProbe.AsJson(yaml, "example.yaml")).Should().BeEmpty("the worked example must pass the schema");
        var outcome = AuditEngine.Default.Score(yaml, "example.yaml");
        outcome.Diagnostics.Should().BeEmpty();
        var r = outcome.Value!;

        // Applicable: 100 − 6 (indicator 5.2.3 excluded) = 94.
        // Lost: 5.1.4.4 1.5 + 5.2.4.3 1.5 + 5.2.4.4 0.5 + 5.3.2.3 3 + 5.3.2.2 3 × 2/19 = 6.5 + 6/19.
        // Earned: 94 − 6.5 − 6/19 = 3313/38 = 87.1842…; items: 3313/38 × 100/94 = 82825/893 = 92.7491…
        // Adjusted: − 1 (deduction, default points) + 1 (bonus, default points) = 92.7491… → 92.7.
        var figures = new (string Name, decimal Actual, string Expected)[]
        {
            ("applicable", r.ApplicablePoints, "94"),
            ("excluded", r.ExcludedPoints, "6"),
            ("earned", r.EarnedPoints, "87.18"),
            ("item score", r.ItemScore, "92.7492"),
            ("deductions", r.DeductionPoints, "1"),
            ("bonus", r.BonusPoints, "1"),
            ("unrounded", r.UnroundedScore, "92.7492"),
            ("score", r.Score, "92.7"),
            ("5.3.2.2 earned", r.Items.Single(i => i.Item.Id == "5.3.2.2").Earned, "2.68"),
            ("5.1 earned", r.Categories[0].Earned, "38.5"),
            ("5.2 earned", r.Categories[1].Earned, "27"),
            ("5.3 earned", r.Categories[2].Earned, "21.68"),
            ("5.3 applicable", r.Categories[2].Applicable, "25"),
            ("5.2 applicable", r.Categories[1].Applicable, "29"),
            ("points to five-star", r.PointsToNextTier!.Value, "2.3"),
        };
        foreach (var (name, actual, expected) in figures)
        {
            actual.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected, name);
            doc.Should().Contain(expected, $"the doc should state the {name}");
        }

        r.Tier.Id.Should().Be("four-star");
        r.NextTier!.Id.Should().Be("five-star");
        r.Nonconformities.Select(n => $"{n.Kind}:{n.Grade}:{n.Id}").Should().Equal(
            "Item:Major:5.1.4.4",
            "SpecialDeduction::5.2.4.3",
            "Item:Minor:5.2.4.3",
            "Item:Minor:5.2.4.4",
            "Item:Minor:5.3.2.2",
            "Item:Minor:5.3.2.3",
            "Item:Observation:5.1.7.2");
        r.Notices.Select(n => n.Code).Should().Equal("initial-star", "provisional-points", "major-nonconformities-open");

        var gap = AuditEngine.AnalyzeGap(r);
        gap.Plan.Select(g => g.Item.Item.Id).Should().Equal("5.3.2.3");
        gap.ProjectedScore.Should().Be(95.9m);
        doc.Should().Contain("95.9");

        // With five special deductions the default rubric grants no tier (max_special_deductions: 4).
        var fiveDeductions = yaml.Replace(
            "  deductions:\n",
            "  deductions:\n" + string.Concat(Enumerable.Range(1, 4).Select(i => $"    - {{ points: 0.1, reason: 违反服务制度 {i} }}\n")),
            StringComparison.Ordinal);
        var capped = AuditEngine.Default.Score(fiveDeductions, "example.yaml").Value!;
        capped.Score.Should().Be(92.3m);
        capped.Tier.Id.Should().Be("fail");
        doc.Should().Contain("92.3");
    }

    /// <summary>Codes for files that never become a tree the schema could judge.</summary>
    private static readonly string[] Unparsed = ["SR1003", "SR1004", "SR1005", "SR1006", "SR1007", "SR1008", "SR1009", "SR1012", "SR1013", "SR1014", "SR1015", "SR1016", "SR1017", "SR1018", "SR1019", "SR1020", "SR1021", "SR1022", "SR1103"];

    /// <summary>Codes for problems a JSON Schema can state, in every instance.</summary>
    private static readonly string[] SchemaExpressible =
    [
        "SR1101", "SR1102", "SR1104", "SR1106", "SR1108", "SR1109", "SR1110", "SR1111",
        "SR3004", "SR3005", "SR3006", "SR3007", "SR3009", "SR3010", "SR3012", "SR3013", "SR3019",
    ];

    private static JObject Base(string path) => path.StartsWith("adjustments.bonus[", StringComparison.Ordinal) ? EveryKeyBonusList : EveryKey;

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

    private static LoadResult<AuditEvidence> Read(JObject document, string format) =>
        new EvidenceLoader().Parse(LoaderProbe.Text(document), "probe" + format);
}
