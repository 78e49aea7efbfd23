using StarRating.Rules;

namespace StarRating.Engine;

/// <summary>A sample of records (staff, orders, complaints, sites...) checked for one item.</summary>
/// <param name="Size">How many were checked (at least 1).</param>
/// <param name="Conforming">How many of them conform (0 to <paramref name="Size"/>).</param>
public sealed record Sample(int Size, int Conforming);
