using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.MikroTik;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Debug, "RouterOS API connected to {Host}:{Port} (tls: {Tls}, login: {LoginMethod})")]
    public static partial void Connected(ILogger logger, string host, int port, bool tls, string loginMethod);

    [LoggerMessage(2, LogLevel.Warning, "RouterOS API connection to {Host}:{Port} lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string host, int port, string reason);

    [LoggerMessage(3, LogLevel.Debug, "RouterOS sent an unknown reply word {Word} (ignored)")]
    public static partial void UnknownReply(ILogger logger, string word);

    [LoggerMessage(4, LogLevel.Debug, "RouterOS command {Command} cancelled (caller or receive timeout); sent /cancel for tag {Tag}")]
    public static partial void Cancelled(ILogger logger, string command, string tag);

    [LoggerMessage(5, LogLevel.Warning, "RouterOS connect attempt {Attempt} to {Host}:{Port} failed: {Reason}")]
    public static partial void ConnectFailed(ILogger logger, int attempt, string host, int port, string reason);

    [LoggerMessage(6, LogLevel.Debug, "MikroTik {Strategy} {Operation} for {Subscriber}: {Outcome}")]
    public static partial void AccessChanged(ILogger logger, string strategy, string operation, string subscriber, string outcome);

    [LoggerMessage(7, LogLevel.Information, "MikroTik batch of {Count} commands finished: {Summary}")]
    public static partial void BatchFinished(ILogger logger, int count, string summary);

    [LoggerMessage(8, LogLevel.Warning, "MikroTik batch lost the connection ({Reason}); re-reading state before resuming (round {Round})")]
    public static partial void BatchResuming(ILogger logger, string reason, int round);

    [LoggerMessage(9, LogLevel.Debug, "MikroTik ran {Count} concurrent unblocks as one bulk round")]
    public static partial void UnblocksCoalesced(ILogger logger, int count);
}
