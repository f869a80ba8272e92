using System.Net;
using Cobranca.Connectors.Http;
using Microsoft.Extensions.Time.Testing;
using Polly.CircuitBreaker;

namespace Cobranca.Connectors.Http.Tests;

/// <summary>
/// The circuit breaker counts logical calls (it sits outside the retry), so transient failures the retries absorb do
/// not open it. Answers come from a seeded random source; the fake clock never moves, so the whole run is one sampling
/// window and an opened circuit would stay open (the worst case for the old order).
/// </summary>
public sealed class CircuitBreakerTests
{
    private static async Task<(int Succeeded, int Attempts)> ReadManyAsync(double failureRate, int calls, int seed)
    {
        var random = new Random(seed);
        var attempts = 0;
        var stub = new FuncHandler(_ =>
        {
            attempts++;
            return new HttpResponseMessage(random.NextDouble() < failureRate ? HttpStatusCode.GatewayTimeout : HttpStatusCode.OK);
        });
        var options = new ConnectorResilienceOptions { RetryBaseDelay = TimeSpan.Zero }; // default breaker and 3 retries
        using var client = ConnectorHttpClientFactory.Create(new Uri("http://127.0.0.1:1/"), options, new FakeTimeProvider(), stub);
        var succeeded = 0;
        for (var i = 0; i < calls; i++)
        {
            try
            {
                using var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "webservice/v1/cliente").MarkRetryable());
                if (response.IsSuccessStatusCode) succeeded++;
            }
            catch (BrokenCircuitException)
            {
                // counted as a failed logical call
            }
        }
        return (succeeded, attempts);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public async Task Thirty_percent_transient_failures_leave_at_least_95_percent_of_reads_successful(int seed)
    {
        var (succeeded, _) = await ReadManyAsync(0.30, 200, seed);
        Assert.True(succeeded >= 190, $"{succeeded} of 200 reads succeeded");
    }

    [Fact]
    public async Task Half_of_the_attempts_failing_does_not_open_the_circuit_when_retries_absorb_them()
    {
        // 50 % random 504s: a logical read fails only when all 4 attempts fail (6 %), far below the 50 % ratio.
        var (succeeded, _) = await ReadManyAsync(0.50, 60, seed: 7);
        Assert.True(succeeded >= 50, $"{succeeded} of 60 reads succeeded");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_still_opens_the_circuit()
    {
        var (succeeded, attempts) = await ReadManyAsync(1.0, 60, seed: 1);
        Assert.Equal(0, succeeded);
        Assert.True(attempts < 60 * 4, $"{attempts} attempts: the open circuit must stop calls from reaching the server");
    }

    private sealed class FuncHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(answer(request));
    }
}
