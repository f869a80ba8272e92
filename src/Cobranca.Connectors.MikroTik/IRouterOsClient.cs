namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// The operations of <see cref="RouterOsClient"/>, for mocking (the class is sealed). Not meant to be implemented
/// outside this package: it may gain members in a minor version.
/// </summary>
public interface IRouterOsClient : IAsyncDisposable
{
    /// <summary>True when a live, logged-in connection exists.</summary>
    bool IsConnected { get; }

    /// <summary>Opens (or re-opens) the connection and logs in, retrying up to <see cref="RouterOsClientOptions.ConnectRetries"/> times.</summary>
    /// <param name="cancellationToken">Cancels the connection attempt.</param>
    Task ConnectAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs one command. A command whose connection dropped after it was sent is never re-sent (the caller gets a
    /// <see cref="Abstractions.ConnectorTransportException"/> and should re-read state first); a <c>!trap</c> is a
    /// <see cref="RouterOsTrapException"/>.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the command (the router is sent <c>/cancel</c>).</param>
    Task<RouterOsResponse> ExecuteAsync(RouterOsCommand command, CancellationToken cancellationToken = default);

    /// <summary>Runs a print and returns its rows.</summary>
    /// <param name="command">The print command.</param>
    /// <param name="cancellationToken">Cancels the command.</param>
    Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PrintAsync(RouterOsCommand command, CancellationToken cancellationToken = default);
}
