using Microsoft.AspNetCore.Http;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>Who may call a route: nobody signed in (health, login), or the listed roles.</summary>
internal sealed record Access(bool Anonymous, IReadOnlyList<string> Roles)
{
    public static readonly Access Public = new(true, []);
    public static readonly Access AnyUser = new(false, Storage.Roles.All);
    public static readonly Access AuditWork = new(false, [Storage.Roles.Admin, Storage.Roles.Lead, Storage.Roles.Auditor]);
    public static readonly Access Manage = new(false, [Storage.Roles.Admin, Storage.Roles.Lead]);
    public static readonly Access AdminOnly = new(false, [Storage.Roles.Admin]);
}

/// <summary>One call: the request, the caller (null on public routes) and the service.</summary>
internal sealed record Call(HttpContext Http, Principal? Principal, ServiceContext Service)
{
    public UserRecord User => Principal!.User;

    public CancellationToken Aborted => Http.RequestAborted;
}

/// <summary>A route of the API: method, pattern, who may call it, what it does (for the OpenAPI document) and the handler.</summary>
internal sealed record ApiRoute(string Method, string Pattern, Access Access, string Summary, string Tag, Func<Call, Task> Handler)
{
    /// <summary>What the OpenAPI document says the route answers (besides the status codes every protected route has).</summary>
    public IReadOnlyList<int> Responses { get; init; } = [200];

    public string? RequestContentType { get; init; }
}

