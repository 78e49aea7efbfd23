using StarRating.Rules.Documents;

namespace StarRating.Rules.Loading;

/// <summary>
/// Resolves a rubric file that may be an overlay (<c>extends:</c> a built-in rubric id or a relative path): loads the
/// base (itself possibly an overlay), merges the overlay into the base's parsed tree by id at every level, and reads
/// the merged tree like any rubric, so it is validated by the same rules and every diagnostic names the file that
/// caused it. Works on the parsed trees only; the readers of the files themselves are not involved.
/// </summary>
/// <remarks>
/// Merge rules (docs/rubric-format.md#overlays): top-level values replace the base's (<c>scoring</c> key by key);
/// <c>categories</c>, <c>indicators</c> (top level, whatever category they sit in), <c>items</c> (under their
/// indicator) and <c>tiers</c> are mappings keyed by id; an entry with a known id changes the values it writes,
/// <c>remove: true</c> drops it, a new id adds an entry in the order written or <c>after: ID</c>; an indicator may
/// name or change its <c>category</c>.
/// </remarks>
internal sealed class OverlayResolver(InputLimits limits, bool allowFileBases)
{
    /// <summary>Most overlays in one chain (the plain rubric at the bottom not counted).</summary>
    public const int MaxOverlays = 8;

    public const string OverlayDoc = "docs/rubric-format.md#overlays";

    private static readonly string[] Extensions = [".yaml", ".yml", ".json"];

