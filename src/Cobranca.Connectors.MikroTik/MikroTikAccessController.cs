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
        TimeProvider? timeProvider)
        : this(new RouterOsClient(settings, credential, loggerFactory, timeProvider), settings, loggerFactory?.CreateLogger<MikroTikAccessController>())
    {
        _ownsClient = true;
    }

    /// <summary>The DI path: the tenant's credential is shared with the registration, so a configuration reload rotates it.</summary>
    internal static MikroTikAccessController FromRegistration(Microsoft.Extensions.Options.IOptionsMonitor<MikroTikAccessControllerOptions> monitor,
        string tenant, ILoggerFactory? loggerFactory, TimeProvider? timeProvider)
    {
        var settings = Validated(monitor.Get(tenant));
        var credential = settings.CreateCredential();
        var controller = new MikroTikAccessController(settings, credential, loggerFactory, timeProvider);
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
    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        RunOneAsync(_strategy, AccessCommand.ToUnblock(subscriber), cancellationToken);

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
    /// = the write was sent but the connection died before the answer; <see cref="BatchItemOutcome.NotAttempted"/> = not
    /// sent (or superseded by a later command for the same subscriber in the same batch). After a lost connection the
    /// controller reconnects up to <see cref="MikroTikAccessControllerOptions.BatchResumeAttempts"/> times, re-reads the state
    /// and continues with the unconfirmed and unsent items only.
    /// </remarks>
    /// <exception cref="NotSupportedException">A command kind is not supported by the strategy.</exception>
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
            var lost = await RunRoundAsync(_strategy, items, counter, cancellationToken).ConfigureAwait(false);
            var canResume = lost is not null && round < _options.BatchResumeAttempts;
            remaining = [];
            foreach (var item in items)
            {
                var outcome = item.Outcome;
                // Our earlier write landed before the connection died: the re-read shows it, so it was applied.
                if (wasUnconfirmed[item.Index] && outcome == BatchItemOutcome.AlreadyInState) outcome = BatchItemOutcome.Applied;
                var superseded = outcome == BatchItemOutcome.NotAttempted && item.Note is not null;
                if (canResume && !superseded && outcome is BatchItemOutcome.Unconfirmed or BatchItemOutcome.NotAttempted)
                {
                    wasUnconfirmed[item.Index] |= outcome == BatchItemOutcome.Unconfirmed;
                    remaining.Add(item.Index);
                    continue;
                }
                final[item.Index] = new BatchItemResult(item.Index, item.Command, outcome, Describe(item));
                counter.Finished(item.Index, outcome);
            }
            if (remaining.Count > 0) Log.BatchResuming(_logger, lost?.Message ?? "connection lost", round + 1);
        }
        var result = new BatchResult(final.Select(r => r!).ToList());
        Log.BatchFinished(_logger, commands.Count, result.ToString());
        return result;
    }

    /// <summary>Plans and runs one round on one connection; returns the connection failure, if any.</summary>
    private async Task<Exception?> RunRoundAsync(AccessStrategy strategy, List<PlannedItem> items, ProgressCounter counter,
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
        foreach (var item in items.Where(i => i.Decided is BatchItemOutcome.AlreadyInState or BatchItemOutcome.Failed)) counter.Finished(item.Index, item.Outcome);
        var engine = new BatchEngine(connection, item =>
        {
            if (item.Outcome is BatchItemOutcome.Applied or BatchItemOutcome.AlreadyInState or BatchItemOutcome.Failed) counter.Finished(item.Index, item.Outcome);
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
        var outcome = item.Outcome;
        Log.AccessChanged(_logger, _options.Strategy.ToString(), command.Kind.ToString(), command.Subscriber.ToString(), outcome.ToString());
        switch (outcome)
        {
            case BatchItemOutcome.Applied:
                return new AccessChange(AccessChangeOutcome.Applied, strategy.StateAfter(command));
            case BatchItemOutcome.AlreadyInState:
                return new AccessChange(AccessChangeOutcome.AlreadyInState, strategy.StateAfter(command), item.Note);
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
