using System.Globalization;
using System.Text;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Engine.Tests;

/// <summary>Builds evidence YAML for tests: every item conforming unless told otherwise.</summary>
internal sealed class AuditBuilder
{
    private readonly Rubric rubric;
    private readonly Dictionary<string, string> items = new(StringComparer.Ordinal);
    private readonly List<string> indicators = [];
    private readonly List<string> deductions = [];
    private readonly List<string> bonuses = [];
    private string kind = "initial";
    private string team = "[ { name: 王敏, role: lead } ]";
    private string top = "";

    public AuditBuilder(Rubric? rubric = null)
    {
        this.rubric = rubric ?? Rubric.Default;
    }

    public AuditBuilder Kind(string value)
    {
        kind = value;
        return this;
    }

    /// <summary>Sets audit.team, as a YAML flow list.</summary>
    public AuditBuilder Team(string flowList)
    {
        team = flowList;
        return this;
    }

    /// <summary>Adds top-level lines (e.g. "assessor: 王敏") after the rubric line.</summary>
    public AuditBuilder Top(string lines)
    {
        top += lines + "\n";
        return this;
    }

    /// <summary>Sets an item's finding body, e.g. "result: nonconforming".</summary>
    public AuditBuilder Item(string id, string body)
    {
        items[id] = body;
        return this;
    }

    public AuditBuilder Partial(string id, decimal points) => Item(id, "result: partial\n    points: " + points.ToString(CultureInfo.InvariantCulture));

    public AuditBuilder Nonconforming(string id) => Item(id, "result: nonconforming");

    public AuditBuilder Sample(string id, int size, int conforming) => Item(id, $"sample: {{ size: {size}, conforming: {conforming} }}");

    public AuditBuilder NotApplicable(string id, string reason = "不适用") => Item(id, "result: not_applicable\n    reason: " + reason);

    /// <summary>Removes an item's finding (not assessed).</summary>
    public AuditBuilder Skip(string id) => Item(id, "");

    public AuditBuilder Indicator(string id, string body)
    {
        indicators.Add($"  - indicator: \"{id}\"\n    {body}\n");
        foreach (var item in rubric.FindIndicator(id)!.Items)
        {
            items[item.Id] = "";
        }

        return this;
    }

    public AuditBuilder Deduction(decimal? points = null, string reason = "违反企业售后服务制度")
    {
        deductions.Add(points is null ? $"    - {{ reason: {reason} }}\n" : $"    - {{ points: {points.Value.ToString(CultureInfo.InvariantCulture)}, reason: {reason} }}\n");
        return this;
    }

    public AuditBuilder Bonus(decimal points = 1m, string reason = "行业领先的服务平台")
    {
        bonuses.Add($"{{ points: {points.ToString(CultureInfo.InvariantCulture)}, reason: {reason} }}");
        return this;
    }

    public string Yaml()
    {
        var text = new StringBuilder();
        text.Append("rubric: ").Append(rubric.Id).Append('\n');
        text.Append(top);
        text.Append("company: { name: 测试电器有限公司 }\n");
        text.Append("audit:\n  kind: ").Append(kind).Append("\n  dates: [2026-10-12]\n  team: ").Append(team).Append('\n');
        text.Append("findings:\n");
        foreach (var item in rubric.Items)
        {
            var body = items.TryGetValue(item.Id, out var b) ? b : "result: conforming";
            if (body.Length > 0)
            {
                text.Append("  - item: \"").Append(item.Id).Append("\"\n    ").Append(body).Append('\n');
            }
        }

        foreach (var indicator in indicators)
        {
            text.Append(indicator);
        }

        if (deductions.Count > 0 || bonuses.Count > 0)
        {
            text.Append("adjustments:\n");
            if (deductions.Count > 0)
            {
                text.Append("  deductions:\n");
                deductions.ForEach(d => text.Append(d));
            }

            if (bonuses.Count == 1)
            {
                text.Append("  bonus: ").Append(bonuses[0]).Append('\n');
            }
            else if (bonuses.Count > 1)
            {
                text.Append("  bonus: [").Append(string.Join(", ", bonuses)).Append("]\n");
            }
        }

        return text.ToString();
    }

    public LoadResult<AuditResult> Score() => new AuditEngine(rubric).Score(Yaml(), "test.yaml");

    public AuditResult ScoreOrThrow() => Score().GetValueOrThrow();
}

internal static class TestRubrics
{
    /// <summary>
    /// One 100-point item plus a 0.5... no: one indicator of 100 points split 99/1, so a partial finding on the
    /// big item sets the score to any value we like.
    /// </summary>
    public static Rubric Dial { get; } = Rubric.Parse("""
        id: dial
        title: 刻度
        standard: TEST
        version: "1"
        total: 100
        scoring:
          max_special_deductions: 4
        tiers:
          - { id: fail, label: 不达标, min: 0 }
          - { id: compliant, label: 达标级, min: 70 }
          - { id: three-star, label: 三星级, min: 80, stars: 3 }
          - { id: four-star, label: 四星级, min: 90, stars: 4 }
          - { id: five-star, label: 五星级, min: 95, stars: 5, requires: ["D.1.2"] }
        categories:
          - id: D
            name: 刻度
            points: 100
            indicators:
              - id: D.1
                name: 刻度
                points: 100
                items:
                  - { id: D.1.1, points: 99, requirement: 主要, methods: [document] }
                  - { id: D.1.2, points: 1, requirement: 前提, methods: [document] }
        """, "dial.yaml").GetValueOrThrow();

    /// <summary>Evidence on <see cref="Dial"/> whose item score is exactly <paramref name="score"/> (D.1.2 conforming).</summary>
    public static AuditBuilder At(decimal score) =>
        score >= 100 ? new AuditBuilder(Dial) : new AuditBuilder(Dial).Partial("D.1.1", score - 1);
}
