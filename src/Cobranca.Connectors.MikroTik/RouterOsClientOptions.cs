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

    /// <summary>API password. Never logged. Prefer loading it from a secret store or an environment variable.</summary>
    public string Password { get; set; } = string.Empty;

    /// <summary>Use API-SSL (TLS). The certificate is validated against the machine's trust store unless pinned.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// Optional pin: the SHA-256 (64 hex chars) or SHA-1 (40 hex chars) thumbprint of the router's certificate.
    /// When set, a certificate with exactly this thumbprint is accepted even if self-signed, and any other is refused.
    /// There is deliberately no "accept any certificate" switch.
    /// </summary>
    public string? TlsCertificateThumbprint { get; set; }

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

    /// <summary>Checks the settings and returns the problems found (empty when valid).</summary>
    public virtual IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Host)) errors.Add($"{nameof(Host)} is required.");
        if (string.IsNullOrWhiteSpace(User)) errors.Add($"{nameof(User)} is required.");
        if (Port is < 1 or > 65535) errors.Add($"{nameof(Port)} must be between 1 and 65535.");
        if (ConnectTimeout <= TimeSpan.Zero) errors.Add($"{nameof(ConnectTimeout)} must be positive.");
        if (ReceiveTimeout <= TimeSpan.Zero) errors.Add($"{nameof(ReceiveTimeout)} must be positive.");
        if (MaxInFlight is < 1 or > 1024) errors.Add($"{nameof(MaxInFlight)} must be between 1 and 1024.");
        if (ConnectRetries is < 0 or > 10) errors.Add($"{nameof(ConnectRetries)} must be between 0 and 10.");
        if (MaxWordLength < 1024) errors.Add($"{nameof(MaxWordLength)} must be at least 1024.");
        if (TlsCertificateThumbprint is { } t)
        {
            var hex = t.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
            if (hex.Length is not (40 or 64) || !hex.All(Uri.IsHexDigit))
                errors.Add($"{nameof(TlsCertificateThumbprint)} must be a SHA-256 (64 hex) or SHA-1 (40 hex) thumbprint.");
            if (!UseTls) errors.Add($"{nameof(TlsCertificateThumbprint)} needs {nameof(UseTls)} = true.");
        }
        return errors;
    }
}
