using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Boleto.Providers.Internal;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Boleto.Providers;

/// <summary>
/// Settings for one bank account (one credential set), bindable from configuration (<c>Cobranca:BoletoBank:{tenant}</c>).
/// The client copies them when it is built; only <see cref="Credential"/> stays shared, so that it can be rotated.
/// </summary>
public sealed class BoletoBankClientOptions
{
    /// <summary>The bank. Required.</summary>
    public BoletoBank? Bank { get; set; }

    /// <summary>Use the bank's homologation (sandbox) hosts instead of production.</summary>
    public bool UseSandbox { get; set; }

    /// <summary>
    /// The API server root (e.g. <c>https://cdpj.partners.bancointer.com.br</c>); the client appends the bank's path
    /// (<c>/cobranca/v3/</c>, <c>/cobranca-bancaria/v3/</c>, <c>/cobrancas/v2/</c>, <c>/v1/</c>). Null = the bank's
    /// production or sandbox host.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>OAuth2 token URL; null = the bank's.</summary>
    public Uri? TokenUrl { get; set; }

    /// <summary>Scopes for the token request; null = the bank's boleto scopes.</summary>
    public IList<string>? Scopes { get; set; }

    /// <summary>OAuth2 client id (used when <see cref="Credential"/> is null).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>OAuth2 client secret (not used by Sicoob). A secret: never logged.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The client id and secret as a rotatable credential; null = built from <see cref="ClientId"/> and <see cref="ClientSecret"/>.</summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>The mTLS client certificate, already loaded (Inter, Sicoob and BB production need one; Efí's boleto API does not).</summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>The mTLS certificate as PKCS#12 bytes (base64 in configuration).</summary>
    public byte[]? CertificatePfx { get; set; }

    /// <summary>Path of a PKCS#12 file with the mTLS certificate (Inter's .crt + .key converted to PFX).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>Password of the PFX.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>Inter: the <c>x-conta-corrente</c> header (apps linked to several accounts). Sicoob: <c>numeroContaCorrente</c>.</summary>
    public string? AccountNumber { get; set; }

    /// <summary>Sicoob: <c>numeroCliente</c> (the cooperative's beneficiary number). Required for Sicoob.</summary>
    public long? ClientNumber { get; set; }

    /// <summary>Sicoob: <c>codigoModalidade</c> (1 = simples com registro, the default).</summary>
    public int Modality { get; set; } = 1;

    /// <summary>BB: <c>numeroConvenio</c> (7 digits; 3128557 in homologation). Required for BB.</summary>
    public long? Convenio { get; set; }

    /// <summary>BB: <c>numeroCarteira</c> (default 17).</summary>
    public int Carteira { get; set; } = 17;

    /// <summary>BB: <c>numeroVariacaoCarteira</c> (default 35).</summary>
    public int VariacaoCarteira { get; set; } = 35;

    /// <summary>BB: the developer application key, sent as query <c>gw-dev-app-key</c> on every call. Required for BB. Treated as a secret.</summary>
    public string? ApplicationKey { get; set; }

    /// <summary>BB: beneficiary agency (listings filter by it).</summary>
    public int? Agency { get; set; }

    /// <summary>BB: beneficiary account (listings filter by it).</summary>
    public long? Account { get; set; }

    /// <summary>Efí: <c>metadata.notification_url</c> sent with each charge (your webhook endpoint), optional.</summary>
    public Uri? NotificationUrl { get; set; }

    /// <summary>IANA time zone for "today" (issue dates, paid-on-day windows). Default <c>America/Sao_Paulo</c>.</summary>
    public string? TimeZone { get; set; } = "America/Sao_Paulo";

    /// <summary>Renew the token this long before it expires. Default 60 s.</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeouts, retries (reads only: a create is never retried by the pipeline), circuit breaker and concurrency limit.</summary>
    public ConnectorResilienceOptions Resilience { get; private set; } = new();

    /// <summary>SHA-256 thumbprints of the bank's TLS certificate (normally empty). When set, only a matching certificate is accepted.</summary>
    public IList<string> PinnedCertificateThumbprints { get; private set; } = new List<string>();

