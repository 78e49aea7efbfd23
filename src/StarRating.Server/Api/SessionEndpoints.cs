using Microsoft.AspNetCore.Http;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>Health, sign-in and sign-out, the session and API tokens.</summary>
internal static class SessionEndpoints
{
    public static Task Health(Call call) =>
        Http.Json(call.Http, 200, new HealthDto("ok", call.Service.Store.Database.Dialect == Dialect.Sqlite ? "sqlite" : "postgresql", Migrations.Latest), ApiJson.Web.HealthDto);

    public static async Task Login(Call call)
    {
        var http = call.Http;
        string? name;
        string? password;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
            name = form["username"].ToString();
            password = form["password"].ToString();
        }
        else
        {
            var login = await Http.ReadJsonAsync(http, ApiJson.Web.LoginDto, 4096).ConfigureAwait(false);
            if (login is null)
            {
                return;
            }

            (name, password) = (login.Username, login.Password);
        }

        var (outcome, user, csrf) = await SignInAsync(call, name, password).ConfigureAwait(false);
        switch (outcome)
        {
            case SignIn.Throttled:
                await Http.Problem(http, "SR7018").ConfigureAwait(false);
                return;
            case SignIn.Refused:
                await Http.Problem(http, "SR7017").ConfigureAwait(false);
                return;
        }

        await Http.Json(http, 200, new SessionDto(user!.Name, user.Role, user.CompanyId, csrf), ApiJson.Web.SessionDto).ConfigureAwait(false);
    }

    /// <summary>How a sign-in ended.</summary>
    public enum SignIn
    {
        SignedIn,
        Refused,
        Throttled,
    }

    /// <summary>
    /// Checks a user name and password (throttled per client address and name) and, when they match, starts a session:
    /// the cookie is set on the response; the user and the session's CSRF token are returned. The API's and the sign-in
    /// page's one way in.
    /// </summary>
    public static async Task<(SignIn Outcome, UserRecord? User, string? Csrf)> SignInAsync(Call call, string? name, string? password)
    {
        var http = call.Http;
        name = name?.Trim() ?? "";
        var client = http.Connection.RemoteIpAddress?.ToString() ?? "?";
        if (await call.Service.LoginThrottle.AttemptAsync(client, name, call.Aborted).ConfigureAwait(false) is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return (SignIn.Throttled, null, null);
        }

        var found = name.Length is > 0 and <= 64 ? await call.Service.Store.FindUserAsync(name, call.Aborted).ConfigureAwait(false) : null;
        // Always verify against some hash, so an unknown user name takes as long as a wrong password.
        if (!Secrets.VerifyPassword(found?.PasswordHash, password ?? "") || found is null)
        {
            return (SignIn.Refused, null, null);
        }

        var secret = Secrets.NewSecret("srs");
        var csrf = Secrets.NewSecret("csrf");
        var expires = DateTimeOffset.UtcNow + Authenticator.SessionLifetime;
        await call.Service.Store.CreateCredentialAsync(found.Value.User.Id, "session", null, Secrets.Hash(secret), csrf, expires.ToUnixTimeMilliseconds(), call.Aborted).ConfigureAwait(false);
        http.Response.Cookies.Append(Authenticator.SessionCookie, secret, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expires,
        });
        return (SignIn.SignedIn, found.Value.User, csrf);
    }

    public static async Task Logout(Call call)
    {
        if (call.Http.Request.Cookies.TryGetValue(Authenticator.SessionCookie, out var secret))
        {
            await call.Service.Store.DeleteCredentialAsync(Secrets.Hash(secret), call.Aborted).ConfigureAwait(false);
        }

        call.Http.Response.Cookies.Delete(Authenticator.SessionCookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict });
        call.Http.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    public static Task Session(Call call) =>
        Http.Json(call.Http, 200, new SessionDto(call.User.Name, call.User.Role, call.User.CompanyId, call.Principal!.Csrf), ApiJson.Web.SessionDto);

    public static async Task CreateToken(Call call)
    {
        var request = await Http.ReadJsonAsync(call.Http, ApiJson.Web.TokenCreateDto, 4096).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var name = string.IsNullOrWhiteSpace(request.Name) ? "api" : request.Name.Trim();
        var token = Secrets.NewSecret("srt");
        await call.Service.Store.CreateCredentialAsync(call.User.Id, "token", name, Secrets.Hash(token), null, null, call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 201, new TokenDto(name, token), ApiJson.Web.TokenDto).ConfigureAwait(false);
    }
}
