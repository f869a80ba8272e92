using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// Where and how to reach a RouterOS API service. Plain API listens on TCP 8728; API-SSL (<see cref="UseTls"/>) on 8729
/// and needs a certificate on the router (anonymous Diffie-Hellman is not available in .NET).
/// </summary>
public class RouterOsClientOptions
{
    /// <summary>Default plain API port.</summary>
    public const int DefaultPort = 8728;

    /// <summary>Default API-SSL port.</summary>
    public const int DefaultTlsPort = 8729;

    /// <summary>Router host name or IP address. Required.</summary>
    public string Host { get; set; } = string.Empty;

    /// <summary>TCP port; when <see langword="null"/>, 8728 (or 8729 with <see cref="UseTls"/>).</summary>
    public int? Port { get; set; }

    /// <summary>API user (its group needs the <c>api</c>, <c>read</c> and <c>write</c> policies). Required.</summary>
    public string User { get; set; } = string.Empty;

    /// <summary>API password. Never logged. Prefer loading it from a secret store or an environment variable. Used when <see cref="Credential"/> is null.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>
    /// The API user and password as a rotatable credential: <see cref="ConnectorCredential.Update"/> makes the next login
    /// (the next connection) use the new pair, with no restart. Null: the client builds one from <see cref="User"/> and
    /// <see cref="Password"/> (with DI, a configuration reload updates it in place).
    /// </summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>Use API-SSL (TLS). The certificate is validated against the machine's trust store unless pinned.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// SHA-256 thumbprints (64 hex digits) of the router's certificate, for API-SSL with a self-signed certificate. Empty
    /// (the default): the machine's trust store decides. Not empty: <b>only</b> a certificate matching one of them is
    /// accepted (its chain and name errors are then tolerated), any other is refused. SHA-1 thumbprints (what Winbox shows
    /// first) are refused. There is deliberately no "accept any certificate" switch (see <see cref="CertificatePinning"/>).
    /// </summary>
    public IList<string> PinnedCertificateThumbprints { get; private set; } = new List<string>();

    /// <summary>Name expected in the router certificate; defaults to <see cref="Host"/>.</summary>
    public string? TlsTargetHost { get; set; }

    /// <summary>Budget for TCP connect, TLS handshake and login together. Default 15 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long one command may wait for its <c>!done</c>. On expiry the SDK sends <c>/cancel</c> for it and throws a
    /// <see cref="Abstractions.ConnectorTransportException"/>. Default 30 s (routers can stall for seconds under load).
    /// </summary>
    public TimeSpan ReceiveTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Maximum number of tagged commands in flight on one connection (the pipelining window). Default 128: with a round
    /// trip of R, pipelined writes go at most MaxInFlight / R per second (32 capped bulk adds at about 20x one-at-a-time
    /// over a 2 ms link; 128 reaches the router's own pace). Lower it for a router that struggles with bursts.
    /// </summary>
    public int MaxInFlight { get; set; } = 128;

    /// <summary>How many extra attempts to connect and log in (only connect and login are ever retried). Default 2.</summary>
    public int ConnectRetries { get; set; } = 2;

    /// <summary>Largest word accepted from the router, in bytes. Default 16 MiB.</summary>
    public int MaxWordLength { get; set; } = 16 * 1024 * 1024;

    /// <summary>The effective port.</summary>
    public int EffectivePort => Port ?? (UseTls ? DefaultTlsPort : DefaultPort);

    /// <summary>The credential the client uses: <see cref="Credential"/>, or one built from <see cref="User"/> and <see cref="Password"/>.</summary>
    internal ConnectorCredential CreateCredential() => Credential ?? new ConnectorCredential(User ?? string.Empty, Password ?? string.Empty);

    /// <summary>A copy with <paramref name="user"/> and <paramref name="password"/> (what one connection logs in with); pins copied.</summary>
    internal RouterOsClientOptions With(string user, string password)
    {
        var copy = (RouterOsClientOptions)MemberwiseClone();
        copy.User = user;
        copy.Password = password;
        copy.PinnedCertificateThumbprints = [.. PinnedCertificateThumbprints];
        return copy;
    }

    /// <summary>Checks the settings and returns the problems found (empty when valid).</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add($"{nameof(Host)} is required.");
        if (string.IsNullOrWhiteSpace(CreateCredential().User)) errors.Add($"{nameof(User)} is required.");
        if (Port is < 1 or > 65535) errors.Add($"{nameof(Port)} must be between 1 and 65535.");
        if (ConnectTimeout <= TimeSpan.Zero) errors.Add($"{nameof(ConnectTimeout)} must be positive.");
        if (ReceiveTimeout <= TimeSpan.Zero) errors.Add($"{nameof(ReceiveTimeout)} must be positive.");
        if (MaxInFlight is < 1 or > 1024) errors.Add($"{nameof(MaxInFlight)} must be between 1 and 1024.");
        if (ConnectRetries is < 0 or > 10) errors.Add($"{nameof(ConnectRetries)} must be between 0 and 10.");
        if (MaxWordLength < 1024) errors.Add($"{nameof(MaxWordLength)} must be at least 1024.");
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        if (PinnedCertificateThumbprints.Count > 0 && !UseTls) errors.Add($"{nameof(PinnedCertificateThumbprints)} needs {nameof(UseTls)} = true.");
        return errors;
    }
}
