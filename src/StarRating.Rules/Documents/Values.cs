using System.Globalization;
using System.Text.RegularExpressions;

namespace StarRating.Rules.Documents;

/// <summary>Conversions of single values, each reporting a located diagnostic when the value does not fit.</summary>
/// <remarks>Part of the document-reading kit StarRating's own readers share (rubric, overlay, evidence), so every
/// diagnostic they report is located (file, line, column, or sheet and cell). Public for those layers; not a
/// general-purpose YAML or JSON API.</remarks>
public static partial class Values
{
    /// <summary>A single value's text (null when empty); reports a wrong type for a mapping or a list.</summary>
    /// <param name="node">The value.</param>
    /// <param name="key">The key the value belongs to, named in diagnostics.</param>
    /// <param name="ctx">Where to report.</param>
    public static string? String(DocNode node, string key, ReadContext ctx)
    {
        if (node is DocScalar scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.Text), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
        return null;
    }

    internal static string? Id(DocNode node, string key, ReadContext ctx)
    {
        var value = String(node, key, ctx);
        if (value is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(value))
        {
            if (FullWidthInstead(node, ctx))
            {
                return null;
            }

            ctx.Report(DiagnosticCatalog.InvalidId, node, ("value", Shorten(value)));
            return null;
        }

        return value;
    }

    internal static decimal? Decimal(DocNode node, string key, ReadContext ctx)
    {
        if (node is not DocScalar scalar)
        {
            ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.Number), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
            return null;
        }

        if (scalar.IsQuoted)
        {
            ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.Number), ("actual", ValueWords.QuotedText), ("doc", ctx.FormatDoc));
            return null;
        }

        if (DecimalPattern().IsMatch(scalar.Value)
            && decimal.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Say what is wrong with a number that is written as one: too many decimals, or too many digits.
        var plain = PlainNumberPattern().Match(scalar.Value);
        if (plain.Success && plain.Groups[2].Value.Length > MaxDecimals)
        {
            ctx.Report(DiagnosticCatalog.TooManyDecimals, node, ("value", Shorten(scalar.Value)), ("max", MaxDecimals), ("key", key));
        }
        else if (plain.Success && plain.Groups[1].Value.TrimStart('0').Length > MaxIntegerDigits)
        {
            ctx.Report(DiagnosticCatalog.NumberTooLarge, node, ("value", Shorten(scalar.Value)), ("key", key), ("max", MaxIntegerDigits));
        }
        else if (!FullWidthInstead(node, ctx))
        {
            ctx.Report(DiagnosticCatalog.InvalidNumber, node, ("value", Shorten(scalar.Value)), ("key", key));
        }

        return null;
    }

    internal static int? Integer(DocNode node, string key, int min, int max, ReadContext ctx)
    {
        var value = Decimal(node, key, ctx);
        if (value is null)
        {
            return null;
        }

        if (value != decimal.Truncate(value.Value))
        {
            ctx.Report(DiagnosticCatalog.NotWholeNumber, node, ("key", key), ("value", value.Value));
            return null;
        }

        if (value < min || value > max)
        {
            ctx.Report(DiagnosticCatalog.NumberOutOfRange, node, ("key", key), ("value", value.Value), ("range", new Message("diagnostic.range.whole", ("min", min), ("max", max))));
            return null;
        }

        return (int)value.Value;
    }

    internal static bool? Boolean(DocNode node, string key, ReadContext ctx)
    {
        if (node is DocScalar { IsQuoted: false } scalar)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        ctx.Report(DiagnosticCatalog.InvalidBoolean, node, ("value", node is DocScalar s ? Shorten(s.Value) : (object)node.Describe()), ("key", key));
        return null;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>; reports anything else.</summary>
    /// <param name="node">The value.</param>
    /// <param name="key">The key the value belongs to, named in diagnostics.</param>
    /// <param name="ctx">Where to report.</param>
    public static DateOnly? Date(DocNode node, string key, ReadContext ctx)
    {
        var text = String(node, key, ctx);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (!FullWidthInstead(node, ctx))
        {
            ctx.Report(DiagnosticCatalog.InvalidDate, node, ("value", Shorten(text)), ("key", key));
        }

        return null;
    }

    /// <summary>One of the words of <paramref name="map"/>; reports anything else, with a "did you mean".</summary>
    /// <typeparam name="T">The enum.</typeparam>
    /// <param name="node">The value.</param>
    /// <param name="key">The key the value belongs to, named in diagnostics.</param>
    /// <param name="map">The words allowed and their values.</param>
    /// <param name="ctx">Where to report.</param>
    public static T? Enum<T>(DocNode node, string key, EnumMap<T> map, ReadContext ctx)
        where T : struct
    {
        var text = String(node, key, ctx);
        if (text is null)
        {
            return null;
        }

        if (map.TryGet(text, out var value))
        {
            return value;
        }

        if (!FullWidthInstead(node, ctx))
        {
            ctx.Report(DiagnosticCatalog.InvalidEnum, node, ("value", Shorten(text)), ("key", key), ("suggestion", Suggest.DidYouMean(text, map.Tokens)), ("allowed", string.Join(", ", map.Tokens)));
        }

        return null;
    }

    internal static LocalizedText? Text(DocNode node, string key, ReadContext ctx, string? path = null)
    {
        if (node is DocScalar)
        {
            var zh = String(node, key, ctx);
            return string.IsNullOrWhiteSpace(zh) ? null : new LocalizedText(zh);
        }

        if (node is DocMapping)
        {
            var map = MapReader.Of(node, key, path ?? key, ctx)!;
            var zh = map.String("zh", required: true);
            var en = map.String("en");
            map.Finish();
            return zh is null ? null : new LocalizedText(zh, en);
        }

        ctx.Report(DiagnosticCatalog.WrongType, node, ("key", key), ("expected", ValueWords.TextOrMapping), ("actual", node.Describe()), ("doc", ctx.FormatDoc));
        return null;
    }

    /// <summary>
    /// A word, date, number or id that fails because it was typed with full-width punctuation (【2026-01-01】,
    /// conforming，): reported at that character, with what to type, instead of "not a valid date".
    /// </summary>
    private static bool FullWidthInstead(DocNode node, ReadContext ctx)
    {
        if (node is not DocScalar { IsQuoted: false } scalar || scalar.Value.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        var at = scalar.Value.AsSpan().IndexOfAny(FullWidth.Characters);
        if (at < 0)
        {
            return false;
        }

        ctx.Bag.Add(FullWidth.Create(ctx.File, new Mark(scalar.Start.Line, scalar.Start.Column + at), scalar.Value[at]));
        return true;
    }

    /// <summary>Keeps hostile values from flooding messages: control characters escaped, cut to 60 characters.</summary>
    /// <param name="value">A value from the input, to be quoted in a message.</param>
    public static string Shorten(string value) => Rules.Text.DisplayText.Shorten(Rules.Text.DisplayText.Escape(value), 60, "...");

    /// <summary>Most decimals a number may have (more than any point, score or count needs).</summary>
    internal const int MaxDecimals = 12;

    /// <summary>Most digits before the decimal point.</summary>
    internal const int MaxIntegerDigits = 15;

    [GeneratedRegex(@"^[+-]?[0-9]{1,15}(\.[0-9]{1,12})?$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalPattern();

    [GeneratedRegex(@"^[+-]?([0-9]+)(?:\.([0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNumberPattern();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
