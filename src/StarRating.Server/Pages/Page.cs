using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using StarRating.Rules;
using StarRating.Server.Api;
using StarRating.Server.Security;

namespace StarRating.Server.Pages;

/// <summary>
/// One page request: the call, the language (a choice in the URL, then the cookie it left, then Accept-Language;
/// Chinese by default) and the page's words from <see cref="ServiceText"/>.
/// </summary>
internal sealed class Page
{
    public const string LanguageCookie = "starrating_lang";

    /// <summary>
    /// Every page's Content-Security-Policy: scripts and styles only from our own files (no inline code, no other
    /// origin), images from us (and the photo just taken, a blob), calls only to us, forms only to us.
    /// </summary>
    public const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private Page(Call call, bool english, Terminology terminology)
    {
        Call = call;
        English = english;
        // The rubric's terminology (审核 or 审查) words the pages as it words the reports (docs/vocabulary.md).
        Wording = new Wording(english ? Language.English : Language.Chinese, terminology);
    }

    /// <summary>The same page worded with an audit's rubric (its terminology): an audit's pages say what its reports say.</summary>
    public Page For(Rubric rubric) => new(Call, English, rubric.Terminology);

    public Call Call { get; }

    public HttpContext Http => Call.Http;

    public bool English { get; }

    /// <summary>The page's language and terminology: every word of the page is worded with it.</summary>
    public Wording Wording { get; }

    public Language Language => English ? Language.English : Language.Chinese;

    public string Lang => English ? "en" : "zh";

    /// <summary>The CSRF token of the session, for every form of a signed-in page.</summary>
    public string? Csrf => Call.Principal?.Csrf;

    public static Page For(Call call)
    {
        var http = call.Http;
        var asked = http.Request.Query["lang"].ToString();
        bool english;
        if (asked is "zh" or "en")
        {
            english = asked == "en";
            http.Response.Cookies.Append(LanguageCookie, asked, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
            });
        }
        else if (http.Request.Cookies.TryGetValue(LanguageCookie, out var chosen) && chosen is "zh" or "en")
        {
            english = chosen == "en";
        }
        else
        {
            english = Api.Http.English(http);
        }

        return new Page(call, english, call.Service.Scoring.Engine.Rubric.Terminology);
    }

    /// <summary>A page word in this page's language, placeholders bound by name.</summary>
    public string T(string key, params (string Name, object? Value)[] arguments) => ServiceText.Page(key, Wording, arguments);

    /// <summary>
    /// A text of the shared catalogue by its own key (<c>label.tier</c>, <c>correction_status.open</c>): what the pages
    /// show as the reports do is worded by the reports' keys, never by a second copy.
    /// </summary>
    public string Catalogue(string key, params (string Name, object? Value)[] arguments) => Wording.Format(key, arguments);

    /// <summary>What follows a label: the catalogue's <c>format.colon</c> in the page's language.</summary>
    public string Colon => Wording.Text("format.colon");

    /// <summary>What separates the entries of a list: the catalogue's <c>format.list_separator</c>.</summary>
    public string ListSeparator => Wording.Text("format.list_separator");

    /// <summary>A text of the rubric or the library in this page's language.</summary>
    public string T(LocalizedText text) => text.Get(Language);

    /// <summary>A catalogue message (e.g. a method's name) in this page's language.</summary>
    public string T(Message message) => Wording.Format(message);

    public static string N(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Writes a whole page: head with our stylesheet and script, the top bar, then the body the caller writes.</summary>
    public Task WriteAsync(string title, Action<Html> body, int status = 200, string? bodyClass = null)
    {
        var h = new Html();
        h.Doctype().Open("html", ("lang", English ? "en" : "zh-CN")).Line();
        h.Open("head").Void("meta", ("charset", "utf-8")).Line();
        h.Void("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1")).Line();
        h.Element("title", title + " · StarRating").Line();
        h.Void("link", ("rel", "icon"), ("href", Assets.Url("icon.svg")), ("type", "image/svg+xml")).Line();
        h.Void("link", ("rel", "stylesheet"), ("href", Assets.Url("app.css"))).Line();
        h.Open("script", ("src", Assets.Url("app.js")), ("defer", "")).Close("script").Line();
        h.Close("head").Line();
        h.Open("body", ("class", bodyClass)).Line();
        h.Element("a", T("skip"), ("class", "skip"), ("href", "#main")).Line();
        TopBar(h);
        h.Open("main", ("id", "main")).Line();
        body(h);
        h.Close("main").Line().Close("body").Line().Close("html").Line();
        return Send(status, h);
    }

    public Task Send(int status, Html h)
    {
        var bytes = Encoding.UTF8.GetBytes(h.ToString());
        Http.Response.StatusCode = status;
        Http.Response.ContentType = "text/html; charset=utf-8";
        Http.Response.Headers.ContentSecurityPolicy = Policy;
        Http.Response.Headers.ContentLength = bytes.Length;
        return Http.Response.Body.WriteAsync(bytes, Http.RequestAborted).AsTask();
    }

    private void TopBar(Html h)
    {
        h.Open("header", ("class", "top")).Line();
        h.Open("a", ("class", "brand"), ("href", "/audits")).Void("img", ("src", Assets.Url("icon.svg")), ("alt", ""), ("width", "28"), ("height", "28"))
            .Element("span", T("brand")).Close("a");
        h.Open("nav", ("aria-label", T("nav"))).Open("ul");
        if (Call.Principal is { } who)
        {
            h.Open("li").Element("a", T("nav.audits"), ("href", "/audits")).Close("li");
            if (who.User.Role is Storage.Roles.Admin or Storage.Roles.Lead)
            {
                h.Open("li").Element("a", T("nav.new"), ("href", "/audits/new")).Close("li");
            }
        }

        // The language switch: a link back to this page in the other language (it also sets the cookie).
        var other = English ? "zh" : "en";
        var query = QueryString.Create(Http.Request.Query.Where(q => q.Key != "lang").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v))).Append(KeyValuePair.Create("lang", (string?)other)));
        h.Open("li").Element("a", Vocabulary.Default.Source("meta.name", English ? Language.Chinese : Language.English) ?? other, ("href", Http.Request.Path + query.ToString()), ("lang", English ? "zh-CN" : "en"), ("hreflang", English ? "zh" : "en")).Close("li");
        if (Call.Principal is { } me)
        {
            h.Open("li").Open("form", ("method", "post"), ("action", "/logout"), ("class", "inline"));
            CsrfField(h);
            h.Open("button", ("type", "submit"), ("class", "link")).Text(T("logout", ("name", me.User.Name))).Close("button");
            h.Close("form").Close("li");
        }

        h.Close("ul").Close("nav").Close("header").Line();
    }

    public void CsrfField(Html h) => h.Void("input", ("type", "hidden"), ("name", Authenticator.CsrfField), ("value", Csrf));

    /// <summary>A message box: role=alert for errors (read out at once), status otherwise.</summary>
    public static void Message(Html h, string text, bool error)
    {
        h.Element("p", text, ("class", error ? "msg err" : "msg ok"), ("role", error ? "alert" : "status"));
    }

    /// <summary>The local path to go back to after signing in: only a path on this site, never another origin.</summary>
    public static string SafeNext(string? next) =>
        next is { Length: > 1 and < 300 } && next[0] == '/' && next[1] != '/' && next[1] != '\\' && !next.Any(char.IsControl) ? next : "/audits";
}
