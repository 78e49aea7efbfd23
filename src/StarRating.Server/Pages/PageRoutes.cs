using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using StarRating.Server.Api;
using StarRating.Server.Security;

namespace StarRating.Server.Pages;

/// <summary>A page route: method, pattern, whether it needs a signed-in user, and the handler.</summary>
internal sealed record PageRoute(string Method, string Pattern, bool SignedIn, Func<Call, Task> Handler);

/// <summary>
/// The web pages (docs/service.md#pages): server-rendered HTML that works without JavaScript, enhanced by one small
/// script. Signed-in pages redirect a visitor without a session to <c>/login</c>; every POST needs the session's
/// CSRF token (the same check as the API); an audit the user may not see answers 404, as the API does.
/// </summary>
internal static class PageRoutes
{
    public static IReadOnlyList<PageRoute> All { get; } =
    [
        new("GET", "/", false, Home),
        new("GET", "/login", false, SignInPages.Form),
        new("POST", "/login", false, SignInPages.Submit),
        new("POST", "/logout", false, SignInPages.Logout),
        new("GET", "/audits", true, AuditListPage.Render),
        new("GET", "/audits/new", true, NewAuditPage.Form),
        new("POST", "/audits/new", true, NewAuditPage.Submit),
        new("GET", "/audits/{id}/checklist", true, ChecklistPage.Render),
        new("GET", "/audits/{id}/checklist/live", true, ChecklistPage.Live),
        new("POST", "/audits/{id}/checklist/{itemId}", true, ChecklistPage.SaveForm),
        new("POST", "/audits/{id}/checklist/{itemId}/photo", true, ChecklistPage.PhotoForm),
        new("POST", "/audits/{id}/checklist/{itemId}/adopt", true, ChecklistPage.AdoptForm),
        new("GET", "/audits/{id}/nonconformities", true, NonconformityPage.Render),
        new("POST", "/audits/{id}/finalise", true, ChecklistPage.FinaliseForm),
    ];

    public static void Map(WebApplication app, ServiceContext service)
    {
        foreach (var route in All)
        {
            app.MapMethods(route.Pattern, [route.Method], Delegate(route, service));
        }

        app.MapMethods("/assets/{file}", ["GET", "HEAD"], Assets.Serve);
    }

    private static RequestDelegate Delegate(PageRoute route, ServiceContext service) => async http =>
    {
        var call = new Call(http, null, service);
        if (!route.SignedIn)
        {
            await route.Handler(call).ConfigureAwait(false);
            return;
        }

        var principal = await SignedInAsync(call).ConfigureAwait(false);
        if (principal is null)
        {
            if (route.Pattern.EndsWith("/live", StringComparison.Ordinal))
            {
                await Api.Http.Problem(http, "SR7001").ConfigureAwait(false);
                return;
            }

            var back = HttpMethods.IsGet(http.Request.Method) ? http.Request.Path + http.Request.QueryString : "/audits";
            SeeOther(http, "/login?next=" + Uri.EscapeDataString(back));
            return;
        }

        call = call with { Principal = principal };
        if (!await Authenticator.PassesCsrfAsync(http, principal).ConfigureAwait(false))
        {
            await Refuse(call, "SR7019", StatusCodes.Status403Forbidden).ConfigureAwait(false);
            return;
        }

        await route.Handler(call).ConfigureAwait(false);
    };

    /// <summary>The signed-in user of a page request (session cookie; an API token works too), or null.</summary>
    public static Task<Principal?> SignedInAsync(Call call) => call.Service.Authenticator.AuthenticateAsync(call.Http);

    private static Task Home(Call call)
    {
        SeeOther(call.Http, "/audits");
        return Task.CompletedTask;
    }

    /// <summary>303 See Other: after a form post the browser GETs the next page (a reload never posts twice).</summary>
    public static void SeeOther(HttpContext http, string location)
    {
        http.Response.StatusCode = StatusCodes.Status303SeeOther;
        http.Response.Headers.Location = location;
    }

    /// <summary>An error page with a service text: 404 for what the user may not see, 403 for what their role may not do.</summary>
    public static Task Refuse(Call call, string code, int status, params (string Name, object? Value)[] arguments)
    {
        var page = Page.For(call);
        var text = ServiceText.Format(code, page.English, arguments);
        return page.WriteAsync(text, h =>
        {
            h.Open("section", ("class", "card narrow")).Line();
            h.Element("h1", text).Line();
            h.Open("p").Element("a", page.T("back.audits"), ("href", "/audits")).Close("p").Line();
            h.Close("section").Line();
        }, status);
    }

    public static Task NotFound(Call call) => Refuse(call, "SR7003", StatusCodes.Status404NotFound);
}
