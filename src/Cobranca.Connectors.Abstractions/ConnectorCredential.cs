namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A user and a secret (client id and client secret, user and password) that can be rotated together while the
/// connector runs. <see cref="ToString"/> prints the user only.
/// </summary>
public sealed class ConnectorCredential
{
    private readonly Lock _gate = new();
    private string _user;

    /// <summary>Creates the credential.</summary>
    /// <param name="user">The user or client id (may be empty).</param>
    /// <param name="secret">The secret.</param>
    public ConnectorCredential(string user, string secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        _user = user;
        Secret = new ConnectorSecret(secret);
    }

    /// <summary>The user or client id.</summary>
    public string User
    {
        get
        {
            lock (_gate) return _user;
        }
    }

    /// <summary>The secret.</summary>
    public ConnectorSecret Secret { get; }

    /// <summary>Replaces user and secret atomically; takes effect on the next request.</summary>
    /// <param name="user">The new user.</param>
    /// <param name="secret">The new secret.</param>
    public void Update(string user, string secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(secret);
        lock (_gate)
        {
            _user = user;
            Secret.Update(secret);
        }
    }

    /// <inheritdoc />
    public override string ToString() => User;
}
