using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Ixc;

/// <summary>Settings of one IXC tenant (one ISP's IXC Provedor instance).</summary>
public sealed class IxcClientOptions
{
    /// <summary>
    /// The IXC address as the ISP types it: <c>https://ixc.example.com.br</c>, <c>https://ixc.example.com.br/</c> and
    /// <c>https://ixc.example.com.br/webservice/v1</c> all work (see <see cref="NormaliseBaseUrl"/>).
    /// </summary>
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>Id of the IXC user with webservice access (the part before the colon in IXC's token <c>"102:c46..."</c>).</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The user's webservice token (the hash after the colon). A full <c>"id:hash"</c> token is also accepted when <see cref="UserId"/> is empty.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>How listings are sent. Default <see cref="IxcListingVerb.Post"/>.</summary>
    public IxcListingVerb ListingVerb { get; set; } = IxcListingVerb.Post;

    /// <summary>Rows per page for internal listings (<c>rp</c>). Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// SHA-256 (or SHA-1) thumbprints, hex, of server certificates to trust even when the chain does not validate
    /// (on-premise IXC with a self-signed or IP-only certificate). Empty (the default) means normal validation only;
    /// validation is never disabled.
    /// </summary>
    public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

    /// <summary>
    /// Whether <see cref="IxcClient.GetPaymentSlipAsync"/> also calls <c>get_pix</c> for the copia-e-cola. Default true.
    /// <b>get_pix may create a Pix charge at the gateway</b> for an invoice that has none yet; for invoices not yet due
    /// that happens only with <see cref="CreatePixForUpcomingInvoices"/>.
    /// </summary>
    public bool IncludePixInPaymentSlip { get; set; } = true;

    /// <summary>
    /// Whether <see cref="IxcClient.GetPaymentSlipAsync"/> calls <c>get_pix</c> for an invoice that is not yet due and has
    /// no Pix yet (<c>pix_txid</c> empty). Default false: for such an invoice <c>get_pix</c> would <b>create</b> a charge at
    /// the gateway (instalment booklets are generated months ahead), so the slip carries the boleto only and
    /// <see cref="PaymentSlip.Warnings"/> says why. Overdue invoices, invoices due today and invoices that already have a
    /// Pix always get it (when <see cref="IncludePixInPaymentSlip"/> is on).
    /// </summary>
    public bool CreatePixForUpcomingInvoices { get; set; }

    /// <summary>
    /// The tenant's time zone (IANA id) that decides "today" (what is overdue) and the local dates IXC returns (a trust
    /// unlock's return date). Brazil has four zones; default <c>America/Sao_Paulo</c>. Null or blank means the default.
    /// </summary>
    public string? TimeZone { get; set; } = DefaultTimeZone;

    /// <summary>The default <see cref="TimeZone"/>, <c>America/Sao_Paulo</c>.</summary>
    public const string DefaultTimeZone = "America/Sao_Paulo";

    /// <summary>
    /// The largest reply read into memory, in bytes. Default 64 MiB (a listing row is about 1.5 KB, so a 500-row page is
    /// under 1 MB). A larger reply fails with <see cref="IxcReplyTooLargeException"/> without being read.
    /// </summary>
    public long MaxReplyBytes { get; set; } = DefaultMaxReplyBytes;

    /// <summary>The default <see cref="MaxReplyBytes"/>, 64 MiB.</summary>
    public const long DefaultMaxReplyBytes = 64L * 1024 * 1024;

    /// <summary>Whether <see cref="IxcClient.GetPaymentSlipAsync"/> downloads the boleto PDF (<c>get_boleto</c>, about 45 KB, 2 s). Default true.</summary>
    public bool IncludePdfInPaymentSlip { get; set; } = true;

    /// <summary>Whether block/unblock through the access controller disconnects the subscriber's online RADIUS sessions (<c>desconectar_clientes</c>) so the new state applies at once. Default true.</summary>
    public bool DisconnectSessionsOnAccessChange { get; set; } = true;

    /// <summary>
    /// Timeouts, retries (reads only: listings and <c>get_boleto</c>; never <c>get_pix</c>, trust unlock, block, unblock or
    /// disconnect), circuit breaker and the per-tenant concurrency limit. IXC defaults: 4 requests in flight (IXC servers
    /// are small on-premise machines), 20 s per attempt (IXC listings take about 1.4 s, boleto and Pix about 2 s).
    /// </summary>
    public ConnectorResilienceOptions Resilience { get; } = new() { MaxConcurrentRequests = 4 };

    /// <summary>
    /// Normalises what a tenant types into the webservice root, <c>https://host/webservice/v1</c>.
    /// </summary>
    /// <param name="baseUrl">The URL.</param>
    /// <exception cref="ArgumentException">Not an absolute http(s) URL.</exception>
    public static Uri NormaliseBaseUrl(string baseUrl)
    {
        if (!TryNormaliseBaseUrl(baseUrl, out var uri))
            throw new ArgumentException("The IXC base URL must be an absolute http(s) URL such as https://ixc.example.com.br.", nameof(baseUrl));
        return uri;
    }

    internal static bool TryNormaliseBaseUrl(string? baseUrl, [NotNullWhen(true)] out Uri? normalised)
    {
        normalised = null;
        if (string.IsNullOrWhiteSpace(baseUrl)
            || !Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return false;
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/webservice/v1", StringComparison.OrdinalIgnoreCase)) path = path[..^"/webservice/v1".Length];
        else if (path.EndsWith("/webservice", StringComparison.OrdinalIgnoreCase)) path = path[..^"/webservice".Length];
        normalised = new Uri($"{uri.Scheme}://{uri.Authority}{path}/webservice/v1");
        return true;
    }

    /// <summary>The <c>user:token</c> pair sent as Basic credentials.</summary>
    internal string Credentials() =>
        string.IsNullOrWhiteSpace(UserId) ? Token.Trim() : $"{UserId.Trim()}:{Token.Trim()}";

    /// <summary>The zone named by <see cref="TimeZone"/> (São Paulo when blank).</summary>
    internal TimeZoneInfo ResolveTimeZone() =>
        string.IsNullOrWhiteSpace(TimeZone) ? BrazilTime.Zone
        : TryFindTimeZone(TimeZone, out var zone) ? zone
        : throw new ArgumentException($"Unknown time zone '{TimeZone}'.", nameof(TimeZone));

    private static bool TryFindTimeZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    /// <summary>Every problem with these options (empty when valid); never echoes the token.</summary>
    internal List<string> Validate()
    {
        var errors = new List<string>();
        if (!TryNormaliseBaseUrl(BaseUrl, out _)) errors.Add("BaseUrl must be an absolute http(s) URL such as https://ixc.example.com.br.");
        if (string.IsNullOrWhiteSpace(Token)) errors.Add("Token is required (the IXC webservice token).");
        else if (string.IsNullOrWhiteSpace(UserId) && !Token.Contains(':', StringComparison.Ordinal))
            errors.Add("UserId is required (the id of the IXC webservice user), unless Token is the full \"id:hash\" form.");
        if (!string.IsNullOrWhiteSpace(UserId) && !UserId.Trim().All(char.IsAsciiDigit)) errors.Add("UserId must be the numeric id of the IXC user.");
        if (PageSize is < 1 or > 100_000) errors.Add("PageSize must be between 1 and 100000.");
        if (MaxReplyBytes is < 1024 or > int.MaxValue) errors.Add($"MaxReplyBytes must be between 1024 and {int.MaxValue}.");
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TryFindTimeZone(TimeZone, out _))
            errors.Add("TimeZone must be an IANA time zone id such as America/Sao_Paulo, America/Manaus, America/Rio_Branco or America/Noronha.");
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        if (PinnedCertificateThumbprints.Any(t => !CertificatePinning.IsWellFormed(t)))
            errors.Add("PinnedCertificateThumbprints entries must be SHA-256 (64 hex) or SHA-1 (40 hex) thumbprints.");
        return errors;
    }
}
