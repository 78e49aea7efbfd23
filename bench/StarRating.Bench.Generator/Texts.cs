using System.Globalization;
using System.Text;

namespace StarRating.Bench.Generator;

/// <summary>
/// Phrase pools for Chinese audit text of the lengths the bundled samples use (notes of 40–200 characters,
/// evidence lines of 10–40). Placeholders: {n} a count, {m} a smaller count, {p} a percentage, {code} a document
/// code, {city} a city, {date} a date, {doc} a document title.
/// </summary>
internal static class Texts
{
    public static readonly (string Province, string City)[] Places =
    [
        ("浙江", "宁波"), ("浙江", "杭州"), ("浙江", "温州"), ("江苏", "苏州"), ("江苏", "无锡"), ("江苏", "徐州"), ("江苏", "南通"),
        ("广东", "佛山"), ("广东", "东莞"), ("广东", "中山"), ("山东", "青岛"), ("山东", "济南"), ("山东", "烟台"), ("四川", "成都"),
        ("四川", "绵阳"), ("湖北", "武汉"), ("湖北", "宜昌"), ("湖北", "襄阳"), ("福建", "厦门"), ("福建", "泉州"), ("安徽", "合肥"),
        ("安徽", "芜湖"), ("河南", "郑州"), ("河南", "洛阳"), ("湖南", "长沙"), ("湖南", "株洲"), ("河北", "石家庄"), ("陕西", "西安"),
    ];

    public static readonly string[] Cities =
    [
        "宁波", "杭州", "苏州", "无锡", "徐州", "佛山", "东莞", "青岛", "济南", "成都", "绵阳", "武汉", "宜昌", "厦门", "泉州",
        "合肥", "芜湖", "郑州", "洛阳", "长沙", "株洲", "石家庄", "西安", "温州", "南通", "中山", "烟台", "襄阳",
    ];

    public static readonly string[] Brands = ["栖溪", "蜀禾", "汉彭", "邻安", "澄湖", "瑞祥", "嘉禾", "恒岳", "明川", "云帆", "泰和", "宏晟", "锦程", "沁源", "安澜", "青禾", "远川", "润丰"];

    public static readonly string[] Trades =
    [
        "厨卫电器", "智能锁业", "家电连锁", "家电维修服务", "眼镜连锁", "净水设备", "空调设备", "热水器", "家具", "电动自行车",
        "手机零售", "医疗器械", "汽车销售服务", "照明电器", "办公设备", "健身器材",
    ];

    public static readonly string[] CompanyForms = ["股份有限公司", "有限公司", "科技有限公司", "集团有限公司", "实业有限公司"];

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭", "何", "罗", "沈", "彭"];

    public static readonly string[] GivenNames = ["敏", "强", "思远", "蕾", "嘉禾", "文涛", "晓川", "静", "佳", "立新", "海燕", "志刚", "雪梅", "建国", "丽娟", "宇航", "婷", "浩然", "子涵", "明哲"];

    public static readonly string[] Bodies = ["北京澄衡服务认证有限公司", "中衡联合认证中心", "华标服务认证有限公司", "上海启衡管理咨询有限公司", "国信质量认证有限公司"];

    public static readonly string[] Documents =
    [
        "《售后服务管理手册》", "《服务响应与派工控制程序》", "《安装调试作业规范》", "《维修服务控制程序》", "《退换货管理程序》",
        "《服务人员培训管理规定》", "《服务人员绩效考核办法》", "《授权服务网点管理办法》", "《备件管理制度》", "《顾客投诉处理程序》",
        "《顾客满意度调查管理办法》", "《内部审核控制程序》", "《管理评审控制程序》", "《服务承诺》", "《服务设备及计量器具管理规定》",
        "《废旧商品回收管理办法》", "《配送服务规范》", "《信息安全管理制度》", "《纠正和预防措施控制程序》", "《岗位职责说明书》",
    ];

