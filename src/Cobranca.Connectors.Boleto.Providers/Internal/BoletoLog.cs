using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

internal static partial class BoletoLog
{
    [LoggerMessage(EventId = 1, EventName = "BoletoRequest", Level = LogLevel.Debug, Message = "{Provider} {Operation} -> {StatusCode}")]
    public static partial void Request(ILogger logger, string provider, string operation, int statusCode);

    [LoggerMessage(EventId = 2, EventName = "BoletoRequestFailed", Level = LogLevel.Error, Message = "{Provider} {Operation} failed")]
    public static partial void RequestFailed(ILogger logger, string provider, string operation, Exception exception);

    [LoggerMessage(EventId = 3, EventName = "BoletoTokenIssued", Level = LogLevel.Debug, Message = "{Provider} OAuth token obtained, valid for {Seconds} s")]
    public static partial void TokenIssued(ILogger logger, string provider, int seconds);

    [LoggerMessage(EventId = 4, EventName = "BoletoTokenRejected", Level = LogLevel.Information, Message = "{Provider} {Operation} got 401: token dropped, retrying once with a new one")]
    public static partial void TokenRejected(ILogger logger, string provider, string operation);

    [LoggerMessage(EventId = 10, EventName = "BoletoRegistered", Level = LogLevel.Information, Message = "{Provider} boleto for reference {Reference} {Outcome} as {ProviderId}")]
    public static partial void Registered(ILogger logger, string provider, string reference, string outcome, string providerId);

    [LoggerMessage(EventId = 11, EventName = "BoletoCreateUnknown", Level = LogLevel.Warning, Message = "{Provider} create for reference {Reference} got no answer; looking it up by reference before any resend")]
    public static partial void CreateUnknown(ILogger logger, string provider, string reference, Exception exception);

    [LoggerMessage(EventId = 12, EventName = "BoletoDuplicateReference", Level = LogLevel.Information, Message = "{Provider} refused reference {Reference} as a duplicate: adopting the existing boleto")]
    public static partial void DuplicateAdopted(ILogger logger, string provider, string reference);

    [LoggerMessage(EventId = 20, EventName = "BoletoHintRejected", Level = LogLevel.Warning, Message = "{Provider} webhook hint {ProviderId} not confirmed: {Reason}")]
    public static partial void HintRejected(ILogger logger, string provider, string providerId, string reason);

    [LoggerMessage(EventId = 21, EventName = "BoletoPaymentConfirmed", Level = LogLevel.Information, Message = "{Provider} boleto {ProviderId} paid, confirmed via {Channel}")]
    public static partial void Confirmed(ILogger logger, string provider, string providerId, string channel);

    [LoggerMessage(EventId = 22, EventName = "BoletoPaymentDuplicate", Level = LogLevel.Debug, Message = "{Provider} boleto {ProviderId} payment already processed")]
    public static partial void Duplicate(ILogger logger, string provider, string providerId);

    [LoggerMessage(EventId = 23, EventName = "BoletoWebhookMalformed", Level = LogLevel.Warning, Message = "{Provider} webhook body not understood")]
    public static partial void WebhookMalformed(ILogger logger, string provider);

    [LoggerMessage(EventId = 24, EventName = "BoletoReferencesInMemory", Level = LogLevel.Warning, Message = "{Provider} boleto references are kept in process memory: after a restart a create whose answer was lost cannot be looked up first, so register a durable IStateStore (ledgerStore.GetStateStore(tenant, \"boleto.reference\"))")]
    public static partial void ReferencesInMemory(ILogger logger, string provider);
}
