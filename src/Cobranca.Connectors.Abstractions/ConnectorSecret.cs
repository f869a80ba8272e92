namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A secret (token, client secret, password) a connector reads on each request or token fetch, so <see cref="Update"/>
/// rotates it without a restart. <see cref="ToString"/> never prints it.
/// </summary>
public sealed class ConnectorSecret
{
    private string _value;

    /// <summary>Creates the secret.</summary>
    /// <param name="value">The secret value.</param>
    public ConnectorSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Replaces the value; takes effect on the next request (thread-safe).</summary>
    /// <param name="value">The new value.</param>
    public void Update(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Volatile.Write(ref _value, value);
    }

    /// <summary>The current value (for the connector building a request; never log it).</summary>
    public string Reveal() => Volatile.Read(ref _value);

    /// <inheritdoc />
    public override string ToString() => SensitiveData.Placeholder;
}
