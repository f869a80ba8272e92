using System.Net;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Pix.Tests.Recurrence;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Batch;

/// <summary><c>GET /cobv</c> (charges with due date, optionally of one batch) and <c>GET /locrec</c> against the sandbox.</summary>
public sealed class PixDueChargeListTests
{
    private const string OtherCpf = "52998224725";

    private static PixDueChargeRequest Cobv(PixPspSandbox sandbox, string? cpf = null, string? key = null) => new()
    {
        Key = key ?? sandbox.Key,
        Amount = 79.90m,
        DueDate = new DateOnly(2027, 1, 10),
        Debtor = cpf is null ? TestKit.Debtor() : new PixDebtor { Document = Document.Parse(cpf), Name = "Beltrana de Souza" },
    };

    private static PixDueChargeBatchItem Item(PixPspSandbox sandbox, string invoice, string? key = null) =>
        new() { Txid = PixTxid.ForInvoice("LS", invoice), Charge = Cobv(sandbox, key: key) };

    [Fact]
    public async Task Due_charges_are_listed_by_window_batch_debtor_status_and_location_in_pages()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var client = kit.Client;
        var start = kit.Time.GetUtcNow();
        var single = PixTxid.ForInvoice("LS", "SINGLE");
        await client.CreateDueChargeAsync(single, Cobv(kit.Sandbox, cpf: OtherCpf));
        await client.CreateChargeAsync(PixTxid.ForInvoice("LS", "IMMEDIATE"), TestKit.Cob(kit.Sandbox)); // a cob is never a cobv
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var first = Enumerable.Range(1, 5).Select(i => Item(kit.Sandbox, "F" + i, key: i == 3 ? "outra@example.com" : null)).ToList();
        await client.CreateDueChargeBatchAsync("21", new PixDueChargeBatchRequest { Description = "lote 21", Charges = first });
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var second = Enumerable.Range(1, 2).Select(i => Item(kit.Sandbox, "S" + i)).ToList();
        await client.CreateDueChargeBatchAsync("22", new PixDueChargeBatchRequest { Description = "lote 22", Charges = second });
        var now = kit.Time.GetUtcNow();

        // The whole window: 1 single + 4 created of batch 21 (one refused is no charge) + 2 of batch 22, oldest first.
        var all = new PixDueChargeQuery { From = start, To = now, PageSize = 3 };
        var page0 = await client.ListDueChargesPageAsync(all);
        Assert.Equal(7, page0.TotalItems);
        Assert.Equal(3, page0.PageCount);
        Assert.Equal(3, page0.Items.Count);
        Assert.Equal(single, page0.Items[0].Txid);
        Assert.All(page0.Items, c => Assert.True(c.IsDueCharge));
        Assert.Equal(new DateOnly(2027, 1, 10), page0.Items[0].DueDate);
        Assert.False(string.IsNullOrEmpty(page0.Items[1].CopyPaste));
        var last = await client.ListDueChargesPageAsync(all, pageIndex: 2);
        Assert.Single(last.Items);
        Assert.False(last.HasNextPage);
        var streamed = await client.ListDueChargesAsync(all).ToListAsync();
        Assert.Equal(7, streamed.Count);
        Assert.Equal(7, streamed.Select(c => c.Txid).Distinct().Count());

