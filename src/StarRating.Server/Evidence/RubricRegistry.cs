using System.Collections.Concurrent;
using StarRating.Engine;
using StarRating.Rules;
using StarRating.Server.Storage;

namespace StarRating.Server.Evidence;

/// <summary>A rubric the service scores with, and its engines: the scoring one and the preview one (the live checklist).</summary>
internal sealed record AuditRubric(Rubric Rubric, AuditEngine Engine, AuditEngine Preview, bool BuiltIn)
{
    /// <summary>The pin that names it: <c>ID@VERSION</c>.</summary>
    public string Pin => Rubric.Id + "@" + Rubric.Version;

    public static AuditRubric Of(Rubric rubric, bool builtIn)
    {
        // Uploaded evidence is text, not a file: its previous: names no file this server may read (it would resolve
        // against the server's own folder), so the chain is kept as written and never followed.
        var engine = new AuditEngine(rubric) { FollowPrevious = false };
        return new AuditRubric(rubric, engine, engine.WithOptions(new ScoringOptions { Preview = true }), builtIn);
    }
}

/// <summary>
/// The rubrics audits are scored with: the built-in ones, and those admins upload (a plain rubric or an overlay on a
/// built-in base, read by the library's <see cref="RubricLoader"/> with file bases off, so an upload can make the
/// server read no file). An audit's rubric is fixed when it is created (audits.rubric_id and rubric_version); a
/// version an audit uses never changes, so what is cached here per audit or per uploaded text cannot go stale.
/// </summary>
internal sealed class RubricRegistry(Store store)
{
    private const int CacheLimit = 4096;
    private readonly ConcurrentDictionary<string, AuditRubric> builtIn = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AuditRubric> uploaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, AuditRubric> audits = new();

    /// <summary>The loader of uploads: the library's limits, built-in bases only.</summary>
    public static RubricLoader Loader { get; } = new() { AllowFileBases = false };

    /// <summary>The default built-in rubric (GB/T 27922-2011): audits whose evidence names none.</summary>
    public AuditRubric Default => BuiltIn(RubricLoader.DefaultRubricId)!;

    /// <summary>A built-in rubric by id, or null.</summary>
    public AuditRubric? BuiltIn(string id) =>
        RubricLoader.BuiltInIds.Contains(id) ? builtIn.GetOrAdd(id, key => AuditRubric.Of(Rubric.BuiltIn(key)!, builtIn: true)) : null;

    /// <summary>
    /// The rubric an evidence pin names: none → the default; a built-in id (whatever version it pins: the engine warns
    /// about another version, SR3200, as the command line does); an uploaded id at that version, or its newest
    /// version when the pin has none. Null when there is no such rubric.
    /// </summary>
    public async Task<AuditRubric?> ResolveAsync(string? id, string? version, CancellationToken ct)
    {
        if (id is null)
        {
            return Default;
        }

        if (BuiltIn(id) is { } known)
        {
            return known;
        }

        var row = await store.GetRubricAsync(id, version, ct).ConfigureAwait(false);
        return row is null ? null : FromRow(row);
    }

    /// <summary>The rubric of a stored audit (cached per audit: it never changes).</summary>
    public async Task<AuditRubric?> ForAuditAsync(AuditRow audit, CancellationToken ct) =>
        audits.TryGetValue(audit.Id, out var known) ? known : Remember(audit.Id, await ResolveAsync(audit.RubricId, audit.RubricVersion, ct).ConfigureAwait(false));

    /// <summary>The rubric of a stored audit by id; null when there is no such audit.</summary>
    public async Task<AuditRubric?> ForAuditAsync(long auditId, CancellationToken ct)
    {
        if (audits.TryGetValue(auditId, out var known))
        {
            return known;
        }

        var key = await store.AuditRubricAsync(auditId, ct).ConfigureAwait(false);
        return key is { } k ? Remember(auditId, await ResolveAsync(k.RubricId, k.Version, ct).ConfigureAwait(false)) : null;
    }

    /// <summary>Loads an uploaded rubric's bytes as validated at upload (kept per text).</summary>
    public AuditRubric? FromRow(RubricRow row)
    {
        var key = row.RubricId + "@" + row.Version + "#" + row.SourceSha256;
        if (uploaded.TryGetValue(key, out var known))
        {
            return known;
        }

        var loaded = Loader.Parse(row.Source, row.SourceName);
        if (loaded.Value is null)
        {
            // Valid when uploaded, refused by this library version: the audits using it cannot be scored here.
            return null;
        }

        if (uploaded.Count >= CacheLimit)
        {
            uploaded.Clear();
        }

        return uploaded[key] = AuditRubric.Of(loaded.Value, builtIn: false);
    }

    private AuditRubric? Remember(long auditId, AuditRubric? rubric)
    {
        if (rubric is null)
        {
            return null;
        }

        if (audits.Count >= CacheLimit)
        {
            audits.Clear();
        }

        return audits[auditId] = rubric;
    }
}
