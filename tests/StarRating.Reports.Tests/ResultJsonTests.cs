using Newtonsoft.Json.Linq;
using StarRating.Engine;

namespace StarRating.Reports.Tests;

public sealed class ResultJsonTests
{
    [Fact]
    public void The_keys_other_tools_read_are_there()
    {
        var json = JObject.Parse(ResultJson.Write(Cases.Result("formal-complete")));

        json["format"]!.Value<string>().Should().Be("starrating-result/1");
        json["total"]!.Value<decimal>().Should().Be(96.9m);
        json["tier"]!["id"]!.Value<string>().Should().Be("five-star");
        json["categories"]!.Select(c => c["id"]!.Value<string>()).Should().Equal("5.1", "5.2", "5.3");
        json["categories"]![1]!["earned"]!.Value<decimal>().Should().Be(28.5m);
        json["categories"]![1]!["applicable"]!.Value<decimal>().Should().Be(29m);
        json["categories"]![1]!["possible"]!.Value<decimal>().Should().Be(35m);
        json["indicators"]!.Should().HaveCount(15);
        json["indicators"]![9]!["id"]!.Value<string>().Should().Be("5.2.3");
        json["indicators"]![9]!["excluded"]!.Value<bool>().Should().BeTrue();
        json["indicators"]![9]!["percent"]!.Type.Should().Be(JTokenType.Null);
        foreach (var key in new[] { "earned", "applicable", "possible" })
        {
            json["indicators"]![0]![key].Should().NotBeNull();
        }
    }

    [Fact]
    public void Decimals_are_written_exactly_as_the_result_holds_them()
    {
        var text = ResultJson.Write(Cases.Result("formal-complete"));

        text.Should().Contain("\"total\": 96.9,");
        text.Should().Contain("\"earned\": 91.05,");
        text.Should().Contain("\"unrounded\": 96.8617,");
        text.Should().Contain("\"applicable\": 94,");
        text.Should().NotContain("\r").And.EndWith("}\n");
    }

    [Fact]
    public void The_score_keeps_its_rubric_decimals()
    {
        var result = Cases.Result("blocked-by-deductions");

        ResultJson.Write(result).Should().Contain("\"total\": " + result.Score.ToString(System.Globalization.CultureInfo.InvariantCulture) + ",");
        result.Score.Scale.Should().Be(1);
    }

    [Fact]
    public void Gap_and_comparison_documents_name_their_format()
    {
        var mock = Cases.Result("mock-partial-assessment");
        var formal = Cases.Result("formal-complete");

        JObject.Parse(ResultJson.Write(AuditEngine.AnalyzeGap(mock)))["format"]!.Value<string>().Should().Be("starrating-gap/1");
        var comparison = JObject.Parse(ResultJson.Write(AuditEngine.Compare(mock, formal).GetValueOrThrow()));
        comparison["format"]!.Value<string>().Should().Be("starrating-comparison/1");
        comparison["after"]!["total"]!.Value<decimal>().Should().Be(96.9m);
    }
}
