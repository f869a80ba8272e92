using System.Globalization;
using Cobranca.Connectors.Abstractions;
using static Cobranca.Connectors.Abstractions.AccessCapabilities;

namespace Cobranca.Connectors.Testing.Conformance;

/// <summary>The <see cref="IAccessController"/> checks.</summary>
internal static class AccessChecks
{
    private static readonly Bandwidth Reduced = Bandwidth.FromMegabits(2, 1);

    public static IReadOnlyList<ConformanceEntry> All { get; } =
    [
        Entry("access.info", "Info names the controller and declares only known capability flags.", InfoAsync),
        Entry("access.read-state", "The state of an active and of a blocked subscriber reads back as such.", ReadStateAsync),
        Entry("access.block-idempotent", "Block applies once; blocking a blocked subscriber is AlreadyInState; the state reads Blocked.", BlockAsync),
        Entry("access.unblock-idempotent", "Unblock applies once; unblocking an active subscriber is AlreadyInState; the state reads full access.", UnblockAsync),
        Entry("access.throttle-idempotent", "Throttle applies once; the same limit again is AlreadyInState.", ThrottleAsync),
        Entry("access.apply-per-item", "ApplyAsync (always available; Bulk only says it is more than a loop) reports one outcome per command (Applied, AlreadyInState, Failed), in order, never all-or-nothing.", ApplyAsync),
        Entry("access.unknown-subscriber", "Changing a subscriber no one has is an error, never Applied.", UnknownSubscriberAsync),
        Entry("access.cancellation", "A cancelled token makes every operation throw OperationCanceledException and change nothing.", CancellationAsync),
        Entry("access.errors-redacted", "No exception message contains a CPF/CNPJ, phone, token or password.", ErrorsRedactedAsync),
    ];

    private static ConformanceEntry Entry(string name, string description, Func<ConformanceContext, Task> run) =>
        new(new ConformanceCheck(name, ConformanceContract.Access, description), run);

    private static Task InfoAsync(ConformanceContext c)
    {
        var info = c.Access.Info;
        c.True(info is not null, "Info is null.");
        c.True(!string.IsNullOrWhiteSpace(info!.Name), "Info.Name is blank.");
        var known = Enum.GetValues<AccessCapabilities>().Aggregate(None, (all, f) => all | f);
        c.True((info.Capabilities & ~known) == 0, $"Info.Capabilities has undefined flags: {info.Capabilities}.");
        c.Log($"{info.Name}: {info.Capabilities}");
        return Task.CompletedTask;
    }

    private static async Task<AccessState?> Read(ConformanceContext c, string contractId, string what)
    {
        if (!c.Access.Info.Supports(ReadState)) return null;
        var state = await c.Call($"GetAccessStateAsync({what})", ct => c.Access.GetAccessStateAsync(c.Scenario.SubscriberFor(contractId), ct)).ConfigureAwait(false);
        c.True(state is not null, "GetAccessStateAsync returned null.");
        return state;
    }

