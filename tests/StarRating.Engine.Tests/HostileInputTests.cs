using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>
/// Classes of hostile or careless input, each tried in every form it can arrive in (YAML and JSON, keys and values,
/// escapes and raw text): the engine answers with one located, actionable diagnostic and never lets the input through.
/// </summary>
public sealed class HostileInputTests
{
    private const string Head = "company: { name: 某公司 }\naudit: { kind: mock, dates: [2026-01-01] }\n";

    private static LoadResult<AuditResult> Score(string text, string name = "e.yaml") => AuditEngine.Default.Score(text, name);

    private static Diagnostic Single(LoadResult<AuditResult> outcome)
    {
        outcome.Succeeded.Should().BeFalse();
        return outcome.Diagnostics.Should().ContainSingle(d => d.IsError).Subject;
    }

    // ---- 1. control and bidi characters, however they are written ----

    public static TheoryData<string, string, string> EscapedControls => new()
    {
        { "YAML \\e in a value", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"\\e[2J\" }\n", "U+001B" },
        { "YAML \\0", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"a\\0b\" }\n", "U+0000" },
        { "YAML \\a", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"\\a\" }\n", "U+0007" },
        { "YAML \\x85 (NEL, C1)", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"a\\x85b\" }\n", "U+0085" },
        { "YAML \\x9b (CSI, C1)", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"\\x9b2J\" }\n", "U+009B" },
        { "YAML \\u001b", "company: { name: \"\\u001b]0;title\\u0007\" }\naudit: { kind: mock }\nfindings: []\n", "U+001B" },
        { "YAML \\U0000007F (DEL)", "company: { name: \"a\\U0000007Fb\" }\naudit: { kind: mock }\nfindings: []\n", "U+007F" },
        { "YAML escape in a key", "company: { name: X, \"x-\\e\": 1 }\naudit: { kind: mock }\nfindings: []\n", "U+001B" },
        { "YAML line break in a key", "company: { name: X, \"x-a\\nb\": 1 }\naudit: { kind: mock }\nfindings: []\n", "U+000A" },
        { "YAML escape in a list value", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, evidence: [ok, \"\\e[1m\"] }\n", "U+001B" },
    };

    [Theory]
    [MemberData(nameof(EscapedControls))]
    public void Escaped_control_characters_are_refused_at_the_scalar(string what, string yaml, string codePoint)
    {
        var error = Single(Score(yaml));

        error.Code.Should().Be("SR1018", what);
        error.Message.Should().Contain(codePoint);
        error.Location.Line.Should().BeGreaterThan(0, "the error points at the scalar");
    }

    [Theory]
    [InlineData("{\"company\":{\"name\":\"X\\u001b[31m\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}", "U+001B", 1, 20)]
    [InlineData("{\"company\":{\"name\":\"X\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[],\"x-\\u0000\":1}", "U+0000", 1, 63)]
    [InlineData("{\"company\":{\"name\":\"X\\u0085\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}", "U+0085", 1, 20)]
    public void Json_escapes_are_refused_at_the_string(string json, string codePoint, int line, int column)
    {
        var error = Single(Score(json, "e.json"));

        error.Code.Should().Be("SR1018");
        error.Message.Should().Contain(codePoint);
        (error.Location.Line, error.Location.Column).Should().Be((line, column));
    }

    [Theory]
    [InlineData("company: { name: \"a\\u202Eb\" }\naudit: { kind: mock }\nfindings: []\n", "e.yaml")]
    [InlineData("company: { name: \"a\\u2066b\" }\naudit: { kind: mock }\nfindings: []\n", "e.yaml")]
    [InlineData("{\"company\":{\"name\":\"a\\u2069\"},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}", "e.json")]
    [InlineData("company: { name: a\u202Eb }\naudit: { kind: mock }\nfindings: []\n", "e.yaml")]
    [InlineData("# a comment \u202A\ncompany: { name: a }\naudit: { kind: mock }\nfindings: []\n", "e.yaml")]
    public void Bidi_overrides_and_isolates_are_refused_raw_or_escaped(string text, string name)
    {
        Single(Score(text, name)).Code.Should().Be("SR1017");
    }

    [Fact]
    public void Evidence_built_in_code_is_checked_for_the_same_characters()
    {
        var evidence = new AuditEvidence
        {
            Company = new Company { Name = "X\u001b[2J" },
            Audit = new AuditInfo { Kind = AuditKind.Mock },
            Findings = [new Finding { Item = "5.1.1.1", Result = FindingResult.Conforming, Note = "\u202Eevil" }],
        };

        var outcome = AuditEngine.Default.Score(evidence);

        outcome.Succeeded.Should().BeFalse();
        outcome.Diagnostics.Select(d => d.Code).Should().BeEquivalentTo(["SR1018", "SR1017"]);
    }

    [Fact]
    public void Tabs_and_line_breaks_stay_allowed_in_values()
    {
        var outcome = Score(Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \"第一行\\n第二行\\t完\" }\n");

        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Diagnostics));
    }

    [Fact]
    public void Diagnostics_echo_control_characters_escaped()
    {
        // An unknown key cannot hold a control character any more, but file names and foreign texts can.
        var diagnostic = EngineDiagnostics.UnknownItem.Create(new SourceLocation("a\u001b[2J.yaml", 1, 1), ("id", "5.9\u009b"), ("suggestion", ""));

        diagnostic.ToString().Should().Be("a\\u001B[2J.yaml(1,1): error SR3002: unknown check item '5.9\\u009B'");
        diagnostic.Format(includeHint: true).Should().NotContainAny("\u001b", "\u009b");
    }

    [Fact]
    public void Long_values_in_messages_are_cut_between_characters_not_inside_one()
    {
        var value = string.Concat(Enumerable.Repeat("𠮷", 40));
        var outcome = Score($"company: {{ name: X }}\naudit: {{ kind: {value} }}\nfindings: []\n");

        var message = outcome.Diagnostics.Single(d => d.Code == "SR1106").Message;
        message.Should().Contain("𠮷...");
        System.Text.Unicode.Utf8.FromUtf16(message, new byte[message.Length * 3], out _, out _, replaceInvalidSequences: false)
            .Should().Be(System.Buffers.OperationStatus.Done, "no surrogate pair is split");
    }

    // ---- 7. strict JSON, truncated JSON ----

    private const string JsonHead = "\"company\":{\"name\":\"X\"},\"audit\":{\"kind\":\"mock\"}";

    public static TheoryData<string, string, string, int, int> LenientJson => new()
    {
        { "trailing comma in a list", "{" + JsonHead + ",\"findings\":[{\"item\":\"5.1.1.1\",\"result\":\"conforming\"},]}", "SR1020", 1, 101 },
        { "trailing comma in an object", "{" + JsonHead + ",\"findings\":[],}", "SR1020", 1, 62 },
        { "line comment", "{" + JsonHead + ",\n// note\n\"findings\":[]}", "SR1020", 2, 1 },
        { "block comment", "{" + JsonHead + ", /* c */ \"findings\":[]}", "SR1020", 1, 50 },
        { "single-quoted key", "{" + JsonHead + ",'findings':[]}", "SR1020", 1, 49 },
        { "single-quoted value", "{\"company\":{\"name\":'X'},\"audit\":{\"kind\":\"mock\"},\"findings\":[]}", "SR1020", 1, 20 },
        { "unquoted key", "{" + JsonHead + ",findings:[]}", "SR1020", 1, 49 },
        { "NaN", "{" + JsonHead + ",\"findings\":[{\"item\":\"5.1.1.1\",\"result\":\"partial\",\"points\":NaN}]}", "SR1020", 1, 107 },
        { "hexadecimal", "{" + JsonHead + ",\"findings\":[{\"item\":\"5.1.1.1\",\"result\":\"partial\",\"points\":0x1}]}", "SR1020", 1, 107 },
        { "missing final brace", "{" + JsonHead + ",\"findings\":[]", "SR1019", 1, 62 },
        { "cut after \"dates\": [", "{\"company\":{\"name\":\"X\"},\"audit\":{\"kind\":\"mock\",\"dates\": [\n", "SR1019", 1, 58 },
        { "400-digit decimal", "{" + JsonHead + ",\"findings\":[{\"item\":\"5.1.1.1\",\"result\":\"partial\",\"points\":1." + new string('1', 400) + "}]}", "SR1113", 1, 107 },
        { "400-digit integer", "{" + JsonHead + ",\"findings\":[{\"item\":\"5.1.1.1\",\"sample\":{\"size\":" + new string('9', 400) + ",\"conforming\":1}}]}", "SR1114", 1, 96 },
    };

    [Theory]
    [MemberData(nameof(LenientJson))]
    public void Json_is_strict_and_every_problem_is_located(string what, string json, string code, int line, int column)
    {
        var error = Single(Score(json, "e.json"));

        error.Code.Should().Be(code, what);
        (error.Location.Line, error.Location.Column).Should().Be((line, column), what);
        error.Message.Should().NotContain("no content");
    }

    // ---- 10. numbers and encodings ----

    [Theory]
    [InlineData("sample: { size: 20, conforming: 16.5 }", "SR1115", "'conforming' must be a whole number, not 16.5")]
    [InlineData("result: partial\n    points: 0.1234567890123", "SR1113", "has more than 12 decimals")]
    [InlineData("result: partial\n    points: 1234567890123456", "SR1114", "is too large")]
    [InlineData("result: partial\n    points: 1e-1", "SR1105", "is not a number")]
    public void Number_messages_say_what_is_wrong(string finding, string code, string message)
    {
        var error = Single(Score(Head + "findings:\n  - item: \"5.1.1.1\"\n    " + finding + "\n"));

        error.Code.Should().Be(code);
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16BE")]
    public void Utf16_without_a_byte_order_mark_is_named_as_such(string encoding)
    {
        var text = Head + "findings: []\n";
        var bytes = encoding == "utf-16le" ? new System.Text.UnicodeEncoding(false, false).GetBytes(text) : new System.Text.UnicodeEncoding(true, false).GetBytes(text);

        var error = AuditEngine.Default.Score(bytes, "e.yaml").Diagnostics.Should().ContainSingle().Subject;

        error.Code.Should().Be("SR1021");
    }

    // ---- 8. full-width punctuation and commas in unquoted text ----

    public static TheoryData<string, string, int, int, string> FullWidthPunctuation => new()
    {
        { "colon after a block key", Head + "findings:\n  - item: \"5.1.1.1\"\n    result\uFF1Aconforming\n", 5, 11, "U+FF1A" },
        { "colon after a top-level key (reported on its own line)", "company\uFF1A\n  name: X\naudit: { kind: mock }\nfindings: []\n", 1, 8, "U+FF1A" },
        { "comma in a flow mapping", "company: { name: X }\naudit: { kind: mock, team: [ { name: \u5F20\u4E09\uFF0C role: lead } ] }\nfindings: []\n", 2, 40, "U+FF0C" },
        { "comma after a word", Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming\uFF0C note: a }\n", 4, 42, "U+FF0C" },
        { "brace", "company: \uFF5B name: X \uFF5D\naudit: { kind: mock }\nfindings: []\n", 1, 10, "U+FF5B" },
        { "brackets around a date", "company: { name: X }\naudit: { kind: mock, dates: \u30102026-01-01\u3011 }\nfindings: []\n", 2, 29, "U+3010" },
        { "colon inside a flow mapping", Head + "findings:\n  - { item: \"5.1.1.1\", result\uFF1Aconforming }\n", 4, 30, "U+FF1A" },
    };

    [Theory]
    [MemberData(nameof(FullWidthPunctuation))]
    public void Full_width_punctuation_is_named_and_pointed_at(string what, string yaml, int line, int column, string codePoint)
    {
        var outcome = Score(yaml);

        var error = outcome.Diagnostics.Should().ContainSingle(d => d.Code == "SR1022", what).Subject;
        (error.Location.Line, error.Location.Column).Should().Be((line, column), what);
        error.Message.Should().Contain(codePoint);
        error.Hint.Should().Contain("Type the ASCII");
        outcome.Diagnostics.Should().NotContain(d => d.Code == "SR1005", "no parser jargon");
    }

    [Fact]
    public void Full_width_punctuation_in_plain_text_values_is_fine()
    {
        var outcome = Score(Head + "findings:\n  - item: \"5.1.1.1\"\n    result: conforming\n    note: \u539F\u56E0\uFF1A\u672A\u57F9\u8BAD\uFF0C\u5DF2\u6574\u6539\uFF08\u89C1\u9644\u4EF6\uFF09\n");

        outcome.Succeeded.Should().BeTrue(string.Join("\n", outcome.Diagnostics));
    }

    [Fact]
    public void An_ascii_comma_inside_unquoted_text_in_braces_gets_a_hint_to_quote_the_text()
    {
        var error = Single(Score(Head + "findings:\n  - { item: \"5.1.1.1\", result: conforming, note: \u90E8\u5206\u5DE5\u5355\u65E0\u7B7E\u5B57, \u5DF2\u6574\u6539 }\n"));

        error.Code.Should().Be("SR1023");
        (error.Location.Line, error.Location.Column).Should().Be((4, 59));
        error.Hint.Should().Contain("note: \"...,");
    }

    // ---- 9. no cascades ----

    [Theory]
    [InlineData("audit: { kind: initail, dates: [2026-01-01] }", "SR1106")]
    [InlineData("audit: { kind: \u521D\u6B21\u8BA4\u8BC1\u5BA1\u6838 }", "SR1106")]
    [InlineData("audit: { dates: [2026-01-01] }", "SR1102")]
    [InlineData("audit: { kind: \"\" }", "SR1106")]
    public void A_bad_or_missing_kind_is_one_error_without_checks_for_a_kind_never_written(string audit, string code)
    {
        var outcome = Score("company: { name: X }\n" + audit + "\nfindings:\n  - { item: \"5.1.1.1\", result: conforming }\n");

        outcome.Diagnostics.Select(d => d.Code).Should().Equal(code);
    }

    [Fact]
    public void A_rubric_given_as_evidence_is_one_diagnostic_saying_so()
    {
        var rubric = System.Text.Encoding.UTF8.GetString(RubricLoader.DefaultRubricBytes());

        var error = Single(Score(rubric, "rubric.yaml"));

        error.Code.Should().Be("SR1116");
        error.Message.Should().Be("this file is a rubric (it has 'categories'), not an evidence file");
        error.Hint.Should().Contain("--rubric");
    }

    [Theory]
    [InlineData("{}", "e.json", "an empty mapping")]
    [InlineData("{}\n", "e.yaml", "an empty mapping")]
    [InlineData("name: X\nnotes: a\n", "e.yaml", "a mapping without any key of an evidence file")]
    public void An_empty_or_foreign_mapping_is_one_diagnostic(string text, string name, string found)
    {
        var error = Single(Score(text, name));

        error.Code.Should().Be("SR1116");
        error.Message.Should().StartWith("this file is " + found);
    }

    [Fact]
    public void Evidence_given_as_a_rubric_is_one_diagnostic_saying_so()
    {
        var evidence = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "06-mock-self-assessment.yaml"));

        var result = new RubricLoader().Parse(evidence, "evidence.yaml");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("this file is an evidence file (it has 'findings'), not a rubric");
    }

    // ---- 20. anchors and aliases within a budget ----

    [Fact]
    public void Anchors_and_aliases_as_PyYAML_writes_them_for_shared_values_are_read()
    {
        var yaml = "company: {name: X}\naudit:\n  kind: mock\n  team:\n  - &id001 {name: A, role: lead}\nfindings:\n"
            + "- item: 5.1.1.1\n  result: conforming\n  methods: &id002 [document, interview]\n"
            + "- item: 5.1.1.2\n  result: &id003 conforming\n  methods: *id002\n- {item: 5.1.1.3, result: *id003, methods: *id002}\n";

        var result = Score(yaml).GetValueOrThrow();

        result.Items.Take(3).Should().OnlyContain(i => i.Status == ItemStatus.Conforming && i.Methods.Count == 2);
        result.EarnedPoints.Should().Be(result.Items.Take(3).Sum(i => i.Possible));
    }

    [Theory]
    [InlineData("findings: &a [*a]\n", "*a")]
    [InlineData("findings: *missing\n", "*missing")]
    public void An_alias_without_an_anchor_before_it_is_refused(string findings, string alias)
    {
        var error = Single(Score("company: {name: X}\naudit: {kind: mock}\n" + findings));

        error.Code.Should().Be("SR1007");
        error.Message.Should().Contain(alias);
    }

    [Fact]
    public void An_alias_bomb_is_refused_at_the_node_limit_in_little_memory()
    {
        var bomb = new System.Text.StringBuilder("company: {name: X}\naudit: {kind: mock}\nx-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 'b'; level <= 'z'; level++)
        {
            bomb.Append("x-").Append(level).Append(": &").Append(level).Append(" [").Append(string.Join(", ", Enumerable.Repeat("*" + (char)(level - 1), 9))).Append("]\n");
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Single(Score(bomb + "findings: []\n"));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Code.Should().Be("SR1009");
        allocated.Should().BeLessThan(4 * 1024 * 1024, "nothing is expanded");
    }

    [Fact]
    public void An_alias_counts_its_depth_against_the_depth_limit()
    {
        var deep = "x-a: &a " + new string('[', 20) + new string(']', 20) + "\nx-b: " + new string('[', 18) + "*a" + new string(']', 18) + "\n";

        var error = Single(Score("company: {name: X}\naudit: {kind: mock}\n" + deep + "findings: []\n"));

        error.Code.Should().Be("SR1008");
    }

    // ---- 12. a sample on a whole indicator ----

    [Fact]
    public void A_sample_on_a_whole_indicator_applies_to_each_item_without_its_own_finding()
    {
        var result = Score(Head + "findings:\n  - { indicator: \"5.3.2\", sample: { size: 20, conforming: 17 } }\n  - { item: \"5.3.2.1\", result: conforming }\n").GetValueOrThrow();

        var items = result.Indicators.Single(i => i.Indicator.Id == "5.3.2").Items;
        items[0].Earned.Should().Be(items[0].Possible, "5.3.2.1 has its own finding");
        foreach (var item in items.Skip(1))
        {
            item.FromIndicatorFinding.Should().BeTrue();
            item.Sample.Should().Be(new Sample(20, 17));
            item.Earned.Should().Be(Math.Round(item.Possible * 17 / 20, 2));
            item.Status.Should().Be(ItemStatus.Partial);
            item.Explanation.En.Should().StartWith("(By the sample recorded for indicator 5.3.2, applied to each of its items) Sample of 20, 17 conforming");
        }
    }

    [Fact]
    public void Partial_points_on_a_whole_indicator_stay_refused()
    {
        var error = Single(Score(Head + "findings:\n  - { indicator: \"5.3.2\", result: partial, points: 1 }\n"));

        error.Code.Should().Be("SR3019");
    }

    // ---- 13. indicator findings that item findings override ----

    [Fact]
    public void An_excluded_indicator_with_item_findings_is_an_error_naming_the_items()
    {
        var error = Single(Score(Head + "findings:\n  - { indicator: \"5.2.6\", result: not_applicable, reason: x }\n  - { item: \"5.2.6.1\", result: conforming }\n"));

        error.Code.Should().Be("SR3026");
        error.Message.Should().Contain("5.2.6.1");
        (error.Location.Line, error.Location.Column).Should().Be((4, 35));
    }

    [Fact]
    public void An_indicator_finding_every_item_overrides_is_a_warning_naming_the_items()
    {
        var outcome = Score(Head + "findings:\n  - { indicator: \"5.1.1\", result: nonconforming }\n  - { item: \"5.1.1.1\", result: conforming }\n  - { item: \"5.1.1.2\", result: conforming }\n  - { item: \"5.1.1.3\", result: conforming }\n");

        outcome.Succeeded.Should().BeTrue();
        outcome.Diagnostics.Should().ContainSingle().Which.Message.Should().Be("the finding for indicator 5.1.1 applies to none of its items: 5.1.1.1, 5.1.1.2, 5.1.1.3 each have a finding of their own");
        outcome.Value!.Warnings.Should().ContainSingle(w => w.Code == "SR3027");
    }

    [Fact]
    public void An_indicator_finding_that_still_covers_an_item_gives_no_warning()
    {
        var outcome = Score(Head + "findings:\n  - { indicator: \"5.1.1\", result: nonconforming }\n  - { item: \"5.1.1.1\", result: conforming }\n");

        outcome.Diagnostics.Should().BeEmpty();
    }
}
