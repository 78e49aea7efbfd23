using StarRating.Rules.Documents;
using StarRating.Rules.Loading;

namespace StarRating.Rules;

/// <summary>
/// Loads rubric files and validates them, collecting every problem as a located <see cref="Diagnostic"/>.
/// Never throws for bad input; thread-safe.
/// </summary>
public sealed class RubricLoader
{
    /// <summary>The id of the default built-in rubric (GB/T 27922-2011).</summary>
    public const string DefaultRubricId = "gbt27922-2011";

    /// <summary>The name diagnostics use for the default built-in rubric.</summary>
    public const string DefaultRubricSourceName = "gbt27922-2011.yaml (built-in)";

    // The rubrics embedded in this assembly, by id: the file rules/ID.yaml of the repository.
    private static readonly string[] BuiltInRubricIds = [DefaultRubricId, "gbt27925-2011"];

    private static readonly Dictionary<string, Lazy<Rubric>> BuiltInRubrics = BuiltInRubricIds.ToDictionary(
        id => id,
        id => new Lazy<Rubric>(() => LoadBuiltIn(id).GetValueOrThrow()),
        StringComparer.Ordinal);

    /// <summary>Creates a loader.</summary>
    /// <param name="limits">Input limits; <see cref="InputLimits.Default"/> when null.</param>
    public RubricLoader(InputLimits? limits = null)
    {
        Limits = limits ?? InputLimits.Default;
    }

    /// <summary>The input limits in force (for every file of an overlay chain).</summary>
    public InputLimits Limits { get; }

    /// <summary>
    /// Whether an overlay may extend a rubric file (<c>extends: ../body.yaml</c>, relative to the overlay, or to the
    /// folder of the source name for text and bytes). Default true; set false where overlays come from people who
    /// must not make the loader read files, so that only built-in rubric ids can be extended (SR2103 otherwise).
    /// </summary>
    public bool AllowFileBases { get; init; } = true;

    /// <summary>The ids of the rubrics built into this assembly, the default first.</summary>
    public static IReadOnlyList<string> BuiltInIds => BuiltInRubricIds;

    /// <summary>Loads the built-in GB/T 27922-2011 rubric embedded in this assembly.</summary>
    public static LoadResult<Rubric> LoadDefault() => LoadBuiltIn(DefaultRubricId);

    /// <summary>Loads a built-in rubric by id (see <see cref="BuiltInIds"/>).</summary>
    /// <param name="id">The rubric id, e.g. <c>gbt27925-2011</c>.</param>
    /// <exception cref="ArgumentException">No built-in rubric has this id.</exception>
    public static LoadResult<Rubric> LoadBuiltIn(string id)
    {
        var bytes = BuiltInBytes(id) ?? throw new ArgumentException("No built-in rubric has this id; see RubricLoader.BuiltInIds.", nameof(id));
        return new RubricLoader().Parse(bytes, BuiltInSourceName(id));
    }

    /// <summary>The exact bytes of the default built-in rubric file, e.g. to write it out for editing.</summary>
    public static byte[] DefaultRubricBytes() => BuiltInBytes(DefaultRubricId)!;

    /// <summary>The exact bytes of a built-in rubric file, or null when no built-in rubric has this id.</summary>
    /// <param name="id">The rubric id.</param>
    public static byte[]? BuiltInBytes(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        if (!BuiltInRubricIds.Contains(id, StringComparer.Ordinal))
        {
            return null;
        }

        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream("StarRating.Rules." + id + ".yaml")
            ?? throw new InvalidOperationException("A built-in rubric is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The name diagnostics and results use for a built-in rubric: <c>ID.yaml (built-in)</c>.</summary>
    internal static string BuiltInSourceName(string id) => id + ".yaml (built-in)";

    /// <summary>The shared, loaded built-in rubric with this id, or null.</summary>
    internal static Rubric? BuiltIn(string id) =>
        BuiltInRubrics.TryGetValue(id ?? throw new ArgumentNullException(nameof(id)), out var rubric) ? rubric.Value : null;

    /// <summary>
    /// Loads and validates a rubric file (YAML, or JSON when the name ends in <c>.json</c>). A file with
    /// <c>extends:</c> is an overlay: its base is loaded (a built-in id, or a path relative to the file) and the
    /// resolved rubric is returned, with <see cref="Rubric.Base"/> set.
    /// </summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    public LoadResult<Rubric> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var document = DocumentLoader.LoadFile(path, path, Limits, bag);
        return Finish(document, bag);
    }

    /// <summary>Parses and validates rubric text (an overlay's relative base paths start at the folder of <paramref name="sourceName"/>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<Rubric> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Parse(text, sourceName, Limits, bag);
        return Finish(document, bag);
    }

    /// <summary>Parses and validates rubric bytes (UTF-8, or UTF-16 with a byte-order mark).</summary>
    /// <param name="bytes">The file's bytes; the rubric's SHA-256 is computed from them (from the resolved rubric for an overlay).</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<Rubric> Parse(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Parse(bytes, sourceName, Limits, bag);
        return Finish(document, bag);
    }

    /// <summary>Parses and validates rubric bytes in a stated format (no file name to tell it); an overlay's relative base paths start at the folder of <paramref name="sourceName"/>.</summary>
    /// <param name="bytes">The bytes (UTF-8, or UTF-16 with a byte-order mark).</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    public LoadResult<Rubric> Parse(ReadOnlyMemory<byte> bytes, InputFormat format, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return Finish(DocumentLoader.Parse(bytes.Span, DocumentLoader.Of(format), sourceName, Limits, bag), bag);
    }

    /// <summary>Reads a rubric from a stream to its end (at most <see cref="InputLimits.MaxFileBytes"/>) and validates it; the stream is not closed.</summary>
    /// <param name="stream">The rubric.</param>
    /// <param name="format">YAML or JSON.</param>
    /// <param name="sourceName">The name diagnostics use.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<Rubric>> LoadAsync(Stream stream, InputFormat format, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        return Finish(await DocumentLoader.LoadAsync(stream, format, sourceName, Limits, bag, cancellationToken).ConfigureAwait(false), bag);
    }

    /// <summary>
    /// <see cref="LoadFile"/> without blocking a thread on the disk for the file itself (an overlay's base file, if
    /// any, is read as <see cref="LoadFile"/> reads it).
    /// </summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    /// <param name="cancellationToken">Stops the read; an <see cref="OperationCanceledException"/> is thrown when it does.</param>
    public async Task<LoadResult<Rubric>> LoadFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        return Finish(await DocumentLoader.LoadFileAsync(path, path, Limits, bag, cancellationToken).ConfigureAwait(false), bag);
    }

    internal LoadResult<Rubric> Read(ParsedDocument document, DiagnosticBag bag) => Finish(document, bag);

    private LoadResult<Rubric> Finish(ParsedDocument? document, DiagnosticBag bag)
    {
        var resolved = document is null
            ? null
            : new OverlayResolver(Limits, AllowFileBases).Resolve(document, Path.GetDirectoryName(document.File), bag, []);
        return LoadResult.From(resolved?.Rubric, bag);
    }
}
