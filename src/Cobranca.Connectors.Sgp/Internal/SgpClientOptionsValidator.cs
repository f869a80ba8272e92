using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Sgp.Internal;

/// <summary>Validates named <see cref="SgpClientOptions"/> at start (DI), naming the configuration section.</summary>
internal sealed class SgpClientOptionsValidator : IValidateOptions<SgpClientOptions>
{
    public ValidateOptionsResult Validate(string? name, SgpClientOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConnectorOptionsValidation.Failures(SgpServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
