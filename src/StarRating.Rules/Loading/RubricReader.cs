using StarRating.Rules.Documents;

namespace StarRating.Rules.Loading;

/// <summary>
/// Turns a parsed rubric document into a validated <see cref="Rubric"/>. Reading collects drafts with their
/// positions; validation then checks ids, sums and tiers on the drafts, so every problem is reported in one
/// pass; the immutable model is built only when there are no errors.
/// </summary>
internal static class RubricReader
{
    public const string FormatDoc = "docs/rubric-format.md";

    public static Rubric? Read(ParsedDocument document, DiagnosticBag bag, InputLimits limits) =>
        Read(document.Root, document.File, document.Sha256, bag, limits, origins: null, baseRubric: null);

    /// <summary>
    /// Reads a rubric tree. For an overlay the tree is the merged one, <paramref name="origins"/> says which file each
    /// node came from (so every diagnostic points into the file to edit) and <paramref name="baseRubric"/> is the
    /// rubric it extends.
    /// </summary>
    public static Rubric? Read(DocNode rootNode, string file, string sha256, DiagnosticBag bag, InputLimits limits, NodeOrigins? origins, Rubric? baseRubric)
    {
        var ctx = new ReadContext(file, bag, FormatDoc, limits, origins);
        if (!MapReader.IsKind(rootNode, ctx, new Message("diagnostic.file_kind.rubric"), ["categories", "tiers", "total", "scoring", "standard", "extends"], ["findings", "audit", "company"],
                new Message("diagnostic.file_kind.evidence"), new Message("diagnostic.file_kind.fix_rubric")))
        {
            return null;
        }

        var root = MapReader.Of(rootNode, "rubric", "", ctx);
        if (root is null)
        {
            return null;
        }

        root.Has("$schema");
        var id = root.Id("id", required: true);
        var title = root.Text("title", required: true);
        var reportTitle = root.Text("report_title");
        var standard = root.String("standard", required: true);
        var version = root.String("version", required: true);
        var total = root.Decimal("total", required: true);
        var provisional = root.Text("provisional");
        var terminology = root.Enum("terminology", Words.Terminologies);
        var description = root.Text("description");
        var documents = ReadTexts(root, "documents", ctx);
        var scoring = ReadScoring(root.Map("scoring"), ctx);
        var tiers = ReadList(root, "tiers", ctx, ReadTier);
        var categories = ReadList(root, "categories", ctx, ReadCategory);
        root.Finish();

        if (total is not null && total <= 0)
        {
            ctx.Report(DiagnosticCatalog.PointsNotPositive, root.ValueLocation("total"), ("value", total.Value));
        }

        Validate(categories, tiers, total, root, ctx);
        if (bag.HasErrors || id is null || title is null || standard is null || version is null || total is null || scoring is null)
        {
            return null;
        }

        var model = categories.Select(c => new RubricCategory(
            c.Id!,
            c.Name!,
            c.Points!.Value,
            c.Indicators.Select(i => new Indicator(
                i.Id!,
                i.Name!,
                i.Points!.Value,
                i.Provisional,
                i.Summary,
                i.Items.Select(item => new CheckItem(item.Id!, item.Points!.Value, item.Requirement!, item.Methods, item.Documents, item.Line)).ToArray()))
            .ToArray()))
            .ToArray();
        var tierModel = tiers.Select(t => new Tier(t.Id!, t.Label!, t.Min!.Value, t.Stars, t.Requires.Select(r => r.Id).ToArray(), t.InitialAuditNote)).ToArray();
        return new Rubric(id, title, standard, version, total.Value, provisional, scoring, tierModel, model, sha256, file)
        {
            ApplicationDocuments = documents,
            Description = description,
            Terminology = terminology ?? Terminology.Audit,
            ReportTitle = reportTitle,
            Base = baseRubric,
            Origins = CollectOrigins(root, tiers, categories, ctx),
        };
    }

