using System.Globalization;

namespace StarRating.Engine.Tests;

/// <summary>The suite really runs under the culture <see cref="TestCulture"/> chose, on the threads tests run on.</summary>
public sealed class TestCultureTests
{
    [Fact]
    public void Tests_run_under_the_chosen_culture_by_default_a_comma_decimal_one()
    {
        CultureInfo.CurrentCulture.Should().BeSameAs(TestCulture.Current);
        if (Environment.GetEnvironmentVariable("STARRATING_TEST_CULTURE") is not { Length: > 0 })
        {
            CultureInfo.CurrentCulture.Name.Should().Be("de-DE");
            1.5m.ToString(CultureInfo.CurrentCulture).Should().Be("1,5", "the default test culture writes a decimal comma");
        }
    }

    [Fact]
    public async Task Threads_the_tests_start_run_under_it_too()
    {
        var name = await Task.Run(() => CultureInfo.CurrentCulture.Name);

        name.Should().Be(TestCulture.Current.Name);
    }
}
