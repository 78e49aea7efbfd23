namespace StarRating.Rules.Tests;

/// <summary>
/// Each layer declares its own descriptors and rests its set on the sets below it, so the top layer enumerates every
/// code while no lower layer names a higher one.
/// </summary>
public sealed class DiagnosticDescriptorSetTests
{
    [Fact]
    public void A_set_holds_its_own_descriptors_and_those_below_once_each_ordered_by_code()
    {
        var lower = new DiagnosticDescriptorSet(typeof(Lower));
        var upper = new DiagnosticDescriptorSet(typeof(Upper), lower, lower);

        upper.All.Should().Equal(Lower.First, Upper.Second);
        upper.Find("SR9002").Should().BeSameAs(Upper.Second);
        upper.Find("SR9001").Should().BeSameAs(Lower.First);
        upper.Find("SR9003").Should().BeNull();
        lower.Find("SR9002").Should().BeNull();
    }

    [Fact]
    public void Two_descriptors_with_one_code_are_refused()
    {
        var set = new DiagnosticDescriptorSet(typeof(Clashing), new DiagnosticDescriptorSet(typeof(Lower)));

        var all = () => set.All;

        all.Should().Throw<InvalidOperationException>().WithMessage("*SR9001*");
    }

    [Fact]
    public void The_rules_layer_holds_only_reading_structure_and_rubric_codes()
    {
        DiagnosticCatalog.Descriptors.All.Should().NotBeEmpty()
            .And.OnlyContain(d => d.Code.StartsWith("SR1", StringComparison.Ordinal) || d.Code.StartsWith("SR2", StringComparison.Ordinal));
        DiagnosticCatalog.Descriptors.Find("SR1103").Should().BeSameAs(DiagnosticCatalog.DuplicateKey);
    }

    private static class Lower
    {
        public static readonly DiagnosticDescriptor First = new("SR9001", DiagnosticSeverity.Error);
    }

    private static class Upper
    {
        public static readonly DiagnosticDescriptor Second = new("SR9002", DiagnosticSeverity.Warning);

        // A layer may name a lower layer's descriptor again (an alias): it still counts once.
        public static readonly DiagnosticDescriptor AlsoFirst = Lower.First;
    }

    private static class Clashing
    {
        public static readonly DiagnosticDescriptor First = new("SR9001", DiagnosticSeverity.Error);
    }
}
