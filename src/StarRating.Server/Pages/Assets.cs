using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace StarRating.Server.Pages;

/// <summary>One file the pages load: its bytes, type and the URL that names its content.</summary>
internal sealed record Asset(string Name, string Url, string ContentType, byte[] Bytes, string ETag);

/// <summary>
/// The pages' stylesheet, script and icon, compiled into the assembly (so the Native AOT tool serves them with no file
/// beside it) and served at <c>/assets/NAME.HASH.EXT</c>: the URL changes with the content, so browsers may keep each
/// for a year without asking again (<c>immutable</c>), and a new release never meets a stale copy.
/// </summary>
internal static class Assets
{
    private static readonly FrozenDictionary<string, Asset> ByUrl;
    private static readonly FrozenDictionary<string, Asset> ByName;

    static Assets()
    {
        var assembly = typeof(Assets).Assembly;
        var list = new List<Asset>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var bytes = memory.ToArray();
            var name = resource["assets/".Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
            var extension = Path.GetExtension(name);
            var url = "/assets/" + Path.GetFileNameWithoutExtension(name) + "." + hash + extension;
            var type = extension switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            list.Add(new Asset(name, url, type, bytes, "\"" + hash + "\""));
        }

        ByUrl = list.ToFrozenDictionary(a => a.Url, StringComparer.Ordinal);
        ByName = list.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }

    public static IEnumerable<Asset> All => ByName.Values;

    /// <summary>The content-hashed URL of an asset by its file name (app.css, app.js, icon.svg).</summary>
    public static string Url(string name) => ByName[name].Url;

    /// <summary>GET /assets/{file}: the asset, cached for a year; 404 for any other name (an old hash included).</summary>
    public static Task Serve(HttpContext http)
    {
        if (!ByUrl.TryGetValue(http.Request.Path.Value ?? "", out var asset))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }

        http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        http.Response.Headers.ETag = asset.ETag;
        // Assets are same-origin subresources only.
        http.Response.Headers["Cross-Origin-Resource-Policy"] = "same-origin";
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            http.Response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        http.Response.ContentType = asset.ContentType;
        http.Response.ContentLength = asset.Bytes.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : http.Response.Body.WriteAsync(asset.Bytes, http.RequestAborted).AsTask();
    }
}
