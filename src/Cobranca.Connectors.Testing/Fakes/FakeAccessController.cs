using System.Globalization;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Testing;

/// <summary>
/// An in-memory <see cref="IAccessController"/> with real state: a block makes <see cref="GetAccessStateAsync"/> report
/// blocked, an unblock restores full access, a throttle records its limit, and repeating a change reports
/// <see cref="AccessChangeOutcome.AlreadyInState"/>. Thread-safe.
/// </summary>
/// <remarks>
/// <para>A subscriber is found by any of its identifiers (contract id, login, IP address, MAC): once registered (or
/// first changed) with several of them, a later call with only one reaches the same state. Unknown subscribers start
/// active, unless <see cref="RequireRegistration"/> is set, in which case they raise <see cref="ConnectorNotFoundException"/>
/// like an ERP that does not know the contract.</para>
/// <para>Fault injection: <see cref="IsDown"/> makes every call fail with <see cref="ConnectorTransportException"/>;
/// <see cref="FailNext"/> queues exceptions for the next operations (each item of <see cref="ApplyAsync"/> counts as one);
/// <see cref="FailWhen"/> fails the operations on chosen subscribers.</para>
/// </remarks>
public sealed class FakeAccessController : IAccessController
{
    /// <summary>The provider name used in <see cref="Info"/> and in the exceptions this fake raises.</summary>
    public const string ProviderName = "fake";

    /// <summary>Every capability except <see cref="AccessCapabilities.KickSession"/>.</summary>
    public const AccessCapabilities DefaultCapabilities =
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock |
        AccessCapabilities.Throttle | AccessCapabilities.Bulk;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _index = new(StringComparer.Ordinal);
    private readonly List<AccessCommand> _changes = [];
    private readonly FaultInjector _faults = new();
    private readonly TimeProvider _time;
    private Func<Subscriber, Exception?>? _rule;

    /// <summary>Creates an empty controller.</summary>
    /// <param name="timeProvider">Clock for timed blocks and trust unlocks; <see cref="TimeProvider.System"/> by default.</param>
    /// <param name="capabilities">What the fake claims to support; operations outside it throw <see cref="NotSupportedException"/>.</param>
    public FakeAccessController(TimeProvider? timeProvider = null, AccessCapabilities capabilities = DefaultCapabilities)
    {
        _time = timeProvider ?? TimeProvider.System;
        Info = new AccessControllerInfo(ProviderName, capabilities);
    }

    /// <inheritdoc />
    public AccessControllerInfo Info { get; }

    /// <summary>When true, subscribers not registered with <see cref="Register"/> raise <see cref="ConnectorNotFoundException"/>.</summary>
    public bool RequireRegistration { get; set; }

    /// <summary>Simulates an unreachable backend: every call throws <see cref="ConnectorTransportException"/>.</summary>
    public bool IsDown
    {
        get => _faults.IsDown;
        set => _faults.IsDown = value;
    }

    /// <summary>
    /// Simulated round trip added to every operation (each item of <see cref="ApplyAsync"/> too), waited on the
    /// controller's <see cref="TimeProvider"/>: with a fake clock, advance it to let calls complete. Zero by default.
    /// </summary>
    public TimeSpan Latency
    {
        get => _faults.Latency;
        set => _faults.Latency = value;
    }

    /// <summary>The commands that changed something, in the order they were applied (no-ops are not listed).</summary>
    public IReadOnlyList<AccessCommand> Changes
    {
        get
        {
            lock (_gate) return _changes.ToArray();
        }
    }

