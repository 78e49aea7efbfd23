using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using StarRating.Engine;
using StarRating.Rules;

namespace StarRating.Reports.Hosting;

/// <summary>Registers StarRating in an application's services (an HTTP service, a worker).</summary>
public static class StarRatingServiceCollectionExtensions
{
    /// <summary>
    /// Registers, as singletons (each is immutable and thread-safe): the <see cref="AuditEngine"/> for the configured
    /// rubric, an <see cref="EvidenceLoader"/> and a <see cref="ReportRenderer"/>, all built from
    /// <see cref="StarRatingOptions"/>. Services an application registered itself first are kept. A configured
    /// built-in rubric that does not exist fails when the engine is first resolved, with the rubric's diagnostics.
    /// </summary>
    /// <param name="services">The application's services.</param>
    /// <param name="configure">Sets the options; the defaults score with the built-in GB/T 27922-2011 rubric.</param>
    /// <returns><paramref name="services"/>, for chaining.</returns>
    public static IServiceCollection AddStarRating(this IServiceCollection services, Action<StarRatingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StarRatingOptions>>().Value;
            var rubric = options.Rubric ?? RubricLoader.LoadBuiltIn(options.RubricId).GetValueOrThrow();
            return new AuditEngine(rubric, options.InputLimits) { StrictVersion = options.StrictVersion };
        });
        services.TryAddSingleton(provider => new EvidenceLoader(provider.GetRequiredService<IOptions<StarRatingOptions>>().Value.InputLimits));
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<StarRatingOptions>>().Value;
            return new ReportRenderer(options.Templates, options.ReportLimits);
        });
        return services;
    }
}
