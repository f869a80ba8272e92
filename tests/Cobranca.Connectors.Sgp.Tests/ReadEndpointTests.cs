using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Sgp.Tests;

/// <summary>consultacliente, clientes and titulos: the exact request and the mapped result, quirks included.</summary>
public sealed class ReadEndpointTests
{
    private static readonly Testing.Conformance.ConformanceScenario S = SgpTestHost.Scenario;

    [Fact]
    public async Task A_masked_cpf_is_sent_as_digits_to_consultacliente_and_mapped_without_secrets()
    {
        await using var host = await SgpTestHost.StartAsync();
        var customer = Assert.Single(await host.Client.FindCustomersAsync(CustomerLookup.ByDocument(S.DebtorDocument.Formatted)));

        var request = Assert.Single(host.RequestsTo("consultacliente"));
        Assert.Equal(S.DebtorDocument.Value, request.Field("cpfcnpj"));
        Assert.Equal(S.DebtorCustomerId, customer.Id);
        Assert.Equal("MARIA CONFORMIDADE DA SILVA", customer.Name);
        Assert.Equal(S.DebtorDocument, customer.Document); // SGP answers it masked
        Assert.Contains(S.DebtorPhone, customer.Phones); // "(79) 99811-...": formatted phones parsed
        Assert.DoesNotContain(customer.Raw.Keys, k => k.Contains("senha", StringComparison.OrdinalIgnoreCase) || k == "contratoCentralLogin");
        Assert.Null(customer.Raw["motivo_status"]); // Python's "None" read as null
        Assert.Null(customer.Raw["endereco_complemento"]);
    }

    [Fact]
    public async Task Contracts_come_from_the_numeric_status_not_the_padded_display_and_drop_the_pppoe_password()
    {
        await using var host = await SgpTestHost.StartAsync();
        var debt = await host.Client.GetDebtStatusAsync(S.DebtorCustomerId);

        var blocked = debt.Contracts.Single(c => c.Id == S.DebtorBlockedContractId);
        Assert.Equal(AccessStatus.Blocked, blocked.Access.Status);
        Assert.Equal("4", blocked.Access.RawCode);
        Assert.Equal(" Suspenso ", blocked.Raw["contratoStatusDisplay"] is { } d ? " " + d + " " : null); // trimmed on read
        Assert.Equal("maria.conformidade2", blocked.Login);
        Assert.False(blocked.Raw.ContainsKey("servico_senha"));
        Assert.False(blocked.Raw.ContainsKey("contratoCentralSenha"));
        Assert.Equal("20/03/2024 11:43:25".Length, blocked.Raw["dataCadastro"]!.Length); // Brazilian date kept as text
    }

