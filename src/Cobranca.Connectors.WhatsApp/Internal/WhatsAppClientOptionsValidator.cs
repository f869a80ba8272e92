using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>Validates named <see cref="WhatsAppClientOptions"/> at start (DI), naming the configuration section.</summary>
internal sealed class WhatsAppClientOptionsValidator : IValidateOptions<WhatsAppClientOptions>
{
    public ValidateOptionsResult Validate(string? name, WhatsAppClientOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0 ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConnectorOptionsValidation.Failures(WhatsAppServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
