using System.Collections.Frozen;
using System.Text;
using Scriban;
using Scriban.Parsing;
using StarRating.Rules;
using StarRating.Rules.Files;
using StarRating.Rules.Text;

namespace StarRating.Reports;

/// <summary>
/// A set of compiled report templates (Scriban), looked up by file name such as <c>report.html.sbn</c>.
/// Compiled once, immutable and safe to share between threads. <see cref="BuiltIn"/> holds the templates embedded
/// in this assembly; <see cref="LoadFolder"/> lets a folder replace any of them. See <c>docs/templates.md</c>.
/// </summary>
public sealed class TemplateSet
{
    /// <summary>The templates every set has: one per report and format.</summary>
    internal const string ReportMarkdown = "report.md.sbn";
    internal const string ReportHtml = "report.html.sbn";
    internal const string GapMarkdown = "gap.md.sbn";
    internal const string GapHtml = "gap.html.sbn";
    internal const string ComparisonMarkdown = "comparison.md.sbn";
    internal const string ComparisonHtml = "comparison.html.sbn";

    /// <summary>Most digits a number written in a template may have, and the largest exponent it may carry (1 000).</summary>
    internal const int MaxNumberDigits = 1_000;

    private const string ResourcePrefix = "StarRating.Reports.Templates.";
    private const string Extension = ".sbn";

    private static readonly Lazy<TemplateSet> BuiltInSet = new(LoadBuiltIn);

    private readonly FrozenDictionary<string, Entry> entries;

    private TemplateSet(IEnumerable<KeyValuePair<string, Entry>> entries, ReportLimits? limits)
    {
        this.entries = entries.ToFrozenDictionary(StringComparer.Ordinal);
        Names = this.entries.Keys.Order(StringComparer.Ordinal).ToArray();
        Limits = limits;
    }

    /// <summary>The built-in templates (Markdown and HTML, Chinese and English through label tables), embedded in this assembly.</summary>
    public static TemplateSet BuiltIn => BuiltInSet.Value;

    /// <summary>The file names of the templates in the set, in ordinal order, e.g. <c>report.html.sbn</c>.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>The limits given to <see cref="LoadFolder"/>, used by renderers that are given no limits of their own.</summary>
    internal ReportLimits? Limits { get; }

    /// <summary>
    /// Loads the templates (<c>*.sbn</c>) of a folder. A file named like a built-in template (for example
    /// <c>report.html.sbn</c>) replaces it; built-in templates the folder does not have stay available; other files
    /// become templates that the set's templates can <c>include</c> by name. Every file is parsed now, and every
    /// syntax error is reported with the template file and its 1-based line and column (SR4001).
    /// </summary>
    /// <param name="folder">The folder; its sub-folders are not read.</param>
    /// <param name="limits">Limits for renderers using the set (and <see cref="ReportLimits.MaxTemplateChars"/> for the files); <see cref="ReportLimits.Default"/> when null.</param>
    public static LoadResult<TemplateSet> LoadFolder(string folder, ReportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(folder);
        limits?.Validate();
        var effective = limits ?? ReportLimits.Default;
        var bag = new DiagnosticBag();
        if (!Directory.Exists(folder))
        {
            if (File.Exists(folder))
            {
                bag.Add(ReportDiagnostics.NotAFolder, SourceLocation.WholeFile(folder), ("path", folder));
            }
            else
            {
                bag.Add(ReportDiagnostics.FolderNotFound, SourceLocation.WholeFile(folder));
            }

            return LoadResult.From<TemplateSet>(null, bag);
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(folder, "*" + Extension, SearchOption.TopDirectoryOnly)
                .Where(f => Path.GetFileName(f).EndsWith(Extension, StringComparison.Ordinal))
                .Order(StringComparer.Ordinal)
                .ToArray();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            bag.Add(ReportDiagnostics.TemplateUnreadable, SourceLocation.WholeFile(folder), ("reason", IoErrors.Describe(ex)));
            return LoadResult.From<TemplateSet>(null, bag);
        }

        if (files.Length == 0)
        {
            bag.Add(ReportDiagnostics.TemplateMissing, SourceLocation.WholeFile(folder), ("name", "*" + Extension), ("folder", folder), ("available", string.Join(", ", BuiltIn.Names)));
            return LoadResult.From<TemplateSet>(null, bag);
        }

        var entries = new Dictionary<string, Entry>(BuiltIn.entries, StringComparer.Ordinal);
        var inside = RealFolder(folder);
        foreach (var path in files)
        {
            var name = Path.GetFileName(path);
            var text = ReadTemplateFile(path, inside, effective, bag);
            if (text is null)
            {
                continue;
            }

            if (Compile(text, path, bag) is { } template)
            {
                entries[name] = new Entry(template, path, BuiltIn: false);
            }
        }

        return LoadResult.From(bag.HasErrors ? null : new TemplateSet(entries, limits), bag);
    }

