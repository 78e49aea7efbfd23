namespace StarRating.Rules.Tests;

/// <summary>
/// The merge rules of rubric overlays (replace, add, remove, order, after, moves, scoring key by key), chains, cycles
/// and the depth limit, the SHA-256 of a resolved rubric, and provenance. Diagnostics with their locations are in
/// <see cref="OverlayGoldenTests"/>.
/// </summary>
public sealed class OverlayTests
{
    private const string Head = "id: body\nextends: gbt27922-2011\nversion: \"1\"\n";

    private static Rubric Load(string overlay, string name = "body.yaml") =>
        new RubricLoader().Parse(overlay, name).GetValueOrThrow();

    private static LoadResult<Rubric> Try(string overlay, string name = "body.yaml") => new RubricLoader().Parse(overlay, name);

    private static string[] ItemIds(Rubric rubric, string indicator) => rubric.FindIndicator(indicator)!.Items.Select(i => i.Id).ToArray();

    [Fact]
    public void Values_replace_the_bases_and_everything_else_is_kept()
    {
        var example = new RubricLoader().LoadFile(Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml")).GetValueOrThrow();
        var baseRubric = Rubric.Default;

        example.Id.Should().Be("acme-gbt27922");
        example.Version.Should().Be("2026.1-acme.1");
        example.Title.Zh.Should().Contain("示例");
        example.Standard.Should().Be(baseRubric.Standard, "a value the overlay does not write stays the base's");
        example.FindIndicator("5.1.1")!.Points.Should().Be(6);
        example.FindIndicator("5.1.1")!.PointsProvisional.Should().BeFalse();
        example.FindIndicator("5.1.2")!.PointsProvisional.Should().BeTrue();
        example.FindItem("5.1.1.1")!.Points.Should().Be(2.4m);
        example.FindItem("5.1.1.1")!.Requirement.Should().Be(baseRubric.FindItem("5.1.1.1")!.Requirement, "only the points were written");
        example.FindTier("five-star")!.MinScore.Should().Be(96);
        example.FindTier("five-star")!.Label.Zh.Should().Be("五星级");
        example.Scoring.MaxSpecialDeductions.Should().Be(3);
        example.Scoring.Decimals.Should().Be(baseRubric.Scoring.Decimals, "scoring merges key by key");
        example.Categories.Select(c => c.Points).Should().Equal(40, 35, 25);
        example.Base.Should().NotBeNull();
        example.Base!.Id.Should().Be("gbt27922-2011");
        example.Root.Should().BeSameAs(example.Base);
    }

    [Fact]
    public void New_ids_add_entries_in_the_order_written_after_the_last_one()
    {
        var rubric = Load(Head + """
            indicators:
              "5.2.4":
                points: 10
                items:
                  "5.2.4.7": { points: 1, requirement: 乙, methods: [document] }
                  "5.2.4.6": { points: 1, requirement: 甲, methods: [document] }
            categories:
              "5.2": { points: 37 }
            total: 102
            tiers:
              seven-star: { min: 97, stars: 7, label: 七星级 }
              eight-star: { min: 99, stars: 8, label: 八星级 }
            """);

        ItemIds(rubric, "5.2.4").Should().Equal("5.2.4.1", "5.2.4.2", "5.2.4.3", "5.2.4.4", "5.2.4.5", "5.2.4.7", "5.2.4.6");
        rubric.FindItem("5.2.4.6")!.Indicator.Id.Should().Be("5.2.4");
        rubric.Tiers.Select(t => t.Id).Should().EndWith(["seven-star", "eight-star"]);
        rubric.TierForScore(97.5m).Label.Zh.Should().Be("七星级");
    }

    [Fact]
    public void After_places_new_and_existing_entries_right_after_a_sibling()
    {
        var rubric = Load(Head + """
            indicators:
              "5.2.4":
                points: 9
                items:
                  "5.2.4.0": { points: 1, requirement: 维修前告知费用。, methods: [document], after: "5.2.4.1" }
                  "5.2.4.5": { after: "5.2.4.2" }
              "5.2.6": { after: "5.2.1" }
            categories:
              "5.2": { points: 36 }
              "5.3": { after: "5.1" }
            total: 101
            tiers:
              five-star: { min: 97 }
              four-and-a-half: { min: 93, stars: 4, label: 四星半, after: four-star }
            """);

        ItemIds(rubric, "5.2.4").Should().Equal("5.2.4.1", "5.2.4.0", "5.2.4.2", "5.2.4.5", "5.2.4.3", "5.2.4.4");
        rubric.Categories.Single(c => c.Id == "5.2").Indicators.Select(i => i.Id).Should().Equal("5.2.1", "5.2.6", "5.2.2", "5.2.3", "5.2.4", "5.2.5");
        rubric.Categories.Select(c => c.Id).Should().Equal("5.1", "5.3", "5.2");
        rubric.Tiers.Select(t => t.Id).Should().Equal("fail", "compliant", "three-star", "four-star", "four-and-a-half", "five-star");
    }

    [Fact]
    public void Remove_drops_an_entry_with_everything_below_it()
    {
        var rubric = Load(Head + """
            categories:
              "5.3": { remove: true }
              "5.1": { points: 65 }
            indicators:
              "5.1.1":
                points: 30
                items:
                  "5.1.1.1": { points: 27 }
            tiers:
              compliant: { remove: true }
            """);

        rubric.Categories.Select(c => c.Id).Should().Equal("5.1", "5.2");
        rubric.FindIndicator("5.3.1").Should().BeNull();
        rubric.FindItem("5.3.2.5").Should().BeNull();
        rubric.Tiers.Select(t => t.Id).Should().Equal("fail", "three-star", "four-star", "five-star");
        rubric.Origins.Where(o => o.Key == "remove").Select(o => (o.Part, o.Id)).Should().Contain([
            (RubricPart.Category, "5.3"), (RubricPart.Indicator, "5.3.1"), (RubricPart.Item, "5.3.2.5"), (RubricPart.Tier, "compliant")]);
    }

    [Fact]
    public void An_indicator_is_addressed_by_id_in_any_category_and_may_move_or_be_added_to_one()
    {
        var rubric = Load(Head + """
            categories:
              "5.4": { name: 新类别, points: 5 }
              "5.1": { points: 44 }
              "5.2": { points: 31 }
            total: 105
            indicators:
              "5.2.6": { category: "5.1", after: "5.1.1" }
              "5.4.1":
                name: 新指标
                points: 5
                category: "5.4"
                items:
                  "5.4.1.1": { points: 5, requirement: 要求, methods: [interview] }
            """);

        rubric.FindIndicator("5.2.6")!.Category.Id.Should().Be("5.1");
        rubric.Categories[0].Indicators.Select(i => i.Id).Take(3).Should().Equal("5.1.1", "5.2.6", "5.1.2");
        rubric.Categories[0].Points.Should().Be(44);
        rubric.FindIndicator("5.4.1")!.Category.Id.Should().Be("5.4");
        rubric.Categories.Select(c => c.Id).Should().Equal("5.1", "5.2", "5.3", "5.4");
    }

    [Fact]
    public void Moving_an_indicator_out_of_a_category_blames_the_move_for_the_broken_sums()
    {
        var result = Try(Head + "indicators:\n  \"5.2.6\": { category: \"5.1\" }\n");

        result.Errors.Select(d => (d.Code, d.Location.File, d.Location.Line)).Should().BeEquivalentTo(new[]
        {
            ("SR2003", "body.yaml", 5),
            ("SR2003", "body.yaml", 5),
        });
    }

    [Fact]
    public void Overlays_chain_and_each_layer_keeps_its_own_identity()
    {
        using var folder = new TempFolder(
            ("body.yaml", Head + "scoring: { max_special_deductions: 3 }\ntiers:\n  five-star: { min: 96 }\n"),
            ("site.yaml", "id: site\nextends: body.yaml\nversion: \"1-site.1\"\ntiers:\n  five-star: { min: 97 }\n"));

        var site = new RubricLoader().LoadFile(folder.File("site.yaml")).GetValueOrThrow();

        site.FindTier("five-star")!.MinScore.Should().Be(97, "the later overlay wins");
        site.Scoring.MaxSpecialDeductions.Should().Be(3, "what the later overlay does not write comes from the one below");
        site.Base!.Id.Should().Be("body");
        site.Base.FindTier("five-star")!.MinScore.Should().Be(96);
        site.Root.Id.Should().Be("gbt27922-2011");
        site.OriginOf(RubricPart.Tier, "five-star", "min")!.Layer.Should().Be(2);
        site.OriginOf(RubricPart.Scoring, "", "max_special_deductions")!.Location.File.Should().Be(folder.File("body.yaml"));
        site.OriginOf(RubricPart.Item, "5.1.1.1", "points")!.Location.File.Should().Be("gbt27922-2011.yaml (built-in)");
        site.OriginOf(RubricPart.Item, "5.1.1.1", "points")!.Layer.Should().Be(0);
    }

    [Fact]
    public void A_cycle_is_refused_wherever_it_closes()
    {
        using var folder = new TempFolder(
            ("a.yaml", "id: a\nextends: b.yaml\nversion: \"1\"\n"),
            ("b.yaml", "id: b\nextends: c.yaml\nversion: \"1\"\n"),
            ("c.yaml", "id: c\nextends: a.yaml\nversion: \"1\"\n"),
            ("self.yaml", "id: self\nextends: ./self.yaml\nversion: \"1\"\n"));

        var cycle = new RubricLoader().LoadFile(folder.File("a.yaml"));
        var self = new RubricLoader().LoadFile(folder.File("self.yaml"));

        cycle.Succeeded.Should().BeFalse();
        cycle.Errors.Should().ContainSingle(d => d.Code == "SR2104").Which.Location.Should().Be(new SourceLocation(folder.File("c.yaml"), 2, 10));
        self.Errors.Should().ContainSingle(d => d.Code == "SR2104").Which.Message.Should().Contain("self.yaml → ");
    }

    [Fact]
    public void Chains_deeper_than_the_limit_are_refused_and_the_limit_itself_loads()
    {
        var files = new List<(string, string)> { ("o1.yaml", "id: o1\nextends: gbt27922-2011\nversion: \"1\"\n") };
        for (var i = 2; i <= OverlayLimit + 1; i++)
        {
            files.Add(($"o{i}.yaml", $"id: o{i}\nextends: o{i - 1}.yaml\nversion: \"{i}\"\n"));
        }

        using var folder = new TempFolder([.. files]);

        new RubricLoader().LoadFile(folder.File($"o{OverlayLimit}.yaml")).Succeeded.Should().BeTrue();
        var tooDeep = new RubricLoader().LoadFile(folder.File($"o{OverlayLimit + 1}.yaml"));
        tooDeep.Errors.Should().ContainSingle(d => d.Code == "SR2105").Which.Location.File.Should().Be(folder.File("o1.yaml"));
    }

    private const int OverlayLimit = 8;

    [Fact]
    public void File_bases_can_be_switched_off_for_untrusted_overlays()
    {
        using var folder = new TempFolder(("body.yaml", Head));
        var loader = new RubricLoader { AllowFileBases = false };

        loader.Parse(Head, folder.File("x.yaml")).Succeeded.Should().BeTrue("built-in bases stay allowed");
        loader.Parse("id: x\nextends: body.yaml\nversion: \"1\"\n", folder.File("x.yaml")).Errors.Should().ContainSingle(d => d.Code == "SR2103");
    }

    [Fact]
    public void The_resolved_hash_is_stable_and_independent_of_how_the_overlay_is_written()
    {
        const string block = Head + """
            # comments do not count
            indicators:
              "5.1.1":
                points: 6
                items:
                  "5.1.1.1": { points: 2.4 }
                  "5.1.1.2": { points: 1.8 }
                  "5.1.1.3": { points: 1.8 }
              "5.1.7": { points: 4, items: { "5.1.7.1": { points: 1 } } }
            """;
        const string reordered = """
            indicators: { "5.1.7": { items: { "5.1.7.1": { points: 1.0 } }, points: 4 }, "5.1.1": { items: { "5.1.1.3": { points: 1.80 }, "5.1.1.2": { points: 1.8 }, "5.1.1.1": { points: 2.40 } }, points: 6.0 } }
            version: "1"
            extends: gbt27922-2011
            id: body
            """;

        var first = Load(block);
        var again = Load(block);
        var rewritten = Load(reordered);
        var json = Load("""{ "id": "body", "extends": "gbt27922-2011", "version": "1", "indicators": { "5.1.1": { "points": 6, "items": { "5.1.1.1": { "points": 2.4 }, "5.1.1.2": { "points": 1.8 }, "5.1.1.3": { "points": 1.8 } } }, "5.1.7": { "points": 4, "items": { "5.1.7.1": { "points": 1 } } } } }""", "body.json");
        var different = Load(block.Replace("2.4 }", "2.3 }", StringComparison.Ordinal).Replace("\"5.1.1.2\": { points: 1.8 }", "\"5.1.1.2\": { points: 1.9 }", StringComparison.Ordinal));

        first.Sha256.Should().MatchRegex("^[0-9a-f]{64}$");
        again.Sha256.Should().Be(first.Sha256);
        rewritten.Sha256.Should().Be(first.Sha256, "key order, flow style, comments and trailing zeros are formatting");
        json.Sha256.Should().Be(first.Sha256, "YAML or JSON is formatting too");
        different.Sha256.Should().NotBe(first.Sha256);
        first.Sha256.Should().NotBe(Rubric.Default.Sha256);
        first.Base!.Sha256.Should().Be(Rubric.Default.Sha256, "a plain base keeps the hash of its file's bytes");
    }

    [Fact]
    public void The_export_is_a_plain_rubric_that_loads_to_the_same_rubric_and_hash()
    {
        var overlay = new RubricLoader().LoadFile(Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml")).GetValueOrThrow();

        var export = overlay.ExportResolved();
        var reloaded = Rubric.Parse(export, "resolved.yaml").GetValueOrThrow();

        export.Should().NotContain("extends").And.EndWith("\n").And.NotContain("\r");
        reloaded.Sha256.Should().Be(overlay.Sha256);
        reloaded.Base.Should().BeNull();
        reloaded.ExportResolved().Should().Be(export);
        RubricDiff.Compare(overlay, reloaded).Changes.Should().BeEmpty();
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(export)).Should()
            .Equal(Convert.FromHexString(overlay.Sha256), "the hash covers exactly the exported bytes");
    }

    [Fact]
    public void An_overlay_chooses_the_terminology_and_its_export_keeps_it()
    {
        var review = Load(Head + "terminology: review\n");
        var audit = Load(Head);

        review.Terminology.Should().Be(Terminology.Review);
        audit.Terminology.Should().Be(Terminology.Audit, "the base's word stays when the overlay writes none");
        review.ExportResolved().Should().Contain("\nterminology: review\n");
        audit.ExportResolved().Should().NotContain("terminology", "the default is not written, so hashes of rubrics without the key stay");
        Rubric.Parse(review.ExportResolved(), "resolved.yaml").GetValueOrThrow().Sha256.Should().Be(review.Sha256);
        RubricDiff.Compare(audit, review).Changes.Should().ContainSingle(c => c.Key == "terminology" && c.Before == "audit" && c.After == "review");
    }

    [Fact]
    public void The_export_of_every_built_in_rubric_round_trips()
    {
        foreach (var id in RubricLoader.BuiltInIds)
        {
            var rubric = Rubric.BuiltIn(id)!;

            var reloaded = Rubric.Parse(rubric.ExportResolved(), id + ".yaml").GetValueOrThrow();

            RubricDiff.Compare(rubric, reloaded).Changes.Should().BeEmpty(id);
            reloaded.Items.Select(i => (i.Id, i.Points, i.Requirement, i.Methods.Count, i.Documents.Count))
                .Should().Equal(rubric.Items.Select(i => (i.Id, i.Points, i.Requirement, i.Methods.Count, i.Documents.Count)));
        }
    }

    [Fact]
    public void Texts_with_quotes_backslashes_and_line_breaks_survive_the_export()
    {
        var rubric = Load(Head + "title: { zh: \"引号\\\" 反斜杠\\\\ 换行\\n制表\\t结束\", en: 'it''s: {ok}, # not a comment' }\n");

        var reloaded = Rubric.Parse(rubric.ExportResolved(), "r.yaml").GetValueOrThrow();

        reloaded.Title.Should().Be(rubric.Title);
        rubric.Title.Zh.Should().Be("引号\" 反斜杠\\ 换行\n制表\t结束");
    }

    [Fact]
    public void Built_in_rubrics_are_listed_and_shared()
    {
        RubricLoader.BuiltInIds.Should().Equal("gbt27922-2011", "gbt27925-2011");
        Rubric.BuiltIn("gbt27922-2011").Should().BeSameAs(Rubric.Default);
        Rubric.BuiltIn("gbt27925-2011")!.TotalPoints.Should().Be(1000);
        Rubric.BuiltIn("gbt27925-2011").Should().BeSameAs(Rubric.BuiltIn("gbt27925-2011"));
        Rubric.BuiltIn("gbt27922-2012").Should().BeNull();
        RubricLoader.BuiltInBytes("nope").Should().BeNull();
        FluentActions.Invoking(() => RubricLoader.LoadBuiltIn("nope")).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void An_overlay_can_extend_the_second_built_in_rubric()
    {
        var rubric = Load("""
            id: body-brand
            extends: gbt27925-2011
            version: "2026.1-body.1"
            indicators:
              "5.2.3": { points: 130, items: { "5.2.3.1": { points: 50 } } }
              "5.2.2": { points: 90, items: { "5.2.2.4": { points: 10 } } }
            """);

        rubric.TotalPoints.Should().Be(1000);
        rubric.FindIndicator("5.2.3")!.Points.Should().Be(130);
        rubric.Base!.Id.Should().Be("gbt27925-2011");
    }

    [Theory]
    [InlineData("gbt27922-2011", "gbt27922-2011", null)]
    [InlineData("acme-gbt27922@2026.1-acme.1", "acme-gbt27922", "2026.1-acme.1")]
    [InlineData("a@1+build.2", "a", "1+build.2")]
    public void Rubric_references_read_an_id_and_an_optional_version(string text, string id, string? version)
    {
        RubricReference.TryParse(text, out var reference).Should().BeTrue();

        reference.Should().Be(new RubricReference(id, version));
        reference.ToString().Should().Be(text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@1")]
    [InlineData("a@")]
    [InlineData("a@1@2")]
    [InlineData("a b")]
    [InlineData("a@1 2")]
    public void Malformed_rubric_references_are_refused(string text)
    {
        RubricReference.TryParse(text, out _).Should().BeFalse();
    }
}