/// <summary>
/// The route table: the one list the server maps, the OpenAPI document describes and the auth-matrix test walks.
/// Every handler is a plain request delegate (no reflection-based parameter binding), wrapped so that authentication,
/// CSRF and the role check run before it; per-audit visibility (auditors on their audits, viewers on final reports of
/// their company) is each handler's first query, answering 404 so no audit's existence leaks.
/// </summary>
internal static class Routes
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/health", Access.Public, "Liveness and database check", "service", SessionEndpoints.Health),
        new("POST", "/api/login", Access.Public, "Sign in (JSON or form: username, password); sets the session cookie and returns the CSRF token", "session", SessionEndpoints.Login) { RequestContentType = "application/json" , Responses = [200, 401, 429] },
        new("POST", "/api/logout", Access.AnyUser, "Sign out (ends the session)", "session", SessionEndpoints.Logout) { Responses = [204] },
        new("GET", "/api/session", Access.AnyUser, "Who is signed in, and the session's CSRF token", "session", SessionEndpoints.Session),
        new("POST", "/api/tokens", Access.AnyUser, "Create an API token for yourself (shown once)", "session", SessionEndpoints.CreateToken) { RequestContentType = "application/json", Responses = [201] },
        new("GET", "/api/users", Access.Manage, "List users (leads see them to assign audit teams)", "users", AdminEndpoints.ListUsers),
        new("POST", "/api/users", Access.AdminOnly, "Create a user", "users", AdminEndpoints.CreateUser) { RequestContentType = "application/json", Responses = [201, 409, 422] },
        new("GET", "/api/companies", Access.AnyUser, "List the companies you may see", "companies", AdminEndpoints.ListCompanies),
        new("POST", "/api/companies", Access.Manage, "Create a company", "companies", AdminEndpoints.CreateCompany) { RequestContentType = "application/json", Responses = [201, 409, 422] },
        new("GET", "/api/companies/{id}", Access.AnyUser, "A company", "companies", AdminEndpoints.GetCompany) { Responses = [200, 404] },
        new("GET", "/api/audits", Access.AnyUser, "List audits (filters: company, kind, tier, status, from, to; paged: page, page_size)", "audits", AuditEndpoints.List),
        new("POST", "/api/audits", Access.Manage, "Create an audit from an evidence document (JSON body, YAML or XLSX workbook upload)", "audits", AuditEndpoints.Create) { RequestContentType = "application/json", Responses = [201, 400, 413, 415, 422] },
        new("GET", "/api/audits/{id}", Access.AuditWork, "The audit's evidence document (the evidence file format)", "audits", AuditEndpoints.Get) { Responses = [200, 404] },
        new("GET", "/api/audits/{id}/findings", Access.AuditWork, "The findings with their versions", "findings", AuditEndpoints.Findings) { Responses = [200, 404] },
        new("PUT", "/api/audits/{id}/findings/{itemId}", Access.AuditWork, "Save one finding (If-Match: its version)", "findings", AuditEndpoints.SaveFinding) { RequestContentType = "application/json", Responses = [200, 400, 404, 409, 412, 422, 428] },
        new("DELETE", "/api/audits/{id}/findings/{itemId}", Access.AuditWork, "Remove one finding (If-Match: its version); the history keeps it", "findings", AuditEndpoints.DeleteFinding) { Responses = [200, 404, 409, 412, 428] },
        new("GET", "/api/audits/{id}/result", Access.AnyUser, "The result document, as starrating score --format json writes it (preview=1: a formal audit in progress scored as a preview)", "audits", AuditEndpoints.Result) { Responses = [200, 304, 404, 422] },
        new("GET", "/api/audits/{id}/report", Access.AnyUser, "The report (format=html|md|json|docx|xlsx|pdf, lang=zh|en); pdf needs Chromium on the server (503 without)", "audits", AuditEndpoints.Report) { Responses = [200, 304, 400, 404, 422, 503] },
        new("GET", "/api/audits/{id}/history", Access.AuditWork, "Every change: finding revisions with who and when", "audits", AuditEndpoints.History) { Responses = [200, 404] },
        new("POST", "/api/audits/{id}/finalise", Access.Manage, "Finalise the audit (read-only afterwards)", "audits", AuditEndpoints.Finalise) { Responses = [200, 404, 409, 412, 422] },
        new("GET", "/api/audits/{id}/team", Access.AuditWork, "The audit's team", "team", AuditEndpoints.Team) { Responses = [200, 404] },
        new("PUT", "/api/audits/{id}/team/{user}", Access.Manage, "Put a user on the team (role: lead|member)", "team", AuditEndpoints.AssignTeam) { RequestContentType = "application/json", Responses = [200, 404, 422] },
        new("DELETE", "/api/audits/{id}/team/{user}", Access.Manage, "Take a user off the team", "team", AuditEndpoints.UnassignTeam) { Responses = [200, 404] },
        new("GET", "/api/audits/{id}/attachments", Access.AuditWork, "The audit's attachments", "attachments", AttachmentEndpoints.List) { Responses = [200, 404] },
        new("POST", "/api/audits/{id}/attachments", Access.AuditWork, "Upload an attachment (raw body; name=, item=)", "attachments", AttachmentEndpoints.Upload) { RequestContentType = "application/octet-stream", Responses = [201, 404, 409, 413, 415] },
        new("GET", "/api/audits/{id}/attachments/{sha256}", Access.AuditWork, "Download an attachment", "attachments", AttachmentEndpoints.Download) { Responses = [200, 404] },
        new("GET", "/openapi/v1.json", Access.AnyUser, "This OpenAPI document", "service", OpenApi.Serve),
    ];

    /// <summary>The request delegate of a route: authenticate, check CSRF and role, then run the handler; problems for each refusal.</summary>
    public static RequestDelegate Delegate(ApiRoute route, ServiceContext service) => async http =>
    {
        if (route.Access.Anonymous)
        {
            await route.Handler(new Call(http, null, service)).ConfigureAwait(false);
            return;
        }

        var principal = await service.Authenticator.AuthenticateAsync(http).ConfigureAwait(false);
        if (principal is null)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer";
            await Http.Problem(http, "SR7001").ConfigureAwait(false);
            return;
        }

        if (!await Authenticator.PassesCsrfAsync(http, principal).ConfigureAwait(false))
        {
            await Http.Problem(http, "SR7019").ConfigureAwait(false);
            return;
        }

        if (!route.Access.Roles.Contains(principal.User.Role))
        {
            await Http.Problem(http, "SR7002", [("role", principal.User.Role)]).ConfigureAwait(false);
            return;
        }

        await route.Handler(new Call(http, principal, service)).ConfigureAwait(false);
    };
}
