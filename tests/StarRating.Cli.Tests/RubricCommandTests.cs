using System.Security.Cryptography;
using StarRating.Rules;

namespace StarRating.Cli.Tests;

/// <summary>The rubric commands on overlays and built-in rubrics, beyond the golden outputs: export, checklist, choice of rubric.</summary>
public sealed class RubricCommandTests
{
    private static readonly string Example = Path.Combine(RepoPaths.Root, "rules", "examples", "acme-gbt27922.yaml");

    [Fact]
    public void Export_resolved_writes_the_file_whose_hash_results_record()
    {
        using var temp = new TempFolder();
        var target = temp.File("acme-resolved.yaml");
        var exampleBytes = File.ReadAllBytes(Example);

        var run = CliRunner.Run("rubric", "export", "--resolved", "--rubric", Example, "-o", target);

        run.ExitCode.Should().Be(0, run.Error);
        var overlay = new RubricLoader().LoadFile(Example).GetValueOrThrow();
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(target))).Should().Be(overlay.Sha256);
        var show = CliRunner.Run("rubric", "show", "--rubric", target, "--lang", "en");
        show.Out.Should().Contain("acme-gbt27922 version 2026.1-acme.1 · SHA-256 " + overlay.Sha256).And.NotContain("Base rubric");
        File.ReadAllBytes(Example).Should().Equal(exampleBytes, "the overlay is an input and is never changed");
        CliRunner.Run("rubric", "export", "--resolved", "--rubric", Example, "-o", Example).Error.Should().Contain("SR5002");
    }

    [Fact]
    public void Export_without_resolved_writes_the_source_as_it_is()
    {
        using var temp = new TempFolder();

        CliRunner.Run("rubric", "export", "--rubric", "gbt27925-2011", "-o", temp.File("brand.yaml")).ExitCode.Should().Be(0);
        CliRunner.Run("rubric", "export", "--rubric", Example, "-o", temp.File("overlay.yaml")).ExitCode.Should().Be(0);

        File.ReadAllBytes(temp.File("brand.yaml")).Should().Equal(RubricLoader.BuiltInBytes("gbt27925-2011"));
        File.ReadAllText(temp.File("overlay.yaml")).Should().Be(File.ReadAllText(Example));
    }

    [Fact]
    public void The_checklist_of_the_thousand_point_rubric_pins_its_version_and_lists_every_item()
    {
        using var temp = new TempFolder();
        var target = temp.File("brand-checklist.yaml");

        CliRunner.Run("checklist", "--rubric", "gbt27925-2011", "--kind", "mock", "-o", target).ExitCode.Should().Be(0);

        var text = File.ReadAllText(target);
        text.Should().Contain("rubric: gbt27925-2011@2026.1\n");
        text.Should().NotContain("# bonus:", "the rubric allows no bonus");
        text.Should().Contain("points: 10, reason: ...", "the rubric's own default deduction");
        foreach (var item in Rubric.BuiltIn("gbt27925-2011")!.Items)
        {
            text.Should().Contain($"- item: \"{item.Id}\"");
        }

        var validate = CliRunner.Run("validate", target);
        validate.Error.Should().Contain("SR1108", "a blank checklist still lacks the results").And.NotContain("SR3001").And.NotContain("SR3200");
    }

    [Fact]
    public void Ids_need_not_be_clause_numbers_for_any_output()
    {
        // Categories and indicators named without dots: nothing may derive a category from an indicator's id.
        const string rubric = """
            id: words
            title: 无编号细则
            standard: TEST-2
            version: "1"
            total: 1000
            tiers:
              - { id: none, label: 无星, min: 0 }
              - { id: two, label: 二星, min: 700, stars: 2 }
            categories:
              - id: CAP
                name: 能力
                points: 1000
                indicators:
                  - id: PLAN
                    name: 规划
                    points: 600
                    items:
                      - { id: PLAN-A, points: 600, requirement: 有规划, methods: [document] }
                  - id: MGMT
                    name: 管理
                    points: 400
                    items:
                      - { id: MGMT-A, points: 400, requirement: 有管理, methods: [interview] }
            """;
        using var temp = new TempFolder(
            ("words.yaml", rubric),
            ("before.yaml", "rubric: words\ncompany: { name: 甲 }\naudit: { kind: mock }\nfindings:\n  - { item: PLAN-A, result: conforming }\n  - { item: MGMT-A, result: nonconforming }\n"),
            ("after.yaml", "rubric: words\ncompany: { name: 甲 }\naudit: { kind: mock }\nfindings:\n  - { item: PLAN-A, result: conforming }\n  - { item: MGMT-A, result: conforming }\n"));

        var diff = CliRunner.Run("diff", temp.File("before.yaml"), temp.File("after.yaml"), "--rubric", temp.File("words.yaml"));
        var score = CliRunner.Run("score", temp.File("after.yaml"), "--rubric", temp.File("words.yaml"), "--format", "html", "-o", temp.File("after.html"));
        var checklist = CliRunner.Run("checklist", "--rubric", temp.File("words.yaml"));

        diff.ExitCode.Should().Be(0, diff.Error);
        diff.Out.Should().Contain("CAP 能力").And.Contain("  MGMT 管理").And.Contain("+400");
        score.ExitCode.Should().Be(0, score.Error);
        File.ReadAllText(temp.File("after.html")).Should().Contain("1000.0").And.Contain("二星 ★★");
        checklist.Out.Should().Contain("indicator: \"MGMT\"").And.Contain("rubric: words@1\n");
    }

    [Fact]
    public void Validate_knows_an_overlay_by_its_extends_even_without_tiers_or_categories()
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "StarRating.Rules.Tests", "Golden", "rubric_overlay");

        var broken = CliRunner.Run("validate", Path.Combine(folder, "sum-broken-by-item.yaml"));
        var fine = CliRunner.Run("validate", Path.Combine(folder, "same-version.yaml"));

        broken.ExitCode.Should().Be(ExitCodes.InvalidInput);
        broken.Error.Should().Contain("sum-broken-by-item.yaml(8,28): error SR2002").And.NotContain("SR5003");
        fine.ExitCode.Should().Be(0);
        fine.Out.Should().Contain("ok (rubric gbt27922-2011 2026.1, 15 indicators, 54 check items, extends gbt27922-2011 2026.1, 1 warning)");
    }

    [Fact]
    public void Rubric_option_takes_an_id_and_the_evidence_chooses_otherwise()
    {
        var brandSample = Path.Combine(RepoPaths.Root, "samples", "07-brand-evaluation-department-store.yaml");
        var serviceSample = Path.Combine(RepoPaths.Root, "samples", "01-five-star-appliance-maker.yaml");

        CliRunner.Run("score", brandSample, "--format", "json").Out.Should().Contain("\"id\": \"gbt27925-2011\"").And.Contain("\"total\": 902.9");
        CliRunner.Run("score", brandSample, "--rubric", "gbt27925-2011", "--fail-below", "five-star").ExitCode.Should().Be(ExitCodes.BelowTier);
        CliRunner.Run("score", serviceSample, "--rubric", "gbt27925-2011").Error.Should().Contain("error SR3001");
        CliRunner.Run("score", brandSample, "--fail-below", "compliant").Error.Should().Contain("SR5006").And.Contain("not-rated, two-star, three-star, four-star, five-star");
    }
}