    /// <summary>Registers a subscriber under all its identifiers, with an initial state (active by default).</summary>
    /// <param name="subscriber">The subscriber; every identifier it carries becomes an alias.</param>
    /// <param name="initialState">The starting state.</param>
    /// <exception cref="ArgumentException">The subscriber has no identifier, or one of them is already registered to another subscriber.</exception>
    public void Register(Subscriber subscriber, AccessState? initialState = null)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var keys = KeysOf(subscriber);
        lock (_gate)
        {
            Entry? existing = null;
            foreach (var key in keys)
            {
                if (!_index.TryGetValue(key, out var found)) continue;
                if (existing is not null && !ReferenceEquals(existing, found))
                    throw new ArgumentException("The subscriber's identifiers belong to two different registered subscribers.", nameof(subscriber));
                existing = found;
            }

            var entry = existing ?? new Entry();
            entry.State = initialState ?? AccessState.Active;
            entry.ExpiresAt = null;
            foreach (var key in keys) _index[key] = entry;
        }
    }

    /// <summary>Makes the next <paramref name="times"/> operations throw <paramref name="exception"/>.</summary>
    /// <param name="exception">What to throw.</param>
    /// <param name="times">How many operations fail.</param>
    public void FailNext(Exception exception, int times = 1) => _faults.FailNext(exception, times);

    /// <summary>
    /// Fails every operation on the subscribers for which <paramref name="rule"/> returns an exception (for example one
    /// router port down); <c>null</c> removes the rule.
    /// </summary>
    /// <param name="rule">Returns the exception to throw, or null to let the operation through.</param>
    public void FailWhen(Func<Subscriber, Exception?>? rule) => Volatile.Write(ref _rule, rule);

    /// <summary>Clears queued faults, the failure rule and the down switch.</summary>
    public void ResetFaults()
    {
        _faults.Reset();
        FailWhen(null);
    }

    /// <inheritdoc />
    public async Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        await EnterAsync(AccessCapabilities.ReadState, "access.read", subscriber, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            var entry = Find(subscriber, "access.read");
            return entry is null ? AccessState.Active : Current(entry);
        }
    }

    /// <inheritdoc />
    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteAsync(AccessCommand.ToBlock(subscriber, request), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return ExecuteAsync(AccessCommand.ToUnblock(subscriber), cancellationToken);
    }

    /// <inheritdoc />
    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return ExecuteAsync(AccessCommand.ToThrottle(subscriber, limit), cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// Items run in order. A failing item is reported as <see cref="BatchItemOutcome.Failed"/> with its (redacted)
    /// reason and the batch goes on. When <paramref name="cancellationToken"/> fires mid-batch, the remaining items are
    /// reported as <see cref="BatchItemOutcome.NotAttempted"/> (the interface's contract); cancelled before the first
    /// item, the call throws <see cref="OperationCanceledException"/>. When the fake is down, the whole call throws
    /// <see cref="ConnectorTransportException"/> before anything is applied.
    /// </remarks>
    public async Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (commands.Any(c => c is null)) throw new ArgumentException("The batch contains a null command.", nameof(commands));
        cancellationToken.ThrowIfCancellationRequested();
        if (!Info.Supports(AccessCapabilities.Bulk)) throw new NotSupportedException("This fake was created without bulk support.");
        if (IsDown) _faults.ThrowIfFaulted(ProviderName, "access.apply");

        var results = new BatchItemResult[commands.Count];
        var failed = 0;
        for (var i = 0; i < commands.Count; i++)
        {
            var command = commands[i];
            if (cancellationToken.IsCancellationRequested)
            {
                results[i] = new BatchItemResult(i, command, BatchItemOutcome.NotAttempted);
                continue;
            }

            try
            {
                var change = await ExecuteAsync(command, cancellationToken).ConfigureAwait(false);
                results[i] = new BatchItemResult(i, command,
                    change.Outcome == AccessChangeOutcome.Applied ? BatchItemOutcome.Applied : BatchItemOutcome.AlreadyInState);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Cancelled while waiting the simulated latency: nothing was applied for this item.
                results[i] = new BatchItemResult(i, command, BatchItemOutcome.NotAttempted);
                continue;
            }
            catch (Exception ex) when (ex is ConnectorException or NotSupportedException or ArgumentException)
            {
                failed++;
                results[i] = new BatchItemResult(i, command, BatchItemOutcome.Failed, SensitiveData.Redact(ex.Message));
            }

            progress?.Report(new BatchProgress(i + 1, commands.Count, failed));
        }

        return new BatchResult(results);
    }

    /// <summary>Releases a blocked subscriber on trust until <paramref name="until"/>, after which the current state comes back.</summary>
    internal AccessState GrantTrustUnlock(Subscriber subscriber, DateTimeOffset until)
    {
        lock (_gate)
        {
            var entry = Find(subscriber, "trust-unlock") ?? throw NotFound("trust-unlock");
            var before = Current(entry);
            entry.State = new AccessState(AccessStatus.TrustUnlocked, Detail: string.Create(CultureInfo.InvariantCulture, $"Trust unlock until {until:O}"));
            entry.ExpiresAt = until;
            entry.AfterExpiry = before;
            return entry.State;
        }
    }

    /// <summary>The current state of a subscriber without fault injection (used by the billing fake).</summary>
    internal AccessState Peek(Subscriber subscriber)
    {
        lock (_gate)
        {
            var entry = Find(subscriber, "access.read");
            return entry is null ? AccessState.Active : Current(entry);
        }
    }

    private async Task<AccessChange> ExecuteAsync(AccessCommand command, CancellationToken cancellationToken)
    {
        var (capability, operation) = command.Kind switch
        {
            AccessCommandKind.Block => (AccessCapabilities.Block, "access.block"),
            AccessCommandKind.Unblock => (AccessCapabilities.Unblock, "access.unblock"),
            AccessCommandKind.Throttle => (AccessCapabilities.Throttle, "access.throttle"),
            _ => throw new ArgumentException("Unknown command kind.", nameof(command)),
        };
        await EnterAsync(capability, operation, command.Subscriber, cancellationToken).ConfigureAwait(false);

        lock (_gate)
        {
            var entry = Find(command.Subscriber, operation) ?? Add(command.Subscriber);
            var current = Current(entry);
            if (current.Status == AccessStatus.Inactive)
            {
                throw new ConnectorValidationException(ProviderName, operation,
                    "The subscriber's access is inactive (cancelled or disabled); it cannot be blocked, released or throttled.");
            }

            AccessState next;
            DateTimeOffset? expiresAt = null;
            switch (command.Kind)
            {
                case AccessCommandKind.Block:
                    if (current.Status == AccessStatus.Blocked) return new AccessChange(AccessChangeOutcome.AlreadyInState, current);
                    var block = command.Block ?? BlockRequest.Overdue;
                    next = new AccessState(AccessStatus.Blocked, Detail: $"Blocked ({block.Reason})");
                    if (block.Duration is { } duration) expiresAt = _time.GetUtcNow() + duration;
                    break;
                case AccessCommandKind.Unblock:
                    if (current.Status == AccessStatus.Active) return new AccessChange(AccessChangeOutcome.AlreadyInState, current);
                    next = AccessState.Active;
                    break;
                default:
                    var limit = command.Limit!.Value;
                    if (current.Status == AccessStatus.Throttled && current.Limit == limit)
                        return new AccessChange(AccessChangeOutcome.AlreadyInState, current);
                    next = new AccessState(AccessStatus.Throttled, Limit: limit, Detail: $"Throttled to {limit}");
                    break;
            }

            entry.AfterExpiry = expiresAt is null ? null : current;
            entry.ExpiresAt = expiresAt;
            entry.State = next;
            _changes.Add(command);
            return new AccessChange(AccessChangeOutcome.Applied, next);
        }
    }

    private async ValueTask EnterAsync(AccessCapabilities capability, string operation, Subscriber subscriber, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Info.Supports(capability)) throw new NotSupportedException($"This fake was created without {capability} support.");
        if (KeysOf(subscriber).Count == 0)
            throw new ArgumentException("The subscriber has no contract id, login, IP address or MAC address.", nameof(subscriber));
        await _faults.EnterAsync(ProviderName, operation, _time, cancellationToken).ConfigureAwait(false);
        if (Volatile.Read(ref _rule)?.Invoke(subscriber) is { } error) throw error;
    }

    private AccessState Current(Entry entry)
    {
        if (entry.ExpiresAt is { } expiry && expiry <= _time.GetUtcNow())
        {
            entry.State = entry.AfterExpiry ?? AccessState.Active;
            entry.ExpiresAt = null;
            entry.AfterExpiry = null;
        }
        return entry.State;
    }

    private Entry? Find(Subscriber subscriber, string operation)
    {
        var keys = KeysOf(subscriber);
        foreach (var key in keys)
        {
            if (!_index.TryGetValue(key, out var entry)) continue;
            // Learn the identifiers this call adds (a login seen together with its contract id, for instance).
            foreach (var alias in keys) _index.TryAdd(alias, entry);
            return entry;
        }
        return RequireRegistration ? throw NotFound(operation) : null;
    }

    private Entry Add(Subscriber subscriber)
    {
        var entry = new Entry { State = AccessState.Active };
        foreach (var key in KeysOf(subscriber)) _index[key] = entry;
        return entry;
    }

    private static ConnectorNotFoundException NotFound(string operation) =>
        new(ProviderName, operation, "The subscriber is not known to this access controller.");

    private static List<string> KeysOf(Subscriber subscriber)
    {
        var keys = new List<string>(4);
        if (!string.IsNullOrWhiteSpace(subscriber.ContractId)) keys.Add("contract:" + subscriber.ContractId.Trim());
        if (!string.IsNullOrWhiteSpace(subscriber.Login)) keys.Add("login:" + subscriber.Login.Trim());
        if (subscriber.IpAddress is not null) keys.Add("ip:" + subscriber.IpAddress);
        if (!string.IsNullOrWhiteSpace(subscriber.MacAddress))
        {
            var hex = new string(subscriber.MacAddress.Where(char.IsAsciiHexDigit).Select(char.ToUpperInvariant).ToArray());
            if (hex.Length > 0) keys.Add("mac:" + hex);
        }
        return keys;
    }

    private sealed class Entry
    {
        public AccessState State { get; set; } = AccessState.Active;

        public DateTimeOffset? ExpiresAt { get; set; }

        public AccessState? AfterExpiry { get; set; }
    }
}
