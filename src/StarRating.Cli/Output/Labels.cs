using System.Globalization;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Cli.Output;

/// <summary>Words the terminal output uses, in Chinese and English.</summary>
internal static class Labels
{
    public static string T(Language language, string zh, string en) => language == Language.English ? en : zh;

    public static string Kind(AuditKind kind, Language l) => kind switch
    {
        AuditKind.Initial => T(l, "初次认证审核", "initial audit"),
        AuditKind.Surveillance => T(l, "监督审核", "surveillance audit"),
        AuditKind.Recertification => T(l, "再认证审核", "recertification audit"),
        AuditKind.Mock => T(l, "模拟审核", "mock audit"),
        _ => T(l, "自我评价", "self-assessment"),
    };

    public static string Status(ItemStatus status, Language l) => status switch
    {
        ItemStatus.Conforming => T(l, "符合", "conforming"),
        ItemStatus.Partial => T(l, "部分符合", "partial"),
        ItemStatus.Nonconforming => T(l, "不符合", "nonconforming"),
        ItemStatus.NotApplicable => T(l, "不适用", "not applicable"),
        _ => T(l, "未评价", "not assessed"),
    };

    public static string Grade(NonconformityGrade? grade, Language l) => grade switch
    {
        NonconformityGrade.Major => T(l, "严重", "major"),
        NonconformityGrade.Minor => T(l, "一般", "minor"),
        NonconformityGrade.Observation => T(l, "观察项", "observation"),
        _ => T(l, "特别扣分", "deduction"),
    };

    public static string Stars(Tier tier) => tier.Stars > 0 ? " " + new string('★', tier.Stars) : "";

    public static string Number(decimal value) => Numbers.Format(value);

    public static string ScoreText(decimal value, Rubric rubric) => Numbers.Fixed(value, rubric.Scoring.Decimals);

    public static string Percent(decimal? value, Language l) =>
        value is { } v ? Numbers.Fixed(v, 1) + "%" : T(l, "不适用", "n/a");

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Signed(decimal value) => value > 0 ? "+" + Numbers.Format(value) : value < 0 ? "−" + Numbers.Format(-value) : "0";
}
