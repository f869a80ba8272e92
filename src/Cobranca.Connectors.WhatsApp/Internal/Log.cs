using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.WhatsApp;

/// <summary>Log messages. Recipients are <see cref="WhatsAppUser"/> (masked by ToString); never a token or a full phone.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "WhatsApp {Type} to {Recipient} accepted as {MessageId} (attempt {Attempt})")]
    public static partial void Sent(ILogger logger, string type, WhatsAppUser recipient, string messageId, int attempt);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "WhatsApp {Type} to {Recipient} refused on attempt {Attempt} ({Error}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string type, WhatsAppUser recipient, int attempt, string error, TimeSpan delay);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "WhatsApp {Type} to {Recipient} failed ({Error}); unconfirmed: {Unconfirmed}")]
    public static partial void SendFailed(ILogger logger, string type, WhatsAppUser recipient, string error, bool unconfirmed);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "WhatsApp webhook rejected: {Reason}")]
    public static partial void WebhookRejected(ILogger logger, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "WhatsApp webhook: {Messages} message(s), {Statuses} status(es), {Duplicates} duplicate(s), {Stale} stale")]
    public static partial void WebhookHandled(ILogger logger, int messages, int statuses, int duplicates, int stale);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning, Message = "WhatsApp out-of-band error {Code}: {Title}")]
    public static partial void WebhookError(ILogger logger, int code, string? title);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "WhatsApp notification '{TemplateKey}': re-sending an earlier unconfirmed send ({State})")]
    public static partial void Resending(ILogger logger, string templateKey, string state);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "WhatsApp message {MessageId} was accepted but its state could not be written ({Error})")]
    public static partial void StateWriteFailed(ILogger logger, string messageId, string error);
}
