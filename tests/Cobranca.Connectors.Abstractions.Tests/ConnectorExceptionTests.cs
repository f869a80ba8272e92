using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.Abstractions.Tests;

public class ConnectorExceptionTests
{
    private const string Leaky = "cliente 529.982.247-25 token=abc123 fone (79) 99876-5432 Authorization: Bearer eyJabc.def.ghi";

    private static void AssertClean(string text)
    {
        Assert.DoesNotContain("982.247", text, StringComparison.Ordinal);
        Assert.DoesNotContain("abc123", text, StringComparison.Ordinal);
        Assert.DoesNotContain("99876", text, StringComparison.Ordinal);
        Assert.DoesNotContain("eyJabc", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_is_redacted_on_construction()
    {
        var ex = new ConnectorException("ixc", "cliente.listar", Leaky);
        AssertClean(ex.Message);
        Assert.Equal("ixc", ex.Provider);
        Assert.Equal("cliente.listar", ex.Operation);
    }

    [Fact]
    public void Long_messages_are_truncated()
    {
        var ex = new ConnectorTransportException("ixc", "cliente.listar", "<html>" + new string('x', 10_000) + "</html>");
        Assert.True(ex.Message.Length <= SensitiveData.DefaultMaxLength + 20);
        Assert.EndsWith("(truncated)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Api_exception_redacts_and_truncates_the_raw_body()
    {
        var body = "{\"cnpj_cpf\":\"529.982.247-25\",\"senha\":\"abc123\",\"fone\":\"(79) 99876-5432\"}" + new string(' ', 5000) + "END";
        var ex = new ConnectorApiException("ixc", "cliente.listar", "erro", 200, "X1", body);
        AssertClean(ex.RawBody!);
        Assert.DoesNotContain("END", ex.RawBody, StringComparison.Ordinal);
        Assert.EndsWith("(truncated)", ex.RawBody, StringComparison.Ordinal);
        Assert.Equal(200, ex.StatusCode);
        Assert.Equal("X1", ex.ProviderErrorCode);
        Assert.Contains("Body: {\"cnpj_cpf\":\"***\"", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_redacts_inner_exception_messages_too()
    {
        var inner = new HttpRequestException(Leaky);
        var ex = new ConnectorTransportException("ixc", "cliente.listar", "connection failed", inner);
        var text = ex.ToString();
        AssertClean(text);
        Assert.Contains("HttpRequestException", text, StringComparison.Ordinal);
        Assert.Contains("connection failed", text, StringComparison.Ordinal);
        Assert.Same(inner, ex.InnerException);
    }

    [Fact]
    public void Subtypes_keep_the_hierarchy_and_their_data()
    {
        var rate = new ConnectorRateLimitedException("pix:efi", "cob.criar", "slow down", TimeSpan.FromSeconds(30));
        Assert.IsAssignableFrom<ConnectorApiException>(rate);
        Assert.Equal(429, rate.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), rate.RetryAfter);

        var validation = new ConnectorValidationException("pix:efi", "cob.criar", "invalid",
            [new FieldViolation("devedor.cpf", "CPF 529.982.247-25 inválido", "529.982.247-25")], 400);
        var violation = Assert.Single(validation.Violations);
        Assert.Equal("devedor.cpf", violation.Field);
        AssertClean(violation.Reason);
        AssertClean(violation.Value!);
        Assert.DoesNotContain("52998224725", (violation with { Value = "52998224725" }).Value, StringComparison.Ordinal);

        Assert.IsAssignableFrom<ConnectorApiException>(new ConnectorAuthenticationException("ixc", "op", "denied", 401));
        Assert.IsAssignableFrom<ConnectorApiException>(new ConnectorNotFoundException("ixc", "op", "missing", 404));
        Assert.True(new ConnectorTransportException("ixc", "op", "refused") { RequestNotSent = true }.RequestNotSent);
    }
}
