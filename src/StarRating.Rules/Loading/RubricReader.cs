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

    public static Rubric? Read(ParsedDocument document, DiagnosticBag bag, InputLimits limits)
    {
        var ctx = new ReadContext(document.File, bag, FormatDoc, limits);
        if (!MapReader.IsKind(document.Root, ctx, new Message("diagnostic.file_kind.rubric"), ["categories", "tiers", "total", "scoring", "standard"], ["findings", "audit", "company"],
                new Message("diagnostic.file_kind.evidence"), new Message("diagnostic.file_kind.fix_rubric")))
        {
            return null;
        }

        var root = MapReader.Of(document.Root, "rubric", "", ctx);
        if (root is null)
        {
            return null;
        }

        root.Has("$schema");
        var id = root.Id("id", required: true);
        var title = root.Text("title", required: true);
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
        return new Rubric(id, title, standard, version, total.Value, provisional, scoring, tierModel, model, document.Sha256, document.File)
        {
            ApplicationDocuments = documents,
            Description = description,
            Terminology = terminology ?? Terminology.Audit,
        };
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
        map.Finish();

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
            var map = MapReader.Of(list.Items[i], key, $"{parent.Child(key)}[{i}]", ctx);
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
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        void Claim(string? id, MapReader at)
        {
            if (id is null)
            {
                return;
            }

            if (ids.TryGetValue(id, out var line))
            {
                ctx.Report(DiagnosticCatalog.DuplicateId, at.ValueLocation("id"), ("id", id), ("line", line));
            }
            else
            {
                ids[id] = at.Node.Start.Line;
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
                    ctx.Report(DiagnosticCatalog.ItemSumMismatch, indicator.Map.ValueLocation("points"), ("id", indicator.Id), ("sum", itemSum), ("points", points));
                }

                indicatorsComplete &= indicator.Points > 0;
                indicatorSum += indicator.Points ?? 0;
            }

            if (indicatorsComplete && category.Indicators.Count > 0 && category.Points is { } categoryPoints && indicatorSum != categoryPoints)
            {
                ctx.Report(DiagnosticCatalog.IndicatorSumMismatch, category.Map.ValueLocation("points"), ("id", category.Id), ("sum", indicatorSum), ("points", categoryPoints));
            }

            categoriesComplete &= category.Points > 0;
            categorySum += category.Points ?? 0;
        }

        if (categoriesComplete && categories.Count > 0 && total is { } t && categorySum != t)
        {
            ctx.Report(DiagnosticCatalog.CategorySumMismatch, root.ValueLocation("total"), ("sum", categorySum), ("total", t));
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
                    ctx.Report(DiagnosticCatalog.TierOutOfRange, tier.Map.ValueLocation("min"), ("id", tier.Id), ("min", min), ("total", total ?? 0));
                }
                else if (i == 0 && min != 0)
                {
                    ctx.Report(DiagnosticCatalog.LowestTierNotZero, tier.Map.ValueLocation("min"), ("id", tier.Id), ("min", min));
                }

                if (previous?.Min is { } previousMin && min <= previousMin)
                {
                    ctx.Report(DiagnosticCatalog.TiersNotAscending, tier.Map.ValueLocation("min"), ("id", tier.Id), ("min", min), ("previous", previous.Id), ("previousMin", previousMin));
                }
            }

            if (i == 0 && tier.Requires.Count > 0)
            {
                ctx.Report(DiagnosticCatalog.LowestTierPrerequisites, tier.Map.KeyLocation("requires"), ("id", tier.Id));
            }

            foreach (var (item, at) in tier.Requires)
            {
                if (!itemIds.Contains(item))
                {
                    ctx.Report(DiagnosticCatalog.UnknownPrerequisite, at, ("tier", tier.Id), ("item", item), ("suggestion", Suggest.DidYouMean(item, itemIds.Order(StringComparer.Ordinal))));
                }
            }

            previous = tier.Min is null ? previous : tier;
        }
    }

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