    public static readonly string[] Records =
    [
        "服务工单", "回访记录", "投诉处理记录", "培训签到表和考核记录", "备件出入库记录", "网点考核表", "校准证书", "满意度调查报告",
        "内审检查表", "管理评审报告", "配送签收单", "维修记录", "收费凭证", "顾客档案", "坐席录音", "安装验收单",
    ];

    public static readonly string[] Sites = ["总部及客户服务中心", "备件中心库", "授权服务网点", "呼叫中心", "维修检测中心", "配送中心", "直营门店", "电商客服中心"];

    private static readonly string[] ConformingClauses =
    [
        "{doc}{code}对该项要求有明确规定,现场抽查{n}份记录,执行情况与规定一致。",
        "访谈{m}名相关岗位人员,均能说明本岗位职责和上下游衔接,回答与文件规定一致。",
        "现场观察{city}网点的接待和维修过程,服务人员统一着装、出示收费标准,作业步骤符合{doc}。",
        "2026年1—{m}月相关指标统计显示完成率{p}%,高于企业承诺的目标值。",
        "抽查的{n}张{rec}信息完整,可追溯到顾客档案和回访记录,系统数据与纸质记录一致。",
        "访问顾客{m}户,顾客对服务响应、收费透明和服务态度表示满意,未反映额外收费。",
        "相关信息已在官网、小程序、说明书和网点公示牌公开,内容一致且为最新版本。",
        "职责分工、审批权限和信息传递方式有书面规定,分管领导能说明目标和资源安排。",
        "企业按季度统计和分析相关数据,分析结论已转化为改进措施并在下季度验证效果。",
    ];

    private static readonly string[] ProblemClauses =
    [
        "但抽查的{n}份{rec}中有{m}份缺少顾客签字或完成时间,不符合{doc}{code}第{k}条的规定。",
        "{city}网点{m}名服务人员未参加新品技术培训,也无补训记录,与年度培训计划要求不一致。",
        "{code}规定的时限为{m}个工作小时,抽查的工单中有{m}单超过承诺时限,且无延期说明。",
        "现场使用的检测仪器校准已于{date}到期,仍在继续使用,企业未评估对已完成服务的影响。",
        "内审发现的{m}项不符合整改期限已过,审核时仍未关闭,也无延期批准记录。",
        "顾客满意度调查样本只覆盖{city}地区,未按{doc}覆盖全部服务区域,调查结论代表性不足。",
        "投诉记录中{m}起投诉只有受理信息,没有处理结果和顾客反馈,无法证实投诉已闭环。",
        "纠正措施只有措施没有效果验证,同类问题在{date}后再次发生。",
        "备件到位及时率统计口径与承诺不一致,按承诺口径计算的到位率为{p}%,低于目标。",
    ];

    private static readonly string[] Consequences =
    [
        "按执行不完整扣分。", "已要求企业分析原因并提交纠正措施。", "企业已在审核期间开始整改,效果待下次审核验证。",
        "问题集中在新并入的网点,反映出网点管理未完全覆盖。", "按抽样比例失分。", "认证前须完成整改并提供证据。",
    ];

    private static readonly string[] NotApplicableReasons =
    [
        "企业只在门店销售,不从事商品配送,顾客自提或由第三方物流负责。",
        "企业无授权服务网点,也无外包服务,售后服务全部由自有人员完成。",
        "企业产品不属于须回收的废弃电器电子产品目录,也不提供以旧换新。",
        "企业销售的商品无需安装调试,由顾客自行使用。",
        "该项服务由品牌制造商直接提供,企业不承担。",
    ];

    private static readonly string[] DeductionReasons =
    [
        "维修收费未明码标价,技师现场报价收费,多数收费不开具凭证。",
        "{m}起维修后90天内同一故障复发,企业拒绝免费返修,违反其公开的保修承诺。",
        "签约安装队{m}名无有效特种作业操作证的人员从事高处安装作业。",
        "App收集顾客敏感个人信息未取得单独同意。",
        "以旧换新回收的废旧电器交给无资质的个人回收者处理。",
        "对外宣传的“{m}小时上门”承诺与内部规定不一致,实际执行按{n}小时考核。",
    ];

