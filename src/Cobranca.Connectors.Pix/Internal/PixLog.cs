using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Pix.Internal;

internal static partial class PixLog
{
    /// <summary>
    /// Events 1 to 4 (PixRequest, PixRequestFailed, PixTokenIssued, PixTokenRejected) of the shared OAuth2 bearer send
    /// loop and token cache: defined once in <see cref="OAuthBearerLog"/> (same ids, levels and messages for every package).
    /// </summary>
    public static readonly OAuthBearerLog Bearer = new("Pix");

    /// <summary>Event 2 (PixRequestFailed), also written outside the send loop (webhook re-queries).</summary>
    public static void RequestFailed(ILogger logger, string provider, string operation, Exception exception) =>
        Bearer.RequestFailed(logger, provider, operation, exception);

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
