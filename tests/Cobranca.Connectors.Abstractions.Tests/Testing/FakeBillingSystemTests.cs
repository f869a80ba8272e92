using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Abstractions.Tests.Testing;

public class FakeBillingSystemTests
{
    // 12:00 in São Paulo (UTC-3) on 2026-11-23.
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);

    private static Customer Maria => new()
    {
        Id = "1",
        Name = "Maria Souza",
        Document = Document.Parse("529.982.247-25"),
        Phones = [PhoneNumber.Parse("(79) 99876-5432"), PhoneNumber.Parse("(79) 3211-4567")],
    };

    private static Customer Jose => new()
    {
        Id = "2",
        Name = "José Souza",
        Document = Document.Parse("111.444.777-35"),
        Phones = [PhoneNumber.Parse("(79) 99876-5432")], // same family phone
    };

    private static Invoice Inv(string id, string customer, string? contract, DateOnly due, decimal amount) => new()
    {
        Id = id, CustomerId = customer, ContractId = contract, DueDate = due, Amount = amount, OpenAmount = amount,
    };

    private static (FakeBillingSystem Billing, FakeTimeProvider Time) Small()
    {
        var time = new FakeTimeProvider(Noon);
        var billing = new FakeBillingSystem(time);
        billing.AddCustomer(Maria);
        billing.AddCustomer(Jose);
        billing.AddContract(new Contract { Id = "10", CustomerId = "1", Login = "maria.souza", PlanName = "300 MEGA", Access = AccessState.Blocked });
        billing.AddContract(new Contract { Id = "20", CustomerId = "2", Login = "jose.souza", Access = AccessState.Active });
        billing.AddInvoice(Inv("100", "1", "10", Today.AddDays(-40), 99.90m));
        billing.AddInvoice(Inv("101", "1", "10", Today.AddDays(-10), 99.90m));
        billing.AddInvoice(Inv("102", "1", null, Today.AddDays(-5), 150.00m)); // stand-alone charge, no contract
        billing.AddInvoice(Inv("103", "1", "10", Today.AddDays(20), 99.90m));
        billing.AddInvoice(Inv("104", "1", "10", Today, 99.90m));
        billing.AddInvoice(new Invoice { Id = "105", CustomerId = "1", ContractId = "10", DueDate = Today.AddDays(-70), Amount = 99.90m, OpenAmount = 0, Status = InvoiceStatus.Paid });
        billing.AddInvoice(Inv("200", "2", "20", Today.AddDays(5), 79.90m));
        return (billing, time);
    }

    [Theory]
    [InlineData("529.982.247-25")]
    [InlineData("52998224725")]
    public async Task Finds_by_document_masked_or_not(string cpf)
    {
        var (billing, _) = Small();
        var found = await billing.FindCustomersAsync(CustomerLookup.ByDocument(cpf));
        Assert.Equal("1", Assert.Single(found).Id);
        Assert.Empty(await billing.FindCustomersAsync(CustomerLookup.ByDocument("11.222.333/0001-81")));
    }

    [Fact]
    public async Task Finds_every_customer_with_a_phone_on_any_of_their_numbers()
    {
        var (billing, _) = Small();
        var shared = await billing.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse("5579998765432")));
        Assert.Equal(["1", "2"], shared.Select(c => c.Id));
        var landline = await billing.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse("079 3211-4567")));
        Assert.Equal("1", Assert.Single(landline).Id);
        Assert.Empty(await billing.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse("(11) 91234-5678"))));
    }

    [Fact]
    public async Task Finds_by_id_and_by_login()
    {
        var (billing, _) = Small();
        Assert.Equal("2", Assert.Single(await billing.FindCustomersAsync(CustomerLookup.ById("2"))).Id);
        Assert.Empty(await billing.FindCustomersAsync(CustomerLookup.ById("999")));
        Assert.Equal("1", Assert.Single(await billing.FindCustomersAsync(CustomerLookup.ByLogin("Maria.Souza"))).Id);
        Assert.Empty(await billing.FindCustomersAsync(CustomerLookup.ByLogin("ninguem")));
    }

    [Fact]
    public async Task Debt_status_splits_by_the_sao_paulo_date_and_includes_standalone_charges()
    {
        var (billing, _) = Small();
        var debt = await billing.GetDebtStatusAsync("1");
        Assert.Equal(Today, debt.AsOf);
        Assert.Equal(["100", "101", "102"], debt.Overdue.Select(i => i.Id));
        Assert.Equal(["104", "103"], debt.Upcoming.Select(i => i.Id));
        Assert.Equal(349.80m, debt.TotalOverdue);
        Assert.Equal(40, debt.MaxDaysOverdue);
        Assert.Equal(AccessStatus.Blocked, Assert.Single(debt.Contracts).Access.Status);
    }

    [Fact]
    public async Task Today_changes_at_midnight_in_sao_paulo_not_in_utc()
    {
        // 02:30 UTC on the 24th is still 23:30 on the 23rd in São Paulo: invoice 104 (due the 23rd) is not overdue yet.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 2, 30, 0, TimeSpan.Zero));
        var late = new FakeBillingSystem(time);
        late.AddCustomer(Maria);
        late.AddInvoice(Inv("104", "1", null, Today, 99.90m));
        Assert.Empty((await late.GetDebtStatusAsync("1")).Overdue);

        time.Advance(TimeSpan.FromHours(1)); // 00:30 on the 24th in São Paulo
        var debt = await late.GetDebtStatusAsync("1");
        Assert.Equal(new DateOnly(2026, 11, 24), debt.AsOf);
        Assert.Equal("104", Assert.Single(debt.Overdue).Id);
    }

    [Fact]
    public async Task Blocking_through_the_erp_access_side_shows_in_the_debt_status()
    {
        var (billing, _) = Small();
        await billing.AccessController.BlockAsync(Subscriber.ForLogin("jose.souza"), BlockRequest.Overdue);
        Assert.Equal(AccessStatus.Blocked, Assert.Single((await billing.GetDebtStatusAsync("2")).Contracts).Access.Status);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => billing.AccessController.BlockAsync(Subscriber.ForContract("999"), BlockRequest.Overdue));
    }

    [Fact]
    public async Task Unknown_customer_is_not_found()
    {
        var (billing, _) = Small();
        var ex = await Assert.ThrowsAsync<ConnectorNotFoundException>(() => billing.GetDebtStatusAsync("999"));
        Assert.Equal("fake", ex.Provider);
    }

    [Fact]
    public async Task Payments_settle_invoices_partially_or_fully()
    {
        var (billing, time) = Small();
        var partial = billing.RecordPayment("101", 50m, time.GetUtcNow());
        Assert.Equal(InvoiceStatus.PartiallyPaid, partial.Status);
        Assert.Equal(49.90m, partial.OpenAmount);
        Assert.Equal(99.90m, partial.Amount);

        var paid = billing.RecordPayment("101", 49.90m, time.GetUtcNow());
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal(0m, paid.OpenAmount);
        Assert.Equal("2026-11-23", paid.Raw[IspDataKeys.PaidOn]);
        Assert.Equal(InvoiceStatus.Paid, billing.GetInvoice("101")!.Status);

        Assert.Throws<InvalidOperationException>(() => billing.RecordPayment("101", 1m, time.GetUtcNow()));
        Assert.Throws<KeyNotFoundException>(() => billing.RecordPayment("nope", 1m, time.GetUtcNow()));
        Assert.Throws<ArgumentOutOfRangeException>(() => billing.RecordPayment("100", 0m, time.GetUtcNow()));

        var debt = await billing.GetDebtStatusAsync("1");
        Assert.Equal(["100", "102"], debt.Overdue.Select(i => i.Id));
    }

    [Fact]
    public async Task Trust_unlock_is_granted_once_until_the_debt_is_paid()
    {
        var (billing, time) = Small();
        var granted = await billing.RequestTrustUnlockAsync("10");
        Assert.Equal(TrustUnlockOutcome.Granted, granted.Outcome);
        Assert.Equal(time.GetUtcNow() + TimeSpan.FromDays(3), granted.Until);
        Assert.Equal(AccessStatus.TrustUnlocked, (await billing.AccessController.GetAccessStateAsync(Subscriber.ForContract("10"))).Status);

        // While released, asking again is a success with nothing to do.
        Assert.Equal(TrustUnlockOutcome.AlreadyActive, (await billing.RequestTrustUnlockAsync("10")).Outcome);

        // When the release expires the contract is blocked again, and without a payment there is no second chance.
        time.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));
        Assert.Equal(AccessStatus.Blocked, (await billing.GetDebtStatusAsync("1")).Contracts[0].Access.Status);
        var refused = await billing.RequestTrustUnlockAsync("10");
        Assert.Equal(TrustUnlockOutcome.NotEligible, refused.Outcome);
        Assert.False(refused.IsSuccess);
        Assert.False(string.IsNullOrWhiteSpace(refused.Reason));

        // Paying some of the overdue invoices is not enough (104 fell due meanwhile); paying all of them is.
        billing.RecordPayment("100", 99.90m, time.GetUtcNow());
        billing.RecordPayment("101", 99.90m, time.GetUtcNow());
        billing.RecordPayment("102", 150m, time.GetUtcNow());
        Assert.Equal(TrustUnlockOutcome.NotEligible, (await billing.RequestTrustUnlockAsync("10")).Outcome);
        billing.RecordPayment("104", 99.90m, time.GetUtcNow());
        Assert.Equal(TrustUnlockOutcome.Granted, (await billing.RequestTrustUnlockAsync("10")).Outcome);
    }

    [Fact]
    public async Task Trust_unlock_limit_active_and_inactive_contracts()
    {
        var (billing, time) = Small();
        billing.MaxTrustUnlocksPerContract = 1;
        Assert.Equal(TrustUnlockOutcome.AlreadyActive, (await billing.RequestTrustUnlockAsync("20")).Outcome);
        Assert.Equal(TrustUnlockOutcome.Granted, (await billing.RequestTrustUnlockAsync("10")).Outcome);
        time.Advance(TimeSpan.FromDays(4));
        foreach (var id in new[] { "100", "101", "102", "104" }) billing.RecordPayment(id, 1000m, time.GetUtcNow());
        Assert.Equal(TrustUnlockOutcome.LimitReached, (await billing.RequestTrustUnlockAsync("10")).Outcome);

        billing.AddContract(new Contract { Id = "30", CustomerId = "2", Access = new AccessState(AccessStatus.Inactive) });
        Assert.Equal(TrustUnlockOutcome.NotEligible, (await billing.RequestTrustUnlockAsync("30")).Outcome);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => billing.RequestTrustUnlockAsync("999"));
    }

    [Fact]
    public async Task Payment_slip_has_a_consistent_boleto_for_the_open_amount()
    {
        var (billing, time) = Small();
        billing.RecordPayment("101", 50m, time.GetUtcNow());
        var slip = await billing.GetPaymentSlipAsync("101");
        Assert.Equal(49.90m, slip.Amount);
        Assert.Equal(Today.AddDays(-10), slip.DueDate);
        Assert.Equal(44, slip.Barcode!.Length);
        Assert.Equal(47, slip.DigitableLine!.Length);
        Assert.Equal("0000004990", slip.Barcode[9..19]);
        Assert.Equal(BoletoCodes.LineFromBarcode(slip.Barcode), slip.DigitableLine);
        Assert.StartsWith("000201", slip.PixCopyPaste, StringComparison.Ordinal);
        Assert.Contains("540549.90", slip.PixCopyPaste, StringComparison.Ordinal);
        Assert.Contains("0520COBRANCA000000000101", slip.PixCopyPaste, StringComparison.Ordinal);
        Assert.Equal(slip.PixCopyPaste![^4..], PixCodes.Crc16(slip.PixCopyPaste[..^4]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));

        await Assert.ThrowsAsync<ConnectorValidationException>(() => billing.GetPaymentSlipAsync("105"));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => billing.GetPaymentSlipAsync("999"));
    }

    [Fact]
    public async Task Open_invoices_stream_with_filters_and_paging()
    {
        var (billing, _) = Small();
        var all = await billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 2 }).ToListAsync();
        Assert.Equal(["100", "101", "102", "104", "200", "103"], all.Select(i => i.Id));

        var overdue = await billing.ListOpenInvoicesAsync(new InvoiceQuery { OverdueOnly = true }).ToListAsync();
        Assert.Equal(["100", "101", "102"], overdue.Select(i => i.Id));

        var window = await billing.ListOpenInvoicesAsync(new InvoiceQuery { DueFrom = Today.AddDays(-10), DueTo = Today, CustomerId = "1" }).ToListAsync();
        Assert.Equal(["101", "102", "104"], window.Select(i => i.Id));

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(async () =>
            await billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 0 }).ToListAsync());
    }

    [Fact]
    public async Task A_failure_on_a_later_page_surfaces_after_the_first_page()
    {
        var (billing, _) = Small();
        var seen = new List<string>();
        await using var e = billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 3 }).GetAsyncEnumerator();
        Assert.True(await e.MoveNextAsync()); // page 1 fetched
        seen.Add(e.Current.Id);
        billing.FailNext(new ConnectorTransportException("fake", "invoice.list", "reset"));
        while (seen.Count < 3 && await e.MoveNextAsync()) seen.Add(e.Current.Id);
        await Assert.ThrowsAsync<ConnectorTransportException>(async () => await e.MoveNextAsync());
        Assert.Equal(["100", "101", "102"], seen);
    }

    [Fact]
    public async Task Down_billing_system_fails_every_call()
    {
        var (billing, _) = Small();
        billing.IsDown = true;
        await Assert.ThrowsAsync<ConnectorTransportException>(() => billing.FindCustomersAsync(CustomerLookup.ById("1")));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => billing.GetDebtStatusAsync("1"));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => billing.RequestTrustUnlockAsync("10"));
        billing.ResetFaults();
        Assert.Single(await billing.FindCustomersAsync(CustomerLookup.ById("1")));
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        var (billing, _) = Small();
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => billing.GetDebtStatusAsync("1", cts.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await billing.ListOpenInvoicesAsync(InvoiceQuery.All, cts.Token).ToListAsync());
    }

    [Fact]
    public void Adding_records_out_of_order_is_refused()
    {
        var billing = new FakeBillingSystem();
        Assert.Throws<InvalidOperationException>(() => billing.AddContract(new Contract { Id = "1", CustomerId = "x", Access = AccessState.Active }));
        billing.AddCustomer(Maria);
        Assert.Throws<InvalidOperationException>(() => billing.AddInvoice(Inv("1", "1", "no-contract", Today, 1m)));
    }

    [Fact]
    public async Task Seeded_from_a_generated_isp_it_finds_customers_by_their_typed_phones_and_documents()
    {
        var data = IspDataGenerator.Generate(new IspDataGeneratorOptions { Seed = 3, CustomerCount = 150, Today = Today });
        var billing = new FakeBillingSystem(data, new FakeTimeProvider(Noon));
        foreach (var customer in data.Customers.Take(40))
        {
            var byText = await billing.FindCustomersAsync(CustomerLookup.ByDocument(customer.Raw[IspDataKeys.DocumentText]!));
            Assert.Equal(customer.Id, Assert.Single(byText).Id);
            var byPhone = await billing.FindCustomersAsync(CustomerLookup.ByPhone(PhoneNumber.Parse(customer.Raw[IspDataKeys.MobilePhone]!)));
            Assert.Contains(byPhone, c => c.Id == customer.Id);
        }

        var open = await billing.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 17 }).ToListAsync();
        var expected = data.Invoices.Where(i => i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid).Select(i => i.Id).Order().ToList();
        Assert.Equal(expected, open.Select(i => i.Id).Order().ToList());

        // Router-side identifiers reach the contract state the ERP reports.
        var connection = data.Connections[0];
        await billing.AccessController.BlockAsync(Subscriber.ForIp(connection.IpAddress), BlockRequest.Overdue);
        var contract = data.Contracts.Single(c => c.Id == connection.ContractId);
        var debt = await billing.GetDebtStatusAsync(contract.CustomerId);
        Assert.Equal(AccessStatus.Blocked, debt.Contracts.Single(c => c.Id == contract.Id).Access.Status);
    }

    [Fact]
    public async Task Concurrent_trust_unlock_requests_grant_exactly_once()
    {
        var (billing, _) = Small();
        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => billing.RequestTrustUnlockAsync("10"))));
        Assert.Single(results, r => r.Outcome == TrustUnlockOutcome.Granted);
        Assert.All(results.Where(r => r.Outcome != TrustUnlockOutcome.Granted), r => Assert.Equal(TrustUnlockOutcome.AlreadyActive, r.Outcome));
    }

    [Fact]
    public async Task Latency_applies_to_billing_calls_on_the_injected_clock()
    {
        var (billing, time) = Small();
        billing.Latency = TimeSpan.FromMilliseconds(500);
        var debt = billing.GetDebtStatusAsync("1");
        Assert.False(debt.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(500));
        Assert.Equal(3, (await debt).Overdue.Count);
    }
}