    private static readonly string[] DeductionBases =
    [
        "《中华人民共和国价格法》第十三条;《明码标价和禁止价格欺诈规定》",
        "企业《服务承诺》第3条;《售后服务管理制度》第7.3条",
        "《中华人民共和国安全生产法》第三十条",
        "《中华人民共和国个人信息保护法》第二十九条",
        "《废弃电器电子产品回收处理管理条例》第十一条",
        "《中华人民共和国消费者权益保护法》第二十条",
    ];

    private static readonly string[] BonusReasons =
    [
        "自2025年起实施“安全关怀计划”,对使用满5年的产品免费上门安全检测并提醒更换,截至审核日已检测{n}户,发现并整改隐患{m}处,超出法定义务,在同行业中领先。",
        "建成覆盖全部{n}家网点的服务数字化平台,工单、备件和回访全程可追溯,获评省级服务业标准化试点。",
        "连续三年第三方顾客满意度测评位居行业第一,满意度{p}%。",
    ];

    public static string Note(Random random, bool problem, int minLength)
    {
        var text = new StringBuilder();
        text.Append(Fill(random, Pick(random, ConformingClauses)));
        if (problem)
        {
            text.Append(Fill(random, Pick(random, ProblemClauses)));
            text.Append(Pick(random, Consequences));
        }

        while (text.Length < minLength)
        {
            text.Append(Fill(random, Pick(random, ConformingClauses)));
        }

        return text.ToString();
    }

    public static string EvidenceLine(Random random) => random.Next(3) switch
    {
        0 => Pick(random, Documents) + DocCode(random) + (random.Next(2) == 0 ? " 第" + random.Next(3, 9) + "." + random.Next(1, 8) + "条" : ""),
        1 => "抽查" + Pick(random, Records) + random.Next(5, 41) + "份(" + Pick(random, Cities) + "等" + random.Next(2, 6) + "个网点)",
        _ => "2026年" + random.Next(1, 7) + "—" + random.Next(7, 10) + "月" + Pick(random, Records) + "汇总表",
    };

    public static string NotApplicableReason(Random random) => Pick(random, NotApplicableReasons);

    public static string DeductionReason(Random random) => Fill(random, Pick(random, DeductionReasons));

    public static string DeductionBasis(Random random) => Pick(random, DeductionBases);

    public static string BonusReason(Random random) => Fill(random, Pick(random, BonusReasons));

    public static string PersonName(Random random) => Pick(random, Surnames) + Pick(random, GivenNames);

    public static string DocCode(Random random) =>
        " " + (char)('A' + random.Next(26)) + (char)('A' + random.Next(26)) + "/" + Pick(random, ["CX", "SC", "ZD", "GF", "RZ"]) + "-" + random.Next(1, 20).ToString("D2", CultureInfo.InvariantCulture)
        + " " + (char)('A' + random.Next(3)) + "/" + random.Next(0, 4);

    public static T Pick<T>(Random random, IReadOnlyList<T> pool) => pool[random.Next(pool.Count)];

    private static string Fill(Random random, string template) => template
        .Replace("{n}", random.Next(12, 60).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{m}", random.Next(2, 9).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{k}", random.Next(3, 9).ToString(CultureInfo.InvariantCulture) + "." + random.Next(1, 6).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{p}", (85 + random.Next(0, 150) / 10.0).ToString("F1", CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{code}", DocCode(random).Trim(), StringComparison.Ordinal)
        .Replace("{doc}", Pick(random, Documents), StringComparison.Ordinal)
        .Replace("{rec}", Pick(random, Records), StringComparison.Ordinal)
        .Replace("{city}", Pick(random, Cities), StringComparison.Ordinal)
        .Replace("{date}", "2026-0" + random.Next(1, 9).ToString(CultureInfo.InvariantCulture) + "-" + random.Next(10, 29).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
}
