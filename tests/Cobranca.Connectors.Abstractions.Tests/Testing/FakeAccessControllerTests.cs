using System.Net;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

public class FakeAccessControllerTests
{
    private static readonly Subscriber Joao = Subscriber.ForLogin("joao.silva");

    private sealed class SyncProgress(Action<BatchProgress> onReport) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => onReport(value);
    }

    [Fact]
    public async Task Block_then_unblock_changes_the_state_and_repeats_are_no_ops()
    {
        var access = new FakeAccessController();
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Joao)).Status);

        var block = await access.BlockAsync(Joao, BlockRequest.Overdue);
        Assert.Equal(AccessChangeOutcome.Applied, block.Outcome);
        Assert.True(block.Changed);
        Assert.Equal(AccessStatus.Blocked, block.State.Status);
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Joao)).Status);

        var again = await access.BlockAsync(Joao, BlockRequest.Overdue);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, again.Outcome);
        Assert.False(again.Changed);

        Assert.Equal(AccessChangeOutcome.Applied, (await access.UnblockAsync(Joao)).Outcome);
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Joao)).Status);
        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await access.UnblockAsync(Joao)).Outcome);

        Assert.Equal([AccessCommandKind.Block, AccessCommandKind.Unblock], access.Changes.Select(c => c.Kind));
    }

    [Fact]
    public async Task Throttle_records_the_limit_and_unblock_removes_it()
    {
        var access = new FakeAccessController();
        var slow = Bandwidth.FromMegabits(1);
        Assert.Equal(AccessChangeOutcome.Applied, (await access.ThrottleAsync(Joao, slow)).Outcome);
        var state = await access.GetAccessStateAsync(Joao);
        Assert.Equal(AccessStatus.Throttled, state.Status);
        Assert.Equal(slow, state.Limit);

        Assert.Equal(AccessChangeOutcome.AlreadyInState, (await access.ThrottleAsync(Joao, slow)).Outcome);
        var slower = Bandwidth.FromMegabits(0.5);
        Assert.Equal(AccessChangeOutcome.Applied, (await access.ThrottleAsync(Joao, slower)).Outcome);
        Assert.Equal(slower, (await access.GetAccessStateAsync(Joao)).Limit);

        await access.UnblockAsync(Joao);
        var after = await access.GetAccessStateAsync(Joao);
        Assert.Equal(AccessStatus.Active, after.Status);
        Assert.Null(after.Limit);
    }

    [Fact]
    public async Task A_subscriber_is_reached_by_any_of_its_identifiers()
    {
        var access = new FakeAccessController();
        var ip = IPAddress.Parse("100.64.0.10");
        access.Register(new Subscriber { ContractId = "5001", Login = "joao.silva", IpAddress = ip, MacAddress = "e8:48:b8:01:02:03" });

        await access.BlockAsync(Subscriber.ForLogin("joao.silva"), BlockRequest.Overdue);

        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Subscriber.ForContract("5001"))).Status);
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Subscriber.ForIp(ip))).Status);
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(new Subscriber { MacAddress = "E8-48-B8-01-02-03" })).Status);
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Subscriber.ForLogin("maria"))).Status);
    }

    [Fact]
    public void Registering_identifiers_of_two_subscribers_as_one_is_refused()
    {
        var access = new FakeAccessController();
        access.Register(Subscriber.ForContract("1"));
        access.Register(Subscriber.ForLogin("b"));
        Assert.Throws<ArgumentException>(() => access.Register(new Subscriber { ContractId = "1", Login = "b" }));
    }

    [Fact]
    public async Task Unknown_subscribers_are_not_found_when_registration_is_required()
    {
        var access = new FakeAccessController { RequireRegistration = true };
        access.Register(Subscriber.ForContract("5001"), AccessState.Blocked);
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Subscriber.ForContract("5001"))).Status);
        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => access.BlockAsync(Subscriber.ForContract("9999"), BlockRequest.Overdue));
        Assert.Equal(FakeAccessController.ProviderName, ex.Provider);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => access.GetAccessStateAsync(Subscriber.ForContract("9999")));
    }

    [Fact]
    public async Task A_timed_block_lifts_itself_and_restores_the_previous_state()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        var access = new FakeAccessController(time);
        await access.ThrottleAsync(Joao, Bandwidth.FromMegabits(2));
        await access.BlockAsync(Joao, new BlockRequest(BlockReason.Manual, Duration: TimeSpan.FromHours(1)));
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Joao)).Status);

        time.Advance(TimeSpan.FromMinutes(61));
        var state = await access.GetAccessStateAsync(Joao);
        Assert.Equal(AccessStatus.Throttled, state.Status);
        Assert.Equal(Bandwidth.FromMegabits(2), state.Limit);
    }

    [Fact]
    public async Task Inactive_subscribers_cannot_be_changed()
    {
        var access = new FakeAccessController();
        access.Register(Joao, new AccessState(AccessStatus.Inactive));
        await Assert.ThrowsAsync<ConnectorValidationException>(() => access.UnblockAsync(Joao));
        await Assert.ThrowsAsync<ConnectorValidationException>(() => access.BlockAsync(Joao, BlockRequest.Overdue));
        Assert.Equal(AccessStatus.Inactive, (await access.GetAccessStateAsync(Joao)).Status);
        Assert.Empty(access.Changes);
    }

    [Fact]
    public async Task Missing_capabilities_throw_NotSupportedException()
    {
        var access = new FakeAccessController(capabilities: AccessCapabilities.ReadState | AccessCapabilities.Block);
        Assert.False(access.Info.Supports(AccessCapabilities.Throttle));
        await Assert.ThrowsAsync<NotSupportedException>(() => access.ThrottleAsync(Joao, Bandwidth.FromMegabits(1)));
        await Assert.ThrowsAsync<NotSupportedException>(() => access.UnblockAsync(Joao));
        await Assert.ThrowsAsync<NotSupportedException>(() => access.ApplyAsync([AccessCommand.ToBlock(Joao)]));
        Assert.Equal(AccessChangeOutcome.Applied, (await access.BlockAsync(Joao, BlockRequest.Overdue)).Outcome);
    }

    [Fact]
    public async Task Down_controller_fails_every_call_and_changes_nothing()
    {
        var access = new FakeAccessController { IsDown = true };
        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => access.BlockAsync(Joao, BlockRequest.Overdue));
        Assert.True(ex.RequestNotSent);
        await Assert.ThrowsAsync<ConnectorTransportException>(() => access.GetAccessStateAsync(Joao));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => access.ApplyAsync([AccessCommand.ToBlock(Joao)]));

        access.IsDown = false;
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Joao)).Status);
        Assert.Empty(access.Changes);
    }

    [Fact]
    public async Task FailNext_fails_exactly_the_next_operations()
    {
        var access = new FakeAccessController();
        access.FailNext(new ConnectorTransportException("fake", "op", "timeout"), times: 2);
        await Assert.ThrowsAsync<ConnectorTransportException>(() => access.BlockAsync(Joao, BlockRequest.Overdue));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => access.BlockAsync(Joao, BlockRequest.Overdue));
        Assert.Equal(AccessChangeOutcome.Applied, (await access.BlockAsync(Joao, BlockRequest.Overdue)).Outcome);
    }

    [Fact]
    public async Task ApplyAsync_reports_one_outcome_per_item_in_order_with_progress()
    {
        var access = new FakeAccessController();
        await access.BlockAsync(Subscriber.ForLogin("b"), BlockRequest.Overdue);
        access.FailWhen(s => s.Login == "c" ? new ConnectorApiException("fake", "op", "router refused cpf 529.982.247-25") : null);
        var reports = new List<BatchProgress>();

        var result = await access.ApplyAsync(
        [
            AccessCommand.ToBlock(Subscriber.ForLogin("a")),
            AccessCommand.ToBlock(Subscriber.ForLogin("b")),
            AccessCommand.ToBlock(Subscriber.ForLogin("c")),
            AccessCommand.ToThrottle(Subscriber.ForLogin("d"), Bandwidth.FromMegabits(1)),
            AccessCommand.ToUnblock(Subscriber.ForLogin("e")),
        ], new SyncProgress(reports.Add));

        Assert.Equal(
            [BatchItemOutcome.Applied, BatchItemOutcome.AlreadyInState, BatchItemOutcome.Failed, BatchItemOutcome.Applied, BatchItemOutcome.AlreadyInState],
            result.Items.Select(i => i.Outcome));
        Assert.Equal([0, 1, 2, 3, 4], result.Items.Select(i => i.Index));
        Assert.False(result.AllSucceeded);
        var failed = result.Items[2];
        Assert.NotNull(failed.Error);
        Assert.DoesNotContain("982.247", failed.Error, StringComparison.Ordinal);
        access.FailWhen(null);
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Subscriber.ForLogin("c"))).Status);
        Assert.Equal(AccessStatus.Throttled, (await access.GetAccessStateAsync(Subscriber.ForLogin("d"))).Status);

        Assert.Equal(5, reports.Count);
        Assert.Equal(new BatchProgress(5, 5, 1), reports[^1]);
        Assert.Equal([1, 2, 3, 4, 5], reports.Select(r => r.Completed));
    }

    [Fact]
    public async Task ApplyAsync_cancelled_mid_batch_reports_the_rest_as_not_attempted()
    {
        var access = new FakeAccessController();
        using var cts = new CancellationTokenSource();
        var commands = Enumerable.Range(0, 5).Select(i => AccessCommand.ToBlock(Subscriber.ForLogin($"u{i}"))).ToList();

        var result = await access.ApplyAsync(commands, new SyncProgress(p => { if (p.Completed == 2) cts.Cancel(); }), cts.Token);

        Assert.Equal(
            [BatchItemOutcome.Applied, BatchItemOutcome.Applied, BatchItemOutcome.NotAttempted, BatchItemOutcome.NotAttempted, BatchItemOutcome.NotAttempted],
            result.Items.Select(i => i.Outcome));
        Assert.Equal(AccessStatus.Active, (await access.GetAccessStateAsync(Subscriber.ForLogin("u3"))).Status);
        Assert.Equal(2, access.Changes.Count);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        var access = new FakeAccessController();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => access.BlockAsync(Joao, BlockRequest.Overdue, cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => access.ApplyAsync([AccessCommand.ToBlock(Joao)], null, cts.Token));
        Assert.Empty(access.Changes);
    }

    [Fact]
    public async Task A_subscriber_without_identifiers_is_an_argument_error()
    {
        var access = new FakeAccessController();
        await Assert.ThrowsAsync<ArgumentException>(() => access.BlockAsync(new Subscriber { CustomerId = "1" }, BlockRequest.Overdue));
    }

    [Fact]
    public async Task Concurrent_blocks_of_one_subscriber_apply_exactly_once()
    {
        var access = new FakeAccessController();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => access.BlockAsync(Joao, BlockRequest.Overdue))));
        Assert.Single(outcomes, o => o.Outcome == AccessChangeOutcome.Applied);
        Assert.Equal(31, outcomes.Count(o => o.Outcome == AccessChangeOutcome.AlreadyInState));
        Assert.Single(access.Changes);
    }

    [Fact]
    public async Task Latency_is_waited_on_the_injected_clock_and_can_be_cancelled()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 15, 0, 0, TimeSpan.Zero));
        var access = new FakeAccessController(time) { Latency = TimeSpan.FromSeconds(2) };

        var block = access.BlockAsync(Joao, BlockRequest.Overdue);
        Assert.False(block.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(AccessChangeOutcome.Applied, (await block).Outcome);

        using var cts = new CancellationTokenSource();
        var unblock = access.UnblockAsync(Joao, cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => unblock);
        access.Latency = TimeSpan.Zero;
        Assert.Equal(AccessStatus.Blocked, (await access.GetAccessStateAsync(Joao)).Status);
    }
}

