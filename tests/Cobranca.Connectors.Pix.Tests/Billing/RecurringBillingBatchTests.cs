using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Tests.Shared;

namespace Cobranca.Connectors.Pix.Tests.Billing;

/// <summary>
/// The monthly run sends the invoices of customers not enrolled in Pix Automático as cobv through lotecobv: batch ids
/// recorded before sending, identical re-sends, per-charge outcomes on the report, and nothing charged twice whatever
/// the crash point.
/// </summary>
public sealed class RecurringBillingBatchTests
{
    private static readonly DateOnly Due = RecurringBillingKit.Due;

    private static int BatchPuts(RecurringBillingKit kit) =>
        kit.Sandbox.Requests.Count(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal));

    private static List<RecurringInvoice> Invoices(int count) => Enumerable.Range(1, count).Select(i => RecurringBillingKit.Invoice(i)).ToList();

    private static async Task<int> OpenJournalsAsync(IStateStore charges)
    {
        var count = 0;
        await foreach (var _ in charges.ListAsync("lotecobv/")) count++;
        return count;
    }

    [Fact]
    public async Task Customers_not_enrolled_get_their_cobv_by_lotecobv_from_the_first_day_of_the_window_and_once()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        await kit.EnrolAndApproveAsync(1);
        var invoices = Invoices(4); // 1 enrolled, 2..4 not

        await kit.DayAsync(Due.AddDays(-11));
        var before = await kit.Billing.RunAsync(invoices);
        Assert.All(before.Invoices, l => Assert.Equal(RecurringInvoiceOutcome.NotYetInWindow, l.Outcome));
        Assert.Equal(0, BatchPuts(kit));

        await kit.DayAsync(Due.AddDays(-10));
        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(RecurringInvoiceOutcome.Created, report.Invoices[0].Outcome);
        Assert.Equal(3, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        Assert.Equal(1, BatchPuts(kit));
        foreach (var line in report.Invoices.Skip(1))
        {
            Assert.Equal("1", line.BatchId);
            Assert.Equal(PixTxid.ForInvoice("PL", line.InvoiceId), line.FallbackTxid);
            var cobv = await kit.Client.GetDueChargeAsync(line.FallbackTxid!);
            Assert.Equal(99.90m, cobv.Amount);
            Assert.Equal(Due, cobv.DueDate);
        }

        var batch = await kit.Client.GetDueChargeBatchAsync("1");
        Assert.Equal(3, batch.Entries.Count);
        Assert.All(batch.Entries, e => Assert.Equal(PixBatchItemStatus.Created, e.Status));
        Assert.Equal(0, await OpenJournalsAsync(kit.Charges));

        // Every later pass reports the same and sends nothing more.
        for (var day = Due.AddDays(-9); day <= Due.AddDays(3); day = day.AddDays(1))
        {
            await kit.DayAsync(day);
            var again = await kit.Billing.RunAsync(invoices);
            Assert.Equal(3, again.Count(RecurringInvoiceOutcome.DueChargeIssued));
        }

        Assert.Equal(1, BatchPuts(kit));
        Assert.Empty(kit.HandedOver);
    }

    [Fact]
    public async Task Batches_are_chunked_with_consecutive_ids_from_the_configured_first_id()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true, batchSize: 3, firstBatchId: 500);
        await kit.DayAsync(Due.AddDays(-5));
        var report = await kit.Billing.RunAsync(Invoices(7));
        Assert.Equal(7, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        Assert.Equal(["500", "500", "500", "501", "501", "501", "502"], report.Invoices.Select(l => l.BatchId));
        Assert.Equal([3, 3, 1], (await Task.WhenAll(new[] { "500", "501", "502" }.Select(id => kit.Client.GetDueChargeBatchAsync(id)))).Select(b => b.Entries.Count));

        // The next month's batch continues the count.
        var next = Enumerable.Range(1, 2).Select(i => new RecurringInvoice
        {
            InvoiceId = "F" + i.ToString(CultureInfo.InvariantCulture) + "M02", CustomerId = "C" + i.ToString(CultureInfo.InvariantCulture), DueDate = Due.AddMonths(1),
            Amount = 99.90m, Document = Document.Parse(RecurringBillingKit.Cpf(i)), Name = "Cliente",
        }).ToList();
        await kit.DayAsync(Due.AddMonths(1).AddDays(-10));
        Assert.All((await kit.Billing.RunAsync(next)).Invoices, l => Assert.Equal("503", l.BatchId));
    }

    [Fact]
    public async Task A_charge_the_PSP_refuses_is_reported_with_the_problem_and_can_be_issued_on_its_own()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        var invoices = Invoices(3);
        // Invoice 2's batch txid is already taken at the PSP (the spec: a batch with an existing txid is refused per charge).
        await kit.Client.CreateDueChargeAsync(PixTxid.ForInvoice("PL", invoices[1].InvoiceId), new PixDueChargeRequest
        {
            Key = kit.Sandbox.Key, Amount = 1m, DueDate = Due, Debtor = new PixDebtor { Document = invoices[1].Document, Name = "X" },
        });
        await kit.DayAsync(Due.AddDays(-10));
        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, report.Invoices[0].Outcome);
        Assert.Equal(RecurringInvoiceOutcome.DueChargeIssued, report.Invoices[2].Outcome);
        var denied = report.Invoices[1];
        Assert.Equal(RecurringInvoiceOutcome.DueChargeDenied, denied.Outcome);
        Assert.Equal("CobVOperacaoInvalida: cobv.txid", denied.Detail);
        Assert.Null(denied.FallbackTxid);
        Assert.Equal("1", denied.BatchId);

        // Reported the same next pass, never re-batched.
        await kit.DayAsync(Due.AddDays(-9));
        Assert.Equal(RecurringInvoiceOutcome.DueChargeDenied, (await kit.Billing.RunAsync(invoices)).Invoices[1].Outcome);
        Assert.Equal(1, BatchPuts(kit));

        // The operator fixes the data and asks for it on its own: a cobv with the fallback prefix.
        var issued = await kit.Billing.RequestFallbackAsync(invoices[1]);
        Assert.Equal(RecurringInvoiceOutcome.HandedToDunning, issued.Outcome);
        Assert.Equal(PixTxid.ForInvoice("PF", invoices[1].InvoiceId), issued.FallbackTxid);
        Assert.Equal(99.90m, (await kit.Client.GetDueChargeAsync(issued.FallbackTxid!)).Amount);
    }

    [Fact]
    public async Task A_batch_whose_send_keeps_failing_is_re_sent_identically_by_the_next_pass()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        var invoices = Invoices(3);
        await kit.DayAsync(Due.AddDays(-10));
        kit.Sandbox.InjectFault(PixSandboxFault.ConnectionReset("PUT", "/lotecobv/", times: 20));
        // The client's retries wait on the fake clock: move it on while the pass runs.
        var pass = kit.Billing.RunAsync(invoices);
        while (!pass.IsCompleted)
        {
            kit.Time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        var failed = await pass;
        Assert.All(failed.Invoices, l =>
        {
            Assert.Equal(RecurringInvoiceOutcome.Failed, l.Outcome);
            Assert.Contains("re-sends the identical batch", l.Detail, StringComparison.Ordinal);
        });
        kit.Sandbox.ClearFaults();
        Assert.Equal(1, await OpenJournalsAsync(kit.Charges));

        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(3, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        var puts = kit.Sandbox.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal) && r.StatusCode == 202).ToList();
        Assert.Single(puts);
        Assert.EndsWith("/lotecobv/1", puts[0].Path, StringComparison.Ordinal);
        Assert.Equal(0, await OpenJournalsAsync(kit.Charges));
    }

    [Fact]
    public async Task A_re_sent_batch_whose_first_answer_was_lost_is_the_same_batch()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        var invoices = Invoices(2);
        await kit.DayAsync(Due.AddDays(-10));
        // The first pass sends, then the store fails before it can record that it did: the journal stays "sending".
        var failing = new InterceptingStateStore(kit.Charges, (op, key, value, _) =>
            op == "update" && value.Contains("\"stage\":\"sent\"", StringComparison.Ordinal) ? throw new IOException($"simulated crash before {op} {key}") : Task.CompletedTask);
        var first = kit.CreateBilling(kit.Enrolments, failing);
        await Assert.ThrowsAsync<IOException>(() => first.RunAsync(invoices));
        Assert.Equal(1, BatchPuts(kit));

        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(2, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        var puts = kit.Sandbox.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, puts.Count);
        Assert.All(puts, p => Assert.EndsWith("/lotecobv/1", p.Path, StringComparison.Ordinal));
        Assert.Equal(puts[0].Body, puts[1].Body);
        Assert.Equal(2, (await kit.Client.GetDueChargeBatchAsync("1")).Entries.Count);
    }

    [Fact]
    public async Task An_id_already_taken_at_the_PSP_is_skipped_before_the_first_send()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        // Another system (or this one with a lost store) already used batch 1 and 2 on this account.
        foreach (var id in new[] { "1", "2" })
        {
            await kit.Client.CreateDueChargeBatchAsync(id, new PixDueChargeBatchRequest
            {
                Description = "outro sistema",
                Charges = [new PixDueChargeBatchItem
                {
                    Txid = "OUTRO" + id + "000000000000000000000000",
                    Charge = new PixDueChargeRequest { Key = kit.Sandbox.Key, Amount = 5m, DueDate = Due, Debtor = new PixDebtor { Document = Document.Parse(RecurringBillingKit.Cpf(90)), Name = "Outro" } },
                }],
            });
        }

        await kit.DayAsync(Due.AddDays(-10));
        var report = await kit.Billing.RunAsync(Invoices(2));
        Assert.All(report.Invoices, l => Assert.Equal(("3", RecurringInvoiceOutcome.DueChargeIssued), (l.BatchId, l.Outcome)));
        Assert.Single((await kit.Client.GetDueChargeBatchAsync("1")).Entries);
        Assert.Single((await kit.Client.GetDueChargeBatchAsync("2")).Entries);
    }

    [Fact]
    public async Task Whatever_write_the_store_fails_on_a_later_pass_finishes_with_each_invoice_charged_once()
    {
        // Fail the n-th store write of the first pass (a process killed there), then run clean passes: for every n.
        for (var n = 1; ; n++)
        {
            await using var kit = await RecurringBillingKit.StartAsync(batches: true, batchSize: 2);
            await kit.EnrolAndApproveAsync(1);
            var invoices = Invoices(5);
            await kit.DayAsync(Due.AddDays(-10));
            var writes = 0;
            var failing = new InterceptingStateStore(kit.Charges, (op, key, _, _) =>
                ++writes == n ? throw new IOException($"simulated crash before {op} {key}") : Task.CompletedTask);
            var crashed = true;
            try
            {
                await kit.CreateBilling(kit.Enrolments, failing).RunAsync(invoices);
                crashed = false;
            }
            catch (IOException)
            {
            }

            RecurringCycleReport report = null!;
            for (var pass = 0; pass < 3; pass++) report = await kit.Billing.RunAsync(invoices);
            Assert.Equal(RecurringInvoiceOutcome.Scheduled, report.Invoices[0].Outcome);
            Assert.Equal(1, kit.Sandbox.RecurringChargeCount);
            Assert.Equal(4, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
            Assert.Equal(4, report.Invoices.Skip(1).Select(l => l.FallbackTxid).Distinct().Count());
            Assert.Equal(0, await OpenJournalsAsync(kit.Charges));
            foreach (var line in report.Invoices.Skip(1))
            {
                var batch = await kit.Client.GetDueChargeBatchAsync(line.BatchId!);
                Assert.Contains(batch.Entries, e => e.Txid == line.FallbackTxid && e.Status == PixBatchItemStatus.Created);
            }

            // No txid in two batches, no batch beyond what 4 charges in pairs need (plus none left half-sent).
            var all = new List<string>();
            var ids = kit.Sandbox.Requests.Where(r => r.Method == "PUT" && r.Path.Contains("/lotecobv/", StringComparison.Ordinal) && r.StatusCode == 202)
                .Select(r => r.Path[(r.Path.LastIndexOf('/') + 1)..]).Distinct().ToList();
            foreach (var id in ids) all.AddRange((await kit.Client.GetDueChargeBatchAsync(id)).Entries.Select(e => e.Txid));
            Assert.Equal(4, all.Count);
            Assert.Equal(4, all.Distinct().Count());
            if (!crashed)
            {
                Assert.True(n > 20, $"only {n} writes in a pass: the loop did not reach the batch writes");
                break;
            }
        }
    }

    [Fact]
    public async Task Two_workers_running_at_once_put_each_invoice_in_exactly_one_batch()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true, batchSize: 4);
        var invoices = Invoices(20);
        await kit.DayAsync(Due.AddDays(-10));
        var second = kit.CreateBilling(kit.Enrolments, kit.Charges);
        await Task.WhenAll(kit.Billing.RunAsync(invoices), second.RunAsync(invoices));
        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(20, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        var txids = new List<string>();
        foreach (var id in report.Invoices.Select(l => l.BatchId!).Distinct())
            txids.AddRange((await kit.Client.GetDueChargeBatchAsync(id)).Entries.Select(e => e.Txid));
        Assert.Equal(20, txids.Count);
        Assert.Equal(20, txids.Distinct().Count());
        Assert.Equal(0, await OpenJournalsAsync(kit.Charges));
    }

    [Fact]
    public async Task Without_a_batch_client_customers_not_enrolled_are_left_to_the_caller()
    {
        await using var kit = await RecurringBillingKit.StartAsync();
        await kit.DayAsync(Due.AddDays(-10));
        var report = await kit.Billing.RunAsync(Invoices(2));
        Assert.All(report.Invoices, l => Assert.Equal(RecurringInvoiceOutcome.NotEnrolled, l.Outcome));
        Assert.Equal(0, BatchPuts(kit));
    }

    [Fact]
    public async Task An_invoice_the_batch_cannot_carry_fails_alone()
    {
        await using var kit = await RecurringBillingKit.StartAsync(batches: true);
        await kit.DayAsync(Due.AddDays(-10));
        var invoices = Invoices(2);
        invoices.Add(new RecurringInvoice
        {
            InvoiceId = "F-3", CustomerId = "C3", DueDate = Due, Amount = 10m, Document = Document.Parse(RecurringBillingKit.Cpf(3)), Name = "Cliente 3",
        });
        var report = await kit.Billing.RunAsync(invoices);
        Assert.Equal(2, report.Count(RecurringInvoiceOutcome.DueChargeIssued));
        Assert.Equal(RecurringInvoiceOutcome.Failed, report.Invoices[2].Outcome);
        Assert.Contains("letters and digits", report.Invoices[2].Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PA", "PF", "PA")]
    [InlineData("PA", "PL", "PL")]
    [InlineData("PA", "PF", "P-L")]
    public void Txid_prefixes_must_differ_and_fit(string cobr, string fallback, string batch)
    {
        var options = new RecurringBillingOptions { PixKey = "k", ReceiverAccount = "1", TxidPrefix = cobr, FallbackTxidPrefix = fallback, DueChargeTxidPrefix = batch };
        Assert.NotEmpty(options.Validate());
        Assert.Empty(new RecurringBillingOptions { PixKey = "k", ReceiverAccount = "1" }.Validate());
        Assert.NotEmpty(new RecurringBillingOptions { PixKey = "k", ReceiverAccount = "1", FirstDueChargeBatchId = 1L + int.MaxValue }.Validate());
        Assert.NotEmpty(new RecurringBillingOptions { PixKey = "k", ReceiverAccount = "1", DueChargeBatchSize = 0 }.Validate());
    }
}
