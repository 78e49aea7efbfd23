using System.Numerics;
using StarRating.Rules;

namespace StarRating.Engine.Scoring;

/// <summary>
/// An exact fraction. Sample credit (points × conforming ÷ size) and the rescaling by applicable points
/// produce values such as 2 × 17/19 that no decimal holds exactly; keeping them exact until the single final
/// rounding means a score that is exactly 84.95 rounds to 85.0, never to 84.9.
/// </summary>
internal readonly struct Rational : IComparable<Rational>, IEquatable<Rational>
{
    private static readonly BigInteger Ten = 10;

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }

        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne)
        {
            numerator /= gcd;
            denominator /= gcd;
        }

        this.numerator = numerator;
        this.denominator = denominator;
    }

    public static Rational Zero { get; } = new(0, 1);

    private readonly BigInteger numerator;

    // default(Rational) has a zero denominator field: read it as 0/1.
    private readonly BigInteger denominator;

    public BigInteger Numerator => numerator;

    public BigInteger Denominator => denominator.IsZero ? BigInteger.One : denominator;

    public static Rational FromInt(long value) => new(value, 1);

    public static Rational FromDecimal(decimal value)
    {
        // A decimal is mantissa ÷ 10^scale.
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0)
        {
            mantissa = -mantissa;
        }

        return new Rational(mantissa, BigInteger.Pow(Ten, scale));
    }

    public static Rational Ratio(long numerator, long denominator) => new(numerator, denominator);

    public static Rational operator +(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        new(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Rational operator /(Rational a, Rational b) =>
        b.Numerator.IsZero ? throw new DivideByZeroException() : new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public static bool operator ==(Rational a, Rational b) => a.Equals(b);

    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;

    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;

    /// <summary>Rounds to <paramref name="decimals"/> places with the given rule, exactly.</summary>
    public decimal Round(int decimals, ScoreRounding rounding = ScoreRounding.HalfAwayFromZero) =>
        RoundCore(decimals, (twice, denominator, quotient) => rounding switch
        {
            ScoreRounding.Down => false,
            ScoreRounding.HalfEven => twice > denominator || (twice == denominator && !quotient.IsEven),
            _ => twice >= denominator,
        });

    /// <summary>
    /// Rounds half toward zero: 0.675 → 0.67. Gains are rounded so, like the losses they come from (a loss is the
    /// item's points minus the earned points rounded half away from zero, which rounds the loss half toward zero).
    /// </summary>
    public decimal RoundHalfTowardZero(int decimals) => RoundCore(decimals, (twice, denominator, _) => twice > denominator);

    /// <summary>True when the value has at most <paramref name="decimals"/> decimal places (rounding would not change it).</summary>
    public bool IsExactAt(int decimals) => (BigInteger.Abs(Numerator) * BigInteger.Pow(Ten, decimals) % Denominator).IsZero;

    private decimal RoundCore(int decimals, Func<BigInteger, BigInteger, BigInteger, bool> roundsUp)
    {
        var scale = BigInteger.Pow(Ten, decimals);
        var scaled = BigInteger.Abs(Numerator) * scale;
        var quotient = BigInteger.DivRem(scaled, Denominator, out var remainder);
        var twice = remainder * 2;
        if (roundsUp(twice, Denominator, quotient))
        {
            quotient += 1;
        }

        // Build the decimal from its 96-bit mantissa and the scale, so 85 comes out as 85.0 with one decimal.
        Span<byte> bytes = stackalloc byte[16];
        bytes.Clear();
        if (!quotient.TryWriteBytes(bytes, out var written, isUnsigned: true) || written > 12)
        {
            throw new OverflowException("The value is too large for a decimal.");
        }

        var lo = BitConverter.ToInt32(bytes[..4]);
        var mid = BitConverter.ToInt32(bytes[4..8]);
        var hi = BitConverter.ToInt32(bytes[8..12]);
        return new decimal(lo, mid, hi, Numerator.Sign < 0 && !quotient.IsZero, (byte)decimals);
    }

    public int CompareTo(Rational other) => (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public bool Equals(Rational other) => Numerator == other.Numerator && Denominator == other.Denominator;

    public override bool Equals(object? obj) => obj is Rational other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    public override string ToString() => Denominator.IsOne
        ? Numerator.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}"); // Reports and JSON show it: never a culture's minus sign.
}