    /// <summary>The provider name used in exceptions, telemetry and <c>PaymentReceived.Source</c>: <c>"boleto:{bank}"</c>.</summary>
    public string ProviderName => "boleto:" + (Bank switch
    {
        Providers.BoletoBank.Inter => "inter",
        Providers.BoletoBank.Sicoob => "sicoob",
        Providers.BoletoBank.BancoDoBrasil => "bb",
        Providers.BoletoBank.Efi => "efi",
        _ => "unknown",
    });

    /// <summary>The client's private copy (the credential object stays shared).</summary>
    internal BoletoBankClientOptions Copy()
    {
        var copy = (BoletoBankClientOptions)MemberwiseClone();
        copy.Scopes = Scopes is null ? null : [.. Scopes];
        copy.Resilience = Resilience.Copy();
        copy.PinnedCertificateThumbprints = [.. PinnedCertificateThumbprints];
        return copy;
    }

    internal ConnectorCredential CreateCredential() => Credential ?? new ConnectorCredential(ClientId ?? string.Empty, ClientSecret ?? string.Empty);

    /// <summary>Checks the settings; returns the problems found (empty when valid). Never echoes a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (Bank is not { } bank || !Enum.IsDefined(bank))
        {
            errors.Add("Bank is required (Inter, Sicoob, BancoDoBrasil or Efi).");
        }
        else
        {
            var endpoints = BankEndpoints.For(this);
            if (endpoints.ApiBase is not { } api) errors.Add($"The {bank} profile has no {(UseSandbox ? "sandbox" : "production")} host: set BaseAddress.");
            else if (!api.IsAbsoluteUri || (api.Scheme != Uri.UriSchemeHttps && !api.IsLoopback))
                errors.Add("BaseAddress must be an absolute https URL (http is only accepted for loopback test servers).");
            if (endpoints.TokenUrl is not { } token) errors.Add($"The {bank} profile has no {(UseSandbox ? "sandbox" : "production")} token URL: set TokenUrl.");
            else if (!token.IsAbsoluteUri || (token.Scheme != Uri.UriSchemeHttps && !token.IsLoopback))
                errors.Add("TokenUrl must be an absolute https URL (http is only accepted for loopback test servers).");
            var (clientId, secret) = CreateCredential();
            if (string.IsNullOrWhiteSpace(clientId)) errors.Add("ClientId is required.");
            if (bank != Providers.BoletoBank.Sicoob && string.IsNullOrEmpty(secret)) errors.Add("ClientSecret is required for this bank.");
            if (bank == Providers.BoletoBank.Sicoob && ClientNumber is not > 0) errors.Add("ClientNumber (Sicoob numeroCliente) is required.");
            if (bank == Providers.BoletoBank.BancoDoBrasil)
            {
                if (Convenio is not (> 0 and <= 9_999_999)) errors.Add("Convenio (BB numeroConvenio, up to 7 digits) is required.");
                if (string.IsNullOrWhiteSpace(ApplicationKey)) errors.Add("ApplicationKey (BB gw-dev-app-key) is required.");
            }
        }

        if (Modality is < 1 or > 99) errors.Add("Modality must be between 1 and 99.");
        if (CertificatePfx is not null && CertificatePath is not null) errors.Add("Set either CertificatePfx or CertificatePath, not both.");
        if (CertificatePath is not null && Certificate is null && !File.Exists(CertificatePath)) errors.Add("CertificatePath does not point to an existing file.");
        if (TimeZone is { } zone && !TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _)) errors.Add($"TimeZone '{zone}' is not a known time zone id.");
        if (NotificationUrl is { IsAbsoluteUri: false }) errors.Add("NotificationUrl must be absolute.");
        if (TokenRefreshMargin < TimeSpan.Zero) errors.Add("TokenRefreshMargin cannot be negative.");
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        return errors;
    }

    /// <inheritdoc />
    public override string ToString() => $"{ProviderName} (client {ClientId}{(UseSandbox ? ", sandbox" : string.Empty)})";
}
