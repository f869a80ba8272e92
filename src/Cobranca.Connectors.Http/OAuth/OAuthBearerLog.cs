using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Http;

/// <summary>
/// The log events of <see cref="OAuthBearerTransport"/> and <see cref="OAuthTokenCache"/> for one package: the same ids,
/// levels and messages in every package, event names prefixed with the package's short name (<c>PixRequest</c>,
/// <c>BoletoRequest</c>…), so a package keeps its own event names while the send loop is shared. Built with
/// <see cref="LoggerMessage.Define{T1,T2,T3}(LogLevel, EventId, string, LogDefineOptions)"/>, as the
/// <c>[LoggerMessage]</c> generator does for these methods; create one static instance per package.
/// </summary>
/// <remarks>Arguments are the provider name, the operation name, a status code or a number of seconds: never a secret or personal data.</remarks>
internal sealed class OAuthBearerLog
{
    private static readonly LogDefineOptions SkipEnabledCheck = new() { SkipEnabledCheck = true };
    private readonly Action<ILogger, string, string, int, Exception?> _request;
    private readonly Action<ILogger, string, string, Exception?> _requestFailed;
    private readonly Action<ILogger, string, int, Exception?> _tokenIssued;
    private readonly Action<ILogger, string, string, Exception?> _tokenRejected;

    /// <param name="eventNamePrefix">Prefix of the event names (<c>"Pix"</c> gives <c>PixRequest</c>, <c>PixRequestFailed</c>…).</param>
    public OAuthBearerLog(string eventNamePrefix)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventNamePrefix);
        _request = LoggerMessage.Define<string, string, int>(LogLevel.Debug, new EventId(1, eventNamePrefix + "Request"),
            "{Provider} {Operation} -> {StatusCode}", SkipEnabledCheck);
        _requestFailed = LoggerMessage.Define<string, string>(LogLevel.Error, new EventId(2, eventNamePrefix + "RequestFailed"),
            "{Provider} {Operation} failed", SkipEnabledCheck);
        _tokenIssued = LoggerMessage.Define<string, int>(LogLevel.Debug, new EventId(3, eventNamePrefix + "TokenIssued"),
            "{Provider} OAuth token obtained, valid for {Seconds} s", SkipEnabledCheck);
        _tokenRejected = LoggerMessage.Define<string, string>(LogLevel.Information, new EventId(4, eventNamePrefix + "TokenRejected"),
            "{Provider} {Operation} got 401: token dropped, retrying once with a new one", SkipEnabledCheck);
    }

    /// <summary>Event 1 (debug): one reply and its status.</summary>
    public void Request(ILogger logger, string provider, string operation, int statusCode)
    {
        if (logger.IsEnabled(LogLevel.Debug)) _request(logger, provider, operation, statusCode, null);
    }

    /// <summary>Event 2 (error): an operation failed with a connector exception (its message is already redacted).</summary>
    public void RequestFailed(ILogger logger, string provider, string operation, Exception exception)
    {
        if (logger.IsEnabled(LogLevel.Error)) _requestFailed(logger, provider, operation, exception);
    }

    /// <summary>Event 3 (debug): a token was obtained (never the token itself).</summary>
    public void TokenIssued(ILogger logger, string provider, int seconds)
    {
        if (logger.IsEnabled(LogLevel.Debug)) _tokenIssued(logger, provider, seconds, null);
    }

    /// <summary>Event 4 (information): the server refused the token with a 401; it is dropped and the call retried once.</summary>
    public void TokenRejected(ILogger logger, string provider, string operation)
    {
        if (logger.IsEnabled(LogLevel.Information)) _tokenRejected(logger, provider, operation, null);
    }
}
