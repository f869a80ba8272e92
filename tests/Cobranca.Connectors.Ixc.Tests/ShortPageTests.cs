using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>Listings continue while fewer than <c>total</c> rows were seen, and never end silently on a short page.</summary>
public sealed class ShortPageTests
{
    // Maria has 4 open, released invoices.
    private static readonly InvoiceQuery Maria = new() { CustomerId = IxcSandboxData.MariaCustomerId };

    [Fact]
    public async Task A_page_that_stays_short_is_a_typed_error_not_a_truncated_listing()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);
        host.Sandbox.InjectFault(IxcSandboxFault.ShortPage(2), "fn_areceber", times: 10);

        var ex = await Assert.ThrowsAsync<IxcIncompleteListingException>(() => host.Client.ListOpenInvoicesAsync(Maria).ToListAsync().AsTask());

        Assert.Equal((1, 4L, 2, 4L), (ex.Page, ex.ExpectedRows, ex.ReceivedRows, ex.Total));
        Assert.Equal("fn_areceber", ex.Table);
        Assert.Equal("incomplete-listing", ex.ProviderErrorCode);
        Assert.Equal(3, host.RequestsTo("fn_areceber").Count); // asked, then asked again twice
    }

    [Fact]
    public async Task A_short_page_is_asked_again_and_the_listing_completes()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);
        host.Sandbox.InjectFault(IxcSandboxFault.ShortPage(2), "fn_areceber");

        var invoices = await host.Client.ListOpenInvoicesAsync(Maria).ToListAsync();

        Assert.Equal(4, invoices.Count);
        Assert.Equal(2, host.RequestsTo("fn_areceber").Count);
    }

    [Fact]
    public async Task An_empty_page_before_total_is_reached_is_asked_again()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);
        var pages = 0;
        host.Sandbox.RequestReceived = r =>
        {
            // empty the second page once: a short first page would not reveal a pager that stops early
            if (r.Resource == "fn_areceber" && ++pages == 2) host.Sandbox.InjectFault(IxcSandboxFault.ShortPage(2), "fn_areceber");
        };

        var invoices = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { CustomerId = IxcSandboxData.MariaCustomerId, PageSize = 2 }).ToListAsync();

        Assert.Equal(4, invoices.Select(i => i.Id).Distinct().Count());
    }

    [Fact]
    public async Task The_debt_of_a_customer_fails_rather_than_counting_half_the_invoices()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);
        host.Sandbox.InjectFault(IxcSandboxFault.ShortPage(2), "fn_areceber", times: 10);

        await Assert.ThrowsAsync<IxcIncompleteListingException>(() => host.Client.GetDebtStatusAsync(IxcSandboxData.MariaCustomerId));
    }
}
