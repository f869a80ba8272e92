using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>Source-generated log messages. Never logs bodies, tokens or personal data: only ids and operation names.</summary>
internal static partial class IxcLog
{
    [LoggerMessage(EventId = 1, EventName = "IxcCallFailed", Level = LogLevel.Warning, Message = "IXC {Operation} failed: {ErrorType} {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string errorType, string error);

    [LoggerMessage(EventId = 2, EventName = "IxcCallDone", Level = LogLevel.Debug, Message = "IXC {Operation} done in {ElapsedMs} ms")]
    public static partial void CallDone(ILogger logger, string operation, double elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "IxcTrustUnlock", Level = LogLevel.Information, Message = "IXC trust unlock of contract {ContractId}: {Outcome} (code {Code})")]
    public static partial void TrustUnlock(ILogger logger, string contractId, string outcome, string? code);

    [LoggerMessage(EventId = 4, EventName = "IxcAccessChanged", Level = LogLevel.Information, Message = "IXC contract {ContractId}: {Action} -> {Outcome}, status_internet {RawCode}")]
    public static partial void AccessChanged(ILogger logger, string contractId, string action, string outcome, string? rawCode);

    [LoggerMessage(EventId = 5, EventName = "IxcSessionKickFailed", Level = LogLevel.Warning, Message = "IXC contract {ContractId}: the state changed but disconnecting the session failed: {Error}")]
    public static partial void KickFailed(ILogger logger, string contractId, string error);

    [LoggerMessage(EventId = 6, EventName = "IxcInvoiceWithoutDueDate", Level = LogLevel.Warning, Message = "IXC invoice {InvoiceId} has no due date; it is reported as due on DateOnly.MaxValue (never overdue)")]
    public static partial void InvoiceWithoutDueDate(ILogger logger, string invoiceId);

    [LoggerMessage(EventId = 7, EventName = "IxcPixUnavailable", Level = LogLevel.Warning, Message = "IXC invoice {InvoiceId}: no Pix for the second copy: {Error}")]
    public static partial void PixUnavailable(ILogger logger, string invoiceId, string error);

    [LoggerMessage(EventId = 8, EventName = "IxcStateNotConfirmed", Level = LogLevel.Warning, Message = "IXC contract {ContractId}: after {Action} the contract reads status_internet {RawCode}")]
    public static partial void StateNotConfirmed(ILogger logger, string contractId, string action, string? rawCode);

    [LoggerMessage(EventId = 9, EventName = "IxcRadiusRefused", Level = LogLevel.Warning, Message = "IXC refused the radusuarios table to this webservice user: contracts come without their PPPoE login, finding by login and session kicks are unavailable. Give the user's group read access to radusuarios to enable them.")]
    public static partial void RadiusRefused(ILogger logger);

    [LoggerMessage(EventId = 10, EventName = "IxcReReadFailed", Level = LogLevel.Warning, Message = "IXC contract {ContractId}: {Action} was accepted, but re-reading the contract failed ({ErrorType}); the reported state is not confirmed")]
    public static partial void ReReadFailed(ILogger logger, string contractId, string action, string errorType);

    [LoggerMessage(EventId = 11, EventName = "IxcListingPageShort", Level = LogLevel.Warning, Message = "IXC {Table} listing: page {Page} held {Received} of {Expected} rows; asking for it again")]
    public static partial void ListingPageShort(ILogger logger, string table, int page, int received, long expected);

    [LoggerMessage(EventId = 12, EventName = "IxcPdfUnavailable", Level = LogLevel.Warning, Message = "IXC invoice {InvoiceId}: no PDF for the second copy: {Error}")]
    public static partial void PdfUnavailable(ILogger logger, string invoiceId, string error);
}