    /// <summary>
    /// A set from template texts held by the caller (a database, a configuration service, resources of its own):
    /// each name (such as <c>report.html.sbn</c>) replaces the built-in template of that name or adds one that the
    /// others can <c>include</c>, exactly as a file of <see cref="LoadFolder"/> would; nothing is read from disk.
    /// Every text is parsed now; syntax errors are reported with the name and the 1-based line and column (SR4001).
    /// </summary>
    /// <param name="templates">Template name → text. Names are plain file names ending in <c>.sbn</c>.</param>
    /// <param name="limits">Limits for renderers using the set (and <see cref="ReportLimits.MaxTemplateChars"/> for each text); <see cref="ReportLimits.Default"/> when null.</param>
    public static LoadResult<TemplateSet> FromTexts(IReadOnlyDictionary<string, string> templates, ReportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(templates);
        limits?.Validate();
        var effective = limits ?? ReportLimits.Default;
        var bag = new DiagnosticBag();
        var entries = new Dictionary<string, Entry>(BuiltIn.entries, StringComparer.Ordinal);
        foreach (var (name, text) in templates.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var location = SourceLocation.WholeFile(name);
            if (!name.EndsWith(Extension, StringComparison.Ordinal) || name.IndexOfAny(['/', '\\', ':', '\0']) >= 0 || name.Length > 128)
            {
                bag.Add(ReportDiagnostics.TemplateUnreadable, location, ("reason", new Message("diagnostic.reason.template_name")));
                continue;
            }

            if (text is null || text.Length > effective.MaxTemplateChars)
            {
                bag.Add(ReportDiagnostics.TemplateTooLarge, location, ("limit", effective.MaxTemplateChars));
                continue;
            }

            if (Compile(text, name, bag) is { } template)
            {
                entries[name] = new Entry(template, name, BuiltIn: false);
            }
        }

        return LoadResult.From(bag.HasErrors ? null : new TemplateSet(entries, limits), bag);
    }

    /// <summary>
    /// Reads one template file of a folder, or reports why not: it must be a regular file inside the folder (a link
    /// may point only to another file of the folder, so no template can copy /etc/passwd into a report), no device
    /// or pipe (one hangs the reader, /dev/zero never ends), and its bytes are read under the size limit, never more.
    /// </summary>
    private static string? ReadTemplateFile(string path, string folder, ReportLimits limits, DiagnosticBag bag)
    {
        var location = SourceLocation.WholeFile(path);
        var info = new FileInfo(path);
        try
        {
            if (info.LinkTarget is not null)
            {
                var target = info.ResolveLinkTarget(returnFinalTarget: true);
                if (target is null || !string.Equals(Path.GetDirectoryName(RealPath(target.FullName)), folder, StringComparison.Ordinal))
                {
                    bag.Add(ReportDiagnostics.TemplateLinkOutside, location, ("target", target?.FullName ?? info.LinkTarget));
                    return null;
                }
            }
        }
        catch (IOException)
        {
            bag.Add(ReportDiagnostics.TemplateLinkOutside, location, ("target", info.LinkTarget ?? "?"));
            return null;
        }

        var kind = FileProbe.Stat(path).Kind;
        if (kind != FileKind.Regular)
        {
            // The kind, as the vocabulary's SR4011 text selects it.
            bag.Add(ReportDiagnostics.TemplateNotRegularFile, location, ("kind", kind switch
            {
                FileKind.Device => "device",
                FileKind.Fifo => "pipe",
                FileKind.Directory => "folder",
                FileKind.Missing => "broken_link",
                _ => "special",
            }));
            return null;
        }

        var maxBytes = (long)limits.MaxTemplateChars * 4;
        byte[] bytes;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
            var buffer = new byte[(int)Math.Min(maxBytes + 1, Math.Max(0, stream.Length) + 1)];
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read > maxBytes)
            {
                bag.Add(ReportDiagnostics.TemplateTooLarge, location, ("limit", limits.MaxTemplateChars));
                return null;
            }

