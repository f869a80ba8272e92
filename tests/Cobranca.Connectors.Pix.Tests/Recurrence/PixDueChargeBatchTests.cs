using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Recurrence;

public sealed class PixDueChargeBatchTests
{
    private static PixDueChargeBatchItem Item(PixPspSandbox sandbox, int i, string? key = null) => new()
    {
        Txid = PixTxid.ForInvoice("LT", "INV" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Charge = new PixDueChargeRequest
        {
            Key = key ?? sandbox.Key,
            Amount = 99.90m,
            DueDate = new DateOnly(2027, 1, 15),
            Debtor = TestKit.Debtor(),
        },
    };

    [Fact]
    public async Task Batches_are_chunked_to_the_profile_limit_and_refusals_reported_per_charge()
    {
        await using var sandbox = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { DueChargeBatchLimit = 3 });
        var options = TestKit.Options(sandbox);
        options.Provider = new PixProviderProfile { Name = "test", BaseUrl = sandbox.BaseUrl, TokenUrl = sandbox.TokenUrl, DueChargeBatchLimit = 3 };
        using var client = new PixClient(options);

        // One txid already exists as a single cobv (a batch cannot reuse it), one charge names a foreign key.
        var taken = Item(sandbox, 2);
        await client.CreateDueChargeAsync(taken.Txid, taken.Charge);
        var items = Enumerable.Range(1, 7).Select(i => Item(sandbox, i, key: i == 5 ? "outra-chave@example.com" : null)).ToList();
        var report = await client.SubmitDueChargesAsync(100, "Faturas 2027-01", items);
        Assert.Equal(["100", "101", "102"], report.BatchIds);
        Assert.Equal(7, report.Entries.Count);
        Assert.Equal(5, report.Created);
        Assert.Equal(2, report.Denied);
        Assert.Equal(0, report.Processing);
        var denied = report.Entries.Single(e => e.Txid == taken.Txid);
        Assert.Equal(PixBatchItemStatus.Denied, denied.Status);
        Assert.Equal("CobVOperacaoInvalida", denied.ErrorCode);
        Assert.Contains(denied.Violations, v => v.Field == "cobv.txid");
        Assert.Contains(report.Entries.Single(e => e.Txid == items[4].Txid).Violations, v => v.Field == "cobv.chave");
        Assert.Equal(PixChargeStatus.Active, (await client.GetDueChargeAsync(items[0].Txid)).Status);
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => client.GetDueChargeAsync(items[4].Txid));

        // Re-sending the same batch is idempotent; a batch with other txids under the same id is refused.
        await client.CreateDueChargeBatchAsync("100", new PixDueChargeBatchRequest { Description = "Faturas 2027-01", Charges = items.Take(3).ToList() });
        var changed = await Assert.ThrowsAsync<ConnectorValidationException>(() =>
            client.CreateDueChargeBatchAsync("100", new PixDueChargeBatchRequest { Description = "x", Charges = items.Skip(3).Take(3).ToList() }));
        Assert.Equal("LoteCobVOperacaoInvalida", changed.ProviderErrorCode);
        Assert.Throws<ArgumentException>(() => client.CreateDueChargeBatchAsync("103", new PixDueChargeBatchRequest { Description = "x", Charges = items.Take(4).ToList() }).GetAwaiter().GetResult());
        Assert.Throws<ArgumentException>(() => client.GetDueChargeBatchAsync("abc").GetAwaiter().GetResult());

        // PATCH revises a subset; new txids are refused.
        var revised = new PixDueChargeBatchItem { Txid = items[0].Txid, Charge = new PixDueChargeRequest { Key = sandbox.Key, Amount = 110m, DueDate = new DateOnly(2027, 1, 20), Debtor = TestKit.Debtor() } };
        await client.UpdateDueChargeBatchAsync("100", new PixDueChargeBatchRequest { Charges = [revised] });
        var cobv = await client.GetDueChargeAsync(items[0].Txid);
        Assert.Equal(110m, cobv.Amount);
        Assert.Equal(new DateOnly(2027, 1, 20), cobv.DueDate);
        await Assert.ThrowsAsync<ConnectorValidationException>(() => client.UpdateDueChargeBatchAsync("100", new PixDueChargeBatchRequest { Charges = [Item(sandbox, 99)] }));
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => client.GetDueChargeBatchAsync("999"));

        var page = await client.ListDueChargeBatchesPageAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(1), pageSize: 2);
        Assert.Equal(3, page.TotalItems);
        Assert.Equal(2, page.Items.Count);
        Assert.Equal("100", page.Items[0].Id);
    }
}
