using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.Http;

/// <summary>DI wiring of the shared resilience pipeline for provider packages.</summary>
internal static class ConnectorHttpClientBuilderExtensions
{
    /// <summary>
    /// Adds the one resilience handler of a provider's named <see cref="HttpClient"/> (never stack a second one).
    /// <paramref name="options"/> is resolved per client name, so each tenant gets its own circuit breaker and limiter.
    /// </summary>
    public static IHttpClientBuilder AddConnectorResilience(this IHttpClientBuilder builder,
        Func<IServiceProvider, ConnectorResilienceOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        builder.AddResilienceHandler("cobranca", (pipeline, context) =>
            ConnectorHttpPipeline.Configure(pipeline, options(context.ServiceProvider),
                context.ServiceProvider.GetService<TimeProvider>()));
        return builder;
    }
}