    private static async Task ReadStateAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        if (!c.Access.Info.Supports(ReadState))
        {
            await c.Unsupported(nameof(ReadState), "GetAccessStateAsync", ct => c.Access.GetAccessStateAsync(s.SubscriberFor(s.DebtorActiveContractId), ct)).ConfigureAwait(false);
            return;
        }
        var active = await Read(c, s.DebtorActiveContractId, "active contract").ConfigureAwait(false);
        c.True(active!.Status.HasFullAccess, $"An active subscriber reads {active.Status}.");
        var blocked = await Read(c, s.DebtorBlockedContractId, "blocked contract").ConfigureAwait(false);
        c.Equal(AccessStatus.Blocked, blocked!.Status, "State of a subscriber blocked for debt");
    }

    private static async Task<AccessChange> Change(ConformanceContext c, string what, Func<CancellationToken, Task<AccessChange>> operation)
    {
        var change = await c.Call(what, operation).ConfigureAwait(false);
        c.True(change is not null && change.State is not null, $"{what} returned null.");
        c.Log($"{what}: {change!.Outcome} -> {change.State!.Status}");
        return change;
    }

    private static async Task BlockAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var subscriber = s.SubscriberFor(s.DebtorActiveContractId);
        if (!c.Access.Info.Supports(Block))
        {
            await c.Unsupported(nameof(Block), "BlockAsync", ct => c.Access.BlockAsync(subscriber, BlockRequest.Overdue, ct)).ConfigureAwait(false);
            return;
        }
        var first = await Change(c, "BlockAsync(active)", ct => c.Access.BlockAsync(subscriber, BlockRequest.Overdue, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.Applied, first.Outcome, "Blocking an active subscriber");
        c.Equal(AccessStatus.Blocked, first.State.Status, "State after blocking");
        var second = await Change(c, "BlockAsync(blocked)", ct => c.Access.BlockAsync(subscriber, BlockRequest.Overdue, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.AlreadyInState, second.Outcome, "Blocking a blocked subscriber");
        if (await Read(c, s.DebtorActiveContractId, "after blocking").ConfigureAwait(false) is { } state)
            c.Equal(AccessStatus.Blocked, state.Status, "State read after blocking");
        var seeded = await Change(c, "BlockAsync(seeded as blocked)", ct => c.Access.BlockAsync(s.SubscriberFor(s.DebtorBlockedContractId), BlockRequest.Overdue, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.AlreadyInState, seeded.Outcome, "Blocking a subscriber the ERP already has blocked");
    }

    private static async Task UnblockAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var subscriber = s.SubscriberFor(s.DebtorBlockedContractId);
        if (!c.Access.Info.Supports(Unblock))
        {
            await c.Unsupported(nameof(Unblock), "UnblockAsync", ct => c.Access.UnblockAsync(subscriber, ct)).ConfigureAwait(false);
            return;
        }
        var first = await Change(c, "UnblockAsync(blocked)", ct => c.Access.UnblockAsync(subscriber, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.Applied, first.Outcome, "Unblocking a blocked subscriber");
        c.True(first.State.Status.HasFullAccess, $"State after unblocking is {first.State.Status}.");
        var second = await Change(c, "UnblockAsync(active)", ct => c.Access.UnblockAsync(subscriber, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.AlreadyInState, second.Outcome, "Unblocking an active subscriber");
        if (await Read(c, s.DebtorBlockedContractId, "after unblocking").ConfigureAwait(false) is { } state)
            c.True(state.Status.HasFullAccess, $"State read after unblocking is {state.Status}.");
    }

    private static async Task ThrottleAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var subscriber = s.SubscriberFor(s.DebtorActiveContractId);
        if (!c.Access.Info.Supports(Throttle))
        {
            await c.Unsupported(nameof(Throttle), "ThrottleAsync", ct => c.Access.ThrottleAsync(subscriber, Reduced, ct)).ConfigureAwait(false);
            return;
        }
        var first = await Change(c, "ThrottleAsync(active)", ct => c.Access.ThrottleAsync(subscriber, Reduced, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.Applied, first.Outcome, "Throttling an active subscriber");
        c.Equal(AccessStatus.Throttled, first.State.Status, "State after throttling");
        var second = await Change(c, "ThrottleAsync(throttled)", ct => c.Access.ThrottleAsync(subscriber, Reduced, ct)).ConfigureAwait(false);
        c.Equal(AccessChangeOutcome.AlreadyInState, second.Outcome, "Throttling a subscriber already at that limit");
        if (await Read(c, s.DebtorActiveContractId, "after throttling").ConfigureAwait(false) is { } state)
            c.Equal(AccessStatus.Throttled, state.Status, "State read after throttling");
    }

    private static async Task ApplyAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var info = c.Access.Info;
        var commands = new List<AccessCommand>();
        var expected = new List<BatchItemOutcome>();
        if (info.Supports(Block))
        {
            commands.Add(AccessCommand.ToBlock(s.SubscriberFor(s.DebtorActiveContractId)));
            expected.Add(BatchItemOutcome.Applied);
            commands.Add(AccessCommand.ToBlock(s.SubscriberFor(s.DebtorBlockedContractId)));
            expected.Add(BatchItemOutcome.AlreadyInState);
        }
        if (info.Supports(Unblock))
        {
            commands.Add(AccessCommand.ToUnblock(s.SubscriberFor(s.UnknownId)));
            expected.Add(BatchItemOutcome.Failed);
            commands.Add(AccessCommand.ToUnblock(s.SubscriberFor(s.NoDebtActiveContractId)));
            expected.Add(BatchItemOutcome.AlreadyInState);
        }
        // ApplyAsync is always part of the contract (Bulk only says it is more than a loop); with neither Block nor
        // Unblock declared, every item must fail (NotSupported) rather than the call.
        if (commands.Count == 0)
        {
            commands.Add(AccessCommand.ToUnblock(s.SubscriberFor(s.DebtorBlockedContractId)));
            expected.Add(BatchItemOutcome.Failed);
        }

        var progress = new List<BatchProgress>();
        var result = await c.Call("ApplyAsync", ct => c.Access.ApplyAsync(commands, new SyncProgress(progress), ct)).ConfigureAwait(false);
        c.True(result is not null, "ApplyAsync returned null.");
        c.Equal(commands.Count, result!.Items.Count, "Number of batch results");
        for (var i = 0; i < commands.Count; i++)
        {
            var item = result.Items[i];
            c.Equal(i, item.Index, string.Create(CultureInfo.InvariantCulture, $"Batch item {i} index"));
            c.True(ReferenceEquals(commands[i], item.Command) || commands[i] == item.Command, string.Create(CultureInfo.InvariantCulture, $"Batch item {i} reports another command."));
            c.Equal(expected[i], item.Outcome, string.Create(CultureInfo.InvariantCulture, $"Batch item {i} ({commands[i].Kind} {commands[i].Subscriber})"));
            if (item.Outcome == BatchItemOutcome.Failed) c.True(!string.IsNullOrWhiteSpace(item.Error), string.Create(CultureInfo.InvariantCulture, $"Batch item {i} failed without an error text."));
        }
        // Only a batch that contained the block can have applied it (an install without Block still reads state).
        if (info.Supports(Block) && await Read(c, s.DebtorActiveContractId, "after the batch").ConfigureAwait(false) is { } state)
            c.Equal(AccessStatus.Blocked, state.Status, "The batch's block is really applied");
    }

    private static async Task UnknownSubscriberAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var info = c.Access.Info;
        var unknown = s.SubscriberFor(s.UnknownId);
        if (info.Supports(Block))
            await c.Throws<ConnectorException>("BlockAsync(unknown subscriber)", ct => c.Access.BlockAsync(unknown, BlockRequest.Overdue, ct)).ConfigureAwait(false);
        if (info.Supports(Unblock))
            await c.Throws<ConnectorException>("UnblockAsync(unknown subscriber)", ct => c.Access.UnblockAsync(unknown, ct)).ConfigureAwait(false);
        if (info.Supports(ReadState))
            await c.Throws<ConnectorException>("GetAccessStateAsync(unknown subscriber)", ct => c.Access.GetAccessStateAsync(unknown, ct)).ConfigureAwait(false);
        if (!info.Supports(Block) && !info.Supports(Unblock) && !info.Supports(ReadState))
            c.Log("Neither ReadState, Block nor Unblock is declared: nothing to check.");
    }

    private static async Task CancellationAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var a = c.Access;
        var info = a.Info;
        var active = s.SubscriberFor(s.DebtorActiveContractId);
        if (info.Supports(ReadState)) await c.Cancelled("GetAccessStateAsync", ct => a.GetAccessStateAsync(active, ct)).ConfigureAwait(false);
        if (info.Supports(Block)) await c.Cancelled("BlockAsync", ct => a.BlockAsync(active, BlockRequest.Overdue, ct)).ConfigureAwait(false);
        if (info.Supports(Unblock)) await c.Cancelled("UnblockAsync", ct => a.UnblockAsync(s.SubscriberFor(s.DebtorBlockedContractId), ct)).ConfigureAwait(false);
        if (info.Supports(Throttle)) await c.Cancelled("ThrottleAsync", ct => a.ThrottleAsync(active, Reduced, ct)).ConfigureAwait(false);
        await CancelledBatch(c, [AccessCommand.ToBlock(active)]).ConfigureAwait(false);
        if (info.Supports(Block))
        {
            var later = await Change(c, "BlockAsync after cancelled ones", ct => a.BlockAsync(active, BlockRequest.Overdue, ct)).ConfigureAwait(false);
            c.Equal(AccessChangeOutcome.Applied, later.Outcome, "Blocking after cancelled requests (they must not have been applied)");
        }
    }

    /// <summary>A batch under a cancelled token either throws OperationCanceledException or reports every item NotAttempted.</summary>
    private static async Task CancelledBatch(ConformanceContext c, IReadOnlyList<AccessCommand> commands)
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync().ConfigureAwait(false);
        BatchResult result;
        try
        {
            result = await c.Access.ApplyAsync(commands, null, cancelled.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex) when (ex is not ConformanceException)
        {
            throw c.Fail($"ApplyAsync with a cancelled token threw {ex.GetType().Name}: {ex.Message}", ex);
        }
        c.True(result is not null && result.Items.Count == commands.Count && result.Items.All(i => i.Outcome == BatchItemOutcome.NotAttempted),
            "ApplyAsync with a cancelled token must throw OperationCanceledException or report every item NotAttempted.");
        c.Log("ApplyAsync with a cancelled token reported every item NotAttempted.");
    }

    private static async Task ErrorsRedactedAsync(ConformanceContext c)
    {
        var s = c.Scenario;
        var a = c.Access;
        var unknown = s.SubscriberFor(s.UnknownId);
        async Task Collect(Func<CancellationToken, Task> operation)
        {
            try
            {
                await operation(c.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (c.Token.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (ex is not ConformanceException)
            {
                c.Raised.Add(ex);
            }
        }
        await Collect(ct => a.BlockAsync(unknown, BlockRequest.Overdue, ct)).ConfigureAwait(false);
        await Collect(ct => a.UnblockAsync(unknown, ct)).ConfigureAwait(false);
        await Collect(ct => a.GetAccessStateAsync(unknown, ct)).ConfigureAwait(false);
        if (c.Target.StartOutage is { } outage)
        {
            using (outage())
            {
                var active = s.SubscriberFor(s.DebtorActiveContractId);
                await Collect(ct => a.GetAccessStateAsync(active, ct)).ConfigureAwait(false);
                await Collect(ct => a.BlockAsync(active, BlockRequest.Overdue, ct)).ConfigureAwait(false);
                await Collect(ct => a.UnblockAsync(s.SubscriberFor(s.DebtorBlockedContractId), ct)).ConfigureAwait(false);
            }
        }
        c.True(c.Raised.Count > 0, "No error was raised at all (an unknown subscriber must not succeed).");
        c.NoSecretsIn(c.Raised);
        c.Log(string.Create(CultureInfo.InvariantCulture, $"{c.Raised.Count} exception messages inspected."));
    }

    /// <summary>Records progress synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(List<BatchProgress> sink) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value)
        {
            lock (sink) sink.Add(value);
        }
    }
}
