using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Workbook;

/// <summary>
/// Every word the workbook shows, in Chinese and English, in one table: sheet names, column headers, field labels,
/// drop-down choices, hints. When the shared zh/en catalogue lands, this table moves into it in one step. The
/// reader accepts the words of both languages (and the evidence file's own words) wherever it reads one, so a
/// workbook filled in either language reads back to the same evidence.
/// </summary>
internal static class WorkbookText
{
    // ---- sheets -----------------------------------------------------------------------------------------------
    public static readonly LocalizedText AuditSheet = new("审核信息", "Audit");
    public static readonly LocalizedText ItemsSheet = new("检查项", "Check items");
    public static readonly LocalizedText AdjustmentsSheet = new("特别扣分和加分", "Adjustments");
    public static readonly LocalizedText DocumentsSheet = new("文件清单", "Documents");
    public static readonly LocalizedText ResultSheet = new("评分结果", "Score");
    public static readonly LocalizedText ItemScoresSheet = new("检查项得分", "Item scores");
    public static readonly LocalizedText RectificationSheet = new("整改清单", "Rectification");
    public static readonly LocalizedText PortfolioSheet = new("汇总", "Portfolio");

    /// <summary>The hidden sheet with the workbook's marker, rubric and the words the preview formulas look up.</summary>
    public const string ListsSheet = "StarRating";

    // ---- titles and hints ---------------------------------------------------------------------------------------
    public static readonly LocalizedText Title = new("商品售后服务评价 审核检查表", "After-sales service evaluation: audit checklist");
    public static readonly LocalizedText ScoredTitle = new("商品售后服务评价 评分结果", "After-sales service evaluation: scored audit");
    public static readonly LocalizedText InputHint = new(
        "黄色单元格为填写项,其余单元格已保护(无密码:审阅 → 撤销工作表保护)。空白的结果表示未评价。",
        "Fill in the yellow cells; the others are protected (no password: Review → Unprotect Sheet). A blank result means not assessed.");
    public static readonly LocalizedText ItemsHint = new(
        "每个检查项一行:选择结果;部分符合须填得分;抽样时填抽样数和符合数(不填结果);不适用须填理由。整个指标适用同一结论时,填在指标行(蓝色)。",
        "One row per check item: choose a result; partial needs points; for a sample give the sample size and conforming count (no result); not applicable needs a reason. A result on an indicator row (blue) applies to each of its items without one.");
    public static readonly LocalizedText AdjustmentsHint = new(
        "特别扣分项和特别加分项,每行一项;分值空白时按评价细则的默认值计。",
        "Special deductions and the bonus, one per row; a blank points cell takes the rubric's default.");
    public static readonly LocalizedText DocumentsHint = new(
        "请企业在文件评审前准备的文件和记录;收到和核查后在对应列选择 ✓。本表不进入评分和证据文件。",
        "Documents and records for the company to prepare before the document review; mark ✓ when received and checked. This sheet is not part of the evidence.");
    public static readonly LocalizedText PreviewHint = new(
        "预览:由表格公式随填写即时计算,仅供参考;正式得分和等级以 starrating score 的计算结果为准(等级预览不含前提检查项条件)。",
        "Preview: computed by the sheet's formulas as you fill it in, for guidance only; the score and tier of record are those of starrating score (the tier preview ignores prerequisite items).");
    public static readonly LocalizedText DatesHint = new("YYYY-MM-DD;多天用逗号或换行分隔", "YYYY-MM-DD; several days separated by commas or line breaks");
    public static readonly LocalizedText LinesHint = new("每行一项", "one per line");
    public static readonly LocalizedText Rubric = new("评价细则", "Rubric");

    // ---- audit sheet --------------------------------------------------------------------------------------------
    public static readonly LocalizedText CompanySection = new("受审核企业", "Company");
    public static readonly LocalizedText AuditSection = new("审核", "Audit");
    public static readonly LocalizedText TeamSection = new("审核组", "Audit team");
    public static readonly LocalizedText ConclusionSection = new("审核结论", "Conclusion");
    public static readonly LocalizedText PreviewSection = new("预览(公式计算)", "Preview (formulas)");
    public static readonly LocalizedText PreviewScore = new("预览得分", "Preview score");
    public static readonly LocalizedText PreviewTier = new("预览等级", "Preview tier");

