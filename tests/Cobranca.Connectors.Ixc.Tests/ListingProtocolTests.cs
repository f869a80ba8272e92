using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class ListingProtocolTests
{
    [Fact]
    public async Task Find_by_cpf_sends_the_masked_form_as_a_listing_with_basic_auth()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByDocument("12345678909"));

        var request = Assert.Single(host.Sandbox.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/webservice/v1/cliente", request.Path);
        Assert.Equal(host.ExpectedAuthorization, request.Header("Authorization"));
        Assert.Equal("listar", request.Header("ixcsoft"));
        Assert.StartsWith("application/json", request.Header("Content-Type"));
        Assert.Equal(Canonical(ListingBody("cliente.cnpj_cpf", "123.456.789-09")), Canonical(request.Body));

        var maria = Assert.Single(found);
        Assert.Equal(IxcSandboxData.MariaCustomerId, maria.Id);
        Assert.Equal("MARIA APARECIDA DOS SANTOS", maria.Name);
        Assert.Equal(Document.Parse(IxcSandboxData.MariaCpf), maria.Document);
        Assert.Equal([PhoneNumber.Parse("(79) 99876-5432"), PhoneNumber.Parse("(79) 3211-0000")], maria.Phones);
        Assert.Equal("maria.santos@example.com", maria.Email);
        Assert.True(maria.IsActive);
        Assert.Equal("1759", maria.Raw["cidade"]);
    }

    [Fact]
    public async Task Secret_fields_never_leave_the_client()
    {
        await using var host = await StartAsync();

        var maria = Assert.Single(await host.Client.FindCustomersAsync(CustomerLookup.ByDocument(IxcSandboxData.MariaCpf)));
        var contract = Assert.Single(await host.Client.GetContractsAsync(IxcSandboxData.MariaCustomerId));
        var login = Assert.Single(await host.Client.GetRadiusUsersByLoginAsync(IxcSandboxData.MariaLogin));

        // The sandbox, like IXC, sends them in cleartext.
        Assert.Contains("\"senha\":\"senha-1001\"", await RawReply(host), StringComparison.Ordinal);
        Assert.DoesNotContain(maria.Raw.Keys, k => k.Contains("senha", StringComparison.Ordinal) || k.Contains("token", StringComparison.Ordinal));
        Assert.DoesNotContain(contract.Raw.Keys, k => k.Contains("senha", StringComparison.Ordinal));
        Assert.DoesNotContain(login.Raw.Keys, k => k.Contains("senha", StringComparison.Ordinal));
        Assert.DoesNotContain(maria.Raw.Values, v => v is not null && v.Contains("senha-", StringComparison.Ordinal));
        Assert.Equal("maria.santos", login.Login);
        Assert.True(login.IsOnline);
    }

    private static async Task<string> RawReply(IxcTestHost host)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Sandbox.BaseUrl, "/webservice/v1/cliente"))
        {
            Content = new StringContent(ListingBody("cliente.id", IxcSandboxData.MariaCustomerId)),
        };
        request.Headers.TryAddWithoutValidation("Authorization", host.ExpectedAuthorization);
        request.Headers.Add("ixcsoft", "listar");
        using var response = await http.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_document_stored_without_mask_is_found_by_the_bare_digits_fallback()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByDocument("529.982.247-25"));

        Assert.Equal(IxcSandboxData.PedroCustomerId, Assert.Single(found).Id);
        var bodies = host.RequestsTo("cliente").Select(r => Canonical(r.Body)).ToList();
        Assert.Equal([Canonical(ListingBody("cliente.cnpj_cpf", "529.982.247-25")), Canonical(ListingBody("cliente.cnpj_cpf", "52998224725"))], bodies);
    }

    [Fact]
    public async Task Find_by_cnpj_uses_the_cnpj_mask()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByDocument("11222333000181"));

        Assert.Equal(IxcSandboxData.JoaoCustomerId, Assert.Single(found).Id);
        Assert.Equal(Canonical(ListingBody("cliente.cnpj_cpf", "11.222.333/0001-81")), Canonical(host.Sandbox.Requests[0].Body));
        Assert.Single(host.Sandbox.Requests);
    }

    [Fact]
    public async Task Unknown_document_returns_no_candidates_after_trying_both_forms()
    {
        await using var host = await StartAsync();

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ByDocument(Document.CpfFromBase("987654321")));

        Assert.Empty(found);
        Assert.Equal(2, host.RequestsTo("cliente").Count);
    }

    [Fact]
    public async Task Listing_verb_can_be_get_with_a_json_body()
    {
        await using var host = await StartAsync(o => o.ListingVerb = IxcListingVerb.GetWithBody, s => s.AcceptPostListings = false);

        var found = await host.Client.FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.MariaCustomerId));

        Assert.Single(found);
        var request = Assert.Single(host.Sandbox.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("listar", request.Header("ixcsoft"));
        Assert.Equal(Canonical(ListingBody("cliente.id", IxcSandboxData.MariaCustomerId)), Canonical(request.Body));
    }

    [Fact]
    public async Task An_instance_that_refuses_post_listings_surfaces_its_html_error_with_a_hint()
    {
        await using var host = await StartAsync(sandbox: s => s.AcceptPostListings = false);

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("html-error", ex.ProviderErrorCode);
        Assert.Contains("Ocorreu um erro ao processar", ex.Message, StringComparison.Ordinal);
        Assert.Contains("ListingVerb", ex.Message, StringComparison.Ordinal);
        Assert.Single(host.Sandbox.Requests); // a body-shape error is an answer: not retried
    }

    [Fact]
    public async Task Open_invoices_are_paged_with_page_and_rp_and_stop_on_the_last_page()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 4);

        var invoices = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { PageSize = 3 }).ToListAsync();

        var grid = "[{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"C\"},{\"TB\":\"fn_areceber.status\",\"OP\":\"!=\",\"P\":\"R\"}]";
        var requests = host.RequestsTo("fn_areceber");
        Assert.True(invoices.Count > 6);
        Assert.Equal((invoices.Count + 2) / 3, requests.Count); // no extra call after the last page
        for (var i = 0; i < requests.Count; i++)
            Assert.Equal(Canonical(ListingBody("fn_areceber.liberado", "S", page: i + 1, rp: 3, gridParam: grid)), Canonical(requests[i].Body));

        // Exactly the open (status A, or P: none in this seed) and released (liberado S) invoices, each once.
        Assert.Equal(invoices.Count, invoices.Select(i => i.Id).Distinct().Count());
        Assert.DoesNotContain(invoices, i => i.Id is IxcSandboxData.MariaPaidInvoiceId or IxcSandboxData.MariaCancelledInvoiceId or IxcSandboxData.MariaHiddenInvoiceId);
        Assert.Contains(invoices, i => i.Id == IxcSandboxData.MariaAvulsoInvoiceId);
        Assert.All(invoices, i => Assert.Equal("A", i.RawStatus));
    }

    [Fact]
    public async Task Pager_stops_when_the_seen_rows_reach_total_even_on_a_full_page()
    {
        await using var host = await StartAsync(sandbox: s => s.GeneratedCustomers = 0);
        // Maria has 4 open released invoices: pages of 2 -> 2 full pages, total 4 -> no third call.
        var invoices = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { CustomerId = IxcSandboxData.MariaCustomerId, PageSize = 2 }).ToListAsync();

        Assert.Equal(4, invoices.Count);
        Assert.Equal(2, host.RequestsTo("fn_areceber").Count);
    }

    [Fact]
    public async Task A_listing_without_registros_is_an_empty_last_page()
    {
        await using var host = await StartAsync();

        var none = await host.Client.ListOpenInvoicesAsync(new InvoiceQuery { CustomerId = "424242" }).ToListAsync();

        Assert.Empty(none);
        Assert.Single(host.Sandbox.Requests);
        Assert.Null(await host.Client.GetCustomerAsync("424242"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/webservice/v1")]
    [InlineData("/webservice/v1/")]
    public async Task Base_url_is_normalised_whatever_the_tenant_types(string suffix)
    {
        await using var host = await StartAsync();
        var root = host.Sandbox.BaseUrl.GetLeftPart(UriPartial.Authority);
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = new Uri(root + suffix), UserId = host.Sandbox.UserId, Token = host.Sandbox.Token });

        await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId);

        Assert.Equal("/webservice/v1/cliente", Assert.Single(host.Sandbox.Requests).Path);
    }

    [Theory]
    [InlineData("https://ixc.example.com.br", "https://ixc.example.com.br/webservice/v1")]
    [InlineData("https://ixc.example.com.br/", "https://ixc.example.com.br/webservice/v1")]
    [InlineData("https://ixc.example.com.br/webservice/v1/", "https://ixc.example.com.br/webservice/v1")]
    [InlineData("https://ixc.example.com.br:8443/sistema", "https://ixc.example.com.br:8443/sistema/webservice/v1")]
    [InlineData(" http://10.0.0.5/webservice ", "http://10.0.0.5/webservice/v1")]
    public void NormalizeBaseAddress_maps_every_form_to_the_webservice_root(string input, string expected) =>
        Assert.Equal(new Uri(expected), IxcClientOptions.NormalizeBaseAddress(new Uri(input, UriKind.RelativeOrAbsolute)));

    [Theory]
    [InlineData("ixc.example.com.br")]
    [InlineData("ftp://ixc.example.com.br")]
    [InlineData("https://ixc.example.com.br/?x=1")]
    [InlineData("")]
    public void NormalizeBaseAddress_rejects_what_is_not_an_http_url(string input) =>
        Assert.Throws<ArgumentException>(() => IxcClientOptions.NormalizeBaseAddress(new Uri(input, UriKind.RelativeOrAbsolute)));

    [Fact]
    public void Invalid_options_are_refused_with_every_problem_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => new IxcClient(new IxcClientOptions { BaseAddress = new Uri("nope", UriKind.RelativeOrAbsolute), UserId = "abc" }));

        Assert.Contains("BaseAddress", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Token is required", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UserId must be the numeric id", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_id_colon_hash_token_is_accepted_without_user_id()
    {
        await using var host = await StartAsync();
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = host.Sandbox.BaseUrl, Token = $"{host.Sandbox.UserId}:{host.Sandbox.Token}" });

        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        Assert.Equal(host.ExpectedAuthorization, host.Sandbox.Requests[0].Header("Authorization"));
    }
}
