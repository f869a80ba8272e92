namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// The options-validation pattern every connector follows. An options type has <c>public IReadOnlyList&lt;string&gt;
/// Validate()</c> returning every problem (never a secret). The client constructor calls <see cref="ThrowIfInvalid"/>
/// (invalid options are an <see cref="ArgumentException"/>, never a <see cref="ConnectorValidationException"/>, which
/// means "the provider rejected the input"); the DI registration adds an <c>IValidateOptions&lt;T&gt;</c> whose failures
/// are <see cref="Failures"/> (each prefixed with the configuration section) and calls <c>ValidateOnStart()</c>, so a
/// host with bad settings fails at start with <c>OptionsValidationException</c>.
/// </summary>
public static class ConnectorOptionsValidation
{
    /// <summary>Throws an <see cref="ArgumentException"/> listing every problem when <paramref name="errors"/> is not empty.</summary>
    /// <param name="optionsTypeName">The options type, for the message (<c>IxcClientOptions</c>).</param>
    /// <param name="errors">What <c>Validate()</c> returned.</param>
    /// <param name="paramName">The constructor parameter (default <c>options</c>).</param>
    /// <exception cref="ArgumentException">There is at least one problem.</exception>
    public static void ThrowIfInvalid(string optionsTypeName, IReadOnlyList<string> errors, string paramName = "options")
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (errors.Count == 0) return;
        throw new ArgumentException($"Invalid {optionsTypeName}: {string.Join(" ", errors)}", paramName);
    }

    /// <summary>The failure messages of an <c>IValidateOptions</c>: each problem prefixed with the tenant's section (<c>Cobranca:Ixc:isp-a: Token is required.</c>).</summary>
    /// <param name="configurationSectionPrefix">The package's <c>ConfigurationSectionPrefix</c> (<c>Cobranca:Ixc:</c>).</param>
    /// <param name="tenant">The options name (tenant).</param>
    /// <param name="errors">What <c>Validate()</c> returned.</param>
    public static IEnumerable<string> Failures(string configurationSectionPrefix, string? tenant, IReadOnlyList<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Select(e => $"{configurationSectionPrefix}{tenant}: {e}");
    }
}
