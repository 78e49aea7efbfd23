using System.Text.RegularExpressions;
using StarRating.Server.Security;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>Users (admin) and companies.</summary>
internal static partial class AdminEndpoints
{
    [GeneratedRegex(@"^[A-Za-z0-9._@-]{1,64}$", RegexOptions.CultureInvariant)]
    public static partial Regex UserName();

    public static async Task ListUsers(Call call)
    {
        var users = await call.Service.Store.ListUsersAsync(call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 200, users.Select(u => new UserDto(u.Id, u.Name, u.Role, u.CompanyId)).ToArray(), ApiJson.Web.IReadOnlyListUserDto).ConfigureAwait(false);
    }

    public static async Task CreateUser(Call call)
    {
        var request = await Http.ReadJsonAsync(call.Http, ApiJson.Web.UserCreateDto, 4096).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var name = request.Name?.Trim() ?? "";
        if (!UserName().IsMatch(name) || request.Role is null || !Roles.IsKnown(request.Role)
            || (request.Password?.Length ?? 0) < Secrets.MinimumPasswordLength || (request.Role == Roles.Viewer) != (request.CompanyId is not null))
        {
            await Http.Problem(call.Http, "SR7016", [("detail", "name (1-64 of A-Z a-z 0-9 . _ - @), role (admin|lead|auditor|viewer), password (8+ characters), company_id (viewers only, required for them)")], status: 422).ConfigureAwait(false);
            return;
        }

        if (request.CompanyId is { } companyId && await call.Service.Store.GetCompanyAsync(companyId, call.Aborted).ConfigureAwait(false) is null)
        {
            await Http.Problem(call.Http, "SR7016", [("detail", "company_id names no company")], status: 422).ConfigureAwait(false);
            return;
        }

        var id = await call.Service.Store.CreateUserAsync(name, request.Role, request.CompanyId, Secrets.HashPassword(request.Password!), call.Aborted).ConfigureAwait(false);
        if (id is null)
        {
            await Http.Problem(call.Http, "SR7020", [("what", name)]).ConfigureAwait(false);
            return;
        }

        call.Http.Response.Headers.Location = "/api/users";
        await Http.Json(call.Http, 201, new UserDto(id.Value, name, request.Role, request.CompanyId), ApiJson.Web.UserDto).ConfigureAwait(false);
    }

    public static async Task ListCompanies(Call call)
    {
        var companies = await call.Service.Store.ListCompaniesAsync(call.User, call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 200, companies.Select(ToDto).ToArray(), ApiJson.Web.IReadOnlyListCompanyDto).ConfigureAwait(false);
    }

    public static async Task GetCompany(Call call)
    {
        var id = Http.RouteId(call.Http);
        var visible = id is null ? null : (await call.Service.Store.ListCompaniesAsync(call.User, call.Aborted).ConfigureAwait(false)).FirstOrDefault(c => c.Id == id);
        if (visible is null)
        {
            await Http.Problem(call.Http, "SR7003").ConfigureAwait(false);
            return;
        }

        await Http.Json(call.Http, 200, ToDto(visible), ApiJson.Web.CompanyDto).ConfigureAwait(false);
    }

    public static async Task CreateCompany(Call call)
    {
        var request = await Http.ReadJsonAsync(call.Http, ApiJson.Web.CompanyCreateDto, 8192).ConfigureAwait(false);
        if (request is null)
        {
            return;
        }

        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || (request.CreditCode is { } code && (code.Length > 32 || code.Length == 0)))
        {
            await Http.Problem(call.Http, "SR7016", [("detail", "name (1-200 characters) and optional credit_code")], status: 422).ConfigureAwait(false);
            return;
        }

        var id = await call.Service.Store.CreateCompanyAsync(name, request.CreditCode, call.Aborted).ConfigureAwait(false);
        if (id is null)
        {
            await Http.Problem(call.Http, "SR7020", [("what", request.CreditCode)]).ConfigureAwait(false);
            return;
        }

        var company = await call.Service.Store.GetCompanyAsync(id.Value, call.Aborted).ConfigureAwait(false);
        call.Http.Response.Headers.Location = "/api/companies/" + id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await Http.Json(call.Http, 201, ToDto(company!), ApiJson.Web.CompanyDto).ConfigureAwait(false);
    }

    private static CompanyDto ToDto(CompanyRow c) => new(c.Id, c.Name, c.CreditCode, Clock.Iso(c.CreatedAt));
}
