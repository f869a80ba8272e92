using System.Net;
using System.Text.Json;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;

namespace Cobranca.Connectors.Pix.Tests.Recurrence;

/// <summary>
/// <c>GET /rec</c> and <c>GET /cobr</c> against the sandbox: every filter the spec defines (window, cpf/cnpj, status,
/// locationPresente, idRec, convenio) narrows the list, invalid queries answer the spec's ConsultaInvalida problem,
/// and paging still counts the filtered list.
/// </summary>
public sealed class PixRecurrenceListTests
{
    // An alphanumeric CNPJ (IN RFB 2.229/2024), so the cnpj filter is exercised with letters.
    private static readonly Document Company = Document.CnpjFromBase("12ABC3450001");

    private static async Task<PixRecurrence> RecAsync(RecurrenceKit kit, Document debtor, string? agreement, bool location, bool approve)
    {
        long? loc = location ? (await kit.Client.CreateRecurrenceLocationAsync()).Id : null;
        var template = kit.Rec(location: loc);
        var rec = await kit.Client.CreateRecurrenceAsync(new PixRecurrenceRequest
        {
            Contract = template.Contract,
            Description = template.Description,
            Debtor = debtor,
            DebtorName = template.DebtorName,
            StartDate = template.StartDate,
            RetryPolicy = template.RetryPolicy,
            MinimumAmount = template.MinimumAmount,
            LocationId = loc,
            Agreement = agreement,
        });
        if (approve) await kit.Sandbox.ApproveRecurrenceAsync(rec.Id);
        return rec;
    }

    private static async Task<string[]> RecIdsAsync(RecurrenceKit kit, PixRecurrenceQuery query) =>
        [.. (await kit.Client.ListRecurrencesAsync(query).ToListAsync()).Select(r => r.Id)];

    private static async Task<string[]> CobrTxidsAsync(RecurrenceKit kit, PixRecurringChargeQuery query) =>
        [.. (await kit.Client.ListRecurringChargesAsync(query).ToListAsync()).Select(c => c.Txid)];

    [Fact]
    public async Task Recurrences_are_narrowed_by_debtor_status_location_and_agreement_and_paged()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var start = kit.Time.GetUtcNow();
        var a = await RecAsync(kit, Document.Parse(RecurrenceKit.Cpf), "CONVENIO-01", location: true, approve: true);
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var b = await RecAsync(kit, Document.Parse(RecurrenceKit.PoorCpf), "CONVENIO-02", location: false, approve: false);
        var c = await RecAsync(kit, Company, null, location: false, approve: false);
        await kit.Sandbox.RejectRecurrenceAsync(c.Id);
        var d = await RecAsync(kit, Document.Parse(RecurrenceKit.Cpf), "CONVENIO-01", location: true, approve: false);
        var now = kit.Time.GetUtcNow();
        PixRecurrenceQuery Window(PixRecurrenceQuery? filters = null, int pageSize = 100) => new()
        {
            From = start, To = now, PageSize = pageSize,
            Debtor = filters?.Debtor, Status = filters?.Status, LocationPresent = filters?.LocationPresent, Agreement = filters?.Agreement,
        };

        // Unfiltered, in pages of 3: creation order, counts of the whole window.
        var page0 = await kit.Client.ListRecurrencesPageAsync(Window(pageSize: 3));
        Assert.Equal(4, page0.TotalItems);
        Assert.Equal(2, page0.PageCount);
        Assert.True(page0.HasNextPage);
        Assert.Equal([a.Id, b.Id, c.Id], page0.Items.Select(r => r.Id));
        var page1 = await kit.Client.ListRecurrencesPageAsync(Window(pageSize: 3), pageIndex: 1);
        Assert.Equal([d.Id], page1.Items.Select(r => r.Id));
        Assert.False(page1.HasNextPage);
        Assert.Equal([a.Id, b.Id, c.Id, d.Id], await RecIdsAsync(kit, Window(pageSize: 3)));

