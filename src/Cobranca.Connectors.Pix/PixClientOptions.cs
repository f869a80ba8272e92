using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Settings for one PSP account (one credential set). A multi-tenant host creates one <see cref="PixClient"/> (or one
/// named DI registration) per account: the mTLS certificate belongs to the connection, so accounts cannot share one.
/// </summary>
public sealed class PixClientOptions
{
    /// <summary>The PSP profile (<see cref="PixProviderProfile.Efi"/>…). Null when <see cref="BaseUrl"/> and <see cref="TokenUrl"/> are both set.</summary>
    public PixProviderProfile? Provider { get; set; }

    /// <summary>Use the profile's homologation URLs.</summary>
    public bool UseSandbox { get; set; }

    /// <summary>API base URL with the version path (e.g. <c>https://pix.example.com/api/v2/</c>); overrides the profile.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>OAuth2 token URL; overrides the profile.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>How to write the token request; overrides the profile. Default <see cref="PixAuthStyle.BasicForm"/> without a profile.</summary>
    public PixAuthStyle? AuthStyle { get; set; }

    /// <summary>Scopes to request; null = the profile's.</summary>
    public IList<string>? Scopes { get; set; }

    /// <summary>OAuth2 client id.</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>OAuth2 client secret (a secret: load it from a vault or environment variable; never logged).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The mTLS client certificate, already loaded (with its private key). Takes precedence over the PFX settings.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The mTLS certificate as PKCS#12 (PFX/P12) bytes, e.g. from a secret store.</summary>
    public byte[]? CertificatePfx { get; set; }

    /// <summary>Path of a PKCS#12 (PFX/P12) file with the mTLS certificate.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX (empty or null for Efí's password-less <c>.p12</c>).</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Extra headers on every API call (e.g. <c>x-itau-apikey</c>, <c>x-conta-corrente</c>). Values are treated as secrets.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Extra query parameters on every API call (e.g. Banco do Brasil's <c>gw-dev-app-key</c>).</summary>
    public IDictionary<string, string> QueryParameters { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Renew the token this long before it expires. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Timeouts, retries (idempotent operations only; 429 after <c>Retry-After</c> for any), circuit breaker and
    /// concurrency limit of this account's connection (the shared Cobranca.Connectors.Http pipeline).
    /// </summary>
    public ConnectorResilienceOptions Resilience { get; set; } = new();

    /// <summary>Optional SHA-256 thumbprints of the PSP's TLS certificate to pin (normally empty: PSPs use public CAs).</summary>
    public IList<string> PinnedServerCertificates { get; } = new List<string>();

    /// <summary>Tenant name tagged on telemetry (never a secret).</summary>
    public string? TenantId { get; set; }

    /// <summary>Clock for token expiry, retry delays and timeouts; null = <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The provider name used in exceptions and telemetry: <c>"pix:{profile}"</c>, or <c>"pix"</c>.</summary>
    public string ProviderName => Provider is null ? "pix" : "pix:" + Provider.Name;

    private readonly Lock _certificateGate = new();
    private X509Certificate2? _loadedCertificate;

    /// <summary>The mTLS certificate, loaded once per options instance (DI rebuilds handlers periodically).</summary>
    internal X509Certificate2? GetOrLoadCertificate(Func<PixClientOptions, X509Certificate2?> load)
    {
        lock (_certificateGate) return _loadedCertificate ??= load(this);
    }

    internal Uri? EffectiveBaseUrl => BaseUrl ?? (UseSandbox ? Provider?.SandboxBaseUrl : Provider?.BaseUrl);

    internal Uri? EffectiveTokenUrl => TokenUrl ?? (UseSandbox ? Provider?.SandboxTokenUrl : Provider?.TokenUrl);

    internal PixAuthStyle EffectiveAuthStyle => AuthStyle ?? Provider?.AuthStyle ?? PixAuthStyle.BasicForm;

    internal IReadOnlyList<string> EffectiveScopes => Scopes is { } s ? [.. s] : Provider?.Scopes ?? [];

    /// <summary>Checks the settings; returns the problems found (empty when valid). Never echoes a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (EffectiveBaseUrl is not { } baseUrl)
            errors.Add(UseSandbox && Provider is not null && BaseUrl is null
                ? $"The {Provider.Name} profile has no sandbox URL: set BaseUrl."
                : "Set Provider or BaseUrl.");
        else if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
            errors.Add("BaseUrl must be an absolute https URL (http is only accepted for loopback test servers).");
        if (EffectiveTokenUrl is not { } tokenUrl)
            errors.Add(UseSandbox && Provider is not null && TokenUrl is null
                ? $"The {Provider.Name} profile has no sandbox token URL: set TokenUrl."
                : "Set Provider or TokenUrl.");
        else if (!tokenUrl.IsAbsoluteUri || (tokenUrl.Scheme != Uri.UriSchemeHttps && !tokenUrl.IsLoopback))
            errors.Add("TokenUrl must be an absolute https URL (http is only accepted for loopback test servers).");
        if (string.IsNullOrWhiteSpace(ClientId)) errors.Add("ClientId is required.");
        if ((Provider?.RequiresClientSecret ?? true) && string.IsNullOrEmpty(ClientSecret))
            errors.Add("ClientSecret is required for this provider.");
        if (CertificatePfx is not null && CertificatePath is not null)
            errors.Add("Set either CertificatePfx or CertificatePath, not both.");
        if (CertificatePath is not null && Certificate is null && !File.Exists(CertificatePath))
            errors.Add("CertificatePath does not point to an existing file.");
        if (Resilience is null) errors.Add("Resilience is required.");
        else errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        if (TokenRefreshMargin < TimeSpan.Zero) errors.Add("TokenRefreshMargin cannot be negative.");
        return errors;
    }
}