    /// <summary>The fields of the audit sheet: key (the evidence path, in the hidden column A), label, hint.</summary>
    public static readonly (string Key, LocalizedText Label, LocalizedText? Hint)[] AuditFields =
    [
        ("rubric", Rubric, null),
        ("company.name", new("企业名称", "Company name"), new("与营业执照一致", "as on the business licence")),
        ("company.credit_code", new("统一社会信用代码", "Unified social credit code"), new("18 位", "18 characters")),
        ("company.address", new("地址", "Address"), null),
        ("company.scope", new("认证范围", "Certification scope"), new("商品和服务", "goods and services")),
        ("company.contact", new("联系人", "Contact"), null),
        ("audit.kind", new("审核类型", "Audit kind"), null),
        ("audit.dates", new("审核日期", "Audit dates"), DatesHint),
        ("audit.body", new("认证机构", "Certification body"), null),
        ("audit.reference", new("审核编号", "Audit number"), null),
        ("audit.sites", new("审核场所", "Sites visited"), LinesHint),
        ("conclusion", ConclusionSection, null),
    ];

    public static readonly LocalizedText TeamName = new("姓名", "Name");
    public static readonly LocalizedText TeamRole = new("角色", "Role");
    public static readonly LocalizedText TeamRegistration = new("注册号", "Registration");

    // ---- check items sheet ----------------------------------------------------------------------------------------
    public static readonly LocalizedText Category = new("类别", "Category");
    public static readonly LocalizedText Indicator = new("指标", "Indicator");
    public static readonly LocalizedText Id = new("编号", "Id");
    public static readonly LocalizedText Requirement = new("要求", "Requirement");
    public static readonly LocalizedText Points = new("分值", "Points");
    public static readonly LocalizedText ExpectedMethods = new("评价方法", "Methods to use");
    public static readonly LocalizedText Documents = new("索取文件", "Documents to request");
    public static readonly LocalizedText Result = new("结果", "Result");
    public static readonly LocalizedText PartialPoints = new("部分符合得分", "Points (partial)");
    public static readonly LocalizedText SampleSize = new("抽样数", "Sample size");
    public static readonly LocalizedText SampleConforming = new("符合数", "Conforming");
    public static readonly LocalizedText Grade = new("不符合等级", "Grade");
    public static readonly LocalizedText MethodsUsed = new("采用方法", "Methods used");
    public static readonly LocalizedText Evidence = new("证据(每行一项)", "Evidence (one per line)");
    public static readonly LocalizedText Note = new("说明", "Note");
    public static readonly LocalizedText Reason = new("不适用理由", "Reason (not applicable)");
    public static readonly LocalizedText AssessedBy = new("评价人", "Assessed by");
    public static readonly LocalizedText PreviewEarned = new("预览实得", "Preview earned");
    public static readonly LocalizedText PreviewApplicable = new("预览涉及", "Preview applicable");

    // ---- adjustments and documents sheets -------------------------------------------------------------------------
    public static readonly LocalizedText AdjustmentType = new("类型", "Type");
    public static readonly LocalizedText AdjustmentPoints = new("分值", "Points");
    public static readonly LocalizedText AdjustmentReason = new("事实", "What was found");
    public static readonly LocalizedText AdjustmentBasis = new("依据", "Basis");
    public static readonly LocalizedText AdjustmentItem = new("相关检查项", "Check item");
    public static readonly LocalizedText Deduction = new("特别扣分", "deduction");
    public static readonly LocalizedText Bonus = new("特别加分", "bonus");
    public static readonly LocalizedText ApplicationDocuments = new("申请材料", "Application");
    public static readonly LocalizedText Document = new("文件和记录", "Document or record");
    public static readonly LocalizedText Received = new("已收到", "Received");
    public static readonly LocalizedText Checked = new("已核查", "Checked");
    public static readonly LocalizedText Remark = new("备注", "Remark");
    public const string Tick = "✓";

    // ---- scored sheets ------------------------------------------------------------------------------------------
    public static readonly LocalizedText Score = new("得分", "Score");
    public static readonly LocalizedText Tier = new("等级", "Tier");
    public static readonly LocalizedText Formula = new("计算", "Calculation");
    public static readonly LocalizedText Earned = new("实得", "Earned");
    public static readonly LocalizedText Applicable = new("涉及", "Applicable");
    public static readonly LocalizedText Possible = new("满分", "Possible");
    public static readonly LocalizedText Percent = new("得分率 %", "Percent");
    public static readonly LocalizedText Lost = new("失分", "Lost");
    public static readonly LocalizedText Status = new("状态", "Status");
    public static readonly LocalizedText Why = new("说明", "Why");
    public static readonly LocalizedText Kind = new("类别", "Kind");
    public static readonly LocalizedText Description = new("描述", "Description");
    public static readonly LocalizedText Notices = new("提示", "Notices");
    public static readonly LocalizedText TierBlocked = new("未授予更高等级的原因", "Why a higher tier is not granted");
    public static readonly LocalizedText ScoreOfRecord = new("以上为引擎计算的正式得分(与预览公式无关)。", "The score of record, computed by the engine (not by the preview formulas).");
    public static readonly LocalizedText SpecialDeduction = new("特别扣分", "Special deduction");
    public static readonly LocalizedText SpecialBonus = new("特别加分", "Special bonus");
    public static readonly LocalizedText ItemScore = new("检查项得分", "Item score");

