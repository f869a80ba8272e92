using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// One logged-in RouterOS API connection. Every command is tagged; one reader loop dispatches replies by tag, so many
/// commands can be in flight at once (bounded by <see cref="RouterOsClientOptions.MaxInFlight"/>). Once the connection
/// fails (EOF, <c>!fatal</c>, protocol error) it stays failed: open a new one (or use <see cref="RouterOsClient"/>,
/// which does that for you). Thread-safe.
/// </summary>
public sealed class RouterOsConnection : IAsyncDisposable
{
    private readonly RouterOsClientOptions _options;
    private readonly ILogger _logger;
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly object _sendGate = new();
    private ArrayBufferWriter<byte> _sendBuffer = new(16 * 1024);
    private ArrayBufferWriter<byte> _spareBuffer = new(16 * 1024);
    private bool _flushing;
    private readonly long _receiveTimeoutTicks;
    private readonly Timer _sweeper;
    private readonly int _maxInFlight;
    private readonly Queue<PendingCommand> _waiting = new(); // guarded by _sendGate
    private int _inFlight; // guarded by _sendGate
    private bool _flushDeferred; // guarded by _sendGate: the read loop wrote commands and flushes once it has read everything received
    private readonly ConcurrentDictionary<long, PendingCommand> _pending = new();
    private readonly CancellationTokenSource _shutdown = new();
    private Task _readLoop = Task.CompletedTask;
    private MikroTikInstruments _instruments = MikroTikInstruments.Shared;
    private long _nextTag;
    private volatile Exception? _failure;
    private volatile string? _fatalMessage;

    private RouterOsConnection(RouterOsClientOptions options, ILogger logger, TcpClient tcp, Stream stream)
    {
        _options = options;
        _logger = logger;
        _tcp = tcp;
        _stream = stream;
        _maxInFlight = options.MaxInFlight;
        _receiveTimeoutTicks = (long)(options.ReceiveTimeout.TotalSeconds * Stopwatch.Frequency);
        var period = TimeSpan.FromTicks(Math.Clamp(options.ReceiveTimeout.Ticks / 8, TimeSpan.TicksPerMillisecond * 10, TimeSpan.TicksPerSecond));
        _sweeper = new Timer(static state => ((RouterOsConnection)state!).SweepTimeouts(), this, period, period);
    }

    /// <summary>True until the connection fails or is disposed.</summary>
    public bool IsConnected => _failure is null;

    /// <summary>
    /// Connects (TCP or TLS), starts the reader and logs in: plain login first (RouterOS 6.43+), falling back to the
    /// MD5 challenge when the router answers with <c>=ret=</c>.
    /// </summary>
    /// <exception cref="ConnectorAuthenticationException">Wrong user or password (or the router refused the login).</exception>
    /// <exception cref="ConnectorTransportException">The router could not be reached in <see cref="RouterOsClientOptions.ConnectTimeout"/>.</exception>
    public static Task<RouterOsConnection> OpenAsync(RouterOsClientOptions options, ILogger? logger = null,
        CancellationToken cancellationToken = default) =>
        OpenAsync(options, logger, MikroTikInstruments.Shared, cancellationToken);

