using Microsoft.AspNetCore.Http;
using StarRating.Server.Storage;

namespace StarRating.Server.Security;

/// <summary>Who is calling: the user, and whether by a session cookie (which needs the CSRF token on writes) or a bearer token.</summary>
internal sealed record Principal(UserRecord User, bool ViaCookie, string? Csrf);

/// <summary>
/// Finds the caller from <c>Authorization: Bearer TOKEN</c> or the session cookie. One indexed lookup of the secret's
/// hash per request; no server-side state besides the database, so any instance can serve any request.
/// </summary>
internal sealed class Authenticator(Store store)
{
    public const string SessionCookie = "starrating_session";
    public const string CsrfHeader = "X-CSRF-Token";
    public const string CsrfField = "_csrf";

    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public async Task<Principal?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var token = header["Bearer ".Length..].Trim();
            var found = token.Length is > 0 and < 200 ? await store.FindCredentialAsync(Secrets.Hash(token), context.RequestAborted).ConfigureAwait(false) : null;
            return found is { Kind: "token" } f ? new Principal(f.User, ViaCookie: false, null) : null;
        }

        if (context.Request.Cookies.TryGetValue(SessionCookie, out var session) && session.Length is > 0 and < 200)
        {
            var found = await store.FindCredentialAsync(Secrets.Hash(session), context.RequestAborted).ConfigureAwait(false);
            return found is { Kind: "session" } f ? new Principal(f.User, ViaCookie: true, f.Csrf) : null;
        }

        return null;
    }

    /// <summary>
    /// A cookie-session write must carry the session's CSRF token in the <c>X-CSRF-Token</c> header or the <c>_csrf</c>
    /// form field (synchronizer-token pattern; the cookie is also SameSite=Strict). Bearer tokens are not sent by
    /// browsers on their own, so they need none.
    /// </summary>
    public static async Task<bool> PassesCsrfAsync(HttpContext context, Principal principal)
    {
        if (!principal.ViaCookie || HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method) || HttpMethods.IsOptions(context.Request.Method))
        {
            return true;
        }

        var sent = context.Request.Headers[CsrfHeader].ToString();
        if (sent.Length == 0 && context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted).ConfigureAwait(false);
            sent = form[CsrfField].ToString();
        }

        return Secrets.FixedTimeEquals(sent, principal.Csrf);
    }
}
