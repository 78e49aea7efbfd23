using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using StarRating.Server.Storage;

namespace StarRating.Server.Api;

/// <summary>
/// Photos and documents as evidence. Only the types below are accepted, and only when the bytes start as that type
/// does (a declared image/png that is really HTML is refused). Stored by SHA-256; served as a download
/// (<c>Content-Disposition: attachment</c>) with the stored type, <c>nosniff</c> and a sandboxing CSP.
/// </summary>
internal static class AttachmentEndpoints
{
    private static readonly (string Type, string Extension, byte[] Magic, int Offset)[] Accepted =
    [
        ("image/jpeg", ".jpg", [0xFF, 0xD8, 0xFF], 0),
        ("image/png", ".png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0),
        ("image/webp", ".webp", "WEBP"u8.ToArray(), 8),
        ("image/heic", ".heic", "ftyp"u8.ToArray(), 4),
        ("application/pdf", ".pdf", "%PDF-"u8.ToArray(), 0),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx", [0x50, 0x4B, 0x03, 0x04], 0),
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx", [0x50, 0x4B, 0x03, 0x04], 0),
    ];

    public static string AcceptedTypes => string.Join(", ", Accepted.Select(a => a.Type));

    public static async Task Upload(Call call)
    {
        var http = call.Http;
        if (await AuditEndpoints.OpenAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var limit = call.Service.Options.MaxAttachmentBytes;
        string? declared;
        string? name = Http.Query(http, "name");
        byte[]? bytes;
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
            var file = form.Files.FirstOrDefault();
            if (file is null || file.Length > limit)
            {
                await (file is null ? Http.Problem(http, "SR7016", [("detail", "multipart upload without a file")]) : Http.Problem(http, "SR7006", [("limit", limit)])).ConfigureAwait(false);
                return;
            }

            declared = file.ContentType;
            name ??= file.FileName;
            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, call.Aborted).ConfigureAwait(false);
            bytes = memory.ToArray();
        }
        else
        {
            declared = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value : null;
            bytes = await Http.BodyAsync(http, limit).ConfigureAwait(false);
            if (bytes is null)
            {
                return;
            }
        }

        var (stored, refusal) = await StoreAsync(call, audit, declared, name, bytes, Http.Query(http, "item")).ConfigureAwait(false);
        if (refusal is not null)
        {
            await Http.Problem(http, refusal.Code, refusal.Arguments).ConfigureAwait(false);
            return;
        }

        http.Response.Headers.Location = stored!.Url;
        await Http.Json(http, 201, stored, ApiJson.Web.AttachmentDto).ConfigureAwait(false);
    }

    /// <summary>Checks an upload's type against its first bytes and stores it for the audit (and item): the API's and the checklist page's one way.</summary>
    public static async Task<(AttachmentDto? Stored, Refusal? Refusal)> StoreAsync(Call call, AuditRow audit, string? declared, string? name, byte[] bytes, string? item)
    {
        var accepted = Accepted.FirstOrDefault(a => string.Equals(a.Type, declared, StringComparison.OrdinalIgnoreCase));
        if (accepted.Type is null || bytes.Length < accepted.Offset + accepted.Magic.Length || !bytes.AsSpan(accepted.Offset, accepted.Magic.Length).SequenceEqual(accepted.Magic))
        {
            return (null, new Refusal("SR7021", [("type", declared ?? "?"), ("types", AcceptedTypes)]));
        }

        if (item is not null && call.Service.Scoring.Engine.Rubric.FindItem(item) is null && call.Service.Scoring.Engine.Rubric.FindIndicator(item) is null)
        {
            return (null, new Refusal("SR7012", [("item", item)]));
        }

        var sha = BlobStore.Sha256Hex(bytes);
        var fileName = AuditEndpoints.SafeFileName(name, sha[..12] + accepted.Extension);
        var data = await call.Service.Blobs.PutAsync(sha, bytes, call.Aborted).ConfigureAwait(false);
        var id = await call.Service.Store.AddAttachmentAsync(audit.Id, sha, bytes.Length, accepted.Type, data, fileName, item, call.User, call.Aborted).ConfigureAwait(false);
        return (new AttachmentDto(id, sha, fileName, accepted.Type, bytes.Length, item, call.User.Name, Clock.Iso(Clock.Now()), Url(audit.Id, sha)), null);
    }

    public static async Task List(Call call)
    {
        if (await AuditEndpoints.VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var rows = await call.Service.Store.AttachmentsAsync(audit.Id, null, call.Aborted).ConfigureAwait(false);
        await Http.Json(call.Http, 200, rows.Select(r => ToDto(audit.Id, r)).ToArray(), ApiJson.Web.IReadOnlyListAttachmentDto).ConfigureAwait(false);
    }

    public static async Task Download(Call call)
    {
        var http = call.Http;
        if (await AuditEndpoints.VisibleAsync(call).ConfigureAwait(false) is not { } audit)
        {
            return;
        }

        var sha = (http.Request.RouteValues["sha256"] as string ?? "").ToLowerInvariant();
        var row = sha.Length == 64 && sha.All(Uri.IsHexDigit) ? (await call.Service.Store.AttachmentsAsync(audit.Id, sha, call.Aborted).ConfigureAwait(false)).FirstOrDefault() : null;
        var bytes = row is null ? null : await call.Service.Blobs.GetAsync(sha, call.Aborted).ConfigureAwait(false);
        if (row is null || bytes is null)
        {
            await Http.Problem(http, "SR7003").ConfigureAwait(false);
            return;
        }

        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(row.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers.ETag = "\"" + sha + "\"";
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        await Http.Bytes(http, 200, row.ContentType, bytes).ConfigureAwait(false);
    }

    private static AttachmentDto ToDto(long auditId, AttachmentRow r) =>
        new(r.Id, r.Sha256, r.FileName, r.ContentType, r.Size, r.Target, r.UploadedBy, Clock.Iso(r.UploadedAt), Url(auditId, r.Sha256));

    private static string Url(long auditId, string sha) => "/api/audits/" + auditId.ToString(CultureInfo.InvariantCulture) + "/attachments/" + sha;
}