    /// <summary>
    /// Loads a rubric document. <paramref name="folder"/> is where relative <c>extends</c> paths start (null: the
    /// current folder); <paramref name="chain"/> lists the rubrics already on the way up (for cycles and depth).
    /// </summary>
    public Resolved? Resolve(ParsedDocument document, string? folder, DiagnosticBag bag, IReadOnlyList<ChainLink> chain)
    {
        if (document.Root is not DocMapping map || !map.Entries.Any(e => e.Key.Value == "extends"))
        {
            var plain = RubricReader.Read(document, bag, limits);
            return plain is null ? null : new Resolved(plain, document.Root, null);
        }

        var ctx = new ReadContext(document.File, bag, OverlayDoc, limits);
        var root = MapReader.Of(map, "rubric", "", ctx)!;
        var extendsNode = root.Get("extends");
        var extends = extendsNode is null ? null : Values.String(extendsNode, "extends", ctx);
        if (extends is null)
        {
            if (extendsNode is null)
            {
                ctx.Report(DiagnosticCatalog.EmptyValue, root.KeyLocation("extends"), ("key", "extends"), ("doc", OverlayDoc));
            }

            return null;
        }

        var link = Locate(extends, extendsNode!, folder, ctx);
        if (link is null)
        {
            return null;
        }

        var here = new ChainLink(Key(document.File), document.File);
        var upward = chain.Append(here).ToArray();
        if (upward.Any(l => l.Key == link.Key))
        {
            var names = upward.SkipWhile(l => l.Key != link.Key).Select(l => l.Name).Append(link.Name);
            ctx.Report(DiagnosticCatalog.OverlayCycle, extendsNode!, ("chain", string.Join(" → ", names)));
            return null;
        }

        if (upward.Length > MaxOverlays)
        {
            ctx.Report(DiagnosticCatalog.OverlayTooDeep, extendsNode!, ("limit", MaxOverlays), ("chain", string.Join(" → ", upward.Select(l => l.Name).Append(link.Name))));
            return null;
        }

        var baseBag = new DiagnosticBag();
        var baseDocument = link.BuiltIn
            ? DocumentLoader.Parse(RubricLoader.BuiltInBytes(link.BuiltInId!)!, link.Name, limits, baseBag)
            : DocumentLoader.LoadFile(link.Path!, link.Name, limits, baseBag);
        var resolvedBase = baseDocument is null ? null : Resolve(baseDocument, link.BuiltIn ? null : Path.GetDirectoryName(link.Name), baseBag, upward);
        bag.AddRange(baseBag.Items);
        if (resolvedBase is null)
        {
            ctx.Report(DiagnosticCatalog.BaseInvalid, extendsNode!, ("base", link.Name), ("count", baseBag.Items.Count(d => d.IsError)));
            return null;
        }

        var origins = (resolvedBase.Origins ?? new NodeOrigins(resolvedBase.Rubric.SourceName)).WithLayer(document.File);
        var merge = new Merge(resolvedBase.Tree, origins, ctx);
        var merged = merge.Apply(root);
        var rubric = RubricReader.Read(merged, document.File, document.Sha256, bag, limits, origins, resolvedBase.Rubric);
        if (rubric is null)
        {
            return null;
        }

        if (rubric.Id == resolvedBase.Rubric.Id && rubric.Version == resolvedBase.Rubric.Version)
        {
            bag.Add(DiagnosticCatalog.OverlaySameVersion, ctx.At(root.Get("version") ?? map), ("id", rubric.Id), ("version", rubric.Version));
        }

        // The hash of a resolved rubric is the hash of the resolved file as exported: formatting and comments of
        // the overlay do not change it, and loading the export as a plain rubric gives the same hash.
        rubric.Sha256 = SourceText.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(RubricWriter.Write(rubric)));
        return new Resolved(rubric, merged, origins);
    }

    /// <summary>A cycle key for a file: its full path (a built-in rubric never extends another).</summary>
    private static string Key(string file)
    {
        try
        {
            return "file:" + Path.GetFullPath(file);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return "name:" + file; // a descriptive source name rather than a path
        }
    }

    private ChainLink? Locate(string extends, DocNode at, string? folder, ReadContext ctx)
    {
        if (RubricLoader.BuiltInBytes(extends) is not null)
        {
            return new ChainLink("builtin:" + extends, RubricLoader.BuiltInSourceName(extends)) { BuiltIn = true, BuiltInId = extends };
        }

        var looksLikePath = extends.Contains('/') || extends.Contains('\\') || Extensions.Any(e => extends.EndsWith(e, StringComparison.OrdinalIgnoreCase));
        if (!looksLikePath)
        {
            ctx.Report(DiagnosticCatalog.UnknownBaseRubric, at, ("id", Values.Shorten(extends)), ("suggestion", Suggest.DidYouMean(extends, RubricLoader.BuiltInIds)), ("builtIns", string.Join(", ", RubricLoader.BuiltInIds)));
            return null;
        }

        if (!allowFileBases)
        {
            ctx.Report(DiagnosticCatalog.BaseRefused, at, ("value", Values.Shorten(extends)), ("reason", new Message("diagnostic.overlay.refused.file_bases")));
            return null;
        }

        if (Path.IsPathRooted(extends) || extends.StartsWith('~'))
        {
            ctx.Report(DiagnosticCatalog.BaseRefused, at, ("value", Values.Shorten(extends)), ("reason", new Message("diagnostic.overlay.refused.absolute")));
            return null;
        }

        if (!Extensions.Any(e => extends.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
        {
            ctx.Report(DiagnosticCatalog.BaseRefused, at, ("value", Values.Shorten(extends)), ("reason", new Message("diagnostic.overlay.refused.extension")));
            return null;
        }

        var name = Normalize(string.IsNullOrEmpty(folder) ? extends : Path.Combine(folder, extends));
        if (!File.Exists(name))
        {
            ctx.Report(DiagnosticCatalog.BaseFileNotFound, at, ("path", name), ("folder", string.IsNullOrEmpty(folder) ? "." : folder));
            return null;
        }

        return new ChainLink(Key(name), name) { Path = name };
    }

    /// <summary>Removes "." and "dir/.." segments lexically, keeping a relative path relative (for readable file names in messages).</summary>
    private static string Normalize(string path)
    {
        var separator = Path.DirectorySeparatorChar;
        var rooted = path.StartsWith(separator);
        var parts = new List<string>();
        foreach (var part in path.Replace('\\', separator).Split(separator))
        {
            if (part is "" or ".")
            {
                continue;
            }

            if (part == ".." && parts.Count > 0 && parts[^1] != "..")
            {
                parts.RemoveAt(parts.Count - 1);
            }
            else
            {
                parts.Add(part);
            }
        }

        var joined = string.Join(separator, parts);
        return rooted ? separator + joined : joined.Length == 0 ? "." : joined;
    }

    internal sealed record Resolved(Rubric Rubric, DocNode Tree, NodeOrigins? Origins);

    internal sealed record ChainLink(string Key, string Name)
    {
        public bool BuiltIn { get; init; }

        public string? BuiltInId { get; init; }

        public string? Path { get; init; }
    }

    /// <summary>
    /// One overlay applied to one base tree: the base's entries become editable <see cref="Entry"/> objects, the
    /// overlay's entries change, remove, add or move them, and a new tree is built. Base nodes are shared, never
    /// changed; containers are rebuilt. Every node of the overlay is assigned the overlay's layer up front.
    /// </summary>
    private sealed class Merge
    {
        // The keys an overlay may write, per kind of entry: the rubric's own values (which replace the base's), then
        // the overlay's control keys. The order is the order of hints for an unknown key.
        private static readonly string[] RootKeys =
            ["$schema", "id", "extends", "version", "title", "report_title", "standard", "total", "provisional", "terminology", "description", "documents", "scoring", "tiers", "categories", "indicators"];

        private static readonly KindKeys Categories = new("category", ["name", "points"], ["remove", "after"], "indicators");
        private static readonly KindKeys Indicators = new("indicator", ["name", "points", "provisional", "summary", "items"], ["category", "remove", "after"], "items");
        private static readonly KindKeys Items = new("item", ["points", "requirement", "methods", "documents"], ["remove", "after"], null);
        private static readonly KindKeys Tiers = new("tier", ["label", "min", "stars", "requires", "initial_audit_note"], ["remove", "after"], null);

        private readonly DocMapping baseRoot;
        private readonly NodeOrigins origins;
        private readonly ReadContext ctx;
        private readonly int layer;
        private readonly List<Entry> tiers;
        private readonly List<Entry> categories;
        private readonly List<KeyValuePair<DocScalar, DocNode>> fields;
        private readonly Entry rootEntry;

        public Merge(DocNode baseTree, NodeOrigins origins, ReadContext ctx)
        {
            this.origins = origins;
            this.ctx = ctx;
            layer = origins.TopLayer;
            baseRoot = (DocMapping)baseTree;
            fields = [.. baseRoot.Entries];
            rootEntry = new Entry("", baseRoot, origins.LayerOf(baseRoot), null);
            rootEntry.Touches.AddRange(origins.TouchesOf(baseRoot));
            tiers = ListOf(baseRoot, "tiers").Select(m => FromBase(m, null)).ToList();
            categories = ListOf(baseRoot, "categories").Select(c => FromBase(c, "indicators", i => FromBase(i, "items", item => FromBase(item, null)))).ToList();
        }

        public DocMapping Apply(MapReader overlay)
        {
            origins.MarkTree(overlay.Node, layer);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, value) in overlay.Node.Entries)
            {
                if (!seen.Add(key.Value))
                {
                    continue; // reported as a duplicate key when the overlay was read
                }

                if (!RootKeys.Contains(key.Value) && !key.Value.StartsWith("x-", StringComparison.Ordinal))
                {
                    ReportUnknownKey(key, overlay.Context, RootKeys);
                    continue;
                }

                switch (key.Value)
                {
                    case "extends":
                        break;
                    case "categories":
                        MergeCategories(value);
                        break;
                    case "indicators":
                        MergeIndicators(value);
                        break;
                    case "tiers":
                        MergeTiers(value);
                        break;
                    case "scoring" when value is DocMapping scoring && Field(fields, "scoring") is DocMapping baseScoring:
                        var merged = new DocMapping(baseScoring.Start);
                        origins.Mark(merged, origins.LayerOf(baseScoring));
                        merged.MutableEntries.AddRange(baseScoring.Entries);
                        Replace(merged.MutableEntries, scoring.Entries);
                        Set(fields, key, merged);
                        break;
                    default:
                        Set(fields, key, value);
                        break;
                }
            }

            foreach (var required in new[] { "id", "version" })
            {
                if (!seen.Contains(required))
                {
                    ctx.Report(DiagnosticCatalog.MissingKey, overlay.Location, ("key", required), ("context", new Message("diagnostic.context.overlay_top_level")), ("doc", OverlayDoc));
                }
            }

            var result = new DocMapping(baseRoot.Start);
            origins.Mark(result, origins.LayerOf(baseRoot));
            foreach (var (key, value) in fields)
            {
                if (key.Value == "extends")
                {
                    continue;
                }

                result.MutableEntries.Add(new(key, key.Value switch
                {
                    "tiers" => Build(value, tiers),
                    "categories" => Build(value, categories),
                    _ => value,
                }));
            }

            foreach (var touch in rootEntry.Touches)
            {
                origins.Touch(result, touch);
            }

            return result;
        }

        // ---- categories -----------------------------------------------------------------------------------

        private void MergeCategories(DocNode node)
        {
            foreach (var (key, value, entry) in Entries(node, "categories", Categories, "\"5.1\": { points: 40 }"))
            {
                var existing = categories.Find(c => c.Id == key.Value);
                if (Removes(entry, key.Value, "category", existing is not null, categories.Select(c => c.Id)))
                {
                    if (existing is not null)
                    {
                        categories.Remove(existing);
                        rootEntry.Touches.Add(entry.Get("remove")!);
                        RecordRemoval(existing, RubricPart.Category, entry.Get("remove")!);
                    }

                    continue;
                }

                var after = After(entry);
                if (existing is null)
                {
                    if (!Complete(entry, key, "category", ["name", "points"], categories.Select(c => c.Id)))
                    {
                        continue;
                    }

                    existing = New(key, (DocMapping)value, "indicators", $"categories[\"{key.Value}\"]");
                    CopyFields(existing, entry, Categories);
                    Place(categories, existing, after, "category", new Message("diagnostic.overlay.scope.categories"), "rubric");
                    continue;
                }

                existing.Path = $"categories[\"{key.Value}\"]";
                CopyFields(existing, entry, Categories);
                Place(categories, existing, after, "category", new Message("diagnostic.overlay.scope.categories"), "rubric");
            }
        }

        // ---- indicators -----------------------------------------------------------------------------------

        private void MergeIndicators(DocNode node)
        {
            foreach (var (key, value, entry) in Entries(node, "indicators", Indicators, "\"5.1.1\": { points: 6 }"))
            {
                var id = key.Value;
                var home = categories.Find(c => c.Children.Any(i => i.Id == id));
                var existing = home?.Children.Find(i => i.Id == id);
                if (Removes(entry, id, "indicator", existing is not null, AllIndicators().Select(i => i.Id)))
                {
                    if (existing is not null)
                    {
                        home!.Children.Remove(existing);
                        home.Touches.Add(entry.Get("remove")!);
                        RecordRemoval(existing, RubricPart.Indicator, entry.Get("remove")!);
                    }

                    continue;
                }

                var after = After(entry);
                var categoryNode = entry.Get("category");
                var categoryId = categoryNode is null ? null : Values.Id(categoryNode, "category", ctx);
                Entry? target = null;
                if (categoryId is not null)
                {
                    target = categories.Find(c => c.Id == categoryId);
                    if (target is null)
                    {
                        ctx.Report(DiagnosticCatalog.UnknownTargetCategory, categoryNode!, ("indicator", id), ("id", categoryId), ("suggestion", Suggest.DidYouMean(categoryId, categories.Select(c => c.Id))));
                        continue;
                    }
                }
                else if (after is not null && existing is null)
                {
                    // A new indicator without category: goes to the category of the indicator it follows.
                    target = categories.Find(c => c.Children.Any(i => i.Id == after.Value.Id));
                    if (target is null)
                    {
                        ReportUnknownAfter(after.Value, "indicator", new Message("diagnostic.overlay.scope.any_category"), "category", AllIndicators().Select(i => i.Id));
                        continue;
                    }
                }

                if (existing is null)
                {
                    var needs = target is null ? new[] { "name", "points", "items", "category" } : ["name", "points", "items"];
                    if (!Complete(entry, key, "indicator", needs, AllIndicators().Select(i => i.Id)))
                    {
                        continue;
                    }

                    existing = New(key, (DocMapping)value, "items", $"indicators[\"{id}\"]");
                    CopyFields(existing, entry, Indicators);
                    MergeItems(existing, entry);
                    Place(target!.Children, existing, after, "indicator", new Message("diagnostic.overlay.scope.in_category", ("id", target.Id)), "category");
                    target.Touches.Add(key);
                    continue;
                }

                existing.Path = $"indicators[\"{id}\"]";
                CopyFields(existing, entry, Indicators);
                MergeItems(existing, entry);
                if (target is not null && target != home)
                {
                    home!.Children.Remove(existing);
                    home.Touches.Add(categoryNode!);
                    target.Touches.Add(categoryNode!);
                    Place(target.Children, existing, after, "indicator", new Message("diagnostic.overlay.scope.in_category", ("id", target.Id)), "category");
                }
                else
                {
                    Place(home!.Children, existing, after, "indicator", new Message("diagnostic.overlay.scope.in_category", ("id", home.Id)), "category");
                }
            }
        }

        // ---- items ----------------------------------------------------------------------------------------

        private void MergeItems(Entry indicator, MapReader entry)
        {
            var node = entry.Get("items");
            if (node is null)
            {
                return;
            }

            var prefix = indicator.Path ?? $"indicators[\"{indicator.Id}\"]";
            foreach (var (key, value, item) in Entries(node, "items", Items, "\"" + indicator.Id + ".1\": { points: 2 }", prefix + ".items"))
            {
                var id = key.Value;
                var existing = indicator.Children.Find(i => i.Id == id);
                if (Removes(item, id, "item", existing is not null, indicator.Children.Select(i => i.Id)))
                {
                    if (existing is not null)
                    {
                        indicator.Children.Remove(existing);
                        indicator.Touches.Add(item.Get("remove")!);
                        origins.AddRemoval(RubricPart.Item, id, item.Get("remove")!);
                    }

                    continue;
                }

                var after = After(item);

                if (existing is null)
                {
                    if (!Complete(item, key, "item", ["points", "requirement", "methods"], AllItems().Select(i => i.Id)))
                    {
                        continue;
                    }

                    existing = New(key, (DocMapping)value, null, $"{prefix}.items[\"{id}\"]");
                    CopyFields(existing, item, Items);
                    Place(indicator.Children, existing, after, "item", new Message("diagnostic.overlay.scope.in_indicator", ("id", indicator.Id)), "indicator");
                    continue;
                }

                existing.Path = $"{prefix}.items[\"{id}\"]";
                CopyFields(existing, item, Items);
                Place(indicator.Children, existing, after, "item", new Message("diagnostic.overlay.scope.in_indicator", ("id", indicator.Id)), "indicator");
            }
        }

        // ---- tiers ----------------------------------------------------------------------------------------

        private void MergeTiers(DocNode node)
        {
            foreach (var (key, value, entry) in Entries(node, "tiers", Tiers, "five-star: { min: 96 }"))
            {
                var existing = tiers.Find(t => t.Id == key.Value);
                if (Removes(entry, key.Value, "tier", existing is not null, tiers.Select(t => t.Id)))
                {
                    if (existing is not null)
                    {
                        tiers.Remove(existing);
                        origins.AddRemoval(RubricPart.Tier, key.Value, entry.Get("remove")!);
                    }

                    continue;
                }

                var after = After(entry);
                if (existing is null)
                {
                    if (!Complete(entry, key, "tier", ["label", "min"], tiers.Select(t => t.Id)))
                    {
                        continue;
                    }

                    existing = New(key, (DocMapping)value, null, $"tiers[\"{key.Value}\"]");
                }

                existing.Path = $"tiers[\"{key.Value}\"]";

                CopyFields(existing, entry, Tiers);
                Place(tiers, existing, after, "tier", new Message("diagnostic.overlay.scope.tiers"), "rubric");
            }
        }

        // ---- shared steps -----------------------------------------------------------------------------------

        /// <summary>The entries of an overlay mapping keyed by id, each read as a mapping; duplicates are skipped (already reported).</summary>
        private IEnumerable<(DocScalar Key, DocNode Value, MapReader Entry)> Entries(DocNode node, string key, KindKeys kind, string example, string? path = null)
        {
            if (node is DocSequence)
            {
                ctx.Report(DiagnosticCatalog.OverlayListNotMapping, node, ("key", key), ("example", example));
                yield break;
            }

            var map = MapReader.Of(node, key, path ?? key, ctx);
            if (map is null)
            {
                yield break;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (entryKey, entryValue) in map.Node.Entries)
            {
                // x- keys are extensions here too, so an id-keyed mapping can carry notes of its own.
                if (!seen.Add(entryKey.Value) || entryKey.Value.StartsWith("x-", StringComparison.Ordinal) || Values.Id(entryKey, key, ctx) is null)
                {
                    continue;
                }

                var entry = MapReader.Of(entryValue, entryKey.Value, $"{path ?? key}[\"{entryKey.Value}\"]", ctx);
                if (entry is null)
                {
                    continue;
                }

                var allowed = kind.Values.Concat(kind.Control).ToArray();
                foreach (var (field, _) in entry.Node.Entries)
                {
                    if (field.Value == "id")
                    {
                        ctx.Report(DiagnosticCatalog.OverlayEntryId, field, ("kind", Kind(kind.Name)), ("entry", entryKey.Value));
                    }
                    else if (field.Value == kind.ChildKey && kind == Categories)
                    {
                        ctx.Report(DiagnosticCatalog.OverlayNestedIndicators, field, ("id", entryKey.Value));
                    }
                    else if (!allowed.Contains(field.Value) && !field.Value.StartsWith("x-", StringComparison.Ordinal))
                    {
                        ReportUnknownKey(field, entry.Context, allowed);
                    }
                }

                yield return (entryKey, entryValue, entry);
            }
        }

        /// <summary>True when the entry says remove: true (after checking it names something and says nothing else).</summary>
        private bool Removes(MapReader entry, string id, string kind, bool exists, IEnumerable<string> siblings)
        {
            if (!entry.Has("remove") || entry.Boolean("remove") != true)
            {
                return false;
            }

            var others = entry.Node.Entries.Select(e => e.Key.Value).Where(k => k != "remove" && !k.StartsWith("x-", StringComparison.Ordinal)).Distinct().ToArray();
            if (others.Length > 0)
            {
                ctx.Report(DiagnosticCatalog.RemoveWithValues, entry.KeyLocation(others[0]), ("kind", Kind(kind)), ("id", id), ("keys", string.Join(", ", others)));
            }

            if (!exists)
            {
                ctx.Report(DiagnosticCatalog.RemoveUnknown, entry.ValueLocation("remove"), ("kind", Kind(kind)), ("id", id), ("suggestion", Suggest.DidYouMean(id, siblings)));
            }

            return true;
        }

        private (string Id, DocNode At)? After(MapReader entry)
        {
            var node = entry.Get("after");
            var id = node is null ? null : Values.Id(node, "after", ctx);
            return id is null ? null : (id, node!);
        }

        /// <summary>A new id must bring what a new entry needs; otherwise it is most likely a misspelt id of the base.</summary>
        private bool Complete(MapReader entry, DocScalar key, string kind, string[] needs, IEnumerable<string> known)
        {
            var missing = needs.Where(k => entry.Get(k) is null).ToArray();
            if (missing.Length == 0)
            {
                return true;
            }

            ctx.Report(DiagnosticCatalog.IncompleteNewEntry, key, ("id", key.Value), ("kind", Kind(kind)), ("needs", string.Join(", ", needs)), ("suggestion", Suggest.DidYouMean(key.Value, known)));
            return false;
        }

        private void Place(List<Entry> list, Entry entry, (string Id, DocNode At)? after, string kind, Message scope, string container)
        {
            if (after is { } a)
            {
                var index = a.Id == entry.Id ? -1 : list.FindIndex(e => e.Id == a.Id);
                if (index >= 0)
                {
                    list.Remove(entry);
                    list.Insert(list.FindIndex(e => e.Id == a.Id) + 1, entry);
                    return;
                }

                ReportUnknownAfter(a, kind, scope, container, list.Select(e => e.Id).Where(id => id != entry.Id));
            }

            if (!list.Contains(entry))
            {
                list.Add(entry);
            }
        }

        private void ReportUnknownAfter((string Id, DocNode At) after, string kind, Message scope, string container, IEnumerable<string> candidates) =>
            ctx.Report(DiagnosticCatalog.UnknownAfter, after.At, ("after", after.Id), ("kind", Kind(kind)), ("scope", scope), ("suggestion", Suggest.DidYouMean(after.Id, candidates)), ("container", container));

        /// <summary>The name of a kind of entry (category, indicator, item, tier) in the reader's language.</summary>
        private static Message Kind(string kind) => new("diagnostic.overlay.kind." + kind);

        private void RecordRemoval(Entry removed, RubricPart part, DocNode marker)
        {
            origins.AddRemoval(part, removed.Id, marker);
            foreach (var child in removed.Children)
            {
                RecordRemoval(child, part + 1, marker);
            }
        }

        /// <summary>A new entry from an overlay: its id becomes an <c>id:</c> value at the overlay key's position.</summary>
        private Entry New(DocScalar key, DocMapping source, string? childKey, string path)
        {
            var idValue = new DocScalar(key.Start, key.Value, isQuoted: true, isNull: false);
            var idKey = new DocScalar(key.Start, "id", isQuoted: false, isNull: false);
            origins.Mark(idValue, layer);
            origins.Mark(idKey, layer);
            var entry = new Entry(key.Value, source, layer, childKey) { Path = path };
            entry.Fields.Add(new(idKey, idValue));
            return entry;
        }

        /// <summary>The entry's values replace the base's, key by key; overlay keys (remove, after, category, id) and the children key stay out.</summary>
        private static void CopyFields(Entry target, MapReader entry, KindKeys kind)
        {
            var values = entry.Node.Entries
                .Where(e => (kind.Values.Contains(e.Key.Value) && e.Key.Value != kind.ChildKey) || e.Key.Value.StartsWith("x-", StringComparison.Ordinal))
                .ToList();
            Replace(target.Fields, values);
        }

        private void ReportUnknownKey(DocScalar key, object context, string[] allowed) =>
            ctx.Report(DiagnosticCatalog.UnknownKey, key, ("key", Values.Shorten(key.Value)), ("context", context), ("suggestion", Suggest.DidYouMean(key.Value, allowed)), ("allowed", string.Join(", ", allowed)));

        private static void Replace(List<KeyValuePair<DocScalar, DocNode>> into, IEnumerable<KeyValuePair<DocScalar, DocNode>> values)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var value in values)
            {
                if (seen.Add(value.Key.Value))
                {
                    Set(into, value.Key, value.Value);
                }
            }
        }

        private static void Set(List<KeyValuePair<DocScalar, DocNode>> into, DocScalar key, DocNode value)
        {
            var index = into.FindIndex(e => e.Key.Value == key.Value);
            if (index >= 0)
            {
                into[index] = new(key, value);
            }
            else
            {
                into.Add(new(key, value));
            }
        }

        private static DocNode? Field(IReadOnlyList<KeyValuePair<DocScalar, DocNode>> from, string key) =>
            from.FirstOrDefault(e => e.Key.Value == key).Value;

        private static IEnumerable<DocMapping> ListOf(DocMapping map, string key) =>
            Field(map.Entries, key) is DocSequence sequence ? sequence.Items.OfType<DocMapping>() : [];

        private Entry FromBase(DocMapping map, string? childKey, Func<DocMapping, Entry>? child = null)
        {
            var id = Field(map.Entries, "id") is DocScalar scalar ? scalar.Value : "";
            var entry = new Entry(id, map, origins.LayerOf(map), childKey) { Path = origins.PathOf(map) };
            entry.Fields.AddRange(map.Entries);
            entry.Touches.AddRange(origins.TouchesOf(map));
            if (childKey is not null && child is not null)
            {
                entry.Children.AddRange(ListOf(map, childKey).Select(child));
            }

            return entry;
        }

        private IEnumerable<Entry> AllIndicators() => categories.SelectMany(c => c.Children);

        private IEnumerable<Entry> AllItems() => AllIndicators().SelectMany(i => i.Children);

        /// <summary>The rebuilt list for a children key: the original list node's position, the entries in their new order.</summary>
        private DocSequence Build(DocNode at, List<Entry> entries)
        {
            var sequence = new DocSequence(at.Start);
            origins.Mark(sequence, origins.LayerOf(at));
            sequence.MutableItems.AddRange(entries.Select(Build));
            return sequence;
        }

        private DocMapping Build(Entry entry)
        {
            var map = new DocMapping(entry.Source.Start);
            origins.Mark(map, entry.Layer);
            if (entry.Path is not null)
            {
                origins.SetPath(map, entry.Path);
            }

            var wroteChildren = false;
            foreach (var (key, value) in entry.Fields)
            {
                if (key.Value == entry.ChildKey)
                {
                    map.MutableEntries.Add(new(key, Build(value, entry.Children)));
                    wroteChildren = true;
                }
                else
                {
                    map.MutableEntries.Add(new(key, value));
                }
            }

            if (!wroteChildren && entry.ChildKey is not null && entry.Children.Count > 0)
            {
                var key = new DocScalar(entry.Source.Start, entry.ChildKey, isQuoted: false, isNull: false);
                origins.Mark(key, entry.Layer);
                map.MutableEntries.Add(new(key, Build(entry.Source, entry.Children)));
            }

            foreach (var touch in entry.Touches)
            {
                origins.Touch(map, touch);
            }

            return map;
        }
    }

    /// <summary>What an overlay may write in one kind of entry: rubric values, control keys, and the key of its children.</summary>
    private sealed record KindKeys(string Name, string[] Values, string[] Control, string? ChildKey);

    /// <summary>An entry of the rubric being merged: its values, its children (indicators or items) and what changed them.</summary>
    private sealed class Entry(string id, DocMapping source, int layer, string? childKey)
    {
        public string Id { get; } = id;

        /// <summary>The mapping the entry was read from: the base's, or the overlay's for a new entry.</summary>
        public DocMapping Source { get; } = source;

        public int Layer { get; } = layer;

        /// <summary>The key of the children list: indicators for a category, items for an indicator, else null.</summary>
        public string? ChildKey { get; } = childKey;

        /// <summary>How messages name the entry: set for entries an overlay wrote (e.g. <c>indicators["5.1.1"]</c>).</summary>
        public string? Path { get; set; }

        public List<KeyValuePair<DocScalar, DocNode>> Fields { get; } = [];

        public List<Entry> Children { get; } = [];

        /// <summary>Overlay nodes that removed or moved a child (for locating a sum that no longer holds).</summary>
        public List<DocNode> Touches { get; } = [];
    }
}
