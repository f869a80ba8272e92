namespace Cobranca.Connectors.WhatsApp;

/// <summary>
/// The error-code taxonomy and retry policy. Only refusals that happen before any message exists are retried
/// automatically (rate limits: 4, 80007, 130429, 131056); everything else — and every ambiguous outcome of a send — is
/// reported, never repeated blindly: the Cloud API has no idempotency key.
/// </summary>
public static class WhatsAppErrorCodes
{
    /// <summary>Access token expired or invalid.</summary>
    public const int AccessTokenExpired = 190;
    /// <summary>API-call rate limit of the app.</summary>
    public const int ApiTooManyCalls = 4;
    /// <summary>Rate limit of the WhatsApp Business Account.</summary>
    public const int BusinessAccountRateLimit = 80007;
    /// <summary>Throughput reached (80 messages per second by default).</summary>
    public const int ThroughputReached = 130429;
    /// <summary>Pair rate limit: too many messages to the same user.</summary>
    public const int PairRateLimit = 131056;
    /// <summary>Message undeliverable.</summary>
    public const int Undeliverable = 131026;
    /// <summary>Re-engagement message: more than 24 hours since the user last wrote.</summary>
    public const int ReEngagement = 131047;
    /// <summary>Template parameter count mismatch.</summary>
    public const int TemplateParameterCountMismatch = 132000;
    /// <summary>Template does not exist in that language or is not approved.</summary>
    public const int TemplateDoesNotExist = 132001;
    /// <summary>Account restricted for policy violations.</summary>
    public const int PolicyRestricted = 368;
    /// <summary>Invalid parameter.</summary>
    public const int InvalidParameter = 100;

    /// <summary>The class of <paramref name="code"/>.</summary>
    /// <param name="code">The Graph error code.</param>
    public static WhatsAppErrorClass Classify(int code) => code switch
    {
        0 or 3 or 10 or 190 or (>= 200 and <= 299) => WhatsAppErrorClass.Authentication,
        4 or 80007 or 130429 => WhatsAppErrorClass.RateLimited,
        131056 => WhatsAppErrorClass.PairRateLimited,
        131047 => WhatsAppErrorClass.ServiceWindowClosed,
        131026 or 131049 or 131050 or 130472 or 131062 or 131063 => WhatsAppErrorClass.Undeliverable,
        >= 132000 and <= 132999 => WhatsAppErrorClass.Template,
        100 or 131008 or 131009 or 131051 or 131030 or 131021 or 131045 => WhatsAppErrorClass.InvalidRequest,
        368 or 131031 or 130497 or 131048 or 131064 or 131042 => WhatsAppErrorClass.AccountRestricted,
        131052 or 131053 => WhatsAppErrorClass.Media,
        1 or 2 or 131000 or 131016 or 131057 or 135000 => WhatsAppErrorClass.ServiceUnavailable,
        _ => WhatsAppErrorClass.Unknown,
    };

    /// <summary>
    /// True when a send refused with <paramref name="code"/> may be repeated automatically (after a back-off): only the
    /// rate limits, which refuse the request before any message exists.
    /// </summary>
    /// <param name="code">The Graph error code.</param>
    public static bool IsRetryable(int code) => Classify(code) is WhatsAppErrorClass.RateLimited or WhatsAppErrorClass.PairRateLimited;
}
