using System.Diagnostics.CodeAnalysis;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Ixc;

/// <summary>Settings of one IXC tenant (one ISP's IXC Provedor instance).</summary>
public sealed class IxcClientOptions
{
    /// <summary>
    /// The IXC address as the ISP types it: <c>https://ixc.example.com.br</c>, <c>https://ixc.example.com.br/</c> and
    /// <c>https://ixc.example.com.br/webservice/v1</c> all work (the client adds <c>/webservice/v1</c> when missing).
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Id of the IXC user with webservice access (the part before the colon in IXC's token <c>"102:c46..."</c>). Used when <see cref="Credential"/> is null.</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>The user's webservice token (the hash after the colon). A full <c>"id:hash"</c> token is also accepted when <see cref="UserId"/> is empty. Used when <see cref="Credential"/> is null.</summary>
    public string Token { get; set; } = string.Empty;

    /// <summary>
    /// The webservice user id and token as a rotatable credential: <see cref="ConnectorCredential.Update"/> makes the next
    /// request use the new pair, with no restart. Null: the client builds one from <see cref="UserId"/> and
    /// <see cref="Token"/> (with DI, a configuration reload updates it in place).
    /// </summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>How listings are sent. Default <see cref="IxcListingVerb.Post"/>.</summary>
    public IxcListingVerb ListingVerb { get; set; } = IxcListingVerb.Post;

    /// <summary>Rows per page for internal listings (<c>rp</c>). Default 500.</summary>
    public int PageSize { get; set; } = 500;

    /// <summary>
    /// SHA-256 thumbprints (hex) of the IXC server certificate, for an on-premise IXC with a self-signed or IP-only
    /// certificate. Empty (the default): normal validation. Not empty: <b>only</b> a certificate matching one of them is
    /// accepted (its chain and name errors are then tolerated), even where the platform would trust another one. SHA-1
    /// thumbprints are refused. Validation is never disabled (see <see cref="CertificatePinning"/>).
    /// </summary>
    public IList<string> PinnedCertificateThumbprints { get; private set; } = new List<string>();

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
    public ConnectorResilienceOptions Resilience { get; private set; } = new() { MaxConcurrentRequests = 4 };

    /// <summary>Normalizes what a tenant types into the webservice root, <c>https://host/webservice/v1</c>.</summary>
    internal static Uri NormalizeBaseAddress(Uri? baseAddress) =>
        TryNormalizeBaseAddress(baseAddress, out var uri)
            ? uri
            : throw new ArgumentException("The IXC base address must be an absolute http(s) URL such as https://ixc.example.com.br.", nameof(baseAddress));

    internal static bool TryNormalizeBaseAddress(Uri? uri, [NotNullWhen(true)] out Uri? normalised)
    {
        normalised = null;
        if (uri is null || !uri.IsAbsoluteUri
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
            return false;
        var path = uri.AbsolutePath.TrimEnd('/');
        if (path.EndsWith("/webservice/v1", StringComparison.OrdinalIgnoreCase)) path = path[..^"/webservice/v1".Length];
        else if (path.EndsWith("/webservice", StringComparison.OrdinalIgnoreCase)) path = path[..^"/webservice".Length];
        normalised = new Uri($"{uri.Scheme}://{uri.Authority}{path}/webservice/v1");
        return true;
    }

    /// <summary>The credential the client uses: <see cref="Credential"/>, or one built from <see cref="UserId"/> and <see cref="Token"/>.</summary>
    internal ConnectorCredential CreateCredential() => Credential ?? new ConnectorCredential(UserId ?? string.Empty, Token ?? string.Empty);

    /// <summary>The <c>user:token</c> pair sent as Basic credentials (a full <c>id:hash</c> token alone when there is no user).</summary>
    internal static string BasicCredentials(ConnectorCredential credential)
    {
        var (user, token) = credential;
        return string.IsNullOrWhiteSpace(user) ? token.Trim() : $"{user.Trim()}:{token.Trim()}";
    }

    /// <summary>The client's private copy (the credential object stays shared so that it can be rotated).</summary>
    internal IxcClientOptions Copy()
    {
        var copy = (IxcClientOptions)MemberwiseClone();
        copy.PinnedCertificateThumbprints = [.. PinnedCertificateThumbprints];
        copy.Resilience = Resilience.Copy();
        return copy;
    }

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
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (!TryNormalizeBaseAddress(BaseAddress, out _)) errors.Add("BaseAddress must be an absolute http(s) URL such as https://ixc.example.com.br.");
        var (userId, token) = CreateCredential();
        if (string.IsNullOrWhiteSpace(token)) errors.Add("Token is required (the IXC webservice token).");
        else if (string.IsNullOrWhiteSpace(userId) && !token.Contains(':', StringComparison.Ordinal))
            errors.Add("UserId is required (the id of the IXC webservice user), unless Token is the full \"id:hash\" form.");
        if (!string.IsNullOrWhiteSpace(userId) && !userId.Trim().All(char.IsAsciiDigit)) errors.Add("UserId must be the numeric id of the IXC user.");
        if (PageSize is < 1 or > 100_000) errors.Add("PageSize must be between 1 and 100000.");
        if (MaxReplyBytes is < 1024 or > int.MaxValue) errors.Add($"MaxReplyBytes must be between 1024 and {int.MaxValue}.");
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TryFindTimeZone(TimeZone, out _))
            errors.Add("TimeZone must be an IANA time zone id such as America/Sao_Paulo, America/Manaus, America/Rio_Branco or America/Noronha.");
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        return errors;
    }
}
