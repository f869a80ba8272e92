using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>Settings of one WhatsApp Business number (bindable from <c>Cobranca:WhatsApp:{tenant}</c>).</summary>
public sealed class WhatsAppClientOptions
{
    /// <summary>The default Graph API version.</summary>
    public const string DefaultApiVersion = "v25.0";

    /// <summary>The Graph API root. Default <c>https://graph.facebook.com/</c> (a sandbox URL in tests).</summary>
    public Uri? BaseAddress { get; set; } = new("https://graph.facebook.com/");

    /// <summary>The Graph API version (<c>v25.0</c>); Meta retires versions about two years after release.</summary>
    public string ApiVersion { get; set; } = DefaultApiVersion;

    /// <summary>The business phone number id (not the phone number itself): WhatsApp Manager → API Setup.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The WhatsApp Business Account id (optional; for routing webhooks of several numbers).</summary>
    public string? BusinessAccountId { get; set; }

    /// <summary>The system user access token. A secret.</summary>
    public string? AccessToken { get; set; }

    /// <summary>The access token as a rotatable secret; when null the client builds one from <see cref="AccessToken"/>.</summary>
    public ConnectorSecret? Credential { get; set; }

    /// <summary>The Meta app secret that signs webhooks (<c>X-Hub-Signature-256</c>). A secret. Required to accept webhooks.</summary>
    public string? AppSecret { get; set; }

    /// <summary>The app secret as a rotatable secret; when null the client builds one from <see cref="AppSecret"/>.</summary>
    public ConnectorSecret? AppSecretCredential { get; set; }

    /// <summary>The verify token you typed in the App Dashboard for the webhook handshake. A secret.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The customer-service window length. Default 24 hours (Meta's rule); shorten it to keep a safety margin.</summary>
    public TimeSpan ServiceWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Refuses free-form sends outside the known window before calling the API. Default true.</summary>
    public bool EnforceServiceWindow { get; set; } = true;

    /// <summary>How many times a send refused by a rate limit (4, 80007, 130429, 131056) is tried in all. Default 3.</summary>
    public int MaxSendAttempts { get; set; } = 3;

    /// <summary>The first back-off after a throughput/API rate limit (doubles each time). Default 2 s.</summary>
    public TimeSpan RateLimitBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The pause after a pair-rate limit (131056: about one message per 6 s to one user). Default 6 s.</summary>
    public TimeSpan PairRateLimitBackoff { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>How long webhook ids are remembered for dedupe (Meta retries failed deliveries for days). Default 7 days.</summary>
    public TimeSpan WebhookDedupeRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>SHA-256 thumbprints of the certificates accepted (exclusive pinning; see docs/conventions.md).</summary>
    public IList<string> PinnedCertificateThumbprints { get; } = new List<string>();

    /// <summary>Timeouts, retries (reads and uploads only: sends are never retried by the pipeline), circuit breaker and concurrency limit.</summary>
    public ConnectorResilienceOptions Resilience { get; } = new() { MaxConcurrentRequests = 20 };

    internal WhatsAppClientOptions Clone()
    {
        var copy = new WhatsAppClientOptions
        {
            BaseAddress = BaseAddress, ApiVersion = ApiVersion, PhoneNumberId = PhoneNumberId, BusinessAccountId = BusinessAccountId,
            AccessToken = AccessToken, Credential = Credential, AppSecret = AppSecret, AppSecretCredential = AppSecretCredential,
            VerifyToken = VerifyToken, ServiceWindow = ServiceWindow, EnforceServiceWindow = EnforceServiceWindow,
            MaxSendAttempts = MaxSendAttempts, RateLimitBackoff = RateLimitBackoff, PairRateLimitBackoff = PairRateLimitBackoff,
            WebhookDedupeRetention = WebhookDedupeRetention,
        };
        foreach (var pin in PinnedCertificateThumbprints) copy.PinnedCertificateThumbprints.Add(pin);
        Resilience.CopyTo(copy.Resilience);
        return copy;
    }

    /// <summary>Every problem with these settings; empty when valid. Never contains a secret.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri || (BaseAddress.Scheme != Uri.UriSchemeHttps && BaseAddress.Scheme != Uri.UriSchemeHttp))
            errors.Add("BaseAddress must be the absolute http(s) Graph API root, such as https://graph.facebook.com/.");
        if (string.IsNullOrWhiteSpace(ApiVersion) || !System.Text.RegularExpressions.Regex.IsMatch(ApiVersion, @"^v\d{1,3}\.\d{1,2}$"))
            errors.Add("ApiVersion must look like v25.0.");
        if (string.IsNullOrWhiteSpace(PhoneNumberId) || !PhoneNumberId.All(char.IsAsciiDigit))
            errors.Add("PhoneNumberId is required: the numeric phone number id from WhatsApp Manager (not the phone number).");
        if (Credential is null && string.IsNullOrWhiteSpace(AccessToken)) errors.Add("AccessToken is required (a system user token with whatsapp_business_messaging).");
        if (ServiceWindow <= TimeSpan.Zero || ServiceWindow > TimeSpan.FromHours(24)) errors.Add("ServiceWindow must be positive and at most 24 hours.");
        if (MaxSendAttempts is < 1 or > 10) errors.Add("MaxSendAttempts must be between 1 and 10.");
        if (RateLimitBackoff < TimeSpan.Zero || PairRateLimitBackoff < TimeSpan.Zero) errors.Add("Back-offs must not be negative.");
        if (WebhookDedupeRetention < TimeSpan.FromHours(1)) errors.Add("WebhookDedupeRetention must be at least one hour.");
        errors.AddRange(CertificatePinning.ValidatePins(PinnedCertificateThumbprints, nameof(PinnedCertificateThumbprints)));
        errors.AddRange(Resilience.Validate().Select(e => "Resilience." + e));
        return errors;
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"WhatsAppClientOptions {{ BaseAddress = {BaseAddress}, ApiVersion = {ApiVersion}, PhoneNumberId = {PhoneNumberId}, " +
        $"AccessToken = {SensitiveData.MaskSecret(AccessToken)}, AppSecret = {SensitiveData.MaskSecret(AppSecret)}, VerifyToken = {SensitiveData.MaskSecret(VerifyToken)} }}";
}
