using System.Diagnostics.Metrics;
using System.Runtime.ExceptionServices;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Access;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cobranca.Connectors.MikroTik;

/// <summary>
/// <see cref="IAccessController"/> for a MikroTik router over the RouterOS API, with the strategy chosen in
/// <see cref="MikroTikAccessControllerOptions.Strategy"/>. Every operation reads first and writes only what differs, so
/// repeating it reports <see cref="AccessChangeOutcome.AlreadyInState"/>. <see cref="ApplyAsync"/> reads each menu once,
/// diffs locally, pipelines the writes and batches removes by id.
/// </summary>
public sealed class MikroTikAccessController : IAccessController, IAsyncDisposable
{
    private readonly RouterOsClient _client;
    private readonly bool _ownsClient;
    private IDisposable? _subscription;
    private readonly MikroTikAccessControllerOptions _options;
    private readonly AccessStrategy _strategy;
    private readonly KickOnlyStrategy _kicker;
    private readonly ILogger _logger;
    private readonly object _unblockGate = new();
    private List<PendingUnblock>? _unblockQueue;
    private bool _unblockRunning;

    /// <summary>Creates a controller with its own <see cref="RouterOsClient"/> (disposed with the controller).</summary>
    /// <param name="options">The router connection and the strategy; copied and validated here (only <see cref="RouterOsClientOptions.Credential"/> stays shared, for rotation).</param>
    /// <param name="loggerFactory">Logging; none by default.</param>
    /// <param name="timeProvider">The clock of the reconnect backoff; the system clock by default.</param>
    /// <exception cref="ArgumentException">The options are invalid (the message lists every problem).</exception>
    public MikroTikAccessController(MikroTikAccessControllerOptions options, ILoggerFactory? loggerFactory = null, TimeProvider? timeProvider = null)
        : this(Validated(options), credential: null, loggerFactory, timeProvider)
    {
    }

    private MikroTikAccessController(MikroTikAccessControllerOptions settings, ConnectorCredential? credential, ILoggerFactory? loggerFactory,
        TimeProvider? timeProvider, IMeterFactory? meterFactory = null)
        : this(new RouterOsClient(settings, credential, loggerFactory, timeProvider, meterFactory is null ? null : new MikroTikInstruments(meterFactory)),
            settings, loggerFactory?.CreateLogger<MikroTikAccessController>())
    {
        _ownsClient = true;
    }

    /// <summary>The DI path: the tenant's credential is shared with the registration, so a configuration reload rotates it.</summary>
    internal static MikroTikAccessController FromRegistration(Microsoft.Extensions.Options.IOptionsMonitor<MikroTikAccessControllerOptions> monitor,
        string tenant, ILoggerFactory? loggerFactory, TimeProvider? timeProvider, IMeterFactory? meterFactory = null)
    {
        var settings = Validated(monitor.Get(tenant));
        var credential = settings.CreateCredential();
        var controller = new MikroTikAccessController(settings, credential, loggerFactory, timeProvider, meterFactory);
        controller._subscription = monitor.OnChange((changed, name) =>
        {
            if (!string.Equals(name, tenant, StringComparison.Ordinal)) return;
            var source = changed.CreateCredential();
            if (ReferenceEquals(source, credential)) return;
            var (user, password) = source;
            credential.Update(user, password);
        });
        return controller;
    }