    /// <summary>Where every value was written, in rubric order, then what overlays removed: for <see cref="Rubric.Origins"/>.</summary>
    private static RubricValueOrigin[] CollectOrigins(MapReader root, List<TierDraft> tiers, List<CategoryDraft> categories, ReadContext ctx)
    {
        var origins = new List<RubricValueOrigin>();
        void Add(RubricPart part, string id, DocMapping map, params string[] skip)
        {
            foreach (var (key, value) in map.Entries)
            {
                if (!skip.Contains(key.Value) && !key.Value.StartsWith("x-", StringComparison.Ordinal) && key.Value != "$schema")
                {
                    origins.Add(new RubricValueOrigin(part, id, key.Value, ctx.At(value), ctx.Origins?.LayerOf(value) ?? 0));
                }
            }
        }

        Add(RubricPart.Rubric, "", root.Node, "tiers", "categories", "scoring");
        if (Entry(root.Node, "scoring") is DocMapping scoring)
        {
            Add(RubricPart.Scoring, "", scoring);
        }

        foreach (var tier in tiers)
        {
            Add(RubricPart.Tier, tier.Id!, tier.Map.Node);
        }

        foreach (var category in categories)
        {
            Add(RubricPart.Category, category.Id!, category.Map.Node, "indicators");
            foreach (var indicator in category.Indicators)
            {
                Add(RubricPart.Indicator, indicator.Id!, indicator.Map.Node, "items");
                foreach (var item in indicator.Items)
                {
                    Add(RubricPart.Item, item.Id!, item.Map.Node);
                }
            }
        }

        foreach (var removal in ctx.Origins?.Removals ?? [])
        {
            origins.Add(new RubricValueOrigin(removal.Part, removal.Id, "remove", ctx.At(removal.Marker), ctx.Origins!.LayerOf(removal.Marker)));
        }

        return [.. origins];
    }

    /// <summary>The value written for <paramref name="key"/> (the first, if written twice), or null.</summary>
    private static DocNode? Entry(DocMapping map, string key)
    {
        foreach (var entry in map.Entries)
        {
            if (entry.Key.Value == key)
            {
                return entry.Value;
            }
        }

        return null;
    }

    private static ScoringPolicy? ReadScoring(MapReader? map, ReadContext ctx)
    {
        if (map is null)
        {
            return new ScoringPolicy();
        }

        var defaults = new ScoringPolicy();
        var decimals = map.Integer("decimals", 0, 4);
        var rounding = map.Enum("rounding", Words.Rounding);
        var detail = map.Integer("detail_decimals", 0, 6);
        var deduction = map.Decimal("default_deduction");
        var maxBonus = map.Decimal("max_bonus");
        var maxBonusCount = map.Integer("max_bonus_count", 0, 100);
        var maxDeductions = map.Integer("max_special_deductions", 0, 10_000);
        var spread = map.Decimal("agreement_spread");
        var withhold = map.Boolean("withhold_tier_on_open_major");
        var interval = map.Integer("surveillance_interval_months", 1, 60);
        map.Finish();

        if (spread is < 0)
        {
            ctx.Report(DiagnosticCatalog.NumberOutOfRange, map.ValueLocation("agreement_spread"), ("key", "agreement_spread"), ("value", spread.Value), ("range", new Message("diagnostic.range.non_negative")));
        }

        if (deduction is <= 0)
        {
            ctx.Report(DiagnosticCatalog.NumberOutOfRange, map.ValueLocation("default_deduction"), ("key", "default_deduction"), ("value", deduction.Value), ("range", new Message("diagnostic.range.positive")));
        }

        if (maxBonus is < 0)
        {
            ctx.Report(DiagnosticCatalog.NumberOutOfRange, map.ValueLocation("max_bonus"), ("key", "max_bonus"), ("value", maxBonus.Value), ("range", new Message("diagnostic.range.non_negative")));
        }

        return new ScoringPolicy
        {
            Decimals = decimals ?? defaults.Decimals,
            Rounding = rounding ?? defaults.Rounding,
            DetailDecimals = detail ?? defaults.DetailDecimals,
            DefaultDeduction = deduction ?? defaults.DefaultDeduction,
            MaxBonusPoints = maxBonus ?? defaults.MaxBonusPoints,
            MaxBonusCount = maxBonusCount ?? defaults.MaxBonusCount,
            MaxSpecialDeductions = maxDeductions,
            AgreementSpread = spread ?? defaults.AgreementSpread,
            WithholdTierOnOpenMajor = withhold ?? defaults.WithholdTierOnOpenMajor,
            SurveillanceIntervalMonths = interval ?? defaults.SurveillanceIntervalMonths,
        };
    }

