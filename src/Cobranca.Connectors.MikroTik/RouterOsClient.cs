using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// A RouterOS API client that keeps one warm, logged-in <see cref="RouterOsConnection"/> and opens a new one when the
/// previous connection was lost. Only connecting and logging in are retried: a command whose connection dropped after it
/// was sent is never re-sent (the caller gets a <see cref="ConnectorTransportException"/> and should re-read state first).
/// A command that provably never left (<see cref="ConnectorTransportException.RequestNotSent"/>) is sent once on a fresh
/// connection. Thread-safe; share one instance per router.
/// </summary>
public class RouterOsClient : IAsyncDisposable
{
    private readonly RouterOsClientOptions _options;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private RouterOsConnection? _connection;
    private bool _disposed;

    /// <summary>Creates a client; nothing is connected until the first command or <see cref="ConnectAsync"/>.</summary>
    /// <exception cref="ConnectorValidationException">The options are invalid.</exception>
    public RouterOsClient(RouterOsClientOptions options, ILogger<RouterOsClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Validate();
        if (errors.Count > 0)
            throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "configure", "Invalid RouterOS options: " + string.Join(" ", errors));
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>For mocking frameworks only.</summary>
    protected RouterOsClient()
    {
        _options = new RouterOsClientOptions();
        _logger = NullLogger.Instance;
    }

    /// <summary>The options this client was created with.</summary>
    public RouterOsClientOptions Options => _options;

    /// <summary>True when a live, logged-in connection exists.</summary>
    public bool IsConnected => _connection?.IsConnected == true;

    /// <summary>Opens (or re-opens) the connection and logs in, retrying up to <see cref="RouterOsClientOptions.ConnectRetries"/> times.</summary>
    public virtual async Task ConnectAsync(CancellationToken cancellationToken = default) =>
        await GetConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Runs one command (see <see cref="RouterOsConnection.ExecuteAsync(RouterOsCommand, CancellationToken)"/> for the error contract).</summary>
    public virtual async Task<RouterOsResponse> ExecuteAsync(RouterOsCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorTransportException ex) when (ex.RequestNotSent)
        {
            // The connection died before this command was written: sending it on a new connection is not a re-send.
            connection = await GetConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await connection.ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs a print and returns its rows.</summary>
    public virtual async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PrintAsync(RouterOsCommand command,
        CancellationToken cancellationToken = default) =>
        (await ExecuteAsync(command, cancellationToken).ConfigureAwait(false)).Rows;

    /// <summary>A live connection (reconnecting if needed), for callers that must pin a sequence of commands to one connection.</summary>
    internal ValueTask<RouterOsConnection> AcquireConnectionAsync(CancellationToken cancellationToken) => GetConnectionAsync(cancellationToken);

    private async ValueTask<RouterOsConnection> GetConnectionAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var current = _connection;
        if (current is { IsConnected: true }) return current;
        await _connectLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            current = _connection;
            if (current is { IsConnected: true }) return current;
            if (current is not null) await current.DisposeAsync().ConfigureAwait(false);
            _connection = null;
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    _connection = await RouterOsConnection.OpenAsync(_options, _logger, cancellationToken).ConfigureAwait(false);
                    return _connection;
                }
                catch (ConnectorTransportException ex) when (attempt < _options.ConnectRetries)
                {
                    Log.ConnectFailed(_logger, attempt + 1, _options.Host, _options.EffectivePort, ex.Message);
                    var backoff = TimeSpan.FromMilliseconds(200 * (1 << attempt) * (0.8 + (Random.Shared.NextDouble() * 0.4)));
                    await Task.Delay(backoff, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _connectLock.Release();
        }
    }

    /// <summary>Closes the connection.</summary>
    public async ValueTask DisposeAsync()
    {
        await DisposeAsyncCore().ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the connection; override to release more.</summary>
    protected virtual async ValueTask DisposeAsyncCore()
    {
        if (_disposed) return;
        _disposed = true;
        if (_connection is { } c) await c.DisposeAsync().ConfigureAwait(false);
        _connection = null;
        _connectLock.Dispose();
    }
}