    // ---- portfolio ------------------------------------------------------------------------------------------------
    public static readonly (string Key, LocalizedText Label, double Width)[] PortfolioColumns =
    [
        ("file", new("文件", "File"), 34),
        ("company", new("企业", "Company"), 30),
        ("credit_code", new("统一社会信用代码", "Credit code"), 22),
        ("kind", new("审核类型", "Kind"), 14),
        ("dates", new("审核日期", "Dates"), 24),
        ("score", new("得分", "Score"), 8),
        ("tier", new("等级", "Tier"), 12),
        ("stars", new("星级", "Stars"), 6),
        ("status", new("状态", "Status"), 12),
        ("errors", new("错误", "Errors"), 7),
        ("warnings", new("警告", "Warnings"), 8),
        ("report", new("报告", "Report"), 34),
    ];

    // ---- words of enum values --------------------------------------------------------------------------------------

    public static LocalizedText Of(FindingResult result) => result switch
    {
        FindingResult.Conforming => new("符合", "conforming"),
        FindingResult.Partial => new("部分符合", "partial"),
        FindingResult.Nonconforming => new("不符合", "nonconforming"),
        _ => new("不适用", "not applicable"),
    };

    public static LocalizedText Of(NonconformityGrade grade) => grade switch
    {
        NonconformityGrade.Major => new("严重不符合", "major"),
        NonconformityGrade.Minor => new("一般不符合", "minor"),
        _ => new("观察项", "observation"),
    };

    public static LocalizedText Of(AuditKind kind) => kind switch
    {
        AuditKind.Initial => new("初次认证审核", "initial audit"),
        AuditKind.Surveillance => new("监督审核", "surveillance audit"),
        AuditKind.Recertification => new("再认证审核", "recertification audit"),
        AuditKind.Mock => new("模拟审核", "mock audit"),
        _ => new("自我评价", "self-assessment"),
    };

    public static LocalizedText Of(ItemStatus status) => status switch
    {
        ItemStatus.Conforming => new("符合", "conforming"),
        ItemStatus.Partial => new("部分符合", "partial"),
        ItemStatus.Nonconforming => new("不符合", "nonconforming"),
        ItemStatus.NotApplicable => new("不适用", "not applicable"),
        _ => new("未评价", "not assessed"),
    };

    /// <summary>The team roles the format names, with the words shown for them.</summary>
    public static readonly (string Word, LocalizedText Label)[] Roles =
    [
        ("lead", new("组长", "lead")),
        ("member", new("组员", "member")),
        ("expert", new("技术专家", "expert")),
        ("observer", new("观察员", "observer")),
        ("trainee", new("实习审核员", "trainee")),
    ];

    /// <summary>Extra words read for a method besides its label and file word (short forms an auditor types).</summary>
    public static readonly (EvidenceMethod Method, string[] Words)[] MethodAliases =
    [
        (EvidenceMethod.DocumentReview, ["查阅文件", "文件", "查阅"]),
        (EvidenceMethod.StaffInterview, ["询问", "面谈", "访谈"]),
        (EvidenceMethod.SiteObservation, ["观察", "现场观察"]),
        (EvidenceMethod.CustomerVisit, ["顾客", "顾客访问", "回访顾客"]),
    ];

    /// <summary>Extra words read for a grade.</summary>
    public static readonly (NonconformityGrade Grade, string[] Words)[] GradeAliases =
    [
        (NonconformityGrade.Major, ["严重", "严重不符合项"]),
        (NonconformityGrade.Minor, ["一般", "一般不符合项"]),
        (NonconformityGrade.Observation, ["观察"]),
    ];

    /// <summary>Extra words read for an audit kind.</summary>
    public static readonly (AuditKind Kind, string[] Words)[] KindAliases =
    [
        (AuditKind.Initial, ["初次审核", "initial"]),
        (AuditKind.Surveillance, ["surveillance"]),
        (AuditKind.Recertification, ["再认证", "recertification"]),
        (AuditKind.Mock, ["mock"]),
        (AuditKind.Self, ["自评", "self", "self assessment"]),
    ];

    /// <summary>Extra words read for a result.</summary>
    public static readonly (FindingResult Result, string[] Words)[] ResultAliases =
    [
        (FindingResult.NotApplicable, ["not_applicable", "n/a", "na"]),
    ];
}
