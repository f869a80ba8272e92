using Cobranca.Connectors.Http;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Boleto.Providers.Internal;

internal static partial class BoletoLog
{
    /// <summary>
    /// Events 1 to 4 (BoletoRequest, BoletoRequestFailed, BoletoTokenIssued, BoletoTokenRejected) of the shared OAuth2 bearer send
    /// loop and token cache: defined once in <see cref="OAuthBearerLog"/> (same ids, levels and messages for every package).
    /// </summary>
    public static readonly OAuthBearerLog Bearer = new("Boleto");

    /// <summary>Event 2 (BoletoRequestFailed), also written outside the send loop (webhook re-queries).</summary>
    public static void RequestFailed(ILogger logger, string provider, string operation, Exception exception) =>
        Bearer.RequestFailed(logger, provider, operation, exception);

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
