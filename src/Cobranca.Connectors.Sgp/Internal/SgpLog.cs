using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Sgp.Internal;

internal static partial class SgpLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "SGP {Operation} completed in {ElapsedMs:0.0} ms")]
    public static partial void CallDone(ILogger logger, string operation, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "SGP {Operation} failed: {ErrorType}: {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string errorType, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "SGP contract {ContractId}: the status changed but the PPPoE session could not be disconnected ({Error}); it applies at the next reconnection")]
    public static partial void DisconnectFailed(ILogger logger, string contractId, string error);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "SGP second copy of title {InvoiceId} has no Pix: {Reason}")]
    public static partial void PixMissing(ILogger logger, string invoiceId, string reason);
}
