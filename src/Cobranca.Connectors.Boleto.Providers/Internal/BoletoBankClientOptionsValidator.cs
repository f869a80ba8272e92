using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

internal sealed class BoletoBankClientOptionsValidator : IValidateOptions<BoletoBankClientOptions>
{
    public ValidateOptionsResult Validate(string? name, BoletoBankClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConnectorOptionsValidation.Failures(BoletoBankServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
