using System.Globalization;
using StarRating.Rules;

namespace StarRating.Bench.Generator;

/// <summary>
/// One synthetic audit per (seed, index): every result kind (conforming, partial with points, nonconforming,
/// samples, not_applicable with reasons), item- and indicator-level findings, grades, mock and self assessments
/// with unassessed items, special deductions (sometimes more than the grading cap) and a bonus. Valid against
/// the rubric it is given, so every file scores.
/// </summary>
internal sealed class AuditGenerator(Rubric rubric)
{
    private const string CodeAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    private static readonly string[] Methods = ["document", "interview", "observation", "customer"];

    public Map Create(int seed, int index)
    {
        // One generator per file: the same (seed, index) gives the same audit whatever the thread or file count.
        var random = new Random(unchecked((seed * 1_000_003) + index));
        var kind = random.Next(100) switch
        {
            < 30 => "initial",
            < 60 => "surveillance",
            < 80 => "recertification",
            < 92 => "mock",
            _ => "self",
        };
        var formal = kind is "initial" or "surveillance" or "recertification";
        var quality = 0.55 + (random.NextDouble() * 0.45);

        var root = new Map();
        root.Add("rubric", rubric.Id);
        root.Add("company", Company(random));
        root.Add("audit", Audit(random, kind));
        root.Add("findings", Findings(random, formal, quality));
        if (Adjustments(random) is { } adjustments)
        {
            root.Add("adjustments", adjustments);
        }

        root.Add("conclusion", new Block(
            "审核组认为,企业售后服务体系" + (quality > 0.8 ? "健全,服务承诺公开并得到有效执行。" : "基本建立,但部分过程未有效运行。")
            + Texts.Note(random, problem: quality < 0.8, minLength: 60) + "\n"
            + "企业应在30日内提交不符合项的纠正措施及证据;下次审核时验证整改效果。"));
        return root;
    }

    private static Map Company(Random random)
    {
        var (province, city) = Texts.Pick(random, Texts.Places);
        var trade = Texts.Pick(random, Texts.Trades);
        return new Map
        {
            { "name", province + city + Texts.Pick(random, Texts.Brands) + trade + Texts.Pick(random, Texts.CompanyForms) },
            { "credit_code", CreditCode(random) },
            { "address", province + "省" + city + "市" + Texts.Pick(random, Texts.Brands) + "路" + random.Next(1, 300).ToString(CultureInfo.InvariantCulture) + "号" },
            { "scope", trade + "产品的研发、生产、销售及安装、维修、退换货等售后服务" },
            { "contact", Texts.PersonName(random) + "(客户服务中心总监)0" + random.Next(100, 999).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(60000000, 89999999).ToString(CultureInfo.InvariantCulture) },
        };
    }

    private static Map Audit(Random random, string kind)
    {
        var start = new DateOnly(2025, 1, 6).AddDays(random.Next(0, 900));
        var days = random.Next(1, 4);
        object dates = days == 1 && random.Next(2) == 0
            ? start
            : new Seq(Enumerable.Range(0, days).Select(d => (object)start.AddDays(d))) { Flow = true };
        var team = new Seq
        {
            new Map { Flow = true }.With("name", Texts.PersonName(random)).With("role", "lead").With("registration", random.Next(2) == 0 ? "CCAA-SC-20" + random.Next(10, 25).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(1_000_000, 1_999_999).ToString(CultureInfo.InvariantCulture) : null),
        };
        for (var i = random.Next(0, 4); i > 0; i--)
        {
            team.Add(new Map { Flow = true }.With("name", Texts.PersonName(random)).With("role", Texts.Pick(random, new[] { "member", "member", "expert", "observer", "trainee" })));
        }

        var sites = new Seq();
        for (var i = random.Next(1, 5); i > 0; i--)
        {
            var site = Texts.Pick(random, Texts.Cities);
            sites.Add(site + Texts.Pick(random, Texts.Sites) + "(" + site + "市)");
        }

        return new Map
        {
            { "kind", kind },
            { "dates", dates },
            { "team", team },
            { "body", Texts.Pick(random, Texts.Bodies) },
            { "reference", "CHFW-SC-" + start.Year.ToString(CultureInfo.InvariantCulture) + "-" + random.Next(1, 9999).ToString("D4", CultureInfo.InvariantCulture) },
            { "sites", sites },
        };
    }

    private Seq Findings(Random random, bool formal, double quality)
    {
        var findings = new Seq();
        var excluded = 0;
        foreach (var indicator in rubric.Indicators)
        {
            var roll = random.Next(100);
            if (roll < 4 && excluded < 2)
            {
                excluded++;
                findings.Add(new Map
                {
                    { "indicator", new Quoted(indicator.Id) },
                    { "result", "not_applicable" },
                    { "reason", Texts.NotApplicableReason(random) },
                });
                continue;
            }

            if (!formal && roll < 9)
            {
                continue; // a whole indicator not yet assessed (mock and self only)
            }

            var byIndicator = roll < 30;
            if (byIndicator)
            {
                var indicatorFinding = new Map { { "indicator", new Quoted(indicator.Id) } };
                if (random.Next(50) == 0)
                {
                    indicatorFinding.Add("result", "nonconforming");
                    indicatorFinding.Add("grade", "major");
                }
                else
                {
                    indicatorFinding.Add("result", "conforming");
                }

                indicatorFinding.Add("methods", MethodList(random));
                indicatorFinding.Add("evidence", EvidenceList(random));
                indicatorFinding.Add("note", Texts.Note(random, problem: false, minLength: 30));
                findings.Add(indicatorFinding);
            }

            foreach (var item in indicator.Items)
            {
                if (byIndicator && random.Next(100) >= 30)
                {
                    continue; // covered by the indicator's finding
                }

                if (!formal && !byIndicator && random.Next(100) < 6)
                {
                    continue; // not yet assessed
                }

                findings.Add(ItemFinding(random, item, quality, allowExclusion: excluded < 2 && !byIndicator));
            }
        }

        return findings;
    }

