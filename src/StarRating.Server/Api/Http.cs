using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using StarRating.Rules;

namespace StarRating.Server.Api;

/// <summary>Reading requests and writing responses: JSON through <see cref="ApiJson"/>, problems (RFC 9457) from <see cref="ServiceText"/>.</summary>
internal static class Http
{
    public const string ProblemType = "application/problem+json";

    /// <summary>English when the client asks for it first (<c>Accept-Language: en…</c>); Chinese otherwise.</summary>
    public static bool English(HttpContext context) =>
        context.Request.Headers.AcceptLanguage.ToString().TrimStart().StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The language of a request's problem details and messages: English for an English Accept-Language, else Chinese.</summary>
    public static Language Language(HttpContext context) => English(context) ? Rules.Language.English : Rules.Language.Chinese;

    public static Task Json<T>(HttpContext context, int status, T value, JsonTypeInfo<T> type)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, context.RequestAborted);
    }

    /// <summary>Writes raw bytes (the evidence and result documents, which the library writes).</summary>
    public static Task Bytes(HttpContext context, int status, string contentType, ReadOnlyMemory<byte> bytes)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        return context.Response.Body.WriteAsync(bytes, context.RequestAborted).AsTask();
    }

    public static Task Problem(
        HttpContext context,
        string code,
        (string Name, object? Value)[]? arguments = null,
        IEnumerable<Diagnostic>? diagnostics = null,
        Func<Diagnostic, Diagnostic>? relocate = null,
        long? currentVersion = null,
        System.Text.Json.Nodes.JsonNode? current = null,
        int? status = null)
    {
        var entry = ServiceText.Get(code);
        var english = English(context);
        var list = diagnostics?.Select(relocate ?? (d => d)).ToArray() ?? [];
        var language = english ? Rules.Language.English : Rules.Language.Chinese;
        var errors = list.Where(d => d.IsError).Select(d => ToDto(d, language)).ToArray();
        var warnings = list.Where(d => !d.IsError).Select(d => ToDto(d, language)).ToArray();
        var title = ServiceText.Format(code, english, arguments ?? []);
        var problem = new ProblemDto(
            "urn:starrating:problem:" + code,
            title,
            status ?? entry.Status,
            errors.Length > 0 ? string.Join("\n", errors.Select(e => e.Code + ": " + e.Message)) : null,
            code,
            context.Request.Path.Value,
            errors.Length > 0 ? errors : null,
            warnings.Length > 0 ? warnings : null,
            currentVersion,
            current);
        context.Response.StatusCode = problem.Status;
        context.Response.ContentType = ProblemType + "; charset=utf-8";
        return JsonSerializer.SerializeAsync(context.Response.Body, problem, ApiJson.Web.ProblemDto, context.RequestAborted);
    }

    public static DiagnosticDto ToDto(Diagnostic d, Language language) => new(
        d.Code,
        d.Severity switch { DiagnosticSeverity.Error => "error", DiagnosticSeverity.Warning => "warning", _ => "info" },
        d.MessageIn(language),
        d.HintIn(language) is { Length: > 0 } hint ? hint : null,
        d.Location.File,
        d.Location.HasPosition ? d.Location.Line : null,
        d.Location.HasPosition ? d.Location.Column : null,
        d.Location.Sheet,
        d.Location.CellReference);

    /// <summary>The body's bytes, or null after answering 413 when it is over <paramref name="limit"/>.</summary>
    public static async Task<byte[]?> BodyAsync(HttpContext context, long limit)
    {
        if (context.Request.ContentLength > limit)
        {
            await Problem(context, "SR7006", [("limit", limit)]).ConfigureAwait(false);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await context.Request.Body.ReadAsync(chunk, context.RequestAborted).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                await Problem(context, "SR7006", [("limit", limit)]).ConfigureAwait(false);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>A JSON body as <typeparamref name="T"/>, or null after answering 400.</summary>
    public static async Task<T?> ReadJsonAsync<T>(HttpContext context, JsonTypeInfo<T> type, long limit = 65536)
        where T : class
    {
        var body = await BodyAsync(context, limit).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        try
        {
            var value = JsonSerializer.Deserialize(body, type);
            if (value is null)
            {
                await Problem(context, "SR7016", [("detail", "JSON body expected")]).ConfigureAwait(false);
            }

            return value;
        }
        catch (JsonException ex)
        {
            // Our own words: the line and byte position, never the exception's text.
            await Problem(context, "SR7016", [("detail", $"JSON syntax error at line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}")]).ConfigureAwait(false);
            return null;
        }
    }

    public static string? Query(HttpContext context, string name)
    {
        var value = context.Request.Query[name].ToString();
        return value.Length == 0 ? null : value;
    }

    public static long? RouteId(HttpContext context, string name = "id") =>
        long.TryParse(context.Request.RouteValues[name] as string, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}
