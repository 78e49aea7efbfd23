using Microsoft.AspNetCore.Http;
using StarRating.Server.Api;
using StarRating.Server.Security;

namespace StarRating.Server.Pages;

/// <summary>
/// The sign-in page (<c>/login</c>, fields <c>username</c> and <c>password</c> — fixed for outside scripts) and
/// sign-out. Sign-in itself is the API's (<see cref="SessionEndpoints.SignInAsync"/>): same throttle, same session.
/// The form is protected against login CSRF with a double-submit token: a random value in a short-lived cookie and
/// in the form, which another site can neither read nor set.
/// </summary>
internal static class SignInPages
{
    private const string LoginCookie = "starrating_login";

    public static async Task Form(Call call)
    {
        if (await PageRoutes.SignedInAsync(call).ConfigureAwait(false) is not null)
        {
            PageRoutes.SeeOther(call.Http, Page.SafeNext(call.Http.Request.Query["next"].ToString()));
            return;
        }

        var page = Page.For(call);
        await Render(page, call.Http.Request.Query["next"].ToString(), "", null, 200).ConfigureAwait(false);
    }

    public static async Task Submit(Call call)
    {
        var http = call.Http;
        var page = Page.For(call);
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false) : null;
        var name = form?["username"].ToString() ?? "";
        var next = form?["next"].ToString() ?? "";
        var sent = form?[Authenticator.CsrfField].ToString();
        if (!http.Request.Cookies.TryGetValue(LoginCookie, out var expected) || !Secrets.FixedTimeEquals(sent, expected))
        {
            // An expired or forged form: show a fresh one rather than sign in.
            await Render(page, next, name, ServiceText.Format("SR7100", page.English), StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        var (outcome, _, _) = await SessionEndpoints.SignInAsync(call, name, form!["password"].ToString()).ConfigureAwait(false);
        switch (outcome)
        {
            case SessionEndpoints.SignIn.SignedIn:
                http.Response.Cookies.Delete(LoginCookie, new CookieOptions { Path = "/login" });
                PageRoutes.SeeOther(http, Page.SafeNext(next));
                return;
            case SessionEndpoints.SignIn.Throttled:
                await Render(page, next, name, ServiceText.Format("SR7018", page.English), StatusCodes.Status429TooManyRequests).ConfigureAwait(false);
                return;
            default:
                await Render(page, next, name, ServiceText.Format("SR7017", page.English), StatusCodes.Status401Unauthorized).ConfigureAwait(false);
                return;
        }
    }

    public static async Task Logout(Call call)
    {
        var http = call.Http;
        if (await PageRoutes.SignedInAsync(call).ConfigureAwait(false) is { } principal)
        {
            if (!await Authenticator.PassesCsrfAsync(http, principal).ConfigureAwait(false))
            {
                await PageRoutes.Refuse(call with { Principal = principal }, "SR7019", StatusCodes.Status403Forbidden).ConfigureAwait(false);
                return;
            }

            if (http.Request.Cookies.TryGetValue(Authenticator.SessionCookie, out var secret))
            {
                await call.Service.Store.DeleteCredentialAsync(Secrets.Hash(secret), call.Aborted).ConfigureAwait(false);
            }
        }

        http.Response.Cookies.Delete(Authenticator.SessionCookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
        PageRoutes.SeeOther(http, "/login");
    }

    private static Task Render(Page page, string next, string name, string? error, int status)
    {
        var token = Secrets.NewSecret("login");
        page.Http.Response.Cookies.Append(LoginCookie, token, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = page.Http.Request.IsHttps,
            Path = "/login",
            MaxAge = TimeSpan.FromHours(2),
        });
        return page.WriteAsync(page.T("login.title"), h =>
        {
            h.Open("section", ("class", "card narrow"), ("aria-labelledby", "login-h")).Line();
            h.Element("h1", page.T("login.title"), ("id", "login-h")).Line();
            if (error is not null)
            {
                Page.Message(h, error, error: true);
            }

            h.Open("form", ("method", "post"), ("action", "/login"), ("class", "stack")).Line();
            h.Void("input", ("type", "hidden"), ("name", Authenticator.CsrfField), ("value", token));
            h.Void("input", ("type", "hidden"), ("name", "next"), ("value", Page.SafeNext(next)));
            h.Element("label", page.T("login.username"), ("for", "username"));
            h.Void("input", ("id", "username"), ("name", "username"), ("value", name), ("autocomplete", "username"), ("autocapitalize", "none"),
                ("spellcheck", "false"), ("required", ""), ("maxlength", "64"), ("autofocus", Html.Flag(name.Length == 0))).Line();
            h.Element("label", page.T("login.password"), ("for", "password"));
            h.Void("input", ("id", "password"), ("name", "password"), ("type", "password"), ("autocomplete", "current-password"), ("required", ""),
                ("autofocus", Html.Flag(name.Length > 0))).Line();
            h.Element("button", page.T("login.submit"), ("type", "submit"), ("class", "primary"));
            h.Close("form").Line().Close("section").Line();
        }, status, "login");
    }
}
