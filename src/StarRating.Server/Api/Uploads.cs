using Microsoft.Net.Http.Headers;

namespace StarRating.Server.Api;

/// <summary>
/// A document sent to the service (evidence, a rubric): a body whose content type names the format, or one file of a
/// multipart form (a browser's upload) whose name does. The name it gets is what diagnostics call it, and its
/// extension is what the library reads it as.
/// </summary>
internal static class Uploads
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>
    /// The bytes and source name of an upload, at most <see cref="ServiceOptions.MaxEvidenceBytes"/>; null after
    /// answering the problem (415 SR7005 for another content type, 413 SR7006, 400 SR7016 for a form without a file).
    /// </summary>
    /// <param name="call">The request.</param>
    /// <param name="field">The form field (and the base of the names given to bodies): <c>evidence</c>, <c>rubric</c>.</param>
    /// <param name="bareBody">The extension of a body sent without a content type.</param>
    /// <param name="workbooks">Whether an .xlsx workbook is accepted.</param>
    public static async Task<(byte[] Bytes, string SourceName)?> ReadAsync(Call call, string field, string bareBody, bool workbooks)
    {
        var http = call.Http;
        var limit = call.Service.Options.MaxEvidenceBytes;
        var mediaType = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : null;
        if (mediaType == "multipart/form-data")
        {
            var form = await http.Request.ReadFormAsync(call.Aborted).ConfigureAwait(false);
            var file = form.Files.GetFile(field) ?? form.Files.FirstOrDefault();
            if (file is null)
            {
                await Http.Problem(http, "SR7016", [("detail", "multipart upload without a file (field '" + field + "')")]).ConfigureAwait(false);
                return null;
            }

            if (file.Length > limit)
            {
                await Http.Problem(http, "SR7006", [("limit", limit)]).ConfigureAwait(false);
                return null;
            }

            using var memory = new MemoryStream();
            await file.CopyToAsync(memory, call.Aborted).ConfigureAwait(false);
            return (memory.ToArray(), AuditEndpoints.SafeFileName(file.FileName, field + ".yaml"));
        }

        var extension = mediaType switch
        {
            null => bareBody,
            "application/json" => "json",
            "application/yaml" or "application/x-yaml" or "text/yaml" or "text/x-yaml" => "yaml",
            XlsxType when workbooks => "xlsx",
            _ => null,
        };
        if (extension is null)
        {
            await Http.Problem(http, "SR7005", [("type", mediaType)]).ConfigureAwait(false);
            return null;
        }

        var bytes = await Http.BodyAsync(http, limit).ConfigureAwait(false);
        return bytes is null ? null : (bytes, field + "." + extension);
    }
}
