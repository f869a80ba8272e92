using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.MkAuth;

/// <summary>Settings of one MK-Auth tenant (one ISP's MK-Auth server). Bindable from <c>Cobranca:MkAuth:{tenant}</c>.</summary>
public sealed class MkAuthClientOptions
{
    /// <summary>Default time zone that decides "today" (overdue vs upcoming).</summary>
    public const string DefaultTimeZone = "America/Sao_Paulo";

    /// <summary>
    /// The MK-Auth server as the ISP types it: <c>https://192.168.88.10</c>, <c>https://mk.example.com.br/</c> and
    /// <c>https://mk.example.com.br/api</c> all work. Must be <c>https</c>: MK-Auth only issues the JWT over HTTPS.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API user's <c>Client_Id</c> (CADASTROS &gt; Controle de usuários &gt; user &gt; API).</summary>
    public string ClientId { get; set; } = string.Empty;

    /// <summary>The API user's <c>Client_Secret</c>. Never printed by <see cref="ToString"/>.</summary>
    public string ClientSecret { get; set; } = string.Empty;

    /// <summary>
    /// Optional credential object for rotation without a restart (<see cref="ConnectorCredential.Update"/>); when null the
    /// client builds one from <see cref="ClientId"/> and <see cref="ClientSecret"/>. A rotation discards the cached JWT.
    /// </summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>
    /// SHA-256 thumbprints (hex; colons and spaces ignored) of server certificates to trust. When non-empty the server
    /// certificate must match one of them (chain errors, such as a self-signed certificate on a LAN IP, are then tolerated
    /// for that certificate only) and any other certificate is refused even with a valid chain. Empty: normal validation.
    /// </summary>
    public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

    /// <summary>
    /// Timeouts, retries (reads only: token, customer and title reads, listings; never <c>editar</c>, <c>receber</c> or
    /// <c>desbloqueio</c>), circuit breaker and the concurrency limit. MK-Auth runs on a small on-premise box: 4 in flight.
    /// </summary>
    public ConnectorResilienceOptions Resilience { get; } = new() { MaxConcurrentRequests = 4 };

    /// <summary>IANA time zone that decides "today". Default <c>America/Sao_Paulo</c>.</summary>
    public string? TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>Rows per page (<c>limite</c>) for <c>cliente/listar</c> and <c>titulo/listar</c>. Default 500 (MK-Auth's own default).</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>How long before the JWT's <c>exp</c> a new token is fetched. Default 30 s (MK-Auth tokens live 10 minutes).</summary>
    public TimeSpan TokenRefreshMargin { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Days a trust unlock lasts when the SDK sets it (<c>cliente/editar</c> with <c>observacao</c>/<c>rem_obs</c>). Default 2.</summary>
    public int TrustUnlockDays { get; set; } = 2;

    /// <summary>
    /// MK-Auth enforces no limit, so the SDK does: at most one trust unlock per customer in this period. Default 30 days.
    /// </summary>
    public TimeSpan TrustUnlockMinimumInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// The boleto page path relative to the server root (<c>boleto/boleto.hhvm</c> or <c>boleto/21boleto.php</c>). Null
    /// (the default) detects it at first use.
    /// </summary>
    public string? BoletoPagePath { get; set; }

    /// <summary>Every problem with these options (empty when valid); never echoes a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is null) errors.Add("BaseAddress is required (the MK-Auth server, e.g. https://192.168.88.10).");
        else if (!TryNormalise(BaseAddress, out _))
            errors.Add("BaseAddress must be an absolute https URL without query (MK-Auth issues its JWT over HTTPS only).");
        var (user, secret) = (ClientId, ClientSecret);
        if (Credential is { } credential) (user, secret) = credential;
        if (string.IsNullOrWhiteSpace(user)) errors.Add("ClientId is required (the API user's Client_Id).");
        else if (user.Contains(':', StringComparison.Ordinal)) errors.Add("ClientId must not contain ':' (it is sent as HTTP Basic user).");
        if (string.IsNullOrWhiteSpace(secret)) errors.Add("ClientSecret is required (the API user's Client_Secret).");
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        if (PageSize is < 1 or > 10_000) errors.Add("PageSize must be between 1 and 10000.");
        if (TokenRefreshMargin < TimeSpan.Zero || TokenRefreshMargin > TimeSpan.FromMinutes(5)) errors.Add("TokenRefreshMargin must be between 0 and 5 minutes.");
        if (TrustUnlockDays is < 1 or > 30) errors.Add("TrustUnlockDays must be between 1 and 30.");
        if (TrustUnlockMinimumInterval < TimeSpan.Zero) errors.Add("TrustUnlockMinimumInterval must not be negative.");
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            errors.Add("TimeZone must be an IANA time zone id such as America/Sao_Paulo.");
        if (BoletoPagePath is { } page && (page.Contains("://", StringComparison.Ordinal) || page.Contains('?', StringComparison.Ordinal)))
            errors.Add("BoletoPagePath must be a path relative to the server root, e.g. boleto/boleto.hhvm.");
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        return errors;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"MkAuthClientOptions {{ BaseAddress = {BaseAddress}, ClientId = {(Credential?.User ?? ClientId)}, ClientSecret = {SensitiveData.MaskSecret(ClientSecret)}, Pins = {PinnedCertificateThumbprints.Count} }}";

    /// <summary>The server root (<c>https://host[:port]/[prefix/]</c>), with a trailing <c>/api</c> removed.</summary>
    internal static bool TryNormalise(Uri? address, [NotNullWhen(true)] out Uri? root)
    {
        root = null;
        if (address is null || !address.IsAbsoluteUri || address.Scheme != Uri.UriSchemeHttps
            || !string.IsNullOrEmpty(address.Query) || !string.IsNullOrEmpty(address.Fragment)) return false;
        var path = address.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/api", StringComparison.OrdinalIgnoreCase)) path = path[..^4];
        root = new Uri($"{address.Scheme}://{address.Authority}{path}/");
        return true;
    }
}
