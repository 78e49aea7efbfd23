using System.Collections.Frozen;
using StarRating.Rules;

namespace StarRating.Server;

/// <summary>
/// The codes of the service and its commands (<c>serve</c>, <c>user</c>, <c>token</c>, <c>backup</c>) and the keys of
/// the pages' words. The texts live in the shared zh/en catalogue (<c>src/StarRating.Rules/Vocabulary/*.yaml</c>):
/// <c>service.problem.CODE</c> for the service's problem details (SR7001–SR7099, the pages' SR7100–SR7149),
/// <c>service.command.CODE</c> for the commands (SR5500–SR5519), <c>service.page.KEY</c> for the pages' words (a key
/// <c>nav.audits</c> is <c>service.page.nav_audits</c>). Placeholders are named (<c>{name}</c>) and bound by name.
/// </summary>
public static class ServiceText
{
    /// <summary>One entry: the code, the HTTP status (0 for command messages) and the two catalogue texts as written.</summary>
    /// <param name="Code">The stable code (or the page word's key).</param>
    /// <param name="Status">The HTTP status the problem is sent with; 0 for command-line messages and page words.</param>
    /// <param name="Zh">The Chinese catalogue text (placeholders unbound).</param>
    /// <param name="En">The English catalogue text (placeholders unbound).</param>
    public sealed record Entry(string Code, int Status, string Zh, string En);

    private static readonly (string Code, int Status)[] Codes =
    [
        ("SR7001", 401),
        ("SR7002", 403),
        ("SR7003", 404),
        ("SR7004", 400),
        ("SR7005", 415),
        ("SR7006", 413),
        ("SR7007", 412),
        ("SR7008", 428),
        ("SR7009", 409),
        ("SR7010", 422),
        ("SR7011", 422),
        ("SR7012", 422),
        ("SR7013", 422),
        ("SR7014", 400),
        ("SR7015", 406),
        ("SR7016", 400),
        ("SR7017", 401),
        ("SR7018", 429),
        ("SR7019", 403),
        ("SR7020", 409),
        ("SR7021", 415),
        ("SR7022", 409),
        ("SR7023", 415),
        ("SR7024", 422),
        ("SR7025", 422),
        ("SR7026", 412),
        ("SR7027", 500),
        ("SR7030", 503),
        ("SR7031", 503),
        ("SR7032", 422),
        ("SR7033", 422),
        ("SR7034", 409),
        ("SR7035", 409),
        ("SR7036", 428),
        ("SR7037", 422),
        ("SR7038", 404),
        ("SR7100", 403),
        ("SR7101", 422),
        ("SR7102", 422),
        ("SR7103", 422),
        ("SR7104", 422),
        ("SR7105", 403),
        ("SR5500", 0),
        ("SR5501", 0),
        ("SR5502", 0),
        ("SR5503", 0),
        ("SR5504", 0),
        ("SR5505", 0),
        ("SR5506", 0),
        ("SR5507", 0),
        ("SR5508", 0),
        ("SR5509", 0),
        ("SR5510", 0),
        ("SR5511", 0),
        ("SR5512", 0),
        ("SR5513", 0),
        ("SR5514", 0),
        ("SR5515", 0),
        ("SR5516", 0),
        ("SR5517", 0),
        ("SR5518", 0),
        ("SR5519", 0),
    ];

    private static readonly string[] PageKeys =
    [
        "brand",
        "skip",
        "nav",
        "nav.audits",
        "nav.new",
        "logout",
        "back.audits",
        "login.title",
        "login.username",
        "login.password",
        "login.submit",
        "list.title",
        "list.filters",
        "list.any",
        "list.status",
        "list.from",
        "list.to",
        "list.apply",
        "list.clear",
        "list.mine",
        "list.all",
        "list.none",
        "list.in-progress",
        "list.pages",
        "list.prev",
        "list.next",
        "list.page",
        "status.open",
        "status.final",
        "kind.initial",
        "kind.surveillance",
        "kind.recertification",
        "kind.mock",
        "kind.self",
        "role.auditor",
        "role.lead",
        "role.admin",
        "role.viewer",
        "new.title",
        "new.submit",
        "new.no-users",
        "field.company",
        "field.credit-code",
        "field.credit-code.hint",
        "field.kind",
        "field.first",
        "field.last",
        "field.reference",
        "field.lead",
        "field.team",
        "field.rubric",
        "checklist.title",
        "checklist.toc",
        "checklist.preview",
        "checklist.recorded",
        "checklist.reports",
        "checklist.reports-later",
        "checklist.points-of",
        "checklist.points",
        "checklist.methods",
        "checklist.documents",
        "checklist.from-indicator",
        "checklist.indicator-finding",
        "checklist.result",
        "checklist.partial-points",
        "checklist.sample-size",
        "checklist.sample-conforming",
        "checklist.reason",
        "checklist.grade",
        "checklist.methods-used",
        "checklist.evidence",
        "checklist.evidence-hint",
        "checklist.note",
        "checklist.photo",
        "checklist.upload",
        "checklist.save",
        "checklist.go-to-item",
        "result.conforming",
        "result.partial",
        "result.nonconforming",
        "result.not_applicable",
        "result.sample",
        "grade.none",
        "grade.major",
        "grade.minor",
        "grade.observation",
        "method.document",
        "method.interview",
        "method.observation",
        "method.customer",
        "js.empty",
        "js.saving",
        "js.saved",
        "js.saved-by",
        "js.queued",
        "js.invalid",
        "js.need-points",
        "js.need-sample",
        "js.need-reason",
        "js.unsaved",
        "js.all-saved",
        "js.offline",
        "js.updated",
        "js.conflict",
        "js.theirs",
        "js.mine",
        "js.keep-mine",
        "js.take-theirs",
        "js.signed-out",
        "js.final",
        "js.photo-uploading",
        "js.photo-failed",
        "js.photo-queued",
        "js.photo",
        "documents_separator",
        "audit-pages",
        "nc.list",
        "nc.list-title",
        "nc.summary",
        "nc.overdue",
        "nc.overdue-count",
        "nc.no-record",
        "nc.hint",
        "nc.open-item",
        "team.title",
        "team.unresolved",
        "team.resolved",
        "team.adopt",
        "team.write-own",
        "team.lead-only",
        "team.unresolved-count",
        "finalise",
        "finalise.hint",
        "finalise.confirm",
    ];