        // Each filter alone.
        var cpf = Document.Parse(RecurrenceKit.Cpf);
        Assert.Equal([a.Id, d.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Debtor = cpf })));
        Assert.Equal([c.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Debtor = Company })));
        Assert.Equal([a.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Status = PixRecurrenceStatus.Approved })));
        Assert.Equal([b.Id, d.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Status = PixRecurrenceStatus.Created })));
        Assert.Equal([c.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Status = PixRecurrenceStatus.Rejected })));
        Assert.Equal([a.Id, d.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, LocationPresent = true })));
        Assert.Equal([b.Id, c.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, LocationPresent = false })));
        Assert.Equal([a.Id, d.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-01" })));
        Assert.Equal([b.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-02" })));
        Assert.Empty(await RecIdsAsync(kit, Window(new() { From = start, To = now, Agreement = "convenio-01" })));
        Assert.Equal([b.Id, c.Id, d.Id], await RecIdsAsync(kit, new PixRecurrenceQuery { From = start.AddSeconds(30), To = now }));

        // Filters combine, and paging counts the filtered list.
        Assert.Equal([d.Id], await RecIdsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-01", Status = PixRecurrenceStatus.Created })));
        Assert.Empty(await RecIdsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-02", Debtor = cpf })));
        var agreementPage = await kit.Client.ListRecurrencesPageAsync(Window(new() { From = start, To = now, Agreement = "CONVENIO-01" }, pageSize: 1), pageIndex: 1);
        Assert.Equal(2, agreementPage.TotalItems);
        Assert.Equal(2, agreementPage.PageCount);
        Assert.Equal([d.Id], agreementPage.Items.Select(r => r.Id));

        // What went over the wire: the spec's parameter names.
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("/rec?inicio=", StringComparison.Ordinal) && r.Path.Contains("&convenio=CONVENIO-01", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&cnpj=" + Company.Value, StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&cpf=" + RecurrenceKit.Cpf, StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&status=REJEITADA", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&locationPresente=false", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Recurring_charges_are_narrowed_by_recurrence_debtor_status_and_agreement_and_paged()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var start = kit.Time.GetUtcNow();
        var recA = await RecAsync(kit, Document.Parse(RecurrenceKit.Cpf), "CONVENIO-01", location: true, approve: true);
        var recA2 = await RecAsync(kit, Document.Parse(RecurrenceKit.Cpf), "CONVENIO-01", location: true, approve: true);
        var recB = await RecAsync(kit, Document.Parse(RecurrenceKit.PoorCpf), "CONVENIO-02", location: true, approve: true);
        var recC = await RecAsync(kit, Company, null, location: true, approve: true);
        var a = await kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("RL", "A"), kit.Cobr(recA.Id));
        kit.Time.Advance(TimeSpan.FromMinutes(1));
        var a2 = await kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("RL", "A2"), kit.Cobr(recA2.Id));
        var b = await kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("RL", "B"), kit.Cobr(recB.Id));
        var c = await kit.Client.CreateRecurringChargeAsync(PixTxid.ForInvoice("RL", "C"), kit.Cobr(recC.Id));
        await kit.Client.CancelRecurringChargeAsync(b.Txid);
        var now = kit.Time.GetUtcNow();
        PixRecurringChargeQuery Window(PixRecurringChargeQuery? filters = null, int pageSize = 100) => new()
        {
            From = start, To = now, PageSize = pageSize,
            RecurrenceId = filters?.RecurrenceId, Debtor = filters?.Debtor, Status = filters?.Status, Agreement = filters?.Agreement,
        };

        var page0 = await kit.Client.ListRecurringChargesPageAsync(Window(pageSize: 3));
        Assert.Equal(4, page0.TotalItems);
        Assert.Equal(2, page0.PageCount);
        Assert.Equal([a.Txid, a2.Txid, b.Txid], page0.Items.Select(x => x.Txid));
        Assert.Equal([c.Txid], (await kit.Client.ListRecurringChargesPageAsync(Window(pageSize: 3), pageIndex: 1)).Items.Select(x => x.Txid));
        Assert.Equal([a.Txid, a2.Txid, b.Txid, c.Txid], await CobrTxidsAsync(kit, Window(pageSize: 3)));

        var cpf = Document.Parse(RecurrenceKit.Cpf);
        Assert.Equal([a2.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, RecurrenceId = recA2.Id })));
        Assert.Equal([a.Txid, a2.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Debtor = cpf })));
        Assert.Equal([c.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Debtor = Company })));
        Assert.Equal([b.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Status = PixRecurringChargeStatus.Cancelled })));
        Assert.Equal([a.Txid, a2.Txid, c.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Status = PixRecurringChargeStatus.Created })));
        Assert.Equal([a.Txid, a2.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-01" })));
        Assert.Equal([b.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-02" })));
        Assert.Empty(await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-03" })));
        Assert.Equal([a2.Txid, b.Txid, c.Txid], await CobrTxidsAsync(kit, new PixRecurringChargeQuery { From = start.AddSeconds(30), To = now }));

        Assert.Equal([a2.Txid], await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-01", RecurrenceId = recA2.Id })));
        Assert.Empty(await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-01", Debtor = Document.Parse(RecurrenceKit.PoorCpf) })));
        Assert.Empty(await CobrTxidsAsync(kit, Window(new() { From = start, To = now, Agreement = "CONVENIO-02", Status = PixRecurringChargeStatus.Created })));
        var agreementPage = await kit.Client.ListRecurringChargesPageAsync(Window(new() { From = start, To = now, Agreement = "CONVENIO-01" }, pageSize: 1));
        Assert.Equal(2, agreementPage.TotalItems);
        Assert.True(agreementPage.HasNextPage);
        Assert.Equal([a.Txid], agreementPage.Items.Select(x => x.Txid));

        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("/cobr?inicio=", StringComparison.Ordinal) && r.Path.Contains("&convenio=CONVENIO-02", StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&idRec=" + recA2.Id, StringComparison.Ordinal));
        Assert.Contains(kit.Sandbox.Requests, r => r.Path.Contains("&status=CANCELADA", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_agreement_over_60_characters_is_refused_before_sending()
    {
        await using var kit = await RecurrenceKit.StartAsync();
        var now = kit.Time.GetUtcNow();
        var tooLong = new string('x', 61);
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Client.ListRecurrencesPageAsync(new PixRecurrenceQuery { From = now.AddDays(-1), To = now, Agreement = tooLong }));
        await Assert.ThrowsAsync<ArgumentException>(() => kit.Client.ListRecurringChargesPageAsync(new PixRecurringChargeQuery { From = now.AddDays(-1), To = now, Agreement = tooLong }));
        Assert.Empty((await kit.Client.ListRecurrencesPageAsync(new PixRecurrenceQuery { From = now.AddDays(-1), To = now, Agreement = new string('x', 60) })).Items);
        Assert.DoesNotContain(kit.Sandbox.Requests, r => r.Path.Contains(tooLong, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("rec", "&convenio=", "RecConsultaInvalida", "convenio")]
    [InlineData("rec", "&convenio=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "RecConsultaInvalida", "convenio")]
    [InlineData("rec", "&cpf=5299822472", "RecConsultaInvalida", "cpf")]
    [InlineData("rec", "&cnpj=12abc345000100", "RecConsultaInvalida", "cnpj")]
    [InlineData("rec", "&status=ATIVA", "RecConsultaInvalida", "status")]
    [InlineData("rec", "&locationPresente=sim", "RecConsultaInvalida", "locationPresente")]
    [InlineData("rec", "&cpf=52998224725&cnpj=11222333000181", "RecConsultaInvalida", null)]
    [InlineData("rec", "&paginacao.itensPorPagina=1001", "RecConsultaInvalida", null)]
    [InlineData("rec", "&fimAntes", "RecConsultaInvalida", "fim")]
    [InlineData("cobr", "&convenio=", "CobRConsultaInvalida", "convenio")]
    [InlineData("cobr", "&idRec=RR12345678", "CobRConsultaInvalida", "idRec")]
    [InlineData("cobr", "&cpf=529982247250", "CobRConsultaInvalida", "cpf")]
    [InlineData("cobr", "&cnpj=1122233300018", "CobRConsultaInvalida", "cnpj")]
    [InlineData("cobr", "&status=APROVADA", "CobRConsultaInvalida", "status")]
    [InlineData("cobr", "&cpf=52998224725&cnpj=11222333000181", "CobRConsultaInvalida", null)]
    [InlineData("cobr", "&paginacao.paginaAtual=-1", "CobRConsultaInvalida", null)]
    [InlineData("cobr", "&fimAntes", "CobRConsultaInvalida", "fim")]
    public async Task The_sandbox_answers_the_specs_query_error_for_an_invalid_recurrence_list_query(string resource, string extra, string type, string? property)
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var (status, body) = await TestKit.RawListAsync(sandbox, resource, extra);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal("https://pix.bcb.gov.br/api/v2/error/" + type, problem.GetProperty("type").GetString());
        if (property is not null)
            Assert.Contains(problem.GetProperty("violacoes").EnumerateArray(), v => v.GetProperty("propriedade").GetString() == property);
    }

    [Theory]
    [InlineData("rec", "&convenio=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("rec", "&cnpj=12ABC345000100&status=CANCELADA&locationPresente=true")]
    [InlineData("cobr", "&idRec=RR1234567820240115abcdefghijk&cpf=52998224725&status=EXPIRADA&convenio=C")]
    public async Task The_sandbox_accepts_the_edges_of_the_specs_filters(string resource, string extra)
    {
        await using var sandbox = await PixPspSandbox.StartAsync();
        var (status, body) = await TestKit.RawListAsync(sandbox, resource, extra);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(0, JsonDocument.Parse(body).RootElement.GetProperty("parametros").GetProperty("paginacao").GetProperty("quantidadeTotalDeItens").GetInt32());
    }
}
