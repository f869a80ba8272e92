using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Ixc.Internal;
using Cobranca.Connectors.Testing.Ixc;
using static Cobranca.Connectors.Ixc.Tests.IxcTestHost;

namespace Cobranca.Connectors.Ixc.Tests;

public sealed class ErrorTests
{
    [Fact]
    public async Task Ip_not_allowed_has_its_own_authentication_exception_with_a_fix()
    {
        await using var host = await StartAsync();
        host.Sandbox.RejectCallerIp = true;

        var listing = await Assert.ThrowsAsync<IxcIpNotAllowedException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        var unlock = await Assert.ThrowsAsync<IxcIpNotAllowedException>(() => host.Client.RequestTrustUnlockAsync(IxcSandboxData.MariaContractId));
        var pix = await Assert.ThrowsAsync<IxcIpNotAllowedException>(() => host.Client.GetPixAsync(IxcSandboxData.MariaOverdueInvoiceId));

        Assert.IsAssignableFrom<ConnectorAuthenticationException>(listing);
        Assert.Equal(200, listing.StatusCode);
        Assert.Equal("ip-not-allowed", listing.ProviderErrorCode);
        Assert.Contains("Redes Permitidas", listing.Message, StringComparison.Ordinal);
        Assert.Contains("liberado", listing.RawBody, StringComparison.Ordinal);
        Assert.Equal("desbloqueio_confianca", unlock.Operation);
        Assert.Equal("get_pix", pix.Operation);
        Assert.Equal(3, host.Sandbox.Requests.Count); // never retried
    }

    [Fact]
    public async Task Wrong_token_is_a_401_authentication_error_that_never_shows_the_token()
    {
        await using var host = await StartAsync(o => o.Token = "0123456789abcdef-wrong");

        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("token", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("0123456789abcdef-wrong", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(host.Sandbox.Requests);
    }

    [Fact]
    public async Task Html_fragment_under_200_is_an_api_error_not_a_success()
    {
        await using var host = await StartAsync();
        host.Sandbox.InjectFault(IxcSandboxFault.HtmlError(), "cliente_contrato_15300");

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.BlockContractAsync(IxcSandboxData.JoaoContractId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("html-error", ex.ProviderErrorCode);
        Assert.Equal("A", host.Sandbox.GetRow("cliente_contrato", IxcSandboxData.JoaoContractId)!["status_internet"]);
    }

    [Fact]
    public async Task Error_object_under_200_on_a_write_is_an_api_error()
    {
        await using var host = await StartAsync();

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.BlockContractAsync(IxcSandboxData.MissingId));

        Assert.Equal(200, ex.StatusCode);
        Assert.Contains("Contrato não encontrado", ex.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ConnectorApiException>(() => host.Client.DisconnectSessionAsync(IxcSandboxData.MissingId));
    }

    [Fact]
    public async Task Malformed_json_is_a_transport_error_once_the_retries_are_spent()
    {
        await using var host = await StartAsync(); // 2 retries
        host.Sandbox.InjectFault(IxcSandboxFault.MalformedJson(), "cliente", times: 3);

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => host.Client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        Assert.Contains("malformed JSON", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, host.RequestsTo("cliente").Count);
    }

    [Theory]
    [InlineData("""{"type":"error","message":"Recurso fn_areceber não está disponível!"}""", typeof(ConnectorAuthenticationException), "resource-unavailable")]
    [InlineData("""{"tipo":"erro","mensagem":"Falha ao salvar","codigo":"55"}""", typeof(ConnectorApiException), "55")]
    [InlineData("""{"type":"error","message":"Seu IP não está liberado para efetuar login!"}""", typeof(IxcIpNotAllowedException), "ip-not-allowed")]
    [InlineData("""<div style="color:red">Seu IP não está liberado para efetuar login!</div>""", typeof(IxcIpNotAllowedException), "ip-not-allowed")]
    [InlineData("""<div style="x">Ocorreu um erro ao processar</div>""", typeof(ConnectorApiException), "html-error")]
    [InlineData("", typeof(ConnectorTransportException), null)]
    [InlineData("Token inválido", typeof(ConnectorTransportException), null)]
    [InlineData("""{"page":"1","registros":[]}""", typeof(ConnectorTransportException), null)]
    public void Listing_replies_are_classified_by_body_shape(string body, Type expected, string? code)
    {
        var ex = Assert.ThrowsAny<ConnectorException>(() => IxcReply.ParseListing("cliente.listar", Encoding.UTF8.GetBytes(body)));

        Assert.Equal(expected, ex.GetType());
        Assert.Equal("ixc", ex.Provider);
        Assert.Equal("cliente.listar", ex.Operation);
        if (code is not null) Assert.Equal(code, ((ConnectorApiException)ex).ProviderErrorCode);
    }

    [Fact]
    public void Listing_envelope_tolerates_numbers_as_strings_or_numbers_and_a_missing_registros()
    {
        Assert.Equal((3L, 0), Shape(IxcReply.ParseListing("x", """{"page":"1","total":"3"}"""u8.ToArray())));
        Assert.Equal((1L, 1), Shape(IxcReply.ParseListing("x", """{"page":1,"total":1,"registros":[{"id":"5"}]}"""u8.ToArray())));
        static (long, int) Shape(IxcPage p) => (p.Total, p.Rows.Count);
    }

    [Fact]
    public void Latin1_replies_and_a_utf8_bom_are_read_leniently()
    {
        var latin1 = Encoding.Latin1.GetBytes("""{"page":"1","total":"1","registros":[{"id":"5","razao":"JOÃO"}]}""");
        var withBom = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(" {\"page\":\"1\",\"total\":\"0\"}"u8.ToArray()).ToArray();

        Assert.Equal("JOÃO", IxcReply.ParseListing("x", latin1).Rows[0].Text("razao"));
        Assert.Equal(0, IxcReply.ParseListing("x", withBom).Total);
    }

    [Fact]
    public void Error_messages_are_redacted()
    {
        var ex = Assert.ThrowsAny<ConnectorException>(() =>
            IxcReply.ParseObject("cliente.listar", """{"type":"error","message":"CPF 123.456.789-09 duplicado, senha=abc123"}"""u8.ToArray()));

        Assert.DoesNotContain("123.456.789-09", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", ex.Message, StringComparison.Ordinal);
    }
}