    /// <summary>Every coded entry, by code.</summary>
    public static FrozenDictionary<string, Entry> All { get; } =
        Codes.ToFrozenDictionary(c => c.Code, c => Read(c.Code, c.Status, CodeKey(c.Code)), StringComparer.Ordinal);

    /// <summary>
    /// The words of the web pages (issue 21), by key: labels, headings and the script's status words (keys
    /// <c>js.*</c>, handed to the script as data).
    /// </summary>
    public static FrozenDictionary<string, Entry> PageTexts { get; } =
        PageKeys.ToFrozenDictionary(k => k, k => Read(k, 0, PageKey(k)), StringComparer.Ordinal);

    /// <summary>The catalogue key of a page word: <c>nav.audits</c> → <c>service.page.nav_audits</c>.</summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    public static string PageKey(string key) => "service.page." + key.Replace('.', '_').Replace('-', '_');

    /// <summary>The catalogue key of a code: <c>service.problem.SR7001</c> or <c>service.command.SR5500</c>.</summary>
    /// <param name="code">The code.</param>
    public static string CodeKey(string code) =>
        (code.StartsWith("SR55", StringComparison.Ordinal) ? "service.command." : "service.problem.") + code;

    /// <summary>The wording of a language (Chinese unless <paramref name="english"/>).</summary>
    /// <param name="english">English when true.</param>
    public static Wording WordingOf(bool english) => english ? Wording.English : Wording.Chinese;

    /// <summary>A page word in a language, placeholders bound by name.</summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    /// <param name="english">English when true, else Chinese.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Page(string key, bool english, params (string Name, object? Value)[] arguments) =>
        WordingOf(english).Format(PageKey(key), arguments);

    /// <summary>A page word in a wording (language and the rubric's terminology, 审核 or 审查), placeholders bound by name.</summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    /// <param name="wording">The language and terminology.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Page(string key, Wording wording, params (string Name, object? Value)[] arguments) =>
        wording.Format(PageKey(key), arguments);

    /// <summary>
    /// A page word with its placeholders left as <c>{name}</c>, for the page's script to fill in (the script's
    /// status words are data handed to it).
    /// </summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    /// <param name="english">English when true, else Chinese.</param>
    public static string Template(string key, bool english) => Template(key, WordingOf(english));

    /// <summary>A page word with its placeholders left as <c>{name}</c>, in a wording (language and terminology).</summary>
    /// <param name="key">The key in <see cref="PageTexts"/>.</param>
    /// <param name="wording">The language and terminology.</param>
    public static string Template(string key, Wording wording)
    {
        var entry = PageTexts[key];
        var names = System.Text.RegularExpressions.Regex.Matches(wording.Language == Language.English ? entry.En : entry.Zh, "{([a-z]+)}")
            .Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal)
            .Select(n => (n, (object?)("{" + n + "}"))).ToArray();
        return Page(key, wording, names);
    }

    /// <summary>The entry of a code.</summary>
    /// <param name="code">The code.</param>
    public static Entry Get(string code) => All[code];

    /// <summary>The text of a code in a language, placeholders bound by name.</summary>
    /// <param name="code">The code.</param>
    /// <param name="english">English when true, else Chinese.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Format(string code, bool english, params (string Name, object? Value)[] arguments) =>
        WordingOf(english).Format(CodeKey(code), arguments);

    /// <summary>The text of a code in a language, placeholders bound by name.</summary>
    /// <param name="code">The code.</param>
    /// <param name="language">The language.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Format(string code, Language language, params (string Name, object? Value)[] arguments) =>
        new Wording(language).Format(CodeKey(code), arguments);

    /// <summary>The text of a code in a wording (a language and a terminology), placeholders bound by name.</summary>
    /// <param name="code">The code.</param>
    /// <param name="wording">The language and terminology.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Format(string code, Wording wording, params (string Name, object? Value)[] arguments) =>
        wording.Format(CodeKey(code), arguments);

    /// <summary>Both texts of a code, Chinese then English, for the terminal: Chinese, a line break, English.</summary>
    /// <param name="code">The code.</param>
    /// <param name="arguments">Named arguments.</param>
    public static string Both(string code, params (string Name, object? Value)[] arguments) =>
        Format(code, english: false, arguments) + "\n  " + Format(code, english: true, arguments);

    private static Entry Read(string code, int status, string key) =>
        new(code, status,
            Vocabulary.Default.Source(key, Language.Chinese) ?? throw new InvalidOperationException(key),
            Vocabulary.Default.Source(key, Language.English) ?? throw new InvalidOperationException(key));
}
