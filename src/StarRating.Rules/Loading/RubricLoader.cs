using System.Reflection;
using StarRating.Rules.Documents;
using StarRating.Rules.Loading;

namespace StarRating.Rules;

/// <summary>
/// Loads rubric files and validates them, collecting every problem as a located <see cref="Diagnostic"/>.
/// Never throws for bad input; thread-safe.
/// </summary>
public sealed class RubricLoader
{
    /// <summary>The id of the built-in rubric.</summary>
    public const string DefaultRubricId = "gbt27922-2011";

    /// <summary>The name diagnostics use for the built-in rubric.</summary>
    public const string DefaultRubricSourceName = "gbt27922-2011.yaml (built-in)";

    private const string DefaultResourceName = "StarRating.Rules.gbt27922-2011.yaml";

    /// <summary>Creates a loader.</summary>
    /// <param name="limits">Input limits; <see cref="InputLimits.Default"/> when null.</param>
    public RubricLoader(InputLimits? limits = null)
    {
        Limits = limits ?? InputLimits.Default;
    }

    /// <summary>The input limits in force.</summary>
    public InputLimits Limits { get; }

    /// <summary>Loads the built-in GB/T 27922-2011 rubric embedded in this assembly.</summary>
    public static LoadResult<Rubric> LoadDefault() =>
        new RubricLoader().Parse(DefaultRubricBytes(), DefaultRubricSourceName);

    /// <summary>The exact bytes of the built-in rubric file, e.g. to write it out for editing.</summary>
    public static byte[] DefaultRubricBytes()
    {
        using var stream = typeof(RubricLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException("The built-in rubric is missing from the assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Loads and validates a rubric file (YAML, or JSON when the name ends in <c>.json</c>).</summary>
    /// <param name="path">The file path; diagnostics name it as given.</param>
    public LoadResult<Rubric> LoadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var bag = new DiagnosticBag();
        var document = DocumentLoader.LoadFile(path, path, Limits, bag);
        return Finish(document, bag);
    }

    /// <summary>Parses and validates rubric text.</summary>
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
    /// <param name="bytes">The file's bytes; the rubric's SHA-256 is computed from them.</param>
    /// <param name="sourceName">The name diagnostics use; a name ending in <c>.json</c> selects JSON.</param>
    public LoadResult<Rubric> Parse(byte[] bytes, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(sourceName);
        var bag = new DiagnosticBag();
        var document = DocumentLoader.Parse(bytes, sourceName, Limits, bag);
        return Finish(document, bag);
    }

    internal LoadResult<Rubric> Read(ParsedDocument document, DiagnosticBag bag) => Finish(document, bag);

    private LoadResult<Rubric> Finish(ParsedDocument? document, DiagnosticBag bag)
    {
        var rubric = document is null ? null : RubricReader.Read(document, bag, Limits);
        return LoadResult.From(rubric, bag);
    }
}