            bytes = buffer[..read];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            bag.Add(ReportDiagnostics.TemplateUnreadable, location, ("reason", IoErrors.Describe(ex)));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes.AsSpan(3) : bytes);
        }
        catch (DecoderFallbackException)
        {
            bag.Add(ReportDiagnostics.TemplateUnreadable, location, ("reason", new Message("diagnostic.reason.not_utf8")));
            return null;
        }

        if (text.Length > limits.MaxTemplateChars)
        {
            bag.Add(ReportDiagnostics.TemplateTooLarge, location, ("limit", limits.MaxTemplateChars));
            return null;
        }

        return text;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The folder's full path with every link resolved.</summary>
    private static string RealFolder(string folder) => RealPath(Path.GetFullPath(folder));

    private static string RealPath(string full)
    {
        var path = Path.TrimEndingDirectorySeparator(full);
        var parent = Path.GetDirectoryName(path);
        var resolvedParent = parent is null ? null : RealPath(parent);
        var joined = resolvedParent is null ? path : Path.Combine(resolvedParent, Path.GetFileName(path));
        try
        {
            var link = new DirectoryInfo(joined).LinkTarget is not null || new FileInfo(joined).LinkTarget is not null
                ? (FileSystemInfo?)new FileInfo(joined).ResolveLinkTarget(returnFinalTarget: true)
                : null;
            return link is null ? joined : RealPath(link.FullName);
        }
        catch (IOException)
        {
            return joined;
        }
    }

    /// <summary>Finds a template by file name, with or without the <c>.sbn</c> extension.</summary>
    internal Template? Find(string name) =>
        entries.TryGetValue(name, out var entry) || entries.TryGetValue(name + Extension, out entry) ? entry.Template : null;

    /// <summary>Parses a template; every parser message becomes a located SR4001 diagnostic.</summary>
    internal static Template? Compile(string text, string sourceName, DiagnosticBag bag)
    {
        Template template;
        try
        {
            if (!CheckNumbers(text, sourceName, bag))
            {
                return null;
            }

            template = Template.Parse(text, sourceName);
        }
        catch (Exception ex)
        {
            // The parser reports problems as messages; anything thrown is still the template's fault, not ours.
            bag.Add(ReportDiagnostics.TemplateSyntax, SourceLocation.WholeFile(sourceName), ("detail", Sandbox.Describe(ex)));
            return null;
        }

        if (!template.HasErrors)
        {
            return template;
        }

        foreach (var message in template.Messages.Where(m => m.Type == Scriban.Parsing.ParserMessageType.Error))
        {
            bag.Add(ReportDiagnostics.TemplateSyntax, Sandbox.Locate(message.Span, sourceName), ("detail", message.Message));
        }

        return null;
    }

    /// <summary>
    /// Refuses numbers with more than <see cref="MaxNumberDigits"/> digits or a larger exponent (SR4001 at the number).
    /// Scriban's parser turns an integer written with an exponent, such as <c>4E440444444</c>, into an exact big integer:
    /// no limit and no cancellation apply while it parses, so one such number kept the loader busy for minutes (found
    /// by fuzzing, docs/fuzzing.md). The check reads Scriban's own tokens, so text outside <c>{{ }}</c> is never refused.
    /// </summary>
    private static bool CheckNumbers(string text, string sourceName, DiagnosticBag bag)
    {
        var ok = true;
        foreach (var token in new Lexer(text, sourceName))
        {
            if (token.Type is not (TokenType.Integer or TokenType.Float))
            {
                continue;
            }

            var number = text.AsSpan(token.Start.Offset, token.End.Offset - token.Start.Offset + 1);
            if (!IsTooLarge(number))
            {
                continue;
            }

            var shown = number.Length <= 40 ? number.ToString() : string.Concat(number[..30], "...");
            bag.Add(
                ReportDiagnostics.TemplateSyntax,
                Sandbox.Locate(new Scriban.Parsing.SourceSpan(sourceName, token.Start, token.End), sourceName),
                ("detail", new Message("diagnostic.template_number_too_large", ("number", shown), ("limit", MaxNumberDigits))));
            ok = false;
        }

        return ok;
    }

    private static bool IsTooLarge(ReadOnlySpan<char> number)
    {
        var e = number.IndexOfAny('e', 'E');
        var mantissa = e < 0 ? number : number[..e];
        var digits = 0;
        foreach (var c in mantissa)
        {
            digits += char.IsAsciiDigit(c) ? 1 : 0;
        }

        if (digits > MaxNumberDigits)
        {
            return true;
        }

        // The exponent's value, saturating: leading zeros and digit separators do not count.
        long exponent = 0;
        foreach (var c in e < 0 ? [] : number[(e + 1)..])
        {
            if (char.IsAsciiDigit(c))
            {
                exponent = Math.Min(exponent * 10 + (c - '0'), int.MaxValue);
            }
        }

        return exponent > MaxNumberDigits;
    }

    /// <summary>
    /// The built-in template files as shipped, by file name in ordinal order: what <c>starrating templates export</c>
    /// writes, and a start for a set of one's own (change a text, then <see cref="FromTexts"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Text)> BuiltInSources()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var sources = new List<(string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            sources.Add((resource[ResourcePrefix.Length..], reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal)));
        }

        return sources;
    }

    private static TemplateSet LoadBuiltIn()
    {
        var assembly = typeof(TemplateSet).Assembly;
        var bag = new DiagnosticBag();
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            var name = resource[ResourcePrefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var text = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
            if (Compile(text, name, bag) is { } template)
            {
                entries[name] = new Entry(template, name, BuiltIn: true);
            }
        }

        // The built-in templates are tested; a failure here is a build defect, not an input problem.
        return bag.HasErrors
            ? throw new StarRatingException(bag.ToSortedList())
            : new TemplateSet(entries, limits: null);
    }

    private sealed record Entry(Template Template, string Source, bool BuiltIn);
}