    internal static async Task<RouterOsConnection> OpenAsync(RouterOsClientOptions options, ILogger? logger,
        MikroTikInstruments instruments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ConnectorOptionsValidation.ThrowIfInvalid(options.GetType().Name, options.Validate());
        logger ??= NullLogger.Instance;

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var tcp = new TcpClient { NoDelay = true };
        RouterOsConnection? connection = null;
        try
        {
            await tcp.ConnectAsync(options.Host, options.EffectivePort, timeout.Token).ConfigureAwait(false);
            Stream stream = tcp.GetStream();
            if (options.UseTls)
            {
                var ssl = new SslStream(stream, leaveInnerStreamOpen: false, (_, cert, _, errors) => ValidateCertificate(options, cert, errors));
                stream = ssl;
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions
                {
                    TargetHost = options.TlsTargetHost ?? options.Host,
                }, timeout.Token).ConfigureAwait(false);
            }
            connection = new RouterOsConnection(options, logger, tcp, stream) { _instruments = instruments };
            connection._readLoop = Task.Run(connection.ReadLoopAsync, CancellationToken.None);
            var method = await connection.LoginAsync(timeout.Token).ConfigureAwait(false);
            instruments.Reconnects.Add(1);
            Log.Connected(logger, options.Host, options.EffectivePort, options.UseTls, method);
            return connection;
        }
        catch (Exception ex) when (ex is not ConnectorAuthenticationException)
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            else tcp.Dispose();
            if (cancellationToken.IsCancellationRequested) throw new OperationCanceledException(cancellationToken);
            if (ex is ConnectorException) throw;
            var reason = ex is OperationCanceledException ? $"no answer within {options.ConnectTimeout.TotalSeconds:0.#} s" : ex.Message;
            throw new ConnectorTransportException(MikroTikTelemetry.ProviderName, "connect",
                $"Cannot open the RouterOS API at {options.Host}:{options.EffectivePort}: {reason}", ex) { RequestNotSent = true };
        }
        catch
        {
            if (connection is not null) await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="command"/> (tagged) and waits for its <c>!done</c>. Waits for a free slot when
    /// <see cref="RouterOsClientOptions.MaxInFlight"/> commands are already in flight.
    /// Cancelling <paramref name="cancellationToken"/> after the command was sent sends <c>/cancel =tag=</c> to the router
    /// and throws <see cref="OperationCanceledException"/>; the connection stays usable.
    /// </summary>
    /// <exception cref="RouterOsTrapException">The router answered <c>!trap</c>.</exception>
    /// <exception cref="ConnectorTransportException">
    /// The connection failed or the reply took longer than <see cref="RouterOsClientOptions.ReceiveTimeout"/>.
    /// <see cref="ConnectorTransportException.RequestNotSent"/> tells whether the router may have executed it.
    /// </exception>
    public Task<RouterOsResponse> ExecuteAsync(RouterOsCommand command, CancellationToken cancellationToken = default) =>
        ExecuteAsync(command, null, cancellationToken);

    /// <summary>As <see cref="ExecuteAsync(RouterOsCommand, CancellationToken)"/>; <paramref name="sent"/> becomes true once the command is committed to the wire.</summary>
    /// <remarks>
    /// The window: a command is sent at once when fewer than <see cref="RouterOsClientOptions.MaxInFlight"/> are in flight,
    /// otherwise it waits in a FIFO queue and is sent by whoever frees a slot (usually the reader, as it reads a reply):
    /// no extra hop per command, and every command freed by one read of the socket goes out in one write.
    /// </remarks>
    internal async Task<RouterOsResponse> ExecuteAsync(RouterOsCommand command, StrongBox<bool>? sent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        ThrowIfFailed(command.Path);
        cancellationToken.ThrowIfCancellationRequested();
        using var activity = MikroTikTelemetry.Source.StartActivity(command.Path, ActivityKind.Client);
        var pending = new PendingCommand(command, sent, cancellationToken);
        bool flush;
        lock (_sendGate)
        {
            if (_failure is not null) throw NotSentException(command.Path);
            if (_inFlight < _maxInFlight && _waiting.Count == 0)
            {
                SendLocked(pending);
                flush = !_flushing;
                _flushing = true;
            }
            else
            {
                _waiting.Enqueue(pending);
                flush = false;
            }
        }
        if (flush) _ = FlushAsync();
        try
        {
            var response = cancellationToken.CanBeCanceled
                ? await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false)
                : await pending.Task.ConfigureAwait(false);
            _instruments.Commands.Add(1, new KeyValuePair<string, object?>("outcome", "done"));
            return response;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            if (!TryDropUnsent(pending))
            {
                // Leave the tag registered so the late !trap/!done is swallowed, and ask the router to stop the command.
                pending.Abandon();
                var tag = pending.Tag.ToString(CultureInfo.InvariantCulture);
                if (!pending.Task.IsCompleted) _ = CancelOnRouterAsync(tag);
                Log.Cancelled(_logger, command.Path, tag);
                activity?.SetStatus(ActivityStatusCode.Error, "cancelled");
            }
            throw new OperationCanceledException(cancellationToken);
        }
        catch (TimeoutException) when (pending.TimedOut)
        {
            var tag = pending.Tag.ToString(CultureInfo.InvariantCulture);
            _ = CancelOnRouterAsync(tag);
            Log.Cancelled(_logger, command.Path, tag);
            activity?.SetStatus(ActivityStatusCode.Error, "timeout");
            throw new ConnectorTransportException(MikroTikTelemetry.ProviderName, command.Path,
                $"RouterOS did not answer {command.Path} within {_options.ReceiveTimeout.TotalSeconds:0.#} s; sent /cancel. The change may or may not have been applied.");
        }
        catch (RouterOsTrapException)
        {
            _instruments.Commands.Add(1, new KeyValuePair<string, object?>("outcome", "trap"));
            throw;
        }
        catch (Exception ex) when (ex is not ConnectorException && pending.State == PendingCommand.Sent)
        {
            // (A command that could not be written when its slot came is not on the wire: its caller gets that error as is.)
            _pending.TryRemove(pending.Tag, out _);
            var failure = Fail(ex);
            throw new ConnectorTransportException(MikroTikTelemetry.ProviderName, command.Path, failure.Message, ex);
        }
        finally
        {
            ReleaseSlot(pending, deferFlush: false);
        }
    }

    /// <summary>Writes <paramref name="pending"/> to the send buffer with a new tag and registers it (caller holds <see cref="_sendGate"/>).</summary>
    private void SendLocked(PendingCommand pending)
    {
        var tag = Interlocked.Increment(ref _nextTag);
        pending.Tag = tag;
        pending.Deadline = Stopwatch.GetTimestamp() + _receiveTimeoutTicks;
        _pending[tag] = pending;
        try
        {
            pending.Command!.WriteTo(_sendBuffer, tag);
        }
        catch
        {
            _pending.TryRemove(tag, out _);
            pending.State = PendingCommand.Dropped;
            throw;
        }
        pending.State = PendingCommand.Sent;
        _inFlight++;
        if (pending.SentFlag is { } flag) flag.Value = true;
    }

    /// <summary>Sends queued commands while the window has room (caller holds <see cref="_sendGate"/>); true when something was written.</summary>
    private bool SendWaitingLocked()
    {
        var wrote = false;
        while (_inFlight < _maxInFlight && _failure is null && _waiting.TryDequeue(out var next))
        {
            if (next.State != PendingCommand.Waiting) continue; // its caller gave up while it waited
            if (next.Token.IsCancellationRequested)
            {
                // The slot came as the caller cancelled: send nothing (the caller's await reports the cancellation).
                next.State = PendingCommand.Dropped;
                continue;
            }
            try
            {
                SendLocked(next);
                wrote = true;
            }
            catch (Exception ex)
            {
                next.Fail(ex);
            }
        }
        return wrote;
    }

    /// <summary>True (and the command will never be sent) when <paramref name="pending"/> had not been sent yet.</summary>
    private bool TryDropUnsent(PendingCommand pending)
    {
        lock (_sendGate)
        {
            if (pending.State == PendingCommand.Sent) return false;
            pending.State = PendingCommand.Dropped;
            return true;
        }
    }

    /// <summary>
    /// Gives back the window slot of a sent command (once: at its <c>!done</c> in the reader, or when its caller stops
    /// waiting) and sends the next queued commands. The reader defers the flush until it has consumed what it received.
    /// </summary>
    private void ReleaseSlot(PendingCommand pending, bool deferFlush)
    {
        if (pending.State != PendingCommand.Sent || !pending.TryReleaseSlot()) return;
        var flush = false;
        lock (_sendGate)
        {
            _inFlight--;
            if (SendWaitingLocked())
            {
                if (deferFlush) _flushDeferred = true;
                else if (!_flushing) flush = _flushing = true;
            }
        }
        if (flush) _ = FlushAsync();
    }

    /// <summary>Starts the flush the reader deferred (called before the reader waits for more bytes).</summary>
    private void FlushDeferred()
    {
        var flush = false;
        lock (_sendGate)
        {
            if (!_flushDeferred) return;
            _flushDeferred = false;
            if (!_flushing) flush = _flushing = true;
        }
        if (flush) _ = FlushAsync();
    }

    /// <summary>Fails the commands that waited longer than the receive timeout (one timer per connection, not one per command).</summary>
    private void SweepTimeouts()
    {
        if (_pending.IsEmpty) return;
        var now = Stopwatch.GetTimestamp();
        foreach (var (_, pending) in _pending)
        {
            if (pending.Deadline <= now) pending.TimeOut();
        }
    }

    private async Task CancelOnRouterAsync(string tag)
    {
        try
        {
            var cancelTag = Interlocked.Increment(ref _nextTag);
            var pending = new PendingCommand("/cancel", long.MaxValue);
            _pending[cancelTag] = pending;
            Enqueue(["/cancel", "=tag=" + tag, ".tag=" + cancelTag.ToString(CultureInfo.InvariantCulture)], "/cancel");
            await pending.Task.WaitAsync(_options.ReceiveTimeout).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Best effort: the original command was already reported as cancelled; a failed /cancel changes nothing for the caller.
        }
    }

    /// <summary>
    /// Appends one sentence (outside the window: <c>/cancel</c>) to the send buffer; whoever finds no flush running writes
    /// everything buffered so far in one write, so pipelined commands share system calls and TCP segments. Once appended a
    /// sentence is committed (it is never half-written: a failed write fails the connection, and every pending command with it).
    /// </summary>
    private void Enqueue(List<string> words, string operation)
    {
        bool flush;
        lock (_sendGate)
        {
            if (_failure is not null) throw NotSentException(operation);
            foreach (var word in words) SentenceWriter.WriteWord(_sendBuffer, word, [], [], [], false);
            SentenceWriter.WriteEnd(_sendBuffer);
            flush = !_flushing;
            _flushing = true;
        }
        if (flush) _ = FlushAsync();
    }

    private async Task FlushAsync()
    {
        while (true)
        {
            ArrayBufferWriter<byte> buffer;
            lock (_sendGate)
            {
                if (_sendBuffer.WrittenCount == 0 || _failure is not null)
                {
                    _flushing = false;
                    return;
                }
                buffer = _sendBuffer;
                _sendBuffer = _spareBuffer;
                _spareBuffer = buffer;
            }
            try
            {
                await _stream.WriteAsync(buffer.WrittenMemory, CancellationToken.None).ConfigureAwait(false);
                await _stream.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                buffer.ResetWrittenCount();
            }
            catch (Exception ex)
            {
                Fail(ex);
                lock (_sendGate) _flushing = false;
                return;
            }
        }
    }

    private async Task<string> LoginAsync(CancellationToken cancellationToken)
    {
        try
        {
            var plain = await ExecuteAsync(new RouterOsCommand("/login").With("name", _options.User).With("password", _options.Password),
                cancellationToken).ConfigureAwait(false);
            if (plain.Ret is not { } challenge) return "plain";
            var response = LegacyLogin.Response(_options.Password, challenge);
            await ExecuteAsync(new RouterOsCommand("/login").With("name", _options.User).With("response", response), cancellationToken)
                .ConfigureAwait(false);
            return "md5-challenge";
        }
        catch (RouterOsTrapException trap)
        {
            throw new ConnectorAuthenticationException(MikroTikTelemetry.ProviderName, "login",
                $"RouterOS refused the login for user '{_options.User}': {string.Join("; ", trap.Messages)}", providerErrorCode: trap.ProviderErrorCode,
                innerException: trap);
        }
        catch (ConnectorTransportException ex) when (_fatalMessage is { } fatal)
        {
            throw new ConnectorAuthenticationException(MikroTikTelemetry.ProviderName, "login",
                $"RouterOS closed the session during login: {fatal}", innerException: ex);
        }
    }

    private async Task ReadLoopAsync()
    {
        // Commands sent for the slots freed by the replies just read go out in one write, before waiting for more.
        var reader = new SentenceReader(_stream, _options.MaxWordLength) { BeforeNetworkRead = FlushDeferred };
        var reply = reader.Reply;
        try
        {
            while (true)
            {
                if (!await reader.ReadReplyAsync(_shutdown.Token).ConfigureAwait(false))
                {
                    Fail(new EndOfStreamException("the router closed the connection"));
                    return;
                }
                if (reply.Type is not { } type) continue;
                var attributes = reply.Attributes;
                if (type == "!fatal")
                {
                    _fatalMessage = attributes.TryGetValue("message", out var m) ? m : "(no reason)";
                    Fail(new IOException("!fatal " + _fatalMessage));
                    return;
                }
                if (reply.Tag is not { } tag || !_pending.TryGetValue(tag, out var pending))
                {
                    if (type is not ("!re" or "!done" or "!trap" or "!empty")) Log.UnknownReply(_logger, type);
                    continue;
                }
                switch (type)
                {
                    case "!re": pending.AddRow(attributes); break;
                    case "!trap": pending.AddTrap(attributes); break;
                    case "!empty": pending.MarkEmpty(); break;
                    case "!done":
                        _pending.TryRemove(tag, out _);
                        pending.Complete(attributes);
                        ReleaseSlot(pending, deferFlush: true);
                        break;
                    default: Log.UnknownReply(_logger, type); break;
                }
            }
        }
        catch (Exception ex)
        {
            Fail(ex);
        }
    }

    private Exception Fail(Exception cause)
    {
        var reason = cause switch
        {
            OperationCanceledException when _shutdown.IsCancellationRequested => "connection closed",
            EndOfStreamException => "the router closed the connection",
            _ => cause.Message,
        };
        var failure = new ConnectorTransportException(MikroTikTelemetry.ProviderName, "read",
            $"RouterOS API connection to {_options.Host}:{_options.EffectivePort} failed: {reason}", cause);
        if (Interlocked.CompareExchange(ref _failure, failure, null) is { } existing) return existing;
        if (!_shutdown.IsCancellationRequested) Log.ConnectionLost(_logger, _options.Host, _options.EffectivePort, reason);
        // Taking the send lock after _failure is set means no command can be registered after the loop below.
        List<PendingCommand> unsent;
        lock (_sendGate)
        {
            unsent = [.. _waiting.Where(p => p.State == PendingCommand.Waiting)];
            foreach (var p in unsent) p.State = PendingCommand.Dropped;
            _waiting.Clear();
        }
        foreach (var p in unsent) p.Fail(NotSentException(p.Operation));
        foreach (var (tag, pending) in _pending)
        {
            if (_pending.TryRemove(tag, out _))
                pending.Fail(new ConnectorTransportException(MikroTikTelemetry.ProviderName, pending.Operation,
                    $"The connection was lost before RouterOS confirmed {pending.Operation} ({reason}); it may or may not have been applied.", failure));
        }
        try
        {
            _tcp.Client?.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already closed.
        }
        return failure;
    }

    private void ThrowIfFailed(string operation)
    {
        if (_failure is not null) throw NotSentException(operation);
    }

    private ConnectorTransportException NotSentException(string operation) =>
        new(MikroTikTelemetry.ProviderName, operation, $"{operation} was not sent: {_failure?.Message}", _failure) { RequestNotSent = true };

    /// <summary>The one pinning rule of <see cref="CertificatePinning"/>: no pins, the trust store decides; pins, only a pinned certificate.</summary>
    internal static bool ValidateCertificate(RouterOsClientOptions options, X509Certificate? certificate, SslPolicyErrors errors) =>
        CertificatePinning.Validate(certificate, errors, [.. options.PinnedCertificateThumbprints]);

    /// <summary>Closes the connection (sends nothing more); pending commands fail with a transport error.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_shutdown.IsCancellationRequested) await _shutdown.CancelAsync().ConfigureAwait(false);
        await _sweeper.DisposeAsync().ConfigureAwait(false);
        Fail(new OperationCanceledException("disposed"));
        try
        {
            await _readLoop.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The loop records its own failure.
        }
        await _stream.DisposeAsync().ConfigureAwait(false);
        _tcp.Dispose();
        _shutdown.Dispose();
    }
}
