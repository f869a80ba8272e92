namespace Cobranca.Connectors.WhatsApp;

/// <summary>What a Graph / WhatsApp error code means for the sender (see <see cref="WhatsAppErrorCodes.Classify"/>).</summary>
public enum WhatsAppErrorClass
{
    /// <summary>A code this SDK does not know: not retried.</summary>
    Unknown,
    /// <summary>Token invalid or expired, permission missing (0, 3, 10, 190, 200–299): fix the credentials; not retried.</summary>
    Authentication,
    /// <summary>API-call or throughput rate limit (4, 80007, 130429): retried with back-off.</summary>
    RateLimited,
    /// <summary>Too many messages to one user (131056, about one per 6 s): retried after the pair-rate pause.</summary>
    PairRateLimited,
    /// <summary>More than 24 h since the user's last message (131047): send a template instead; not retried.</summary>
    ServiceWindowClosed,
    /// <summary>The recipient cannot receive it (131026: not on WhatsApp, old client, terms not accepted; 131049, 131050, 130472, 131062): not retried.</summary>
    Undeliverable,
    /// <summary>Template missing, paused, disabled or its parameters wrong (132xxx): not retried; fix the template or its mapping.</summary>
    Template,
    /// <summary>Invalid or missing parameter, unsupported message (100, 131008, 131009, 131051, 131030): not retried.</summary>
    InvalidRequest,
    /// <summary>The account is restricted, locked, barred or flagged (368, 131031, 130497, 131048, 131064, 131042): stop sending and alert; not retried.</summary>
    AccountRestricted,
    /// <summary>Media could not be downloaded or uploaded (131052, 131053): fix the media; not retried automatically.</summary>
    Media,
    /// <summary>Meta-side failure (1, 2, 131000, 131016, 131057, 135000): not retried automatically for sends (the message may exist).</summary>
    ServiceUnavailable,
}
