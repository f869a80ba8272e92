using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancelling_a_read_surfaces_operation_canceled()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.Latency(TimeSpan.FromSeconds(10)), "cliente");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.FindCustomersAsync(CustomerLookup.ById("1001"), cts.Token));
        Assert.Single(host.Sandbox.Requests); // not retried after the caller gave up
    }

    [Fact]
    public async Task Cancelling_get_pix_surfaces_operation_canceled()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.Latency(TimeSpan.FromSeconds(10)), "get_pix");
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.GetPixAsync(IxcSandboxData.MariaOverdueInvoiceId, cts.Token));
        Assert.Single(host.RequestsTo("get_pix"));
    }

    [Fact]
    public async Task Cancelling_a_bulk_enumeration_surfaces_operation_canceled()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 10);
        host.Sandbox.InjectFault(IxcSandboxFault.Latency(TimeSpan.FromSeconds(10)), "fn_areceber", times: 2);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(150));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in host.Client.AsBillingSystem().ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 5 }, cts.Token)) { }
        });
    }

    [Fact]
    public async Task An_already_cancelled_token_sends_nothing()
    {
        await using var host = await StartAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Client.RequestTrustUnlockAsync(IxcSandboxData.MariaContractId, cts.Token));
        Assert.Empty(host.Sandbox.Requests);
    }

    [Fact]
    public async Task Breaking_out_of_a_bulk_enumeration_stops_paging()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 10);

        await foreach (var _ in host.Client.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 2 })) break;

        Assert.InRange(host.RequestsTo("fn_areceber").Count, 1, 2); // the page read plus at most the one prefetched
    }
}