        // One batch: exactly its created charges.
        var batch21 = await client.ListDueChargesAsync(new PixDueChargeQuery { From = start, To = now, BatchId = "21" }).ToListAsync();
        Assert.Equal(first.Where((_, i) => i != 2).Select(i => i.Txid), batch21.Select(c => c.Txid));
        Assert.Equal(second.Select(i => i.Txid), (await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, BatchId = "22" })).Items.Select(c => c.Txid));
        Assert.Empty((await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, BatchId = "23" })).Items);

        // Debtor, status, location and window filters.
        Assert.Equal([single], (await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, Debtor = Document.Parse(OtherCpf) })).Items.Select(c => c.Txid));
        await kit.Sandbox.PayAsync(second[0].Txid, notify: false);
        var paid = await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, Status = PixChargeStatus.Completed });
        Assert.Equal([second[0].Txid], paid.Items.Select(c => c.Txid));
        Assert.Equal(6, (await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, Status = PixChargeStatus.Active })).TotalItems);
        Assert.Equal(7, (await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, LocationPresent = true })).TotalItems);
        Assert.Empty((await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = start, To = now, LocationPresent = false })).Items);
        Assert.Equal(2, (await client.ListDueChargesPageAsync(new PixDueChargeQuery { From = now, To = now.AddHours(1) })).TotalItems);

        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("/cobv?inicio=", StringComparison.Ordinal) && r.Path.Contains("&loteCobVId=21", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&cpf=" + OtherCpf, StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&status=CONCLUIDA", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&locationPresente=false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Invalid_due_charge_queries_are_refused_before_sending()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var now = kit.Time.GetUtcNow();
        var ok = new PixDueChargeQuery { From = now.AddDays(-1), To = now };
        await Assert.ThrowsAsync<ArgumentNullException>(() => kit.Client.ListDueChargesPageAsync(null!));
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Client.ListDueChargesPageAsync(new PixDueChargeQuery { From = now, To = now.AddDays(-1) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kit.Client.ListDueChargesPageAsync(new PixDueChargeQuery { From = ok.From, To = ok.To, PageSize = 1001 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => kit.Client.ListDueChargesPageAsync(ok, pageIndex: -1));
        foreach (var bad in new[] { "abc", "-1", "2147483648", "", "12345678901" })
            await Assert.ThrowsAsync<ArgumentException>(() => kit.Client.ListDueChargesPageAsync(new PixDueChargeQuery { From = ok.From, To = ok.To, BatchId = bad }));
        Assert.DoesNotContain(kit.Sandbox.Requests, r => r.Path.Contains("/cobv?", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("cobv", "&cpf=52998224725&cnpj=11222333000181", "CobVConsultaInvalida")]
    [InlineData("cobv", "&loteCobVId=abc", "CobVConsultaInvalida")]
    [InlineData("cobv", "&status=PAGA", "CobVConsultaInvalida")]
    [InlineData("cobv", "&locationPresente=sim", "CobVConsultaInvalida")]
    [InlineData("cobv", "&cnpj=1122233300018a", "CobVConsultaInvalida")]
    [InlineData("cobv", "&paginacao.paginaAtual=-1", "CobVConsultaInvalida")]
    [InlineData("cobv", "&fimAntes", "CobVConsultaInvalida")]
    [InlineData("locrec", "&idRecPresente=talvez", "PayloadLocationRecConsultaInvalida")]
    [InlineData("locrec", "&paginacao.itensPorPagina=-5", "PayloadLocationRecConsultaInvalida")]
    [InlineData("locrec", "&convenio=", "PayloadLocationRecConsultaInvalida")]
    [InlineData("locrec", "&fimAntes", "PayloadLocationRecConsultaInvalida")]
    public async Task The_sandbox_answers_the_specs_query_error_for_an_invalid_list_query(string resource, string extra, string type)
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var (status, body) = await TestKit.RawListAsync(sandbox, resource, extra);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://pix.bcb.gov.br/api/v2/error/" + type, problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task Recurrence_locations_are_listed_by_window_link_and_agreement_in_pages()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var client = kit.Client;
        var start = kit.Time.GetUtcNow();
        var locations = new List<PixRecurrenceLocation>();
        for (var i = 0; i < 4; i++)
        {
            locations.Add(await client.CreateRecurrenceLocationAsync());
            kit.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var template = kit.Rec(location: locations[1].Id);
        await client.CreateRecurrenceAsync(new PixRecurrenceRequest
        {
            Contract = template.Contract,
            Debtor = template.Debtor,
            DebtorName = template.DebtorName,
            StartDate = template.StartDate,
            MinimumAmount = template.MinimumAmount,
            LocationId = locations[1].Id,
            Agreement = "CONVENIO-01",
        });
        await client.CreateRecurrenceAsync(kit.Rec(cpf: RecurrenceKit.PoorCpf, location: locations[2].Id));
        var now = kit.Time.GetUtcNow();

        var all = new PixRecurrenceLocationQuery { From = start, To = now, PageSize = 3 };
        var page0 = await client.ListRecurrenceLocationsPageAsync(all);
        Assert.Equal(4, page0.TotalItems);
        Assert.Equal(2, page0.PageCount);
        Assert.True(page0.HasNextPage);
        Assert.Equal(locations.Take(3).Select(l => l.Id), page0.Items.Select(l => l.Id));
        Assert.Equal(locations[0].Location, page0.Items[0].Location);
        Assert.Equal(locations.Select(l => l.Id), (await client.ListRecurrenceLocationsAsync(all).ToListAsync()).Select(l => l.Id));

        var linked = await client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start, To = now, RecurrencePresent = true });
        Assert.Equal([locations[1].Id, locations[2].Id], linked.Items.Select(l => l.Id));
        Assert.All(linked.Items, l => Assert.NotNull(l.RecurrenceId));
        var free = await client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start, To = now, RecurrencePresent = false });
        Assert.Equal([locations[0].Id, locations[3].Id], free.Items.Select(l => l.Id));
        var agreement = await client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start, To = now, Agreement = "CONVENIO-01" });
        Assert.Equal([locations[1].Id], agreement.Items.Select(l => l.Id));
        Assert.Equal(2, (await client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start.AddSeconds(2), To = now })).TotalItems);
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("/locrec?inicio=", StringComparison.Ordinal) && r.Path.Contains("&idRecPresente=false", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&convenio=CONVENIO-01", StringComparison.Ordinal));

        await Assert.ThrowsAsync<ArgumentException>(() => client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = now, To = start }));
        await Assert.ThrowsAsync<ArgumentException>(() => client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start, To = now, Agreement = new string('x', 61) }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = start, To = now, PageSize = 0 }));
    }

    [Fact]
    public async Task The_location_list_honours_the_profiles_recurrence_path_prefix()
    {
        await using var sandbox = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { PathPrefix = "/api/v1" });
        var options = TestKit.Options(sandbox);
        // The classic resources would live elsewhere; only the recurrence ones use the prefix in this profile.
        options.BaseAddress = new Uri(sandbox.RootUrl, "api/");
        options.Provider = new PixProviderProfile { Name = "prefix", BaseUrl = options.BaseAddress, TokenUrl = sandbox.TokenUrl, RecurrencePathPrefix = "v1/" };
        using var client = new PixClient(options);
        var location = await client.CreateRecurrenceLocationAsync();
        var page = await client.ListRecurrenceLocationsPageAsync(new PixRecurrenceLocationQuery { From = DateTimeOffset.UtcNow.AddHours(-1), To = DateTimeOffset.UtcNow.AddHours(1) });
        Assert.Equal([location.Id], page.Items.Select(l => l.Id));
        Assert.Contains(sandbox.Requests, r => r.Path.StartsWith("/api/v1/locrec?", StringComparison.Ordinal));
    }
}
