namespace StarRating.Server;

/// <summary>How <c>starrating serve</c> runs (docs/service.md#configuration). Defaults need no configuration.</summary>
public sealed record ServiceOptions
{
    /// <summary>The default data folder, relative to the current directory.</summary>
    public const string DefaultDataFolder = "starrating-data";

    /// <summary>The default address: loopback only, so a first run exposes nothing to the network.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    /// <summary>The data folder: the SQLite file and the attachments. Ignored with <see cref="PostgresConnection"/>.</summary>
    public string DataFolder { get; init; } = DefaultDataFolder;

    /// <summary>A PostgreSQL connection string (<c>Host=…;Database=…</c>) instead of SQLite; attachments then live in the database.</summary>
    public string? PostgresConnection { get; init; }

    /// <summary>Where to listen (ASP.NET Core's <c>--urls</c> convention, ';'-separated).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Largest evidence upload (bytes): 2 MiB, the library's own input limit.</summary>
    public long MaxEvidenceBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Largest single finding (bytes).</summary>
    public long MaxFindingBytes { get; init; } = 64 * 1024;

    /// <summary>Largest attachment (bytes): 20 MiB, a phone photo or a scanned document.</summary>
    public long MaxAttachmentBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Sign-in attempts allowed per client address and user name per minute (then 429).</summary>
    public int LoginAttemptsPerMinute { get; init; } = 10;

    /// <summary>
    /// The Chromium (or Chrome) executable that prints PDF reports; null: <c>STARRATING_CHROMIUM</c>, else the first
    /// <c>chromium</c>/<c>google-chrome</c> on the PATH, as <c>starrating score --format pdf</c> finds it. Without one,
    /// PDF reports answer 503 (SR7030) naming what to install; every other format works.
    /// </summary>
    public string? ChromiumPath { get; init; }

    /// <summary>
    /// The language of the service's console lines (start-up, first-run help): the command line's <c>--lang</c> or
    /// locale. Pages and problem details follow each request's own language instead.
    /// </summary>
    public Rules.Language Messages { get; init; }
}
