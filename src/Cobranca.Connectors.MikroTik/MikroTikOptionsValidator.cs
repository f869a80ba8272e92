using Microsoft.Extensions.Options;

namespace Cobranca.Connectors.MikroTik;

/// <summary>Validates every named <see cref="MikroTikAccessControllerOptions"/> (run at start-up with ValidateOnStart).</summary>
internal sealed class MikroTikOptionsValidator : IValidateOptions<MikroTikAccessControllerOptions>
{
    public ValidateOptionsResult Validate(string? name, MikroTikAccessControllerOptions options)
    {
        var errors = options.Validate();
        return errors.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(errors.Select(e => $"MikroTik access controller '{name}': {e}"));
    }
}
