using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class ResilienceTests
{
    [Fact]
    public async Task Reads_are_repeated_on_504()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "cliente");

        var customer = await host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId);

        Assert.NotNull(customer);
        var attempts = host.RequestsTo("cliente");
        Assert.Equal(2, attempts.Count);
        Assert.Equal(attempts[0].Body, attempts[1].Body);
    }

    [Fact]
    public async Task Reads_give_up_after_the_configured_retries_with_the_last_status()
    {
        await using var host = await StartAsync(o => o.Resilience.MaxRetryAttempts = 2);
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "fn_areceber", times: 5);

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.GetInvoiceAsync(IxcSandboxData.MariaOverdueInvoiceId));

        Assert.Equal(504, ex.StatusCode);
        Assert.Equal(3, host.RequestsTo("fn_areceber").Count);
    }

    [Fact]
    public async Task Get_boleto_without_recalculation_is_a_read_and_is_retried()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "get_boleto");

        var pdf = await host.Client.GetBoletoPdfAsync(IxcSandboxData.MariaOverdueInvoiceId);

        Assert.True(pdf.AsSpan().StartsWith("%PDF"u8));
        Assert.Equal(2, host.RequestsTo("get_boleto").Count);
    }

    [Fact]
    public async Task A_reset_connection_on_a_read_is_retried()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.ConnectionReset(), "cliente_contrato");

        Assert.NotNull(await host.Client.GetContractAsync(IxcSandboxData.MariaContractId));
        Assert.Equal(2, host.RequestsTo("cliente_contrato").Count);
    }

    public static TheoryData<string, int> Writes => new()
    {
        { "get_pix", 504 }, { "desbloqueio_confianca", 504 }, { "cliente_contrato_15300", 504 }, { "cliente_contrato_15464", 504 },
        { "desconectar_clientes", 503 }, { "get_pix", 502 },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Writes_and_get_pix_are_never_repeated(string resource, int status)
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(status), resource, times: 3);

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => Call(host, resource));

        Assert.Equal(status, ex.StatusCode);
        Assert.Single(host.RequestsTo(resource));
        Assert.Equal(0, host.Sandbox.PixChargesCreated(IxcSandboxData.MariaUpcomingInvoiceId));
    }

    [Theory]
    [InlineData("get_pix")]
    [InlineData("desbloqueio_confianca")]
    [InlineData("cliente_contrato_15300")]
    [InlineData("cliente_contrato_15464")]
    public async Task A_write_whose_connection_resets_is_not_resent(string resource)
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.ConnectionReset(), resource, times: 3);

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => Call(host, resource));

        Assert.False(ex.RequestNotSent);
        Assert.Single(host.RequestsTo(resource));
    }

    private static Task Call(IxcTestHost host, string resource) => resource switch
    {
        "get_pix" => host.Client.GetPixAsync(IxcSandboxData.MariaUpcomingInvoiceId),
        "desbloqueio_confianca" => host.Client.RequestTrustUnlockAsync(IxcSandboxData.MariaContractId),
        "cliente_contrato_15300" => host.Client.BlockContractAsync(IxcSandboxData.JoaoContractId),
        "cliente_contrato_15464" => host.Client.UnblockContractAsync(IxcSandboxData.MariaContractId),
        "desconectar_clientes" => host.Client.DisconnectSessionAsync(IxcSandboxData.MariaRadiusUserId),
        _ => throw new ArgumentOutOfRangeException(nameof(resource)),
    };

    [Fact]
    public async Task Access_controller_does_not_resend_a_block_after_a_gateway_timeout()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HttpStatus(504), "cliente_contrato_15300", times: 3);

        var result = await host.Client.AsAccessController().ApplyAsync([AccessCommand.ToBlock(Subscriber.ForContract(IxcSandboxData.JoaoContractId))]);

        Assert.Equal(BatchItemOutcome.Failed, Assert.Single(result.Items).Outcome);
        Assert.Single(host.RequestsTo("cliente_contrato_15300"));
    }

    [Fact]
    public async Task An_attempt_that_takes_too_long_is_a_transport_timeout()
    {
        await using var host = await StartAsync(o =>
        {
            o.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(200);
            o.Resilience.TotalTimeout = TimeSpan.FromSeconds(2);
            o.Resilience.MaxRetryAttempts = 0;
        }, realClock: true);
        host.Sandbox.InjectFault(IxcSandboxFault.Latency(TimeSpan.FromSeconds(3)), "cliente");

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.Contains("timed out", ex.Message, StringComparison.Ordinal);
    }
}
