using System.Globalization;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Tests.Recurrence;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Batch;

/// <summary>The sandbox's asynchronous lotecobv processing (202, EM_PROCESSAMENTO until the clock passes the delay) and the lost-answer fault.</summary>
public sealed class PixDueChargeBatchProcessingTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromMinutes(5);

    private static PixDueChargeBatchItem Item(PixPspSandbox sandbox, string invoice, string? key = null) => new()
    {
        Txid = PixTxid.ForInvoice("LP", invoice),
        Charge = new PixDueChargeRequest
        {
            Key = key ?? sandbox.Key,
            Amount = 89.90m,
            DueDate = new DateOnly(2027, 1, 15),
            Debtor = TestKit.Debtor(),
        },
    };

    private static PixDueChargeBatchRequest Batch(IReadOnlyList<PixDueChargeBatchItem> items) => new() { Description = "Faturas 2027-01", Charges = items };

    private static int Puts(PixPspSandbox sandbox, string id, int status) =>
        sandbox.Requests.Count(r => r.Method == "PUT" && r.Path.EndsWith("/lotecobv/" + id, StringComparison.Ordinal) && r.StatusCode == status);

    [Fact]
    public async Task Batch_charges_stay_processing_until_the_clock_passes_the_delay_then_are_created_or_denied_by_the_cobv_rules()
    {
        await using var kit = await RecurrenceKit.StartAsync(o => o.DueChargeBatchProcessingDelay = Delay);
        var client = kit.Client;
        var taken = Item(kit.Sandbox, "TAKEN");
        await client.CreateDueChargeAsync(taken.Txid, taken.Charge);
        var items = new List<PixDueChargeBatchItem>
        {
            Item(kit.Sandbox, "A1"),
            taken,                                                  // txid already used by a single cobv
            Item(kit.Sandbox, "A3", key: "outra-chave@example.com"), // not the receiver's key
            Item(kit.Sandbox, "A4"),                                // taken by a PUT /cobv while the batch is processing
            Item(kit.Sandbox, "A5"),
        };

        await client.CreateDueChargeBatchAsync("7", Batch(items));
        var batch = await client.GetDueChargeBatchAsync("7");
        Assert.All(batch.Entries, e => Assert.Equal(PixBatchItemStatus.Processing, e.Status));
        Assert.Equal(items.Select(i => i.Txid), batch.Entries.Select(e => e.Txid));
        Assert.Equal(5, (await client.GetDueChargeBatchReportAsync(["7"])).Processing);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => client.GetDueChargeAsync(items[0].Txid));
        Assert.Null(kit.Sandbox.GetChargeStatus(items[0].Txid));
        var window = new PixDueChargeQuery { From = kit.Time.GetUtcNow().AddHours(-1), To = kit.Time.GetUtcNow().AddHours(1), BatchId = "7" };
        Assert.Empty((await client.ListDueChargesPageAsync(window)).Items);

        // A re-sent identical PUT while processing is accepted and creates nothing new; a PATCH must wait.
        kit.Time.Advance(TimeSpan.FromMinutes(2));
        await client.CreateDueChargeBatchAsync("7", Batch(items));
        Assert.Equal(2, Puts(kit.Sandbox, "7", 202));
        Assert.Equal(1, (await client.ListDueChargeBatchesPageAsync(window.From, window.To)).TotalItems);
        var patch = await Assert.ThrowsAsync<ConnectorValidationException>(() => client.UpdateDueChargeBatchAsync("7",
            new PixDueChargeBatchRequest { Charges = [new PixDueChargeBatchItem { Txid = items[0].Txid, Charge = items[0].Charge }] }));
        Assert.Equal("LoteCobVOperacaoInvalida", patch.ProviderErrorCode);
        await client.CreateDueChargeAsync(items[3].Txid, items[3].Charge);

        // One tick before the delay nothing is decided; at the delay every charge is.
        kit.Time.Advance(Delay - TimeSpan.FromMinutes(2) - TimeSpan.FromTicks(1));
        Assert.Equal(5, (await client.GetDueChargeBatchReportAsync(["7"])).Processing);
        kit.Time.Advance(TimeSpan.FromTicks(1));
        var report = await client.GetDueChargeBatchReportAsync(["7"]);
        Assert.Equal(0, report.Processing);
        Assert.Equal(2, report.Created);
        Assert.Equal(3, report.Denied);
        Assert.Equal([items[0].Txid, items[4].Txid], report.Entries.Where(e => e.Status == PixBatchItemStatus.Created).Select(e => e.Txid));
        Assert.Contains(report.Entries.Single(e => e.Txid == taken.Txid).Violations, v => v.Field == "cobv.txid");
        Assert.Contains(report.Entries.Single(e => e.Txid == items[2].Txid).Violations, v => v.Field == "cobv.chave");
        var raced = report.Entries.Single(e => e.Txid == items[3].Txid);
        Assert.Equal("CobVOperacaoInvalida", raced.ErrorCode);
        Assert.Contains(raced.Violations, v => v.Field == "cobv.txid");

        var created = await client.GetDueChargeAsync(items[0].Txid);
        Assert.Equal(PixChargeStatus.Active, created.Status);
        Assert.Equal(kit.Time.GetUtcNow(), created.CreatedAt);
        Assert.Equal("ATIVA", kit.Sandbox.GetChargeStatus(items[4].Txid));
        Assert.Equal([items[0].Txid, items[4].Txid], (await client.ListDueChargesPageAsync(window)).Items.Select(c => c.Txid));

        // Once processed the batch can be revised, and another re-send still creates nothing.
        await client.UpdateDueChargeBatchAsync("7", new PixDueChargeBatchRequest
        {
            Charges = [new PixDueChargeBatchItem { Txid = items[0].Txid, Charge = new PixDueChargeRequest { Key = kit.Sandbox.Key, Amount = 95m, DueDate = new DateOnly(2027, 1, 15), Debtor = TestKit.Debtor() } }],
        });
        Assert.Equal(95m, (await client.GetDueChargeAsync(items[0].Txid)).Amount);
        await client.CreateDueChargeBatchAsync("7", Batch(items));
        Assert.Equal(2, (await client.ListDueChargesPageAsync(window)).TotalItems);
    }

    [Fact]
    public async Task Batches_are_processed_in_arrival_order_so_the_first_batch_wins_a_shared_txid()
    {
        await using var kit = await RecurrenceKit.StartAsync(o => o.DueChargeBatchProcessingDelay = Delay);
        var shared = Item(kit.Sandbox, "SHARED");
        await kit.Client.CreateDueChargeBatchAsync("30", Batch([shared, Item(kit.Sandbox, "B1")]));
        await kit.Client.CreateDueChargeBatchAsync("31", Batch([shared]));
        kit.Time.Advance(Delay);
        Assert.Equal(PixBatchItemStatus.Created, (await kit.Client.GetDueChargeBatchAsync("30")).Entries[0].Status);
        var second = (await kit.Client.GetDueChargeBatchAsync("31")).Entries.Single();
        Assert.Equal(PixBatchItemStatus.Denied, second.Status);
        Assert.Contains(second.Violations, v => v.Field == "cobv.txid");
    }

    [Fact]
    public async Task A_committed_batch_whose_answer_is_lost_is_retried_identically_and_created_once()
    {
        await using var kit = await RecurrenceKit.StartAsync(o => o.DueChargeBatchProcessingDelay = Delay);
        kit.Sandbox.InjectFault(PixSandboxFault.ResponseLost("PUT", "/lotecobv/"));
        var items = Enumerable.Range(1, 4).Select(i => Item(kit.Sandbox, "L" + i.ToString(CultureInfo.InvariantCulture))).ToList();

        // The retry waits its back-off on the client's clock: this client runs on the system clock (the sandbox's stays fake).
        using var client = new PixClient(TestKit.Options(kit.Sandbox));
        var report = await TestKit.Within(client.SubmitDueChargesAsync(40, "Faturas 2027-01", items));
        Assert.Equal(1, Puts(kit.Sandbox, "40", 0));   // committed, the answer never arrived
        Assert.Equal(1, Puts(kit.Sandbox, "40", 202)); // the identical retry
        Assert.Equal(4, report.Processing);

        kit.Time.Advance(Delay);
        report = await client.GetDueChargeBatchReportAsync(report.BatchIds);
        Assert.Equal(4, report.Created);
        var all = new PixDueChargeQuery { From = kit.Time.GetUtcNow().AddDays(-1), To = kit.Time.GetUtcNow(), BatchId = "40" };
        Assert.Equal(items.Select(i => i.Txid).Order(), (await client.ListDueChargesAsync(all).ToListAsync()).Select(c => c.Txid).Order());
        Assert.Equal(1, (await client.ListDueChargeBatchesPageAsync(all.From, all.To)).TotalItems);
    }

    [Fact]
    public async Task A_lost_answer_to_a_write_sent_once_surfaces_as_a_transport_error_though_the_write_happened()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        kit.Sandbox.InjectFault(PixSandboxFault.ResponseLost("POST", "/locrec"));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => kit.Client.CreateRecurrenceLocationAsync());
        Assert.Single(kit.Sandbox.Requests, r => r.Method == "POST" && r.Path.EndsWith("/locrec", StringComparison.Ordinal));

        // The location exists: the list of free locations finds it instead of creating another.
        var free = await kit.Client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery
        {
            From = kit.Time.GetUtcNow().AddMinutes(-1), To = kit.Time.GetUtcNow().AddMinutes(1), RecurrencePresent = false,
        });
        Assert.Single(free.Items);
        Assert.Equal(free.Items[0].Id, (await kit.Client.GetRecurrenceLocationAsync(free.Items[0].Id)).Id);
    }

    [Fact]
    public async Task A_batch_charge_keeps_its_fine_and_additional_info_and_a_bad_modality_is_denied_like_put_cobv()
    {
        await using var kit = await RecurrenceKit.StartAsync(o => o.DueChargeBatchProcessingDelay = Delay);
        var withFine = Item(kit.Sandbox, "FINE");
        withFine = new PixDueChargeBatchItem
        {
            Txid = withFine.Txid,
            Charge = new PixDueChargeRequest
            {
                Key = withFine.Charge.Key, Amount = withFine.Charge.Amount, DueDate = withFine.Charge.DueDate, Debtor = withFine.Charge.Debtor,
                Fine = PixFine.Percentage(2m), AdditionalInfo = [new PixAdditionalInfo("Contrato", "CT-42")],
            },
        };
        var badFine = Item(kit.Sandbox, "BADFINE");
        badFine = new PixDueChargeBatchItem
        {
            Txid = badFine.Txid,
            Charge = new PixDueChargeRequest
            {
                Key = badFine.Charge.Key, Amount = badFine.Charge.Amount, DueDate = badFine.Charge.DueDate, Debtor = badFine.Charge.Debtor,
                Fine = new PixFine((PixFineModality)7, 2m),
            },
        };
        await kit.Client.CreateDueChargeBatchAsync("50", Batch([withFine, badFine]));
        kit.Time.Advance(Delay);
        var denied = (await kit.Client.GetDueChargeBatchAsync("50")).Entries.Single(e => e.Txid == badFine.Txid);
        Assert.Equal(PixBatchItemStatus.Denied, denied.Status);
        Assert.Contains(denied.Violations, v => v.Field == "cobv.valor.multa.modalidade");
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => kit.Client.GetDueChargeAsync(badFine.Txid));
        var charge = await kit.Client.GetDueChargeAsync(withFine.Txid);
        Assert.Equal(PixFineModality.Percentage, charge.Fine!.Modality);
        Assert.Equal(2m, charge.Fine.Value);
        var paid = await kit.Sandbox.PayAsync(withFine.Txid, notify: false, paidAt: new DateTimeOffset(2027, 1, 20, 15, 0, 0, TimeSpan.Zero));
        Assert.Equal(89.90m + 1.80m, paid.Amount);
        Assert.Contains("CT-42", charge.AdditionalData["infoAdicionais"].GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_processing_delay_is_refused()
    {
        var options = new PixPspSandboxOptions();
        Assert.Throws<ArgumentOutOfRangeException>(() => options.DueChargeBatchProcessingDelay = TimeSpan.FromSeconds(-1));
        Assert.Equal(TimeSpan.Zero, options.DueChargeBatchProcessingDelay);
    }
}
