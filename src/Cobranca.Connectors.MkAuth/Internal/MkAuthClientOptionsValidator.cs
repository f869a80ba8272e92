using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>Validates every named <see cref="MkAuthClientOptions"/>; the failure names the configuration section.</summary>
internal sealed class MkAuthClientOptionsValidator : IValidateOptions<MkAuthClientOptions>
{
    public ValidateOptionsResult Validate(string? name, MkAuthClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Cobranca.Connectors.Abstractions.ConnectorOptionsValidation.Failures(MkAuthServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
