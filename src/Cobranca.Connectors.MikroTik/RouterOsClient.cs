using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// A RouterOS API client that keeps one warm, logged-in <see cref="RouterOsConnection"/> and opens a new one when the
/// previous connection was lost. Only connecting and logging in are retried: a command whose connection dropped after it
/// was sent is never re-sent (the caller gets a <see cref="ConnectorTransportException"/> and should re-read state first).
/// A command that provably never left (<see cref="ConnectorTransportException.RequestNotSent"/>) is sent once on a fresh
/// connection. Thread-safe; share one instance per router. Mock <see cref="IRouterOsClient"/> in tests.
/// </summary>
public sealed class RouterOsClient : IRouterOsClient
{
    private readonly RouterOsClientOptions _options;
    private readonly MikroTikInstruments _instruments;
    private readonly ConnectorCredential _credential;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _connectLock = new(1, 1);
    private RouterOsConnection? _connection;
    private bool _disposed;

    /// <summary>Creates a client; nothing is connected until the first command or <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">Where and how to connect; copied and validated here (only <see cref="RouterOsClientOptions.Credential"/> stays shared, for rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock of the reconnect backoff; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public RouterOsClient(RouterOsClientOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), null, loggerFactory, timeProvider)
    {
    }

    /// <summary>A client over already validated settings, sharing <paramref name="credential"/> (the access controller, DI).</summary>
    internal RouterOsClient(RouterOsClientOptions settings, ConnectorCredential? credential, ILoggerFactory? loggerFactory, TimeProvider? timeProvider,
        MikroTikInstruments? instruments = null)
    {
        _instruments = instruments ?? MikroTikInstruments.Shared;
        _options = settings;
        _credential = credential ?? settings.CreateCredential();
        _logger = loggerFactory?.CreateLogger<RouterOsClient>() ?? (ILogger)NullLogger.Instance;
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>The client's copy of <paramref name="options"/>, validated (invalid options are an <see cref="ArgumentException"/>).</summary>
    internal static RouterOsClientOptions Validated(RouterOsClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.With(options.User, options.Password);
        ConnectorOptionsValidation.ThrowIfInvalid(options.GetType().Name, settings.Validate());
        return settings;
    }

    /// <summary>The options this client was created with.</summary>
    public RouterOsClientOptions Options => _options;

    /// <summary>True when a live, logged-in connection exists.</summary>
    public bool IsConnected => _connection?.IsConnected == true;

    /// <summary>Opens (or re-opens) the connection and logs in, retrying up to <see cref="RouterOsClientOptions.ConnectRetries"/> times.</summary>
    public async Task ConnectAsync(CancellationToken cancellationToken = default) =>
        await GetConnectionAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Runs one command (see <see cref="RouterOsConnection.ExecuteAsync(RouterOsCommand, CancellationToken)"/> for the error contract).</summary>
    public async Task<RouterOsResponse> ExecuteAsync(RouterOsCommand command, CancellationToken cancellationToken = default)
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
    public async Task<IReadOnlyList<IReadOnlyDictionary<string, string>>> PrintAsync(RouterOsCommand command,
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
                    // The credential is read at each login: a rotated password applies to the next connection.
                    var (user, password) = _credential;
                    _connection = await RouterOsConnection.OpenAsync(_options.With(user, password), _logger, _instruments, cancellationToken).ConfigureAwait(false);
                    return _connection;
                }
                catch (ConnectorTransportException ex) when (attempt < _options.ConnectRetries)
                {
                    Log.ConnectFailed(_logger, attempt + 1, _options.Host, _options.EffectivePort, ex.Message);
                    var backoff = TimeSpan.FromMilliseconds(200 * (1 << attempt) * (0.8 + (Random.Shared.NextDouble() * 0.4)));
                    await Task.Delay(backoff, _time, cancellationToken).ConfigureAwait(false);
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
        if (_disposed) return;
        _disposed = true;
        if (_connection is { } c) await c.DisposeAsync().ConfigureAwait(false);
        _connection = null;
        _connectLock.Dispose();
    }
}