    [Fact]
    public async Task A_phone_goes_to_clientes_as_digits_and_every_candidate_comes_back_across_pages()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: s => s.MaxRowsPerPage = 1);
        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByPhone(S.SharedPhone));

        Assert.Equal(S.SharedPhoneCustomerIds.Order(), found.Select(c => c.Id).Order());
        var requests = host.RequestsTo("clientes");
        Assert.Equal(2, requests.Count); // one row per page: the client advanced by the rows received
        Assert.All(requests, r =>
        {
            Assert.Equal(S.SharedPhone.Ddd + S.SharedPhone.Number, r.Field("telefone"));
            Assert.Equal("1", r.Field("omitir_titulos"));
            Assert.Equal("100", r.Field("limit"));
        });
        Assert.Equal(["0", "1"], requests.Select(r => r.Field("offset")));
    }

    [Fact]
    public async Task A_login_goes_to_consultacliente()
    {
        await using var host = await SgpTestHost.StartAsync();
        var customer = Assert.Single(await host.Client.FindCustomersAsync(CustomerLookup.ByLogin(S.DebtorLogin)));
        Assert.Equal(S.DebtorCustomerId, customer.Id);
        Assert.Equal(S.DebtorLogin, host.RequestsTo("consultacliente")[0].Field("login"));
    }

    [Fact]
    public async Task Open_titles_are_read_with_status_abertos_and_split_by_the_sao_paulo_date()
    {
        await using var host = await SgpTestHost.StartAsync();
        var debt = await host.Client.GetDebtStatusAsync(S.DebtorCustomerId);

        var titulos = host.RequestsTo("titulos")[0];
        Assert.Equal(S.DebtorCustomerId, titulos.Field("cliente_id"));
        Assert.Equal("abertos", titulos.Field("status"));
        Assert.Equal("0", titulos.Field("offset"));
        Assert.Equal("250", titulos.Field("limit"));
        Assert.Equal(S.ExpectedOverdueInvoiceIds.Order(), debt.Overdue.Select(i => i.Id).Order());
        Assert.Equal(S.ExpectedUpcomingInvoiceIds.Order(), debt.Upcoming.Select(i => i.Id).Order());
        var partial = debt.Overdue.Single(i => i.Id == "9202");
        Assert.Equal(InvoiceStatus.PartiallyPaid, partial.Status);
        Assert.Equal(119.90m, partial.Amount);
        Assert.Equal(79.90m, partial.OpenAmount); // valor - valorPagoParcial
        Assert.Equal(S.Today.AddDays(-1), partial.DueDate);
    }

    [Fact]
    public async Task The_bulk_listing_caps_limit_at_250_advances_by_rows_received_and_stops_at_total()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: s => s.MaxRowsPerPage = 9);
        var all = new List<Invoice>();
        await foreach (var invoice in host.Client.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 1000 })) all.Add(invoice);

        Assert.Equal(S.OpenInvoices.Select(i => i.Id).Order(), all.Select(i => i.Id).Order());
        Assert.Equal(S.OpenInvoices.Select(i => (i.Id, i.CustomerId)).OrderBy(x => x.Id), all.Select(i => (i.Id, i.CustomerId)).OrderBy(x => x.Id));
        var pages = host.RequestsTo("titulos");
        Assert.All(pages, p => Assert.Equal("250", p.Field("limit")));
        Assert.Equal(Enumerable.Range(0, pages.Count).Select(i => (i * 9).ToString()), pages.Select(p => p.Field("offset")));
        Assert.Equal((S.OpenInvoices.Count + 8) / 9, pages.Count);
    }

    [Fact]
    public async Task An_empty_page_before_total_is_an_error_never_a_silent_truncation()
    {
        await using var host = await SgpTestHost.StartAsync(sandbox: s => s.MaxRowsPerPage = 0);
        var error = await Assert.ThrowsAsync<ConnectorApiException>(async () =>
        {
            await foreach (var unused in host.Client.ListOpenInvoicesAsync(InvoiceQuery.All)) { }
        });
        Assert.Contains("incomplete", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Due_date_filters_always_travel_as_the_pair_sgp_requires()
    {
        await using var host = await SgpTestHost.StartAsync();
        var overdue = new List<Invoice>();
        await foreach (var invoice in host.Client.ListOpenInvoicesAsync(new InvoiceQuery { OverdueOnly = true })) overdue.Add(invoice);

        var request = host.RequestsTo("titulos")[0];
        Assert.Equal("1900-01-01", request.Field("data_vencimento_inicio"));
        Assert.Equal(S.Today.AddDays(-1).ToString("yyyy-MM-dd"), request.Field("data_vencimento_fim"));
        Assert.All(overdue, i => Assert.True(i.DueDate < S.Today));

        // What the client avoids: one date alone is SGP's 400, mapped to a validation error.
        using var http = new HttpClient { BaseAddress = host.Sandbox.BaseUrl };
        using var response = await http.PostAsync("api/ura/titulos/", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = host.Sandbox.Token, ["app"] = host.Sandbox.App, ["data_vencimento_fim"] = "2025-03-01",
        }));
        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("[data_vencimento_inicio] obrigatória caso [data_vencimento_fim] informada", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_customer_is_not_found_and_a_customer_without_open_titles_owes_nothing()
    {
        await using var host = await SgpTestHost.StartAsync();
        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => host.Client.GetDebtStatusAsync(S.UnknownId));
        var none = await host.Client.GetDebtStatusAsync(S.NoDebtCustomerId);
        Assert.Empty(none.Overdue);
        Assert.Empty(none.Upcoming);
        Assert.Equal([S.NoDebtActiveContractId, S.InactiveContractId], none.Contracts.Select(c => c.Id).Order());
    }
}
