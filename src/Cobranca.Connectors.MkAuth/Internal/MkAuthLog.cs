using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>Source-generated log messages. Never logs bodies, tokens, CPFs or logins: only ids and operation names.</summary>
internal static partial class MkAuthLog
{
    [LoggerMessage(EventId = 1, EventName = "MkAuthCallFailed", Level = LogLevel.Warning, Message = "MK-Auth {Operation} failed: {ErrorType} {Error}")]
    public static partial void CallFailed(ILogger logger, string operation, string errorType, string error);

    [LoggerMessage(EventId = 2, EventName = "MkAuthCallDone", Level = LogLevel.Debug, Message = "MK-Auth {Operation} done in {ElapsedMs} ms")]
    public static partial void CallDone(ILogger logger, string operation, double elapsedMs);

    [LoggerMessage(EventId = 3, EventName = "MkAuthTokenFetched", Level = LogLevel.Debug, Message = "MK-Auth token fetched, valid until {Expires}")]
    public static partial void TokenFetched(ILogger logger, DateTimeOffset? expires);

    [LoggerMessage(EventId = 4, EventName = "MkAuthDetected", Level = LogLevel.Information, Message = "MK-Auth install detected: {Features}")]
    public static partial void Detected(ILogger logger, string features);

    [LoggerMessage(EventId = 5, EventName = "MkAuthTrustUnlock", Level = LogLevel.Information, Message = "MK-Auth trust unlock of {ContractId}: {Outcome} via {Method}")]
    public static partial void TrustUnlock(ILogger logger, string contractId, string outcome, string? method);

    [LoggerMessage(EventId = 6, EventName = "MkAuthAccessChanged", Level = LogLevel.Information, Message = "MK-Auth {ContractId}: {Action} -> {Outcome}")]
    public static partial void AccessChanged(ILogger logger, string contractId, string action, string outcome);

    [LoggerMessage(EventId = 7, EventName = "MkAuthPagingIgnored", Level = LogLevel.Information, Message = "MK-Auth {Operation}: page {Page} repeated the first row; this version ignores paging, stopping")]
    public static partial void PagingIgnored(ILogger logger, string operation, int page);

    [LoggerMessage(EventId = 8, EventName = "MkAuthOrphanTitle", Level = LogLevel.Warning, Message = "MK-Auth title {TitleId} has a login with no customer row; skipped")]
    public static partial void OrphanTitle(ILogger logger, string titleId);

    [LoggerMessage(EventId = 9, EventName = "MkAuthGrantNotRecorded", Level = LogLevel.Warning, Message = "MK-Auth trust unlock of {ContractId} was applied but another grant was recorded first in the store")]
    public static partial void GrantNotRecorded(ILogger logger, string contractId);
}