    /// <summary>A controller over an existing client (not disposed with the controller).</summary>
    internal MikroTikAccessController(RouterOsClient client, MikroTikAccessControllerOptions options, ILogger? logger)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ConnectorOptionsValidation.ThrowIfInvalid(nameof(MikroTikAccessControllerOptions), options.Validate());
        _client = client;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _strategy = options.Strategy switch
        {
            MikroTikAccessStrategy.AddressList => new AddressListStrategy(options),
            MikroTikAccessStrategy.PppSecretDisable => new PppSecretStrategy(options),
            MikroTikAccessStrategy.PppProfileSwap => new PppProfileStrategy(options),
            MikroTikAccessStrategy.SimpleQueue => new SimpleQueueStrategy(options),
            _ => new KickOnlyStrategy(options),
        };
        _kicker = new KickOnlyStrategy(options);
        Info = new AccessControllerInfo(options.Name, _strategy.Capabilities);
    }

    private static MikroTikAccessControllerOptions Validated(MikroTikAccessControllerOptions options) =>
        (MikroTikAccessControllerOptions)RouterOsClient.Validated(options);

    /// <inheritdoc />
    public AccessControllerInfo Info { get; }

    /// <summary>The strategy in use.</summary>
    public MikroTikAccessStrategy Strategy => _options.Strategy;

    /// <summary>The underlying RouterOS API client (for commands this controller does not model).</summary>
    public RouterOsClient Client => _client;

    /// <inheritdoc />
    /// <exception cref="NotSupportedException">Kick-only routers hold no state.</exception>
    public async Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!Info.Supports(AccessCapabilities.ReadState))
            throw new NotSupportedException($"The {_options.Strategy} strategy cannot read the access state from the router.");
        var connection = await _client.AcquireConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await _strategy.ReadStateAsync(connection, subscriber, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return RunOneAsync(_strategy, AccessCommand.ToBlock(subscriber, request), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Concurrent unblocks (a burst of payments) are coalesced: while one unblock round is on the router, the unblocks
    /// that arrive wait and then go together as one bulk round (one read, pipelined writes, comma-batched removes), like
    /// <see cref="ApplyAsync"/>. A lone unblock starts at once. Each caller still gets its own <see cref="AccessChange"/>
    /// or exception. Turn off with <see cref="MikroTikAccessControllerOptions.CoalesceUnblocks"/>.
    /// </remarks>
    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var command = AccessCommand.ToUnblock(subscriber);
        if (!_options.CoalesceUnblocks) return RunOneAsync(_strategy, command, cancellationToken);
        EnsureSupported(_strategy, command.Kind);
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<AccessChange>(cancellationToken);
        var request = new PendingUnblock(command, cancellationToken);
        bool start;
        lock (_unblockGate)
        {
            (_unblockQueue ??= []).Add(request);
            start = !_unblockRunning;
            _unblockRunning = true;
        }
        if (start) _ = DrainUnblocksAsync();
        return request.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Runs queued unblocks as bulk rounds, one round at a time, until the queue is empty (group commit).</summary>
    private async Task DrainUnblocksAsync()
    {
        while (true)
        {
            List<PendingUnblock> batch;
            lock (_unblockGate)
            {
                if (_unblockQueue is not { Count: > 0 })
                {
                    _unblockRunning = false;
                    return;
                }
                batch = _unblockQueue;
                _unblockQueue = null;
            }
            batch.RemoveAll(static r => r.Token.IsCancellationRequested && r.Completion.TrySetCanceled(r.Token));
            if (batch.Count == 0) continue;
            var items = batch.Select((r, i) => new PlannedItem(i, r.Command)).ToList();
            try
            {
                await RunRoundAsync(_strategy, items, null, CancellationToken.None).ConfigureAwait(false);
                Log.UnblocksCoalesced(_logger, batch.Count);
                for (var i = 0; i < batch.Count; i++)
                {
                    var effective = items[i];
                    while (effective.SupersededBy is { } later) effective = later; // same subscriber twice: share the result
                    try
                    {
                        batch[i].Completion.TrySetResult(ToChange(_strategy, effective));
                    }
                    catch (Exception ex)
                    {
                        batch[i].Completion.TrySetException(ex);
                    }
                }
            }
            catch (Exception ex)
            {
                foreach (var r in batch) r.Completion.TrySetException(ex);
            }
        }
    }

    private sealed class PendingUnblock(AccessCommand command, CancellationToken token)
    {
        public AccessCommand Command { get; } = command;

        public CancellationToken Token { get; } = token;

        public TaskCompletionSource<AccessChange> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <inheritdoc />
    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
        RunOneAsync(_strategy, AccessCommand.ToThrottle(subscriber, limit), cancellationToken);

    /// <summary>
    /// Kicks the subscriber's PPP session(s) (<c>/ppp/active/remove</c>) so the CPE reconnects and gets its current state.
    /// <see cref="AccessChangeOutcome.AlreadyInState"/> when no session is online.
    /// </summary>
    /// <exception cref="NotSupportedException">The strategy does not work with PPP sessions.</exception>
    public Task<AccessChange> KickAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        if (!Info.Supports(AccessCapabilities.KickSession))
            throw new NotSupportedException($"The {_options.Strategy} strategy does not manage PPP sessions.");
        return RunOneAsync(_kicker, AccessCommand.ToUnblock(subscriber), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Unsupported command kinds are rejected before anything is sent. Per item: <see cref="BatchItemOutcome.Unconfirmed"/>
    /// = the write was sent but its answer never came (connection lost, and still lost when the batch gave up);
    /// <see cref="BatchItemOutcome.NotAttempted"/> = never sent (or superseded by a later command for the same subscriber
    /// in the same batch). After a lost connection the controller reconnects up to
    /// <see cref="MikroTikAccessControllerOptions.BatchResumeAttempts"/> times, re-reads the state and continues with the
    /// unconfirmed and unsent items only. Cancelling throws <see cref="BatchCanceledException"/> (an
    /// <see cref="OperationCanceledException"/>) whose <see cref="BatchCanceledException.PartialResult"/> holds the outcomes
    /// known so far.
    /// </remarks>
    /// <exception cref="NotSupportedException">A command kind is not supported by the strategy.</exception>
    /// <exception cref="BatchCanceledException">The caller cancelled; carries the per-item outcomes known so far.</exception>
    public async Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        for (var i = 0; i < commands.Count; i++)
        {
            if (commands[i] is null) throw new ArgumentException($"Command {i} is null.", nameof(commands));
            EnsureSupported(_strategy, commands[i].Kind);
        }
        var final = new BatchItemResult?[commands.Count];
        var counter = new ProgressCounter(commands.Count, progress);
        var wasUnconfirmed = new bool[commands.Count];
        var remaining = Enumerable.Range(0, commands.Count).ToList();
        for (var round = 0; remaining.Count > 0; round++)
        {
            var items = remaining.Select(i => new PlannedItem(i, commands[i])).ToList();
            Exception? lost;
            try
            {
                lost = await RunRoundAsync(_strategy, items, counter, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                foreach (var item in items) final[item.Index] = Result(item, wasUnconfirmed[item.Index], mayResume: false);
                var partial = new BatchResult(final.Select((r, i) => r ?? new BatchItemResult(i, commands[i], BatchItemOutcome.NotAttempted, "cancelled before it was sent")).ToList());
                Log.BatchFinished(_logger, commands.Count, "cancelled: " + partial);
                throw new BatchCanceledException(partial, cancellationToken);
            }
            var canResume = lost is not null && round < _options.BatchResumeAttempts;
            remaining = [];
            foreach (var item in items)
            {
                var result = Result(item, wasUnconfirmed[item.Index], canResume);
                if (result is null)
                {
                    wasUnconfirmed[item.Index] |= item.Outcome == BatchItemOutcome.Unconfirmed;
                    remaining.Add(item.Index);
                    continue;
                }
                final[item.Index] = result;
                counter.Finished(item.Index, result.Outcome);
            }
            if (remaining.Count > 0) Log.BatchResuming(_logger, lost?.Message ?? "connection lost", round + 1);
        }
        var batch = new BatchResult(final.Select(r => r!).ToList());
        Log.BatchFinished(_logger, commands.Count, batch.ToString());
        return batch;
    }

    /// <summary>
    /// The final result of an item after a round, or null when it goes to the next round (connection lost, resumable).
    /// A write sent in an earlier round and never confirmed stays <see cref="BatchItemOutcome.Unconfirmed"/> even if this
    /// round could not send anything (the router may still have applied it); seen applied by the re-read, it is Applied.
    /// </summary>
    private static BatchItemResult? Result(PlannedItem item, bool wasUnconfirmed, bool mayResume)
    {
        var outcome = item.Outcome;
        var superseded = outcome == BatchItemOutcome.NotAttempted && item.SupersededBy is not null;
        if (mayResume && !superseded && outcome is BatchItemOutcome.Unconfirmed or BatchItemOutcome.NotAttempted) return null;
        if (wasUnconfirmed && outcome == BatchItemOutcome.AlreadyInState) outcome = BatchItemOutcome.Applied;
        if (wasUnconfirmed && !superseded && outcome == BatchItemOutcome.NotAttempted) outcome = BatchItemOutcome.Unconfirmed;
        return new BatchItemResult(item.Index, item.Command, outcome, Describe(item));
    }

    /// <summary>Plans and runs one round on one connection; returns the connection failure, if any.</summary>
    private async Task<Exception?> RunRoundAsync(AccessStrategy strategy, List<PlannedItem> items, ProgressCounter? counter,
        CancellationToken cancellationToken)
    {
        RouterOsConnection connection;
        IReadOnlyList<IReadOnlyList<BatchStep>> phases;
        try
        {
            connection = await _client.AcquireConnectionAsync(cancellationToken).ConfigureAwait(false);
            phases = await strategy.PlanAsync(connection, items, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorTransportException ex)
        {
            // Nothing was written in this round: the reads failed.
            foreach (var item in items.Where(i => i.Decided is null)) item.Decide(BatchItemOutcome.NotAttempted, ex);
            return ex;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            foreach (var item in items.Where(i => i.Decided is null)) item.Decide(BatchItemOutcome.NotAttempted, note: "cancelled before it was sent");
            throw;
        }
        if (counter is not null)
        {
            foreach (var item in items.Where(i => i.Decided is BatchItemOutcome.AlreadyInState or BatchItemOutcome.Failed)) counter.Finished(item.Index, item.Outcome);
        }
        var engine = new BatchEngine(connection, item =>
        {
            if (item.Outcome is BatchItemOutcome.Applied or BatchItemOutcome.AlreadyInState or BatchItemOutcome.Failed) counter?.Finished(item.Index, item.Outcome);
        });
        await engine.RunAsync(phases, cancellationToken).ConfigureAwait(false);
        return engine.LostBecause;
    }

    private async Task<AccessChange> RunOneAsync(AccessStrategy strategy, AccessCommand command, CancellationToken cancellationToken)
    {
        EnsureSupported(strategy, command.Kind);
        var item = new PlannedItem(0, command);
        var connection = await _client.AcquireConnectionAsync(cancellationToken).ConfigureAwait(false);
        var phases = await strategy.PlanAsync(connection, [item], cancellationToken).ConfigureAwait(false);
        await new BatchEngine(connection, _ => { }).RunAsync(phases, cancellationToken).ConfigureAwait(false);
        return ToChange(strategy, item);
    }

    /// <summary>The single-call contract: Applied / AlreadyInState as a change, Failed as its error, otherwise a transport error.</summary>
    private AccessChange ToChange(AccessStrategy strategy, PlannedItem item)
    {
        var command = item.Command;
        var outcome = item.Outcome;
        Log.AccessChanged(_logger, _options.Strategy.ToString(), command.Kind.ToString(), command.Subscriber.ToString(), outcome.ToString());
        var detail = item.Note ?? (item.Kicked ? "session kicked" : null);
        switch (outcome)
        {
            case BatchItemOutcome.Applied:
                return new AccessChange(AccessChangeOutcome.Applied, strategy.StateAfter(command, item.Kicked), detail);
            case BatchItemOutcome.AlreadyInState:
                return new AccessChange(AccessChangeOutcome.AlreadyInState, strategy.StateAfter(command, item.Kicked), detail);
            case BatchItemOutcome.Failed when item.Error is not null:
                ExceptionDispatchInfo.Capture(item.Error).Throw();
                throw item.Error;
            default:
                throw item.Error as ConnectorTransportException ?? new ConnectorTransportException(MikroTikTelemetry.ProviderName, command.Kind.ToString(),
                    $"The connection was lost during {command.Kind}; the change may or may not have been applied. Read the state before retrying.",
                    item.Error);
        }
    }

    private void EnsureSupported(AccessStrategy strategy, AccessCommandKind kind)
    {
        if (!strategy.Supports(kind))
            throw new NotSupportedException($"The MikroTik {_options.Strategy} strategy does not support {kind} (see Info.Capabilities).");
    }

    private static string? Describe(PlannedItem item) =>
        item.Error is { } e ? e.Message : item.Note;

    /// <summary>Disposes the client if this controller created it.</summary>
    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        if (_ownsClient) await _client.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Reports each item once, when its outcome becomes final.</summary>
    private sealed class ProgressCounter(int total, IProgress<BatchProgress>? progress)
    {
        private readonly bool[] _counted = new bool[total];
        private int _completed;
        private int _failed;

        public void Finished(int index, BatchItemOutcome outcome)
        {
            BatchProgress snapshot;
            lock (_counted)
            {
                if (_counted[index]) return;
                _counted[index] = true;
                _completed++;
                if (outcome == BatchItemOutcome.Failed) _failed++;
                snapshot = new BatchProgress(_completed, total, _failed);
            }
            progress?.Report(snapshot);
        }
    }
}
