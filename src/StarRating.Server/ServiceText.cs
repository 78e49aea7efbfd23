using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace StarRating.Server;

/// <summary>
/// Every text the service and its commands (<c>serve</c>, <c>user</c>, <c>token</c>, <c>backup</c>) show a person, in
/// one table, Chinese and English, with a stable code: SR7001–SR7099 for the service's problem details, SR7100–SR7149
/// for the web pages, SR5500–SR5519 for the commands; the pages' words by key in <see cref="PageTexts"/>. Placeholders are named (<c>{name}</c>) and bound by name. This table moves into the shared zh/en
/// catalogue in one step; nothing else in the service holds user-facing prose.
/// </summary>
public static class ServiceText
{
    /// <summary>One entry: the code, the HTTP status (0 for command messages) and the two texts.</summary>
    /// <param name="Code">The stable code.</param>
    /// <param name="Status">The HTTP status the problem is sent with; 0 for command-line messages.</param>
    /// <param name="Zh">The Chinese text.</param>
    /// <param name="En">The English text.</param>
    public sealed record Entry(string Code, int Status, string Zh, string En);

    /// <summary>Every entry, by code.</summary>
    public static FrozenDictionary<string, Entry> All { get; } = new Entry[]
    {
        // ---- SR70xx: the service's problem details ----------------------------------------------------------
        new("SR7001", 401, "需要登录或 API 令牌", "Sign in or send an API token (Authorization: Bearer …)."),
        new("SR7002", 403, "你的角色（{role}）不能执行此操作", "Your role ({role}) may not do this."),
        new("SR7003", 404, "未找到", "Not found."),
        new("SR7004", 400, "证据有错误，未保存", "The evidence has errors and was not saved."),
        new("SR7005", 415, "不支持的内容类型 {type}：请发送 JSON（application/json）或上传 YAML（application/yaml）", "Unsupported content type {type}: send JSON (application/json) or upload YAML (application/yaml)."),
        new("SR7006", 413, "请求体超过 {limit} 字节的上限", "The request body is over the limit of {limit} bytes."),
        new("SR7007", 412, "检查项 {item} 已被他人修改：当前版本 {version}", "Check item {item} was changed by someone else: the current version is {version}."),
        new("SR7008", 428, "检查项 {item} 已有记录：请以 If-Match 发送你所基于的版本（当前 {version}）", "Check item {item} already has a finding: send the version you edited in If-Match (current: {version})."),
        new("SR7009", 409, "审查已定稿，只读", "The audit is final and read-only."),
        new("SR7010", 422, "审查发现有错误，未保存", "The finding has errors and was not saved."),
        new("SR7011", 422, "请求路径中的检查项 {url} 与发现中的 {body} 不一致", "The check item in the URL ({url}) differs from the one the finding names ({body})."),
        new("SR7012", 422, "{item} 不是评价规则中的检查项或指标", "{item} is neither a check item nor an indicator of the rubric."),
        new("SR7013", 422, "证据不能评分", "The evidence cannot be scored."),
        new("SR7014", 400, "不认识的报告格式 {format}（可用：{formats}）", "Unknown report format {format} (available: {formats})."),
        new("SR7015", 406, "报告格式 {format} 在此版本中尚不可用（可用：{formats}）", "Report format {format} is not available in this version yet (available: {formats})."),
        new("SR7016", 400, "请求有误：{detail}", "Bad request: {detail}."),
        new("SR7017", 401, "用户名或密码错误", "Wrong user name or password."),
        new("SR7018", 429, "登录尝试过多，请稍后再试", "Too many sign-in attempts; try again later."),
        new("SR7019", 403, "缺少或错误的 CSRF 令牌（X-CSRF-Token 请求头或 _csrf 表单字段）", "Missing or wrong CSRF token (the X-CSRF-Token header or the _csrf form field)."),
        new("SR7020", 409, "{what} 已存在", "{what} already exists."),
        new("SR7021", 415, "不接受此类文件（{type}）：可上传 {types}", "This kind of file ({type}) is not accepted: upload {types}."),
        new("SR7022", 409, "审查未定稿：查看者只能读取已定稿的报告", "The audit is not final: viewers read final reports only."),
        new("SR7023", 415, "XLSX 工作簿证据尚不可用：请上传 YAML 或 JSON", "XLSX workbook evidence is not available yet: upload YAML or JSON."),
        new("SR7024", 422, "审查发现必须是一个 JSON 对象", "A finding must be a JSON object."),
        new("SR7025", 422, "用户 {name} 不存在", "There is no user {name}."),
        new("SR7026", 412, "审查已被他人修改：当前版本 {version}", "The audit was changed by someone else: the current version is {version}."),
        new("SR7027", 500, "服务内部错误（编号 {trace}）：请把编号告诉管理员", "Internal error (trace {trace}): please give the trace to your administrator."),

        // ---- SR7100–SR7149: the web pages -------------------------------------------------------------------
        new("SR7100", 403, "登录表单已过期或无效：请重新登录", "The sign-in form has expired or is not valid: please sign in again."),
        new("SR7101", 422, "请填写“{field}”", "Please fill in “{field}”."),
        new("SR7102", 422, "“{field}”不是有效日期（YYYY-MM-DD）：{value}", "“{field}” is not a valid date (YYYY-MM-DD): {value}"),
        new("SR7103", 422, "请选择结果（符合、部分符合、不符合、不适用或抽样）", "Choose a result (conforming, partial, nonconforming, not applicable or a sample)."),
        new("SR7104", 422, "请选择要上传的照片", "Choose a photo to upload."),

        // ---- SR55xx: serve, user, token, backup --------------------------------------------------------------
        new("SR5500", 0, "数据库版本 {found} 比本程序支持的版本 {known} 新：请升级 starrating，或使用与之匹配的版本", "The database schema is version {found}, newer than this starrating knows ({known}): upgrade starrating, or run the version that wrote it."),
        new("SR5501", 0, "无法打开数据库：{reason}", "Cannot open the database: {reason}."),
        new("SR5502", 0, "数据库迁移失败（未作任何修改）：{reason}", "The database migration failed (nothing was changed): {reason}."),
        new("SR5503", 0, "没有任何用户。创建第一个管理员：  echo '密码' | starrating user add admin --role admin{where}", "No users yet. Create the first admin:  echo 'PASSWORD' | starrating user add admin --role admin{where}"),
        new("SR5504", 0, "从标准输入读取密码：用 echo 或管道传入，绝不要写在命令行上", "The password is read from standard input: pipe it in; it is never taken from the command line."),
        new("SR5505", 0, "密码至少 {min} 个字符", "The password must be at least {min} characters."),
        new("SR5506", 0, "用户 {name} 已存在", "User {name} already exists."),
        new("SR5507", 0, "用户 {name} 不存在", "There is no user {name}."),
        new("SR5508", 0, "用户名 {name} 无效：1–64 个字母、数字、. _ - @", "User name {name} is not valid: 1-64 letters, digits, '.', '_', '-' or '@'."),
        new("SR5509", 0, "查看者需要 --company（公司编号）", "A viewer needs --company (the company id)."),
        new("SR5510", 0, "--data 与 --db 只能用一个", "Use either --data or --db, not both."),
        new("SR5511", 0, "备份失败：{reason}", "The backup failed: {reason}."),
        new("SR5512", 0, "PostgreSQL 请用 pg_dump 备份（见 docs/service.md）", "Back up PostgreSQL with pg_dump (see docs/service.md)."),
        new("SR5513", 0, "无法在 {urls} 上监听：{reason}", "Cannot listen on {urls}: {reason}."),
        new("SR5514", 0, "已创建用户 {name}（{role}）", "Created user {name} ({role})."),
        new("SR5515", 0, "API 令牌（只显示这一次，请妥善保存）：", "API token (shown only this once; keep it safe):"),
        new("SR5516", 0, "已写入备份 {file}（{bytes} 字节）", "Wrote the backup {file} ({bytes} bytes)."),
        new("SR5517", 0, "StarRating 审查服务在 {urls} 运行，数据：{store}（Ctrl+C 停止）", "StarRating audit service listening on {urls}, data: {store} (Ctrl+C stops it)"),
        new("SR5518", 0, "输出文件 {file} 已存在：换一个名字，或先删除它", "The output file {file} exists: choose another name or remove it first."),
        new("SR5519", 0, "公司 {id} 不存在", "There is no company {id}."),
    }.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>
    /// The words of the web pages (issue 21), by key: labels, headings and the script's status words (keys
    /// <c>js.*</c>, handed to the script as data). Same two languages and named placeholders as <see cref="All"/>;
    /// moves into the shared catalogue with it.
    /// </summary>
    public static FrozenDictionary<string, Entry> PageTexts { get; } = new Entry[]
    {
        new("brand", 0, "StarRating 售后服务评价", "StarRating after-sales rating"),
        new("skip", 0, "跳到正文", "Skip to content"),
        new("nav", 0, "主导航", "Main"),
        new("nav.audits", 0, "审查列表", "Audits"),
        new("nav.new", 0, "新建审查", "New audit"),
        new("logout", 0, "退出（{name}）", "Sign out ({name})"),
        new("back.audits", 0, "返回审查列表", "Back to the audits"),
        new("login.title", 0, "登录", "Sign in"),
        new("login.username", 0, "用户名", "User name"),
        new("login.password", 0, "密码", "Password"),
        new("login.submit", 0, "登录", "Sign in"),
        new("list.title", 0, "审查", "Audits"),
        new("list.filters", 0, "筛选", "Filters"),
        new("list.any", 0, "全部", "Any"),
        new("list.status", 0, "状态", "Status"),
        new("list.tier", 0, "星级", "Tier"),
        new("list.from", 0, "首日不早于", "First day from"),
        new("list.to", 0, "首日不晚于", "First day to"),
        new("list.apply", 0, "筛选", "Filter"),
        new("list.clear", 0, "清除筛选", "Clear"),
        new("list.mine", 0, "我参与的审查", "My audits"),
        new("list.all", 0, "全部审查", "All audits"),
        new("list.none", 0, "没有符合条件的审查。", "No audits match."),
        new("list.in-progress", 0, "记录中", "In progress"),
        new("list.pages", 0, "分页", "Pages"),
        new("list.prev", 0, "上一页", "Previous"),
        new("list.next", 0, "下一页", "Next"),
        new("list.page", 0, "第 {page} / {pages} 页", "Page {page} of {pages}"),
        new("status.open", 0, "进行中", "Open"),
        new("status.final", 0, "已定稿", "Final"),
        new("kind.initial", 0, "初次认证审核", "Initial audit"),
        new("kind.surveillance", 0, "监督审核", "Surveillance audit"),
        new("kind.recertification", 0, "再认证审核", "Recertification audit"),
        new("kind.mock", 0, "模拟审核", "Mock audit"),
        new("kind.self", 0, "自我评价", "Self-assessment"),
        new("role.auditor", 0, "审核员", "auditor"),
        new("role.lead", 0, "审核组长", "lead"),
        new("role.admin", 0, "管理员", "admin"),
        new("role.viewer", 0, "查看者", "viewer"),
        new("new.title", 0, "新建审查", "New audit"),
        new("new.submit", 0, "创建并打开检查表", "Create and open the checklist"),
        new("new.no-users", 0, "还没有其他审核员账号。", "No other auditors have accounts yet."),
        new("field.company", 0, "受审核企业名称", "Company name"),
        new("field.credit-code", 0, "统一社会信用代码（可选）", "Unified social credit code (optional)"),
        new("field.credit-code.hint", 0, "18 位，用于识别同一企业", "18 characters; identifies the company across audits"),
        new("field.kind", 0, "审核类型", "Kind of audit"),
        new("field.first", 0, "审核首日", "First audit day"),
        new("field.last", 0, "审核末日", "Last audit day"),
        new("field.reference", 0, "审核编号（可选）", "Audit reference (optional)"),
        new("field.lead", 0, "审核组长", "Lead auditor"),
        new("field.team", 0, "审核组成员", "Audit team"),
        new("field.rubric", 0, "评价规则", "Rubric"),
        new("checklist.title", 0, "检查表", "Checklist"),
        new("checklist.toc", 0, "指标目录", "Indicators"),
        new("checklist.score", 0, "得分", "Score"),
        new("checklist.tier", 0, "星级", "Tier"),
        new("checklist.gap", 0, "距{tier}还差 {points} 分", "{points} points to {tier}"),
        new("checklist.top", 0, "已达最高星级", "Highest tier reached"),
        new("checklist.preview", 0, "预览：尚有检查项未记录，按 0 分计", "Preview: items not yet recorded count as 0"),
        new("checklist.recorded", 0, "已记录 {done} / {total} 项", "{done} of {total} items recorded"),
        new("checklist.reports", 0, "下载报告", "Reports"),
        new("checklist.reports-later", 0, "全部检查项记录后可下载报告。", "Reports can be downloaded once every item is recorded."),
        new("checklist.points-of", 0, "{id} 得分", "{id} points"),
        new("checklist.points", 0, "{points} 分", "{points} pts"),
        new("checklist.methods", 0, "评价方法", "Methods"),
        new("checklist.documents", 0, "查阅文件", "Documents"),
        new("checklist.from-indicator", 0, "由指标 {indicator} 的整体发现覆盖；在此记录则以本项为准。", "Covered by the finding on indicator {indicator}; a finding recorded here takes precedence."),
        new("checklist.indicator-finding", 0, "指标 {indicator} 整体记录为：{result}", "Indicator {indicator} is recorded as a whole: {result}"),
        new("checklist.result", 0, "结果", "Result"),
        new("checklist.partial-points", 0, "部分符合得分（大于 0，小于 {points}）", "Points for partial (more than 0, less than {points})"),
        new("checklist.sample-size", 0, "抽样数", "Sample size"),
        new("checklist.sample-conforming", 0, "其中符合", "Of which conforming"),
        new("checklist.reason", 0, "不适用理由", "Why it does not apply"),
        new("checklist.grade", 0, "不符合等级", "Grade"),
        new("checklist.methods-used", 0, "采用的方法", "Methods used"),
        new("checklist.evidence", 0, "证据（每行一条）", "Evidence (one per line)"),
        new("checklist.evidence-hint", 0, "文件、记录或观察", "Documents, records or observations"),
        new("checklist.note", 0, "说明", "Note"),
        new("checklist.photo", 0, "照片", "Photo"),
        new("checklist.upload", 0, "上传照片", "Upload photo"),
        new("checklist.save", 0, "保存本项", "Save this item"),
        new("checklist.go-to-item", 0, "转到该项", "Go to the item"),
        new("result.conforming", 0, "符合", "Conforming"),
        new("result.partial", 0, "部分符合", "Partial"),
        new("result.nonconforming", 0, "不符合", "Nonconforming"),
        new("result.not_applicable", 0, "不适用", "Not applicable"),
        new("result.sample", 0, "抽样", "Sample"),
        new("grade.none", 0, "—", "—"),
        new("grade.major", 0, "严重不符合", "Major"),
        new("grade.minor", 0, "一般不符合", "Minor"),
        new("grade.observation", 0, "观察项", "Observation"),
        new("method.document", 0, "查阅文件", "Documents"),
        new("method.interview", 0, "询问员工", "Interview"),
        new("method.observation", 0, "现场观察", "Observation"),
        new("method.customer", 0, "访问顾客", "Customer"),
        new("js.empty", 0, "未记录", "Not recorded"),
        new("js.saving", 0, "正在保存…", "Saving…"),
        new("js.saved", 0, "已保存", "Saved"),
        new("js.saved-by", 0, "已保存 · {user} · {time}", "Saved · {user} · {time}"),
        new("js.queued", 0, "未保存：等待网络，恢复后自动发送", "Not saved yet: waiting for the network, sent when it returns"),
        new("js.invalid", 0, "未保存：{message}", "Not saved: {message}"),
        new("js.need-points", 0, "请填写部分符合的得分", "Enter the points for partial"),
        new("js.need-sample", 0, "请填写抽样数和符合数", "Enter the sample size and how many conform"),
        new("js.need-reason", 0, "请填写不适用理由", "Enter why it does not apply"),
        new("js.unsaved", 0, "{count} 项未保存", "{count} unsaved"),
        new("js.all-saved", 0, "全部已保存", "All saved"),
        new("js.offline", 0, "离线：记录保存在本设备，联网后自动发送", "Offline: entries are kept on this device and sent when the network returns"),
        new("js.updated", 0, "{user} 刚刚更新了此项", "{user} just updated this item"),
        new("js.conflict", 0, "{user} 同时修改了此项。请选择保留哪一份：", "{user} changed this item at the same time. Choose which entry to keep:"),
        new("js.theirs", 0, "对方的记录", "Their entry"),
        new("js.mine", 0, "我的记录", "My entry"),
        new("js.keep-mine", 0, "保留我的", "Keep mine"),
        new("js.take-theirs", 0, "采用对方的", "Take theirs"),
        new("js.signed-out", 0, "登录已失效：记录保存在本设备，请在新标签页重新登录", "Signed out: entries are kept on this device; sign in again in a new tab"),
        new("js.final", 0, "审查已定稿，只读", "The audit is final and read-only"),
        new("js.photo-uploading", 0, "正在上传照片…", "Uploading the photo…"),
        new("js.photo-failed", 0, "照片未上传：{message}", "Photo not uploaded: {message}"),
        new("js.photo-queued", 0, "照片等待网络，恢复后上传（请勿关闭页面）", "Photo waiting for the network; uploaded when it returns (keep this page open)"),
        new("js.photo", 0, "照片", "Photo"),
    }.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

