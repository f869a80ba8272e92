namespace Cobranca.Connectors.Abstractions;

/// <summary>
/// A user (or client id) with its <see cref="ConnectorSecret"/>: IXC's webservice user id and token, an OAuth2 client id
/// and secret, a RouterOS user and password. <see cref="Update"/> replaces both at once; clients read them together with
/// the deconstruction (<c>var (user, secret) = credential;</c>) on every request or token fetch, so a rotated credential
/// is used on the next request without a restart. Thread-safe. <see cref="ToString"/> prints the user only.
/// </summary>
public sealed class ConnectorCredential
{
    private readonly Lock _gate = new();
    private string _user;

    /// <summary>Creates a credential.</summary>
    /// <param name="user">The user or client id (may be empty when the provider needs only a secret; never null).</param>
    /// <param name="secret">The secret (may be empty; never null).</param>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public ConnectorCredential(string user, string secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        _user = user;
        Secret = new ConnectorSecret(secret);
    }

    /// <summary>Creates a credential around an existing secret (several credentials may share one rotating secret).</summary>
    /// <param name="user">The user or client id (may be empty; never null).</param>
    /// <param name="secret">The secret object, shared: updating it updates this credential.</param>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
    public ConnectorCredential(string user, ConnectorSecret secret)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(secret);
        _user = user;
        Secret = secret;
    }

    /// <summary>The user or client id (not a secret).</summary>
    public string User
    {
        get
        {
            lock (_gate) return _user;
        }
    }

    /// <summary>The secret. <c>Secret.Update(...)</c> rotates the secret alone.</summary>
    public ConnectorSecret Secret { get; }

    /// <summary>Replaces the user and the secret together: no request sees the new user with the old secret.</summary>
    /// <param name="user">The new user (never null).</param>
    /// <param name="secret">The new secret (never null).</param>
    /// <exception cref="ArgumentNullException">A value is null.</exception>
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

    /// <summary>Reads the user and the secret as one consistent pair (<c>var (user, secret) = credential;</c>).</summary>
    /// <param name="user">The user.</param>
    /// <param name="secret">The secret's current value; never log it.</param>
    public void Deconstruct(out string user, out string secret)
    {
        lock (_gate)
        {
            user = _user;
            secret = Secret.Reveal();
        }
    }

    /// <summary>The user only (the secret is never printed).</summary>
    public override string ToString() => User;
}
