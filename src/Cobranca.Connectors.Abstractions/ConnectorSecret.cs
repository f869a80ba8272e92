namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A secret a connector sends to its provider (an API token, an OAuth2 client secret, a router password) that can be
/// rotated while the client runs, like Azure's <c>AzureKeyCredential</c>: <see cref="Update"/> takes effect on the next
/// request (clients read <see cref="Reveal"/> per request or per token fetch, and drop cached tokens when it changes).
/// Thread-safe. <see cref="ToString"/> never prints the value.
/// </summary>
public sealed class ConnectorSecret
{
    private volatile string _value;

    /// <summary>Creates a secret.</summary>
    /// <param name="value">The secret (may be empty, e.g. a router user without password; never null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public ConnectorSecret(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>Replaces the value; the next request uses it, with no restart.</summary>
    /// <param name="value">The new secret (never null).</param>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    public void Update(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <summary>The current value. Only for the code that puts it on the wire: never log it.</summary>
    public string Reveal() => _value;

    /// <summary>Always <c>***</c>: a secret is never printed.</summary>
    public override string ToString() => SensitiveData.Placeholder;
}