    /// <summary>A page word in a language, placeholders bound by name.</summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    /// <param name="english">English when true, else Chinese.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Page(string key, bool english, params (string Name, object? Value)[] arguments)
    {
        var entry = PageTexts[key];
        return Bind(english ? entry.En : entry.Zh, arguments);
    }

    /// <summary>The entry of a code.</summary>
    /// <param name="code">The code.</param>
    public static Entry Get(string code) => All[code];

    /// <summary>The text of a code in a language, placeholders bound by name.</summary>
    /// <param name="code">The code.</param>
    /// <param name="english">English when true, else Chinese.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Format(string code, bool english, params (string Name, object? Value)[] arguments)
    {
        var entry = Get(code);
        return Bind(english ? entry.En : entry.Zh, arguments);
    }

    /// <summary>Both texts of a code, Chinese then English, for the terminal: "中文 / English".</summary>
    /// <param name="code">The code.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Both(string code, params (string Name, object? Value)[] arguments)
    {
        var entry = Get(code);
        return Bind(entry.Zh, arguments) + "\n  " + Bind(entry.En, arguments);
    }

    private static string Bind(string template, (string Name, object? Value)[] arguments)
    {
        var text = new StringBuilder(template);
        foreach (var (name, value) in arguments)
        {
            text.Replace("{" + name + "}", Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
