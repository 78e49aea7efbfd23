using System.Buffers;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace StarRating.Server.Api;

/// <summary>
/// The OpenAPI 3.1 document, written from <see cref="Routes.All"/> — the same table the server maps — so it cannot
/// describe a route that does not exist or miss one that does (a test compares it with the live endpoints).
/// Written by hand rather than by Microsoft.AspNetCore.OpenApi, whose generator reflects over handler signatures our
/// plain request delegates do not have.
/// </summary>
internal static partial class OpenApi
{
    private static readonly Lazy<byte[]> Document = new(Write);

    public static Task Serve(Call call) => Http.Bytes(call.Http, 200, "application/json; charset=utf-8", Document.Value);

    [GeneratedRegex(@"\{([A-Za-z0-9_]+)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();

    private static byte[] Write()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("openapi", "3.1.0");
            w.WriteStartObject("info");
            w.WriteString("title", "StarRating audit service");
            w.WriteString("version", typeof(OpenApi).Assembly.GetName().Version!.ToString(3));
            w.WriteString("description", "GB/T 27922-2011 audits over HTTP. Evidence and result documents use the file formats of docs/evidence-format.md and docs/result-format.md; errors are RFC 9457 problem details (application/problem+json) carrying the CLI's diagnostic codes. See docs/service.md.");
            w.WriteEndObject();
            w.WriteStartObject("components");
            w.WriteStartObject("securitySchemes");
            w.WriteStartObject("bearer");
            w.WriteString("type", "http");
            w.WriteString("scheme", "bearer");
            w.WriteEndObject();
            w.WriteStartObject("session");
            w.WriteString("type", "apiKey");
            w.WriteString("in", "cookie");
            w.WriteString("name", Security.Authenticator.SessionCookie);
            w.WriteString("description", "Sign in with POST /api/login; writes also need the X-CSRF-Token header.");
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteStartObject("paths");
            foreach (var group in Routes.All.GroupBy(r => r.Pattern))
            {
                w.WriteStartObject(group.Key);
                foreach (var route in group)
                {
                    w.WriteStartObject(route.Method.ToLowerInvariant());
                    w.WriteString("summary", route.Summary);
                    w.WriteString("operationId", route.Method.ToLowerInvariant() + Parameter().Replace(route.Pattern, "_$1").Replace('/', '_').Replace('.', '_'));
                    w.WriteStartArray("tags");
                    w.WriteStringValue(route.Tag);
                    w.WriteEndArray();
                    if (route.Access.Anonymous)
                    {
                        w.WriteStartArray("security");
                        w.WriteEndArray();
                    }
                    else
                    {
                        w.WriteStartArray("security");
                        foreach (var scheme in new[] { "bearer", "session" })
                        {
                            w.WriteStartObject();
                            w.WriteStartArray(scheme);
                            w.WriteEndArray();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                        w.WriteString("x-roles", string.Join(",", route.Access.Roles));
                    }

                    var parameters = Parameter().Matches(route.Pattern).Select(m => m.Groups[1].Value).ToArray();
                    if (parameters.Length > 0)
                    {
                        w.WriteStartArray("parameters");
                        foreach (var name in parameters)
                        {
                            w.WriteStartObject();
                            w.WriteString("name", name);
                            w.WriteString("in", "path");
                            w.WriteBoolean("required", true);
                            w.WriteStartObject("schema");
                            w.WriteString("type", name == "id" ? "integer" : "string");
                            w.WriteEndObject();
                            w.WriteEndObject();
                        }

                        w.WriteEndArray();
                    }

                    if (route.RequestContentType is { } requestType)
                    {
                        w.WriteStartObject("requestBody");
                        w.WriteStartObject("content");
                        w.WriteStartObject(requestType);
                        w.WriteEndObject();
                        w.WriteEndObject();
                        w.WriteEndObject();
                    }

                    w.WriteStartObject("responses");
                    var statuses = route.Access.Anonymous ? route.Responses : route.Responses.Concat([401, 403]);
                    foreach (var status in statuses.Distinct().Order())
                    {
                        w.WriteStartObject(status.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        w.WriteString("description", status < 400 ? "success" : "problem details (application/problem+json)");
                        w.WriteEndObject();
                    }

                    w.WriteEndObject();
                    w.WriteEndObject();
                }

                w.WriteEndObject();
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
