using FluentAssertions;
using Newtonsoft.Json.Linq;
using StarRating.Engine;
using StarRating.Testing;
using Xunit;

namespace StarRating.Reports.Tests;

/// <summary>
/// A previous audit given as the JSON result of <c>--format json</c> works as its evidence file does: the chain's
/// statuses and due dates come out the same, and the keys of the <c>previous</c> section are the documented ones.
/// </summary>
public sealed class PreviousResultTests
{
    private static readonly string Chain = Path.Combine(RepoPaths.Root, "samples", "chain");

    [Fact]
    public void Json_result_as_previous_gives_the_same_follow_up_as_its_evidence()
    {
        var initial = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, "2026-initial.yaml")).GetValueOrThrow();
        var surveillance = File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml"));
        using var folder = new TempFolder(
            ("2026-initial.json", ResultJson.Write(initial)),
            ("s1.yaml", surveillance.Replace("previous: 2026-initial.yaml", "previous: 2026-initial.json", StringComparison.Ordinal)));

        var fromJson = AuditEngine.ScoreFileWithBuiltInRubric(folder.File("s1.yaml"));
        fromJson.Diagnostics.Should().BeEmpty();
        var fromEvidence = AuditEngine.ScoreFileWithBuiltInRubric(Path.Combine(Chain, "2027-surveillance-1.yaml")).GetValueOrThrow();
        var result = fromJson.GetValueOrThrow();
        result.Previous!.Nonconformities.Should().Equal(fromEvidence.Previous!.Nonconformities);
        (result.Previous.Score, result.Previous.ScoreText, result.Previous.TierId).Should().Be((97.9m, "97.9", "five-star"));
        result.Surveillance.Should().Be(fromEvidence.Surveillance);

        var json = JObject.Parse(ResultJson.Write(result));
        json.SelectToken("previous.score")!.Value<decimal>().Should().Be(97.9m);
        json.SelectToken("previous.tier")!.Value<string>().Should().Be("five-star");
        json.SelectToken("previous.nonconformities")!.Select(n => $"{n["id"]} {n["item"]} {n["grade"]} {n["status"]}")
            .Should().Equal("NC-2026-01 5.2.4.3 major closed", "NC-2026-02 5.3.2.2 minor repeated");
        json.SelectToken("nonconformities[0].repeated")!.Value<bool>().Should().BeTrue();
    }

    [Fact]
    public void Json_that_is_not_a_result_is_refused_at_the_previous_key()
    {
        using var folder = new TempFolder(
            ("gap.json", """{ "format": "starrating-gap/1" }"""),
            ("broken.json", """{ "format": "starrating-result/1", "rubric": 3 }"""),
            ("a.yaml", File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml")).Replace("2026-initial.yaml", "gap.json", StringComparison.Ordinal)),
            ("b.yaml", File.ReadAllText(Path.Combine(Chain, "2027-surveillance-1.yaml")).Replace("2026-initial.yaml", "broken.json", StringComparison.Ordinal)));
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("a.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3128");
        AuditEngine.ScoreFileWithBuiltInRubric(folder.File("b.yaml")).Diagnostics.Should().ContainSingle().Which.Code.Should().Be("SR3128");
    }
}
