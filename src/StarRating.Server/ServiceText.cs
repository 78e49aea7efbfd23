using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace StarRating.Server;

/// <summary>
/// Every text the service and its commands (<c>serve</c>, <c>user</c>, <c>token</c>, <c>backup</c>) show a person, in
/// one table, Chinese and English, with a stable code: SR7001–SR7099 for the service's problem details, SR5500–SR5519
/// for the commands. Placeholders are named (<c>{name}</c>) and bound by name. This table moves into the shared zh/en
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
