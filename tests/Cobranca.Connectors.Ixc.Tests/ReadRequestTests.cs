using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>Exact requests of the single-record reads and the session kick.</summary>
public sealed class ReadRequestTests
{
    [Fact]
    public async Task Get_contract_reads_the_contract_then_its_logins()
    {
        await using var host = await StartAsync();

        var contract = await host.Client.GetContractAsync(IxcSandboxData.AnaContractId);

        Assert.Equal(["cliente_contrato", "radusuarios"], host.Sandbox.Requests.Select(r => r.Resource));
        Assert.Equal(Canonical(ListingBody("cliente_contrato.id", IxcSandboxData.AnaContractId)), Canonical(host.Sandbox.Requests[0].Body));
        Assert.Equal(Canonical(ListingBody("radusuarios.id_contrato", IxcSandboxData.AnaContractId)), Canonical(host.Sandbox.Requests[1].Body));
        Assert.All(host.Sandbox.Requests, r => Assert.Equal(host.ExpectedAuthorization, r.Header("Authorization")));
        Assert.NotNull(contract);
        Assert.Equal(IxcSandboxData.AnaCustomerId, contract.CustomerId);
        Assert.Equal("ana.ribeiro", contract.Login);
        Assert.Equal(new AccessState(AccessStatus.Blocked, "FA", null, "financeiro em atraso"), contract.Access);
        Assert.Equal("S", contract.Raw["desbloqueio_confianca"]);
        Assert.False(contract.Raw.ContainsKey("senha_rede_sem_fio"));
        Assert.Null(await host.Client.GetContractAsync(IxcSandboxData.MissingId));
    }

    [Fact]
    public async Task Get_invoice_reads_one_row_whatever_its_status()
    {
        await using var host = await StartAsync();

        var paid = await host.Client.GetInvoiceAsync(IxcSandboxData.MariaPaidInvoiceId);

        Assert.Equal(Canonical(ListingBody("fn_areceber.id", IxcSandboxData.MariaPaidInvoiceId)), Canonical(Assert.Single(host.Sandbox.Requests).Body));
        Assert.NotNull(paid);
        Assert.Equal(InvoiceStatus.Paid, paid.Status);
        Assert.Equal("R", paid.RawStatus);
        Assert.Equal(0m, paid.OpenAmount);
        Assert.Equal(IxcSandboxData.MariaContractId, paid.ContractId);
    }

    [Fact]
    public async Task Radius_users_by_contract_and_disconnect_send_the_documented_bodies()
    {
        await using var host = await StartAsync();

        var users = await host.Client.GetRadiusUsersByContractAsync(IxcSandboxData.MariaContractId);
        await host.Client.DisconnectSessionAsync(users[0].Id);

        Assert.Equal(Canonical(ListingBody("radusuarios.id_contrato", IxcSandboxData.MariaContractId)), Canonical(host.Sandbox.Requests[0].Body));
        var kick = host.Sandbox.Requests[1];
        Assert.Equal("/webservice/v1/desconectar_clientes", kick.Path);
        Assert.Equal("POST", kick.Method);
        Assert.Null(kick.Header("ixcsoft"));
        Assert.Equal(Canonical("""{"id":"4001"}"""), Canonical(kick.Body));
        var user = Assert.Single(users);
        Assert.Equal("100.64.12.34", user.IpAddress);
        Assert.Equal(IxcSandboxData.MariaCustomerId, user.CustomerId);
        Assert.Equal("N", host.Sandbox.GetRow("radusuarios", IxcSandboxData.MariaRadiusUserId)!["online"]);
    }

    [Theory]
    [InlineData(403, typeof(ConnectorAuthenticationException))]
    [InlineData(404, typeof(ConnectorNotFoundException))]
    [InlineData(400, typeof(ConnectorValidationException))]
    public async Task Http_error_statuses_map_to_the_exception_hierarchy_with_ixc_hints(int status, Type expected)
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(status), "cliente");

        var ex = await Assert.ThrowsAnyAsync<ConnectorApiException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal(status, ex.StatusCode);
        Assert.Equal("cliente.listar", ex.Operation);
        Assert.Contains(status switch { 403 => "migrated", 404 => "ixcsoft: listar", _ => "Basic" }, ex.Message, StringComparison.Ordinal);
        Assert.Single(host.Sandbox.Requests);
    }

    [Fact]
    public async Task Http_429_is_rate_limited_after_the_retries()
    {
        await using var host = await StartAsync(o => o.Resilience.MaxRetryAttempts = 1);
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(429), "get_pix", times: 5);

        await Assert.ThrowsAsync<ConnectorRateLimitedException>(() => host.Client.GetPixAsync(IxcSandboxData.MariaOverdueInvoiceId));
        Assert.Equal(2, host.RequestsTo("get_pix").Count); // 429 means "not processed": safe to repeat even for get_pix
    }
}
