using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text;
using StarRating.Rules.Documents;

namespace StarRating.Rules;

/// <summary>
/// Every word StarRating shows people — labels, sentences, diagnostics, help — in one catalogue per language: the
/// files <c>zh.yaml</c> and <c>en.yaml</c> embedded in this assembly (<c>src/StarRating.Rules/Vocabulary/</c>). A
/// language is added by adding a file; a text a language lacks comes from the next language on its fallback chain,
/// ending in Chinese. Texts have keys such as <c>label.score</c> or <c>explanation.partial</c> and named arguments.
/// Format, keys and syntax: <c>docs/vocabulary.md</c>. Immutable and safe to share between threads.
/// </summary>
/// <remarks>
/// Outputs never write a label of their own: they ask for it here, through a <see cref="Wording"/> (language and
/// terminology). The pseudo-language <c>qps-ploc</c> wraps every text in ⟦ ⟧ (English inside), so a template author
/// can see which words of an output come from the vocabulary and which are written into the template.
/// </remarks>
public sealed class Vocabulary
{
    /// <summary>The pseudo-language tag: every text in English, wrapped in ⟦ ⟧.</summary>
    public const string PseudoLanguageTag = "qps-ploc";

    private const string ResourcePrefix = "StarRating.Rules.Vocabulary.";
    private const string ResourceSuffix = ".yaml";
    private const int MaxDepth = 16;

    private static readonly Lazy<Vocabulary> DefaultVocabulary = new(LoadEmbedded);

    private readonly FrozenDictionary<string, Func<string>> sources;
    private readonly ConcurrentDictionary<string, Catalogue> catalogues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(Wording, string), IReadOnlyDictionary<string, string>> groups = new();
    private readonly ConcurrentDictionary<(Wording, string), string> plainTexts = new();
    private readonly ConcurrentDictionary<string, string[]> chains = new(StringComparer.Ordinal);

    private Vocabulary(IReadOnlyDictionary<string, Func<string>> sources)
    {
        this.sources = sources.ToFrozenDictionary(StringComparer.Ordinal);
        if (!this.sources.ContainsKey(Language.Chinese.Tag))
        {
            throw new InvalidOperationException("The vocabulary has no Chinese catalogue (zh.yaml).");
        }

        Languages = this.sources.Keys
            .Select(Language.Parse)
            .OrderBy(l => l.IsChinese ? 0 : 1)
            .ThenBy(l => l.Tag, StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>The vocabulary embedded in this assembly.</summary>
    public static Vocabulary Default => DefaultVocabulary.Value;

    /// <summary>The languages with a catalogue file, Chinese first.</summary>
    public IReadOnlyList<Language> Languages { get; }

    /// <summary>Every key, in ordinal order (the keys of the Chinese catalogue, which has every text).</summary>
    public IReadOnlyList<string> Keys => Load(Language.Chinese.Tag).Keys;

    /// <summary>True when the vocabulary has a text with this key.</summary>
    /// <param name="key">A key such as <c>label.score</c>.</param>
    public bool Contains(string key) => Load(Language.Chinese.Tag).Texts.ContainsKey(key);

    /// <summary>The language whose catalogue serves <paramref name="language"/>: the first on its fallback chain that has a file.</summary>
    /// <param name="language">The language asked for.</param>
    public Language Resolve(Language language) =>
        language.FallbackChain.FirstOrDefault(l => sources.ContainsKey(l.Tag), Language.Chinese);

    /// <summary>A message in words.</summary>
    /// <param name="message">The key and arguments.</param>
    /// <param name="wording">Language and terminology.</param>
    /// <exception cref="KeyNotFoundException">No language on the fallback chain has the key.</exception>
    /// <exception cref="InvalidOperationException">The text needs an argument the message does not give.</exception>
    public string Format(Message message, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(message);
        return FormatAt(message.Key, wording, message.Arguments, 0);
    }

    /// <summary>A text in words.</summary>
    /// <param name="key">The key.</param>
    /// <param name="wording">Language and terminology.</param>
    /// <param name="arguments">The named arguments the text uses, or null for a text without arguments.</param>
    public string Format(string key, Wording wording, IReadOnlyDictionary<string, object?>? arguments)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (arguments is null or { Count: 0 })
        {
            // Labels are asked for again and again (every report, every row): worded once per wording.
            return plainTexts.TryGetValue((wording, key), out var text)
                ? text
                : plainTexts.GetOrAdd((wording, key), FormatAt(key, wording, null, 0));
        }

        return FormatAt(key, wording, arguments, 0);
    }

    /// <summary>
    /// Every text whose key starts with <paramref name="prefix"/> and a dot, worded, keyed by the rest of its key:
    /// <c>Texts("label", wording)["score"]</c>. The texts must take no arguments (labels).
    /// </summary>
    /// <param name="prefix">A group such as <c>label</c>.</param>
    /// <param name="wording">Language and terminology.</param>
    public IReadOnlyDictionary<string, string> Texts(string prefix, Wording wording)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return groups.GetOrAdd((wording, prefix), static (k, self) =>
        {
            var (w, p) = k;
            var start = p + ".";
            return self.Keys
                .Where(key => key.StartsWith(start, StringComparison.Ordinal))
                .ToFrozenDictionary(key => key[start.Length..], key => self.FormatAt(key, w, null, 0), StringComparer.Ordinal);
        }, this);
    }

