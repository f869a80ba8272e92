using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.Sgp;

/// <summary>Settings of one SGP tenant (bindable from <c>Cobranca:Sgp:{tenant}</c>).</summary>
public sealed class SgpClientOptions
{
    /// <summary>The instance root as the ISP types it (<c>https://provedor.sgp.net.br</c>); a pasted <c>/api/ura/</c> suffix is removed.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>How to authenticate. Default <see cref="SgpAuthentication.TokenAndApp"/>.</summary>
    public SgpAuthentication Authentication { get; set; } = SgpAuthentication.TokenAndApp;

    /// <summary>The integration token (<see cref="SgpAuthentication.TokenAndApp"/>). A secret.</summary>
    public string? Token { get; set; }

    /// <summary>The name of the application registered with the token, exactly as in SGP: case-sensitive, sent verbatim.</summary>
    public string? App { get; set; }

    /// <summary>The SGP system user (<see cref="SgpAuthentication.Basic"/>).</summary>
    public string? Username { get; set; }

    /// <summary>The SGP system user's password (<see cref="SgpAuthentication.Basic"/>). A secret.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// The credential for rotation: (app, token) with <see cref="SgpAuthentication.TokenAndApp"/>, (user, password) with
    /// <see cref="SgpAuthentication.Basic"/>. When null the client builds one from the string properties; update it to
    /// rotate without a restart.
    /// </summary>
    public ConnectorCredential? Credential { get; set; }

    /// <summary>Calls <c>/ws/ura/</c> instead of <c>/api/ura/</c>: for old installs that only have the legacy prefix.</summary>
    public bool UseLegacyUraPrefix { get; set; }

    /// <summary>IANA time zone that decides "today" (overdue vs upcoming). Default <c>America/Sao_Paulo</c>.</summary>
    public string? TimeZone { get; set; } = "America/Sao_Paulo";

    /// <summary>SHA-256 thumbprints of the certificates accepted (exclusive pinning; see docs/conventions.md).</summary>
    public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

    /// <summary>Timeouts, retries (reads only), circuit breaker and concurrency limit.</summary>
    public ConnectorResilienceOptions Resilience { get; } = new() { MaxConcurrentRequests = 5 };

    /// <summary>Rows per page of <c>titulos</c> (1 to 250, SGP's maximum). Default 250.</summary>
    public int PageSize { get; set; } = 250;

    /// <summary>
    /// Lets <c>fatura2via</c> open a service order (occurrence) in SGP for each second copy. Off by default: the SDK
    /// sends <c>nao_gerar_os=1</c>, because every bot request would otherwise create noise for the ISP.
    /// </summary>
    public bool OpenServiceOrderOnSecondCopy { get; set; }

    /// <summary>Asks SGP to notify the customer by SMS/WhatsApp when a promise (trust unlock) is granted (<c>enviar_sms=1</c>).</summary>
    public bool NotifyCustomerOnTrustUnlock { get; set; }

    /// <summary>Disconnects the PPPoE session (<c>/ws/radius/disconnect/</c>) after a status change, so it applies at once. Default true.</summary>
    public bool DisconnectOnAccessChange { get; set; } = true;

    /// <summary>The <c>motivo</c> id (from <c>contrato/status/motivos</c>) sent with a block; none by default.</summary>
    public int? BlockReasonId { get; set; }

    /// <summary>The <c>motivo</c> id sent with an unblock; none by default.</summary>
    public int? UnblockReasonId { get; set; }

    /// <summary>The <c>motivo</c> id sent with a speed reduction; none by default.</summary>
    public int? ThrottleReasonId { get; set; }

