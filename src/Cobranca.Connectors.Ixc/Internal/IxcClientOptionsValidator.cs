using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Validates every named <see cref="IxcClientOptions"/>; the failure names the configuration section.</summary>
internal sealed class IxcClientOptionsValidator : IValidateOptions<IxcClientOptions>
{
    public ValidateOptionsResult Validate(string? name, IxcClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConnectorOptionsValidation.Failures(IxcServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
