using Cobranca.Connectors.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Hosting.Internal;

/// <summary>Validates the <c>Cobranca</c> section at start, including what the tenants need from the container.</summary>
internal sealed class CobrancaOptionsValidator(IServiceProvider services) : IValidateOptions<CobrancaOptions>
{
    public ValidateOptionsResult Validate(string? name, CobrancaOptions options)
    {
        var errors = options.Validate().ToList();
        var registered = services.GetService<IServiceProviderIsKeyedService>();
        foreach (var (tenant, tenantOptions) in options.Tenants)
        {
            if (tenantOptions is null || !tenantOptions.Dunning.Enabled || registered is null) continue;
            if (!registered.IsKeyedService(typeof(INotificationSender), tenant) && !registered.IsService(typeof(INotificationSender)))
                errors.Add($"Cobranca:Tenants:{tenant}:Dunning is enabled but no INotificationSender is registered " +
                           $"(services.AddKeyedSingleton<INotificationSender>(\"{tenant}\", ...) or AddSingleton<INotificationSender>), " +
                           "or set Dunning:Enabled to false.");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
