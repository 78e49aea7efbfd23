using System.Text;
using StarRating.Engine;
using StarRating.Rules;
using static StarRating.Cli.Output.Labels;

namespace StarRating.Cli.Output;

/// <summary>
/// A blank evidence file for the auditor: every check item with its points, methods and requirement as
/// comments, and the document request list grouped by indicator at the top. It parses as evidence, and
/// validating it lists exactly what is still to be filled in.
/// </summary>
internal static class ChecklistWriter
{
    public static string Write(Rubric rubric, Language l, AuditKind kind)
    {
        var y = new StringBuilder();
        void Line(string text = "") => y.Append(text).Append('\n');

        Line(T(l, "# 审核检查表", "# Audit checklist") + $" — {rubric.Standard} {rubric.Title.Get(l)}");
        Line($"# {T(l, "评价细则", "Rubric")} {rubric.Id} {T(l, "版本", "version")} {rubric.Version} (SHA-256 {rubric.Sha256})");
        Line(T(l, "# 格式说明见 docs/evidence-format.md;编辑器补全可用 schemas/evidence.schema.json。", "# Format: docs/evidence-format.md; editor completion: schemas/evidence.schema.json."));
        Line("#");
        Line(T(l, "# 填写方法:", "# How to fill it in:"));
        Line(T(l, "#   result: conforming 符合 | partial 部分符合(须填 points)| nonconforming 不符合 | not_applicable 不适用(须填 reason)",
            "#   result: conforming | partial (give points) | nonconforming | not_applicable (give a reason)"));
        Line(T(l, "#   抽样检查时用 sample: { size: 抽样数, conforming: 符合数 } 代替 result。",
            "#   For sampled records use sample: { size: N, conforming: M } instead of result."));
        Line(T(l, "#   grade: major 严重 | minor 一般 | observation 观察项(未写时,不符合项按一般计)。",
            "#   grade: major | minor | observation (an ungraded nonconformity counts as minor)."));
        Line(T(l, "#   methods: document 查阅文件和记录 | interview 询问工作人员 | observation 观察现场 | customer 访问顾客",
            "#   methods: document (records review) | interview (staff) | observation (site) | customer (customer visit)"));
        var exampleIndicator = rubric.Indicators[^1].Id;
        Line(T(l, $"#   整个指标不适用时,删去其检查项,写一条:- {{ indicator: \"{exampleIndicator}\", result: not_applicable, reason: ... }}",
            $"#   When a whole indicator does not apply, remove its items and write: - {{ indicator: \"{exampleIndicator}\", result: not_applicable, reason: ... }}"));
        Line("#");
        Line(T(l, "# ── 文件资料清单(请企业在文件评审前准备)──", "# ── Document request list (for the company to prepare before the document review) ──"));
        if (rubric.ApplicationDocuments.Count > 0)
        {
            Line(T(l, "# 申请材料:", "# Application:"));
            foreach (var document in rubric.ApplicationDocuments)
            {
                Line("#   - " + document.Get(l));
            }
        }

        foreach (var indicator in rubric.Indicators)
        {
            var documents = indicator.Items.SelectMany(i => i.Documents).Select(d => d.Get(l)).Distinct(StringComparer.Ordinal).ToArray();
            if (documents.Length == 0)
            {
                continue;
            }

            Line($"# {indicator.Id} {indicator.Name.Get(l)}:");
            foreach (var document in documents)
            {
                Line("#   - " + document);
            }
        }

        Line();
        // Pinned to the version the checklist was written from: scoring under another version then warns (SR3200).
        var pin = new RubricReference(rubric.Id, rubric.Version);
        Line($"rubric: {(RubricReference.TryParse(pin.ToString(), out _) ? pin : new RubricReference(rubric.Id, null))}");
        Line("company:");
        Line("  name: \"\"            # " + T(l, "企业名称(与营业执照一致)", "registered name, as on the business licence"));
        Line("  credit_code: \"\"     # " + T(l, "统一社会信用代码(18 位)", "unified social credit code (18 characters)"));
        Line("  address: \"\"");
        Line("  scope: \"\"           # " + T(l, "认证范围(商品和服务)", "certification scope (goods and services)"));
        Line("  contact: \"\"");
        Line("audit:");
        Line($"  kind: {EvidenceWords.Of(kind)}" + new string(' ', Math.Max(1, 14 - EvidenceWords.Of(kind).Length)) + "# initial | surveillance | recertification | mock | self");
        Line("  dates: []           # [2026-10-12, 2026-10-13]");
        Line("  body: \"\"            # " + T(l, "认证机构", "certification body"));
        Line("  reference: \"\"       # " + T(l, "审核编号", "audit number"));
        Line("  team:");
        Line("    - { name: \"\", role: lead }");
        Line("findings:");
        foreach (var category in rubric.Categories)
        {
            Line($"  # ════ {category.Id} {category.Name.Get(l)} ({Number(category.Points)} {T(l, "分", "points")}) ════");
            foreach (var indicator in category.Indicators)
            {
                Line($"  # ── {indicator.Id} {indicator.Name.Get(l)} ({Number(indicator.Points)} {T(l, "分", "points")}) ──");
                foreach (var item in indicator.Items)
                {
                    var methods = string.Join(T(l, "、", ", "), item.Methods.Select(m => FormatWords.Describe(m).Get(l)));
                    Line($"  - item: \"{item.Id}\"   # {Number(item.Points)} {T(l, "分", "points")} · {methods}");
                    Line($"    # {T(l, "要求", "Requirement")}: {item.Requirement.Get(l).ReplaceLineEndings(" ")}");
                    Line("    result:");
                    Line($"    methods: [{string.Join(", ", item.Methods.Select(FormatWords.Of))}]");
                    Line("    evidence: []");
                    Line("    note: \"\"");
                }
            }
        }

        Line("adjustments:");
        var deduction = Number(rubric.Scoring.DefaultDeduction);
        Line($"  deductions: []      # - {{ points: {deduction}, reason: ..., basis: ..., item: \"{rubric.Items[0].Id}\" }}  " + T(l, "特别扣分项", "special deductions"));
        if (rubric.Scoring.MaxBonusCount > 0)
        {
            var count = rubric.Scoring.MaxBonusCount;
            Line($"  # bonus: {{ points: {Number(rubric.Scoring.MaxBonusPoints)}, reason: ..., basis: ... }}              "
                + T(l, count == 1 ? "特别加分项(最多一项)" : $"特别加分项(最多 {count} 项)", count == 1 ? "special bonus (at most one)" : $"special bonus (at most {count})"));
        }
        Line("conclusion: \"\"        # " + T(l, "审核结论", "the audit team's conclusion"));
        return y.ToString();
    }
}