    /// <summary>A copy (the client keeps its own, so later changes to these options do not reach it; <see cref="Credential"/> stays shared for rotation).</summary>
    internal SgpClientOptions Clone()
    {
        var copy = new SgpClientOptions
        {
            BaseAddress = BaseAddress, Authentication = Authentication, Token = Token, App = App, Username = Username, Password = Password,
            Credential = Credential, UseLegacyUraPrefix = UseLegacyUraPrefix, TimeZone = TimeZone, PageSize = PageSize,
            OpenServiceOrderOnSecondCopy = OpenServiceOrderOnSecondCopy, NotifyCustomerOnTrustUnlock = NotifyCustomerOnTrustUnlock,
            DisconnectOnAccessChange = DisconnectOnAccessChange, BlockReasonId = BlockReasonId, UnblockReasonId = UnblockReasonId, ThrottleReasonId = ThrottleReasonId,
        };
        foreach (var pin in PinnedCertificateThumbprints) copy.PinnedCertificateThumbprints.Add(pin);
        var r = copy.Resilience;
        r.MaxRetryAttempts = Resilience.MaxRetryAttempts;
        r.RetryBaseDelay = Resilience.RetryBaseDelay;
        r.MaxRetryAfter = Resilience.MaxRetryAfter;
        r.AttemptTimeout = Resilience.AttemptTimeout;
        r.TotalTimeout = Resilience.TotalTimeout;
        r.MaxConcurrentRequests = Resilience.MaxConcurrentRequests;
        r.MaxQueuedRequests = Resilience.MaxQueuedRequests;
        r.CircuitBreakerFailureRatio = Resilience.CircuitBreakerFailureRatio;
        r.CircuitBreakerMinimumThroughput = Resilience.CircuitBreakerMinimumThroughput;
        r.CircuitBreakerSamplingDuration = Resilience.CircuitBreakerSamplingDuration;
        r.CircuitBreakerBreakDuration = Resilience.CircuitBreakerBreakDuration;
        return copy;
    }

    /// <summary>Every problem with these settings; empty when valid. Never contains a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
            errors.Add("BaseAddress must be the absolute http(s) root of the SGP instance, such as https://provedor.sgp.net.br.");
        else if (!string.IsNullOrEmpty(BaseAddress.Query) || !string.IsNullOrEmpty(BaseAddress.Fragment))
            errors.Add("BaseAddress must not have a query or fragment (a login page URL such as /accounts/login?next=/admin/ is not the instance root).");
        if (Credential is null)
        {
            if (Authentication == SgpAuthentication.TokenAndApp)
            {
                if (string.IsNullOrWhiteSpace(Token)) errors.Add("Token is required (SGP: the integration token).");
                if (string.IsNullOrWhiteSpace(App)) errors.Add("App is required (SGP: the application name registered with the token; case-sensitive).");
                else if (App != App.Trim()) errors.Add("App has leading or trailing spaces; SGP compares it exactly.");
            }
            else
            {
                if (string.IsNullOrWhiteSpace(Username)) errors.Add("Username is required for Basic authentication.");
                if (string.IsNullOrWhiteSpace(Password)) errors.Add("Password is required for Basic authentication.");
            }
        }
        if (!Enum.IsDefined(Authentication)) errors.Add("Authentication must be TokenAndApp or Basic.");
        if (PageSize is < 1 or > 250) errors.Add("PageSize must be between 1 and 250 (SGP's maximum for titulos).");
        if (!string.IsNullOrWhiteSpace(TimeZone) && !TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
            errors.Add($"TimeZone '{TimeZone}' is not a known IANA time zone id.");
        foreach (var id in new[] { BlockReasonId, UnblockReasonId, ThrottleReasonId })
        {
            if (id is <= 0) errors.Add("Reason ids (BlockReasonId, UnblockReasonId, ThrottleReasonId) must be positive.");
        }
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        return errors;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"SgpClientOptions {{ BaseAddress = {BaseAddress}, Authentication = {Authentication}, App = {App}, Username = {Username}, " +
        $"Token = {SensitiveData.MaskSecret(Token)}, Password = {SensitiveData.MaskSecret(Password)}, UseLegacyUraPrefix = {UseLegacyUraPrefix} }}";
}
