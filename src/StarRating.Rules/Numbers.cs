using System.Globalization;

namespace StarRating.Rules;

/// <summary>
/// Invariant, culture-independent formatting of decimal points and scores. Public for StarRating's own layers, so every
/// output writes a number the same way.
/// </summary>
public static class Numbers
{
    /// <summary>Formats without trailing zeros: 1.50 → "1.5", 2.0 → "2".</summary>
    public static string Format(decimal value)
    {
        // G29 never uses exponent notation for decimal and drops trailing zeros.
        var text = value.ToString("G29", CultureInfo.InvariantCulture);
        return text == "-0" ? "0" : text;
    }

    /// <summary>Drops trailing zeros from the value's scale (38.00 → 38, 1.50 → 1.5) so equal values look alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    /// <summary>Formats with exactly <paramref name="decimals"/> digits after the point: 85 → "85.0".</summary>
    public static string Fixed(decimal value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
