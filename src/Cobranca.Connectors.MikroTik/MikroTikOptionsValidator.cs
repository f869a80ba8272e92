using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.MikroTik;

/// <summary>Validates every named <see cref="MikroTikAccessControllerOptions"/> (run at start-up with ValidateOnStart).</summary>
internal sealed class MikroTikOptionsValidator : IValidateOptions<MikroTikAccessControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, MikroTikAccessControllerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(Cobranca.Connectors.Abstractions.ConnectorOptionsValidation.Failures(
                Microsoft.Extensions.DependencyInjection.MikroTikServiceCollectionExtensions.ConfigurationSectionPrefix, name, errors));
    }
}