    private static Map ItemFinding(Random random, CheckItem item, double quality, bool allowExclusion)
    {
        var finding = new Map { { "item", new Quoted(item.Id) } };
        if (allowExclusion && random.Next(100) < 2)
        {
            finding.Add("result", "not_applicable");
            finding.Add("reason", Texts.NotApplicableReason(random));
            return finding;
        }

        var problem = random.NextDouble() > quality;
        if (!problem)
        {
            finding.Add("result", "conforming");
            if (random.Next(100) < 5)
            {
                finding.Add("grade", "observation");
            }
        }
        else
        {
            switch (random.Next(3))
            {
                case 0 when item.Points > 0.5m:
                    finding.Add("result", "partial");
                    finding.Add("points", PartialPoints(random, item.Points));
                    break;
                case 1:
                    var size = random.Next(5, 61);
                    finding.Add("sample", new Map { Flow = true }.With("size", size).With("conforming", size - random.Next(1, (size / 3) + 2)));
                    break;
                default:
                    finding.Add("result", "nonconforming");
                    break;
            }

            var grade = random.Next(100);
            if (grade < 15)
            {
                finding.Add("grade", "major");
            }
            else if (grade < 85)
            {
                finding.Add("grade", "minor");
            }
        }

        finding.Add("methods", MethodList(random));
        finding.Add("evidence", EvidenceList(random));
        finding.Add("note", Texts.Note(random, problem, minLength: problem ? 80 : random.Next(30, 90)));
        return finding;
    }

    private static decimal PartialPoints(Random random, decimal itemPoints)
    {
        // Multiples of 0.5 (now and then 0.25) strictly between 0 and the item's points.
        var step = random.Next(5) == 0 ? 0.25m : 0.5m;
        var steps = (int)(itemPoints / step) - 1;
        return step * random.Next(1, steps + 1);
    }

    private static Map? Adjustments(Random random)
    {
        var count = random.Next(100) switch
        {
            < 55 => 0,
            < 80 => 1,
            < 92 => 2,
            < 97 => 3,
            _ => 5, // more than max_special_deductions: not graded, tiers recorded as blocked
        };
        var adjustments = new Map();
        if (count > 0)
        {
            var deductions = new Seq();
            for (var i = 0; i < count; i++)
            {
                var deduction = new Map();
                if (random.Next(2) == 0)
                {
                    deduction.Add("points", Texts.Pick(random, new[] { 1m, 0.5m, 2m }));
                }

                if (random.Next(100) < 60)
                {
                    deduction.Add("item", new Quoted("5." + random.Next(1, 4).ToString(CultureInfo.InvariantCulture) + ".1.1"));
                }

                deduction.Add("reason", Texts.DeductionReason(random));
                deduction.Add("basis", Texts.DeductionBasis(random));
                deductions.Add(deduction);
            }

            adjustments.Add("deductions", deductions);
        }

        if (random.Next(100) < 25)
        {
            var bonus = new Map();
            if (random.Next(2) == 0)
            {
                bonus.Add("points", Texts.Pick(random, new[] { 1m, 0.5m }));
            }

            bonus.Add("reason", Texts.BonusReason(random));
            bonus.Add("basis", "审核组抽查相关记录" + random.Next(10, 50).ToString(CultureInfo.InvariantCulture) + "份,电话回访其中" + random.Next(3, 10).ToString(CultureInfo.InvariantCulture) + "户核实属实。");
            adjustments.Add("bonus", random.Next(3) == 0 ? new Seq { bonus } : bonus);
        }

        return adjustments.Count == 0 ? null : adjustments;
    }

    private static object MethodList(Random random)
    {
        var methods = Methods.Where(_ => random.Next(2) == 0).ToArray();
        return methods.Length switch
        {
            0 => "document",
            _ => new Seq(methods) { Flow = true },
        };
    }

    private static object EvidenceList(Random random)
    {
        var lines = random.Next(1, 5);
        if (lines == 1 && random.Next(2) == 0)
        {
            return Texts.EvidenceLine(random);
        }

        var list = new Seq();
        for (var i = 0; i < lines; i++)
        {
            list.Add(Texts.EvidenceLine(random));
        }

        return list;
    }

    private static string CreditCode(Random random)
    {
        // GB 32100-2015: registration authority, kind, 6-digit region, 9-character organisation code, check character.
        var code = new char[18];
        code[0] = '9';
        code[1] = '1';
        var region = "33028" + random.Next(0, 10).ToString(CultureInfo.InvariantCulture);
        region.CopyTo(0, code, 2, 6);
        for (var i = 8; i < 17; i++)
        {
            code[i] = CodeAlphabet[random.Next(CodeAlphabet.Length)];
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += CodeAlphabet.IndexOf(code[i], StringComparison.Ordinal) * CodeWeights[i];
        }

        code[17] = CodeAlphabet[(31 - (sum % 31)) % 31];
        return new string(code);
    }
}

internal static class MapExtensions
{
    public static Map With(this Map map, string key, object? value)
    {
        map.Add(key, value);
        return map;
    }
}