    private static TierDraft ReadTier(MapReader map, ReadContext ctx)
    {
        var draft = new TierDraft(map)
        {
            Id = map.Id("id", required: true),
            Label = map.Text("label", required: true),
            Min = map.Decimal("min", required: true),
            Stars = map.Integer("stars", 0, 10) ?? 0,
            InitialAuditNote = map.Text("initial_audit_note"),
        };
        var requires = map.List("requires");
        if (requires is not null)
        {
            foreach (var node in requires.Items)
            {
                var id = Values.Id(node, "requires", ctx);
                if (id is not null)
                {
                    draft.Requires.Add((id, ctx.At(node)));
                }
            }
        }

        map.Finish();
        return draft;
    }

    private static CategoryDraft ReadCategory(MapReader map, ReadContext ctx)
    {
        var draft = new CategoryDraft(map)
        {
            Id = map.Id("id", required: true),
            Name = map.Text("name", required: true),
            Points = map.Decimal("points", required: true),
        };
        draft.Indicators.AddRange(ReadList(map, "indicators", ctx, ReadIndicator));
        map.Finish();
        return draft;
    }

    private static IndicatorDraft ReadIndicator(MapReader map, ReadContext ctx)
    {
        var draft = new IndicatorDraft(map)
        {
            Id = map.Id("id", required: true),
            Name = map.Text("name", required: true),
            Points = map.Decimal("points", required: true),
            Provisional = map.Boolean("provisional") ?? false,
            Summary = map.Text("summary"),
        };
        draft.Items.AddRange(ReadList(map, "items", ctx, ReadItem));
        map.Finish();
        return draft;
    }

    private static ItemDraft ReadItem(MapReader map, ReadContext ctx)
    {
        var draft = new ItemDraft(map)
        {
            Id = map.Id("id", required: true),
            Points = map.Decimal("points", required: true),
            Requirement = map.Text("requirement", required: true),
        };
        var methods = map.List("methods", required: true, allowEmpty: false);
        if (methods is not null)
        {
            foreach (var node in methods.Items)
            {
                if (Values.Enum(node, "methods", Words.Methods, ctx) is { } method && !draft.Methods.Contains(method))
                {
                    draft.Methods.Add(method);
                }
            }
        }

        draft.Documents.AddRange(ReadTexts(map, "documents", ctx));
        map.Finish();
        return draft;
    }

