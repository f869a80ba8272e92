using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

internal static partial class PixLog
{
    [LoggerMessage(EventId = 1, EventName = "PixRequest", Level = LogLevel.Debug, Message = "{Provider} {Operation} -> {StatusCode}")]
    public static partial void Request(ILogger logger, string provider, string operation, int statusCode);

    [LoggerMessage(EventId = 2, EventName = "PixRequestFailed", Level = LogLevel.Error, Message = "{Provider} {Operation} failed")]
    public static partial void RequestFailed(ILogger logger, string provider, string operation, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "PixTokenIssued", Level = LogLevel.Debug, Message = "{Provider} OAuth token obtained, valid for {Seconds} s")]
    public static partial void TokenIssued(ILogger logger, string provider, int seconds);

    [LoggerMessage(EventId = 4, EventName = "PixTokenRejected", Level = LogLevel.Information, Message = "{Provider} {Operation} got 401: token dropped, retrying once with a new one")]
    public static partial void TokenRejected(ILogger logger, string provider, string operation);

    [LoggerMessage(EventId = 10, EventName = "PixCallbackRejected", Level = LogLevel.Warning, Message = "Pix callback item {EndToEndId} rejected: {Reason}")]
    public static partial void CallbackRejected(ILogger logger, string endToEndId, string reason);

    [LoggerMessage(EventId = 11, EventName = "PixPaymentDuplicate", Level = LogLevel.Debug, Message = "Pix payment {EndToEndId} already processed")]
    public static partial void Duplicate(ILogger logger, string endToEndId);

    [LoggerMessage(EventId = 12, EventName = "PixPaymentConfirmed", Level = LogLevel.Information, Message = "Pix payment {EndToEndId} confirmed via {Channel} (txid {Txid})")]
    public static partial void Confirmed(ILogger logger, string endToEndId, string channel, string? txid);

    [LoggerMessage(EventId = 13, EventName = "PixCallbackMalformed", Level = LogLevel.Warning, Message = "Pix callback body is not a BACEN webhook body")]
    public static partial void CallbackMalformed(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 14, EventName = "PixReconciliationFailed", Level = LogLevel.Error, Message = "Pix reconciliation pass failed")]
    public static partial void ReconciliationFailed(ILogger logger, Exception exception);
}
