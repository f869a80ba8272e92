using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Pix;

/// <summary>
/// Settings for one PSP account (one credential set), bindable from configuration (<c>Cobranca:Pix:{tenant}</c>). A
/// multi-tenant host creates one <see cref="PixClient"/> (or one <c>AddPixClient(tenant)</c> registration) per account:
/// the mTLS certificate belongs to the connection, so accounts cannot share one. The client copies these settings when
/// it is built; only <see cref="Credential"/> stays shared, so that it can be rotated.
/// </summary>
public sealed class PixClientOptions
{
    /// <summary>The PSP profile (<see cref="PixProviderProfile.Efi"/>…). Null when <see cref="Profile"/> names one, or when <see cref="BaseAddress"/> and <see cref="TokenUrl"/> are both set.</summary>
    public PixProviderProfile? Provider { get; set; }

    /// <summary>The name of a built-in profile (<c>efi</c>, <c>inter</c>, <c>sicoob</c>, <c>sicredi</c>, <c>bb</c>, <c>itau</c>; case ignored), for configuration files. <see cref="Provider"/> wins when both are set.</summary>
    public string? Profile { get; set; }

    /// <summary>Use the profile's homologation URLs.</summary>
    public bool UseSandbox { get; set; }

    /// <summary>API base address with the version path (e.g. <c>https://pix.example.com/api/v2/</c>); overrides the profile.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>OAuth2 token URL; overrides the profile.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>How to write the token request; overrides the profile. Default <see cref="PixAuthStyle.BasicForm"/> without a profile.</summary>
    public PixAuthStyle? AuthStyle { get; set; }

    /// <summary>Scopes to request; null = the profile's.</summary>
    public IList<string>? Scopes { get; set; }

    /// <summary>Also request the profile's Pix Automático scopes (<see cref="PixProviderProfile.RecurrenceScopes"/>); off by default.</summary>
    public bool RequestRecurrenceScopes { get; set; }

    /// <summary>The account to act on, sent in the profile's <see cref="PixProviderProfile.AccountHeaderName"/> (Inter: <c>x-conta-corrente</c>).</summary>
    public string? AccountNumber { get; set; }

    /// <summary>OAuth2 client id (used when <see cref="Credential"/> is null).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>OAuth2 client secret (a secret: load it from a vault or environment variable; never logged). Used when <see cref="Credential"/> is null.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>
    /// The client id and secret as a rotatable credential: <see cref="ConnectorCredential.Update"/> makes the next token
    /// request use the new pair (the cached token is dropped). Null: the client builds one from <see cref="ClientId"/>
    /// and <see cref="ClientSecret"/> (with DI, a configuration reload updates it in place).
    /// </summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>The mTLS client certificate, already loaded (with its private key), e.g. from a certificate store. Optional: the PFX settings bind from configuration. Takes precedence over them.</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The mTLS certificate as PKCS#12 (PFX/P12) bytes (base64 in configuration), e.g. from a secret store.</summary>
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
    public ConnectorResilienceOptions Resilience { get; private set; } = new();

    /// <summary>
    /// SHA-256 thumbprints of the PSP's TLS certificate (normally empty: PSPs use public CAs). When set, only a
    /// certificate matching one of them is accepted (see <see cref="CertificatePinning"/>).
    /// </summary>
    public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

    /// <summary>The provider name used in exceptions and telemetry: <c>"pix:{profile}"</c>, or <c>"pix"</c>.</summary>
    public string ProviderName => EffectiveProvider is { } p ? "pix:" + p.Name : "pix";

    internal PixProviderProfile? EffectiveProvider =>
        Provider ?? (Profile is { } name ? PixProviderProfile.BuiltIn.FirstOrDefault(p => string.Equals(p.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)) : null);

    internal Uri? EffectiveBaseUrl => BaseAddress ?? (UseSandbox ? EffectiveProvider?.SandboxBaseUrl : EffectiveProvider?.BaseUrl);

    internal Uri? EffectiveTokenUrl => TokenUrl ?? (UseSandbox ? EffectiveProvider?.SandboxTokenUrl : EffectiveProvider?.TokenUrl);