    /// <summary>The text as written in one catalogue (no fallback), or null when that catalogue lacks it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="language">A language with a catalogue file.</param>
    public string? Source(string key, Language language) =>
        sources.ContainsKey(language.Tag) && Load(language.Tag).Texts.TryGetValue(key, out var text) ? text.Value.Source : null;

    /// <summary>The argument names a text uses in one catalogue (its references' arguments included).</summary>
    internal IReadOnlyList<string> ArgumentsOf(string key, Language language)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        void Walk(string k, int depth)
        {
            if (depth > MaxDepth || Find(k, language) is not { } found)
            {
                return;
            }

            names.UnionWith(found.Text.Arguments);
            foreach (var reference in found.Text.References)
            {
                Walk(reference, depth + 1);
            }
        }

        Walk(key, 0);
        names.Remove("terminology");
        return names.ToArray();
    }

    /// <summary>Builds a vocabulary from catalogue texts keyed by language tag (for tests).</summary>
    internal static Vocabulary FromTexts(IReadOnlyDictionary<string, string> catalogues) =>
        new(catalogues.ToDictionary(c => c.Key, c => (Func<string>)(() => c.Value), StringComparer.Ordinal));

    internal string FormatAt(string key, Wording wording, IReadOnlyDictionary<string, object?>? arguments, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException($"The texts reference each other too deeply at '{key}' (a cycle?).");
        }

        var pseudo = string.Equals(wording.Language.Tag, PseudoLanguageTag, StringComparison.OrdinalIgnoreCase);
        var lookup = pseudo ? Language.English : wording.Language;
        var found = Find(key, lookup) ?? throw new KeyNotFoundException($"The vocabulary has no text '{key}'.");
        var output = new StringBuilder();
        found.Text.Write(output, new FormatContext(this, wording, key, arguments, found.Catalogue.PluralRule, depth));
        return pseudo ? "⟦" + output + "⟧" : output.ToString();
    }

    private (CatalogueText Text, Catalogue Catalogue)? Find(string key, Language language)
    {
        var chain = chains.GetOrAdd(language.Tag, static (_, state) =>
            state.Language.FallbackChain.Select(l => l.Tag).Where(state.Self.sources.ContainsKey).ToArray(), (Language: language, Self: this));
        foreach (var tag in chain)
        {
            var catalogue = Load(tag);
            if (catalogue.Texts.TryGetValue(key, out var text))
            {
                return (text.Value, catalogue);
            }
        }

        return null;
    }

    private Catalogue Load(string tag) => catalogues.GetOrAdd(tag, static (t, s) => Catalogue.Parse(t, s[t]()), sources);

    private static Vocabulary LoadEmbedded()
    {
        var assembly = typeof(Vocabulary).Assembly;
        var files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            .ToDictionary(
                n => Language.Parse(n[ResourcePrefix.Length..^ResourceSuffix.Length]).Tag,
                n => (Func<string>)(() =>
                {
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var reader = new StreamReader(stream, Encoding.UTF8);
                    return reader.ReadToEnd();
                }),
                StringComparer.Ordinal);
        return new Vocabulary(files);
    }

    /// <summary>One language's file: its texts (parsed on first use) and its plural rule.</summary>
    private sealed class Catalogue
    {
        private Catalogue(FrozenDictionary<string, Lazy<CatalogueText>> texts, PluralRule pluralRule)
        {
            Texts = texts;
            PluralRule = pluralRule;
            Keys = texts.Keys.Order(StringComparer.Ordinal).ToArray();
        }

        public FrozenDictionary<string, Lazy<CatalogueText>> Texts { get; }

        public IReadOnlyList<string> Keys { get; }

        public PluralRule PluralRule { get; }

        /// <summary>
        /// Reads a catalogue file with the rubric's own YAML front end: nested mappings of texts, keys joined with
        /// dots. A broken built-in file is a build error, so it throws.
        /// </summary>
        public static Catalogue Parse(string tag, string yaml)
        {
            var bag = new DiagnosticBag();
            var document = DocumentLoader.Parse(yaml, tag + ".yaml", InputLimits.Default, bag);
            if (document?.Root is not DocMapping root || bag.HasErrors)
            {
                throw new InvalidOperationException($"The vocabulary file {tag}.yaml cannot be read: " + string.Join("; ", bag.Items.Select(d => d.ToString())));
            }

            var texts = new Dictionary<string, Lazy<CatalogueText>>(StringComparer.Ordinal);
            void Walk(DocMapping map, string prefix)
            {
                foreach (var (key, value) in map.Entries)
                {
                    var name = prefix + key.Value;
                    switch (value)
                    {
                        case DocMapping child:
                            Walk(child, name + ".");
                            break;
                        case DocScalar scalar:
                            var source = scalar.IsNull ? "" : scalar.Value;
                            if (!texts.TryAdd(name, new Lazy<CatalogueText>(() => CatalogueText.Parse(source))))
                            {
                                throw new InvalidOperationException($"{tag}.yaml({key.Start.Line},{key.Start.Column}): the key '{name}' appears twice.");
                            }

                            break;
                        default:
                            throw new InvalidOperationException($"{tag}.yaml({key.Start.Line},{key.Start.Column}): '{name}' must be a text or a mapping of texts, not a list.");
                    }
                }
            }

            Walk(root, "");
            var rule = texts.TryGetValue("meta.plural", out var plural) && plural.Value.Source == "one" ? PluralRule.One : PluralRule.None;
            return new Catalogue(texts.ToFrozenDictionary(StringComparer.Ordinal), rule);
        }
    }
}
