namespace StarRating.Rules;

/// <summary>
/// The words for overlays, built-in rubrics, rubric comparisons and version changes, in both languages and in one
/// table, shared by the reports (as <c>t.KEY</c>) and the command line, so that they move into the zh/en catalogue
/// in one step. Placeholders in braces are filled by name.
/// </summary>
internal static class OverlayLabels
{
    public static readonly IReadOnlyList<(string Key, string Zh, string En)> All =
    [
        ("rubric_base", "基础细则", "Base rubric"),
        ("rubric_built_in", "内置评价细则", "Built-in rubrics"),
        ("rubric_source", "来源", "Source"),
        ("rubric_overlay_values", "覆盖文件设定的值", "Values set by overlays"),
        ("rubric_removed", "已删除", "removed"),
        ("rubric_tiers_summary", "等级", "Tiers"),
        ("rubric_list_usage", "用法:--rubric 编号(例如 starrating score 证据.yaml --rubric gbt27925-2011);未指定时按证据文件的 rubric: 选择。覆盖文件用 extends: 编号 继承内置细则。", "Use with --rubric ID (e.g. starrating score audit.yaml --rubric gbt27925-2011); without it, the evidence's rubric: chooses. An overlay extends a built-in rubric with extends: ID."),
        ("rubric_no_bonus", "不设特别加分", "no special bonus"),

        ("part_rubric", "细则", "Rubric"),
        ("part_scoring", "评分规则", "Scoring"),
        ("part_tier", "等级", "Tier"),
        ("part_category", "类别", "Category"),
        ("part_indicator", "指标", "Indicator"),
        ("part_item", "检查项", "Check item"),

        ("change_added", "新增", "added"),
        ("change_removed", "删除", "removed"),
        ("change_changed", "修改", "changed"),
        ("change_moved", "移动", "moved"),

        ("diff_title", "评价细则对比", "Rubric comparison"),
        ("diff_before", "之前", "Before"),
        ("diff_after", "之后", "After"),
        ("diff_none", "两份细则的内容相同。", "The two rubrics have the same content."),
        ("diff_summary", "共 {count} 处变化:分值 {points} 处,新增 {added} 项,删除 {removed} 项,等级 {tiers} 处,评级条件 {conditions} 处。", "{count} changes: {points} of points, {added} added, {removed} removed, {tiers} of tiers, {conditions} of grading conditions."),
        ("col_part", "部分", "Part"),
        ("col_entry", "编号", "Id"),
        ("col_change", "变化", "Change"),
        ("col_key", "项目", "Key"),

        ("cmp_rubric_changes", "评价细则的变化", "Rubric changes"),
        ("cmp_rubric_changed", "细则变更", "rubric changed"),
        ("cmp_rubric_note", "两次审核使用的评价细则不同,检查项按编号对应;得分变化可能部分来自细则的变化。", "The two audits used different rubrics; check items are matched by id, and part of a change may come from the rubric."),
    ];

    private static readonly Dictionary<string, (string Zh, string En)> ByKey = All.ToDictionary(l => l.Key, l => (l.Zh, l.En), StringComparer.Ordinal);

    /// <summary>The label in a language.</summary>
    public static string Get(string key, Language language) =>
        language == Language.English ? ByKey[key].En : ByKey[key].Zh;

    /// <summary>The label with its {placeholders} filled by name.</summary>
    public static string Format(string key, Language language, params (string Name, object Value)[] values)
    {
        var text = Get(key, language);
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", DiagnosticDescriptor.FormatValue(value), StringComparison.Ordinal);
        }

        return text;
    }

    public static string Part(RubricPart part, Language language) => Get(part switch
    {
        RubricPart.Rubric => "part_rubric",
        RubricPart.Scoring => "part_scoring",
        RubricPart.Tier => "part_tier",
        RubricPart.Category => "part_category",
        RubricPart.Indicator => "part_indicator",
        _ => "part_item",
    }, language);

    public static string Change(RubricChangeKind kind, Language language) => Get(kind switch
    {
        RubricChangeKind.Added => "change_added",
        RubricChangeKind.Removed => "change_removed",
        RubricChangeKind.Moved => "change_moved",
        _ => "change_changed",
    }, language);

    /// <summary>The file word of a part (for JSON): rubric, scoring, tier, category, indicator, item.</summary>
    public static string PartWord(RubricPart part) => part.ToString().ToLowerInvariant();

    /// <summary>The file word of a change (for JSON): added, removed, changed, moved.</summary>
    public static string ChangeWord(RubricChangeKind kind) => kind.ToString().ToLowerInvariant();
}
