using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.Pix.Internal;

/// <summary>Validates every named <see cref="PixClientOptions"/>; each failure names the configuration section.</summary>
internal sealed class PixClientOptionsValidator : IValidateOptions<PixClientOptions>
{
    public ValidateOptionsResult Validate(string? name, PixClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(ConnectorOptionsValidation.Failures(PixServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
