using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;

namespace StarRating.Rules;

/// <summary>
/// The diagnostic descriptors a layer of StarRating can report: those it declares itself (the public static
/// <see cref="DiagnosticDescriptor"/> fields of one static class) and those of the layers below it. Each layer owns its
/// codes and exposes its set, so the top layer's set enumerates every code without a lower layer naming a higher one:
/// <see cref="DiagnosticCatalog.Descriptors"/> (Rules: SR1xxx, SR2xxx) is below <c>EngineDiagnostics.Descriptors</c>
/// (SR3xxx), which is below <c>ReportDiagnostics.Descriptors</c> and <c>WorkbookDiagnostics.Descriptors</c>.
/// </summary>
public sealed class DiagnosticDescriptorSet
{
    private readonly Lazy<ImmutableArray<DiagnosticDescriptor>> all;
    private readonly Lazy<FrozenDictionary<string, DiagnosticDescriptor>> byCode;

    /// <summary>
    /// Creates the set of a layer. For StarRating's own layers, each of which declares its descriptors in one static
    /// class; the fields are read on first use, so the set may be declared anywhere in that class.
    /// </summary>
    /// <param name="declaringType">The static class whose public static <see cref="DiagnosticDescriptor"/> fields are the layer's own.</param>
    /// <param name="below">The sets of the layers this one builds on.</param>
    /// <exception cref="InvalidOperationException">On first use, when two different descriptors share a code.</exception>
    public DiagnosticDescriptorSet(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type declaringType,
        params DiagnosticDescriptorSet[] below)
    {
        ArgumentNullException.ThrowIfNull(declaringType);
        ArgumentNullException.ThrowIfNull(below);
        var lower = below.ToArray();
        all = new(() => Collect(declaringType, lower));
        byCode = new(() => all.Value.ToFrozenDictionary(d => d.Code, StringComparer.Ordinal));
    }

    /// <summary>Every descriptor of the layer and the layers below it, ordered by code.</summary>
    public ImmutableArray<DiagnosticDescriptor> All => all.Value;

    /// <summary>Finds a descriptor by its code.</summary>
    /// <param name="code">A code such as <c>SR1101</c>.</param>
    /// <returns>The descriptor, or <see langword="null"/> when no layer of the set reports the code.</returns>
    public DiagnosticDescriptor? Find(string code) => byCode.Value.GetValueOrDefault(code);

    private static ImmutableArray<DiagnosticDescriptor> Collect(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicFields)] Type declaringType,
        DiagnosticDescriptorSet[] below)
    {
        var own = declaringType
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (DiagnosticDescriptor)f.GetValue(null)!);
        // A layer resting on two others (the tool on reports and workbooks) sees the layers below them twice: the same
        // descriptor counts once, two descriptors with one code are a mistake in the tables.
        var distinct = own.Concat(below.SelectMany(b => b.All)).Distinct().ToArray();
        var clash = distinct.GroupBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new InvalidOperationException("Two diagnostic descriptors share the code " + clash.Key + ".");
        }

        return [.. distinct.OrderBy(d => d.Code, StringComparer.Ordinal)];
    }
}