    private static List<LocalizedText> ReadTexts(MapReader map, string key, ReadContext ctx)
    {
        var texts = new List<LocalizedText>();
        var list = map.List(key);
        if (list is not null)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (Values.Text(list.Items[i], key, ctx, $"{map.Child(key)}[{i}]") is { } text)
                {
                    texts.Add(text);
                }
            }
        }

        return texts;
    }

    private static List<T> ReadList<T>(MapReader parent, string key, ReadContext ctx, Func<MapReader, ReadContext, T> read)
    {
        var result = new List<T>();
        var list = parent.List(key, required: true, allowEmpty: false);
        if (list is null)
        {
            return result;
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var map = MapReader.Of(list.Items[i], key, ctx.Origins?.PathOf(list.Items[i]) ?? $"{parent.Child(key)}[{i}]", ctx);
            if (map is not null)
            {
                result.Add(read(map, ctx));
            }
        }

        return result;
    }

    private static void Validate(List<CategoryDraft> categories, List<TierDraft> tiers, decimal? total, MapReader root, ReadContext ctx)
    {
        // Categories, indicators and items share one id space: evidence names items and indicators by id alone.
        var ids = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        void Claim(string? id, MapReader at)
        {
            if (id is null)
            {
                return;
            }

            var here = at.ValueLocation("id");
            if (ids.TryGetValue(id, out var first))
            {
                ctx.Report(DiagnosticCatalog.DuplicateId, here, ("id", id), ("line", LineIn(first, here)));
            }
            else
            {
                ids[id] = ctx.At(at.Node);
            }
        }

        var categorySum = 0m;
        var categoriesComplete = true;
        foreach (var category in categories)
        {
            Claim(category.Id, category.Map);
            CheckPositive(category.Points, category.Map, ctx);
            var indicatorSum = 0m;
            var indicatorsComplete = true;
            foreach (var indicator in category.Indicators)
            {
                Claim(indicator.Id, indicator.Map);
                CheckPositive(indicator.Points, indicator.Map, ctx);
                var itemSum = 0m;
                var itemsComplete = true;
                foreach (var item in indicator.Items)
                {
                    Claim(item.Id, item.Map);
                    CheckPositive(item.Points, item.Map, ctx);
                    itemsComplete &= item.Points > 0;
                    itemSum += item.Points ?? 0;
                }

                if (itemsComplete && indicator.Items.Count > 0 && indicator.Points is { } points && itemSum != points)
                {
                    ctx.Report(DiagnosticCatalog.ItemSumMismatch, Blame(indicator.Map, "points", indicator.Items.Select(i => i.Map), ctx), ("id", indicator.Id), ("sum", itemSum), ("points", points));
                }

                indicatorsComplete &= indicator.Points > 0;
                indicatorSum += indicator.Points ?? 0;
            }

            if (indicatorsComplete && category.Indicators.Count > 0 && category.Points is { } categoryPoints && indicatorSum != categoryPoints)
            {
                ctx.Report(DiagnosticCatalog.IndicatorSumMismatch, Blame(category.Map, "points", category.Indicators.Select(i => i.Map), ctx), ("id", category.Id), ("sum", indicatorSum), ("points", categoryPoints));
            }

            categoriesComplete &= category.Points > 0;
            categorySum += category.Points ?? 0;
        }

        if (categoriesComplete && categories.Count > 0 && total is { } t && categorySum != t)
        {
            ctx.Report(DiagnosticCatalog.CategorySumMismatch, Blame(root, "total", categories.Select(c => c.Map), ctx), ("sum", categorySum), ("total", t));
        }

        ValidateTiers(tiers, total, ctx, categories.SelectMany(c => c.Indicators).SelectMany(i => i.Items).Select(i => i.Id).OfType<string>().ToHashSet(StringComparer.Ordinal));
    }

    private static void ValidateTiers(List<TierDraft> tiers, decimal? total, ReadContext ctx, HashSet<string> itemIds)
    {
        var tierIds = new Dictionary<string, int>(StringComparer.Ordinal);
        TierDraft? previous = null;
        for (var i = 0; i < tiers.Count; i++)
        {
            var tier = tiers[i];
            if (tier.Id is not null)
            {
                if (tierIds.TryGetValue(tier.Id, out var line))
                {
                    ctx.Report(DiagnosticCatalog.DuplicateId, tier.Map.ValueLocation("id"), ("id", tier.Id), ("line", line));
                }
                else
                {
                    tierIds[tier.Id] = tier.Map.Node.Start.Line;
                }
            }

            if (tier.Min is { } min)
            {
                if (min < 0 || (total is { } t && min > t))
                {
                    ctx.Report(DiagnosticCatalog.TierOutOfRange, BlameTier(tier.Map, null, ctx), ("id", tier.Id), ("min", min), ("total", total ?? 0));
                }
                else if (i == 0 && min != 0)
                {
                    ctx.Report(DiagnosticCatalog.LowestTierNotZero, BlameTier(tier.Map, null, ctx), ("id", tier.Id), ("min", min));
                }

                if (previous?.Min is { } previousMin && min <= previousMin)
                {
                    ctx.Report(DiagnosticCatalog.TiersNotAscending, BlameTier(tier.Map, previous.Map, ctx), ("id", tier.Id), ("min", min), ("previous", previous.Id), ("previousMin", previousMin));
                }
            }

            if (i == 0 && tier.Requires.Count > 0)
            {
                ctx.Report(DiagnosticCatalog.LowestTierPrerequisites, tier.Map.KeyLocation("requires"), ("id", tier.Id));
            }

            foreach (var (item, at) in tier.Requires)
            {
                if (itemIds.Contains(item))
                {
                    continue;
                }

                // An overlay that removed the item broke the prerequisite: point at the removal, the line to change.
                if (ctx.Origins?.FindRemoval(RubricPart.Item, item) is { } removal)
                {
                    ctx.Report(DiagnosticCatalog.PrerequisiteRemoved, removal.Marker, ("item", item), ("tier", tier.Id));
                }
                else
                {
                    ctx.Report(DiagnosticCatalog.UnknownPrerequisite, at, ("tier", tier.Id), ("item", item), ("suggestion", Suggest.DidYouMean(item, itemIds.Order(StringComparer.Ordinal))));
                }
            }

            previous = tier.Min is null ? previous : tier;
        }
    }

    /// <summary>
    /// Where to report a sum that does not hold. In a plain rubric: at the total's value, as always. In a rubric
    /// resolved from overlays: at the value written by the most recent overlay among the total and its parts (or the
    /// overlay line that removed or moved a part), because that is the line that broke the sum; ties go to the total.
    /// </summary>
    private static SourceLocation Blame(MapReader owner, string key, IEnumerable<MapReader> parts, ReadContext ctx)
    {
        if (ctx.Origins is not { } origins)
        {
            return owner.ValueLocation(key);
        }

        var best = Entry(owner.Node, key) ?? owner.Node;
        var layer = origins.LayerOf(best);
        foreach (var candidate in parts.Select(p => Entry(p.Node, "points")).OfType<DocNode>().Concat(origins.TouchesOf(owner.Node)))
        {
            if (origins.LayerOf(candidate) > layer)
            {
                (best, layer) = (candidate, origins.LayerOf(candidate));
            }
        }

        return ctx.At(best);
    }

    /// <summary>
    /// Where to report a tier whose minimum breaks the order: at its <c>min</c>, or — in a rubric resolved from
    /// overlays — at the most recent of that value, the previous tier's and the overlay lines that removed tiers.
    /// </summary>
    private static SourceLocation BlameTier(MapReader tier, MapReader? previous, ReadContext ctx)
    {
        if (ctx.Origins is not { } origins)
        {
            return tier.ValueLocation("min");
        }

        var best = Entry(tier.Node, "min") ?? tier.Node;
        var candidates = origins.Removals.Where(r => r.Part == RubricPart.Tier).Select(r => r.Marker);
        if (previous is not null && Entry(previous.Node, "min") is { } previousMin)
        {
            candidates = candidates.Append(previousMin);
        }

        foreach (var candidate in candidates)
        {
            if (origins.LayerOf(candidate) > origins.LayerOf(best))
            {
                best = candidate;
            }
        }

        return ctx.At(best);
    }

    /// <summary>"12", or "12 of base.yaml" when the first use is in another file than the second (overlays).</summary>
    private static string LineIn(SourceLocation first, SourceLocation here) =>
        first.File == here.File
            ? first.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{first.Line} of {first.File}");

    private static void CheckPositive(decimal? points, MapReader map, ReadContext ctx)
    {
        if (points is <= 0)
        {
            ctx.Report(DiagnosticCatalog.PointsNotPositive, map.ValueLocation("points"), ("value", points.Value));
        }
    }

    private sealed class TierDraft(MapReader map)
    {
        public MapReader Map { get; } = map;

        public string? Id { get; init; }

        public LocalizedText? Label { get; init; }

        public decimal? Min { get; init; }

        public int Stars { get; init; }

        public LocalizedText? InitialAuditNote { get; init; }

        public List<(string Id, SourceLocation At)> Requires { get; } = [];
    }

    private sealed class CategoryDraft(MapReader map)
    {
        public MapReader Map { get; } = map;

        public string? Id { get; init; }

        public LocalizedText? Name { get; init; }

        public decimal? Points { get; init; }

        public List<IndicatorDraft> Indicators { get; } = [];
    }

    private sealed class IndicatorDraft(MapReader map)
    {
        public MapReader Map { get; } = map;

        public string? Id { get; init; }

        public LocalizedText? Name { get; init; }

        public decimal? Points { get; init; }

        public bool Provisional { get; init; }

        public LocalizedText? Summary { get; init; }

        public List<ItemDraft> Items { get; } = [];
    }

    private sealed class ItemDraft(MapReader map)
    {
        public MapReader Map { get; } = map;

        public int Line => Map.Node.Start.Line;

        public string? Id { get; init; }

        public decimal? Points { get; init; }

        public LocalizedText? Requirement { get; init; }

        public List<EvidenceMethod> Methods { get; } = [];

        public List<LocalizedText> Documents { get; } = [];
    }
}