    internal PixAuthStyle EffectiveAuthStyle => AuthStyle ?? EffectiveProvider?.AuthStyle ?? PixAuthStyle.BasicForm;

    internal IReadOnlyList<string> EffectiveScopes => Scopes is { } s ? [.. s]
        : RequestRecurrenceScopes && EffectiveProvider is { } p ? [.. p.Scopes, .. p.RecurrenceScopes.Except(p.Scopes, StringComparer.Ordinal)]
        : EffectiveProvider?.Scopes ?? [];

    /// <summary>The client's private copy (the credential object stays shared so that it can be rotated).</summary>
    internal PixClientOptions Copy()
    {
        var copy = new PixClientOptions
        {
            Provider = Provider, Profile = Profile, UseSandbox = UseSandbox, BaseAddress = BaseAddress, TokenUrl = TokenUrl,
            AuthStyle = AuthStyle, Scopes = Scopes is null ? null : [.. Scopes], ClientId = ClientId, ClientSecret = ClientSecret,
            Credential = Credential, Certificate = Certificate, CertificatePfx = CertificatePfx, CertificatePath = CertificatePath,
            CertificatePassword = CertificatePassword, TokenRefreshMargin = TokenRefreshMargin,
            RequestRecurrenceScopes = RequestRecurrenceScopes, AccountNumber = AccountNumber,
        };
        foreach (var (k, v) in Headers) copy.Headers[k] = v;
        foreach (var (k, v) in QueryParameters) copy.QueryParameters[k] = v;
        foreach (var pin in PinnedCertificateThumbprints) copy.PinnedCertificateThumbprints.Add(pin);
        copy.Resilience = Resilience.Copy();
        return copy;
    }

    /// <summary>The credential the client uses: <see cref="Credential"/>, or one built from <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    internal ConnectorCredential CreateCredential() => Credential ?? new ConnectorCredential(ClientId ?? string.Empty, ClientSecret ?? string.Empty);

    /// <summary>Checks the settings; returns the problems found (empty when valid). Never echoes a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        var provider = EffectiveProvider;
        if (Provider is null && Profile is { } name && provider is null)
            errors.Add($"Profile '{name}' is not a built-in profile ({string.Join(", ", PixProviderProfile.BuiltIn.Select(p => p.Name))}).");
        if (EffectiveBaseUrl is not { } baseUrl)
            errors.Add(UseSandbox && provider is not null && BaseAddress is null
                ? $"The {provider.Name} profile has no sandbox URL: set BaseAddress."
                : "Set Provider (or Profile) or BaseAddress.");
        else if (!baseUrl.IsAbsoluteUri || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
            errors.Add("BaseAddress must be an absolute https URL (http is only accepted for loopback test servers).");
        if (EffectiveTokenUrl is not { } tokenUrl)
            errors.Add(UseSandbox && provider is not null && TokenUrl is null
                ? $"The {provider.Name} profile has no sandbox token URL: set TokenUrl."
                : "Set Provider (or Profile) or TokenUrl.");
        else if (!tokenUrl.IsAbsoluteUri || (tokenUrl.Scheme != Uri.UriSchemeHttps && !tokenUrl.IsLoopback))
            errors.Add("TokenUrl must be an absolute https URL (http is only accepted for loopback test servers).");
        var (clientId, secret) = CreateCredential();
        if (string.IsNullOrWhiteSpace(clientId)) errors.Add("ClientId is required.");
        if ((provider?.RequiresClientSecret ?? true) && string.IsNullOrEmpty(secret))
            errors.Add("ClientSecret is required for this provider.");
        if (CertificatePfx is not null && CertificatePath is not null)
            errors.Add("Set either CertificatePfx or CertificatePath, not both.");
        if (CertificatePath is not null && Certificate is null && !File.Exists(CertificatePath))
            errors.Add("CertificatePath does not point to an existing file.");
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        if (TokenRefreshMargin < TimeSpan.Zero) errors.Add("TokenRefreshMargin cannot be negative.");
        return errors;
    }
}
