using System.Globalization;
using System.Runtime.CompilerServices;

namespace StarRating.Testing;

/// <summary>
/// Every test project runs under a comma-decimal, non-English culture (German, de-DE) unless
/// <c>STARRATING_TEST_CULTURE</c> names another (<c>STARRATING_TEST_CULTURE=zh-CN dotnet test StarRating.sln</c>;
/// <c>invariant</c> for the invariant culture). So the one README test command that CI runs also proves that the
/// libraries and the test helpers write 96.9, never 96,9, whatever the machine's settings: a figure formatted with
/// the current culture fails a golden file here. Set when the test assembly loads, for every thread it starts.
/// </summary>
internal static class TestCulture
{
    /// <summary>The culture the tests run under.</summary>
    public static CultureInfo Current { get; private set; } = CultureInfo.InvariantCulture;

    [ModuleInitializer]
    internal static void Apply()
    {
        var name = Environment.GetEnvironmentVariable("STARRATING_TEST_CULTURE") is { Length: > 0 } chosen ? chosen : "de-DE";
        var culture = name == "invariant" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(name);
        CultureInfo.DefaultThreadCurrentCulture = culture;
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        Current = culture;
    }
}
