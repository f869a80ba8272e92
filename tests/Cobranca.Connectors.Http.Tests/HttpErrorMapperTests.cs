using System.Net;
using System.Net.Http.Headers;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Http;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace Cobranca.Connectors.Http.Tests;

public sealed class HttpErrorMapperTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, typeof(ConnectorAuthenticationException))]
    [InlineData(HttpStatusCode.Forbidden, typeof(ConnectorAuthenticationException))]
    [InlineData(HttpStatusCode.NotFound, typeof(ConnectorNotFoundException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(ConnectorRateLimitedException))]
    [InlineData(HttpStatusCode.BadRequest, typeof(ConnectorValidationException))]
    [InlineData(HttpStatusCode.UnprocessableEntity, typeof(ConnectorValidationException))]
    [InlineData(HttpStatusCode.InternalServerError, typeof(ConnectorApiException))]
    public void Status_maps_to_the_exception_a_caller_acts_on(HttpStatusCode status, Type expected)
    {
        var ex = HttpErrorMapper.FromStatus("ixc", "cliente.listar", status, "{}");
        Assert.IsType(expected, ex);
        Assert.Equal((int)status, ex.StatusCode);
        Assert.Equal("ixc", ex.Provider);
        Assert.Equal("cliente.listar", ex.Operation);
        Assert.Contains("ixc cliente.listar failed: HTTP " + (int)status, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rate_limit_carries_retry_after()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(30));
        var ex = Assert.IsType<ConnectorRateLimitedException>(HttpErrorMapper.FromStatus("pix", "cob.get", response.StatusCode, null, response.Headers));
        Assert.Equal(TimeSpan.FromSeconds(30), ex.RetryAfter);
    }

    [Fact]
    public void Body_with_personal_data_and_secrets_is_redacted()
    {
        const string body = "{\"cnpj_cpf\":\"123.456.789-09\",\"token\":\"abc123secret\",\"senha\":\"hunter2\",\"fone\":\"(79) 99876-5432\"}";
        var ex = HttpErrorMapper.FromStatus("ixc", "cliente.listar", HttpStatusCode.InternalServerError, body, detail: "cpf 12345678909 token=abc123secret");
        foreach (var secret in new[] { "123.456.789-09", "12345678909", "abc123secret", "hunter2", "99876-5432" })
        {
            Assert.DoesNotContain(secret, ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.RawBody!, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, ex.ToString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Caller_cancellation_is_not_wrapped()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Null(HttpErrorMapper.FromException("ixc", "op", new OperationCanceledException(cts.Token), cts.Token));
    }

    [Fact]
    public void Transport_failures_map_to_transport_exceptions()
    {
        Assert.IsType<ConnectorTransportException>(HttpErrorMapper.FromException("ixc", "op", new HttpRequestException("x"), default));
        Assert.IsType<ConnectorTransportException>(HttpErrorMapper.FromException("ixc", "op", new TimeoutRejectedException(), default));
        var open = HttpErrorMapper.FromException("ixc", "op", new BrokenCircuitException(), default);
        Assert.True(Assert.IsType<ConnectorTransportException>(open).RequestNotSent);
        Assert.IsType<ConnectorTransportException>(HttpErrorMapper.FromException("ixc", "op", new System.Text.Json.JsonException(), default));
    }

    [Fact]
    public void A_reply_cut_off_is_not_described_as_failing_to_reach_the_server()
    {
        var cut = new HttpRequestException("Error while copying content to a stream.", new IOException("reset"));
        var ended = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        var answered = new HttpRequestException("copy failed", new IOException("reset"), HttpStatusCode.OK);
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "refused");

        var messages = new[] { cut, ended, answered }.Select(e => HttpErrorMapper.FromException("ixc", "op", e, default)!.Message).ToList();

        Assert.All(messages, m => Assert.DoesNotContain("Unknown", m, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.DoesNotContain("failed to reach the server", m, StringComparison.Ordinal));
        Assert.Contains("before its reply was complete", messages[1], StringComparison.Ordinal);
        Assert.Contains("answered HTTP 200", messages[2], StringComparison.Ordinal);
        Assert.Contains("failed to reach the server: ConnectionError", HttpErrorMapper.FromException("ixc", "op", refused, default)!.Message, StringComparison.Ordinal);
    }
}
