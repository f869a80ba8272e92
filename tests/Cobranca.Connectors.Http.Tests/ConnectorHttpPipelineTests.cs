using System.Net;
using System.Net.Http.Headers;
using Cobranca.Connectors.Http;
using Cobranca.Connectors.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Http.Tests;

public sealed class ConnectorHttpPipelineTests
{
    private static readonly ConnectorResilienceOptions Fast = new() { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 3 };

    private static HttpClient Client(StubHandler stub, ConnectorResilienceOptions? options = null, TimeProvider? time = null) =>
        ConnectorHttpClientFactory.Create(new Uri("http://127.0.0.1:1/"), options ?? Fast, time, stub);

    private static HttpRequestMessage Post(bool retryable) =>
        new HttpRequestMessage(HttpMethod.Post, "webservice/v1/cliente").MarkRetryable(retryable);

    [Fact]
    public async Task Retryable_read_is_repeated_on_504_until_it_succeeds()
    {
        var stub = new StubHandler().Then(HttpStatusCode.GatewayTimeout).Then(HttpStatusCode.GatewayTimeout).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Retryable_read_is_repeated_after_a_connection_failure()
    {
        var stub = new StubHandler().ThenThrow(new HttpRequestException("reset")).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    public async Task Unmarked_write_is_never_repeated(HttpStatusCode status)
    {
        var stub = new StubHandler().Then(status).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.SendAsync(Post(retryable: false));
        Assert.Equal(status, response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Unmarked_write_is_not_repeated_after_a_connection_failure()
    {
        var stub = new StubHandler().ThenThrow(new HttpRequestException("reset")).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        await Assert.ThrowsAsync<HttpRequestException>(() => client.SendAsync(Post(retryable: false)));
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Get_without_the_flag_is_not_retried_either_the_decision_is_per_operation()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadGateway).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.GetAsync(new Uri("x", UriKind.Relative));
        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Client_errors_are_not_retried()
    {
        var stub = new StubHandler().Then(HttpStatusCode.BadRequest).Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Retries_stop_after_the_configured_attempts()
    {
        var stub = new StubHandler();
        for (var i = 0; i < 10; i++) stub.Then(HttpStatusCode.GatewayTimeout);
        using var client = Client(stub, new ConnectorResilienceOptions { RetryBaseDelay = TimeSpan.Zero, MaxRetryAttempts = 2 });
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.GatewayTimeout, response.StatusCode);
        Assert.Equal(3, stub.Requests.Count);
    }

    [Fact]
    public async Task Rate_limited_write_waits_for_retry_after_then_repeats()
    {
        var time = new TimerWatchingClock(DateTimeOffset.Parse("2026-01-10T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture), TimeSpan.FromSeconds(5));
        var stub = new StubHandler()
            .Then(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)))
            .Then(HttpStatusCode.OK);
        using var client = Client(stub, new ConnectorResilienceOptions { RetryBaseDelay = TimeSpan.Zero }, time);

        var call = client.SendAsync(Post(retryable: false));
        await WaitUntil(() => stub.Requests.Count == 1);
        // Move the clock only once the pipeline waits on it (an advance before the timer exists would be lost).
        await time.TimerDue.Task.WaitAsync(TimeSpan.FromSeconds(30));
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(50);
        Assert.Single(stub.Requests); // still waiting: Retry-After is 5 s
        time.Advance(TimeSpan.FromSeconds(1));
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public async Task Retry_after_longer_than_the_cap_fails_fast()
    {
        var stub = new StubHandler()
            .Then(HttpStatusCode.TooManyRequests, r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1)))
            .Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Single(stub.Requests);
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_operation_canceled()
    {
        var stub = new StubHandler().Then(HttpStatusCode.OK);
        using var client = Client(stub);
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.SendAsync(Post(retryable: true), cts.Token));
        Assert.Empty(stub.Requests);
    }

    [Fact]
    public async Task Di_registration_builds_the_same_pipeline_per_named_client()
    {
        var stub = new StubHandler().Then(HttpStatusCode.GatewayTimeout).Then(HttpStatusCode.OK);
        var services = new ServiceCollection();
        services.AddHttpClient("tenant-a", c => c.BaseAddress = new Uri("http://127.0.0.1:1/"))
            .ConfigurePrimaryHttpMessageHandler(() => stub)
            .AddConnectorResilience(_ => Fast);
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IHttpClientFactory>().CreateClient("tenant-a");
        using var response = await client.SendAsync(Post(retryable: true));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, stub.Requests.Count);
    }

    [Fact]
    public void Invalid_options_are_rejected_with_every_problem_named()
    {
        var options = new ConnectorResilienceOptions { MaxRetryAttempts = -1, AttemptTimeout = TimeSpan.FromSeconds(30), TotalTimeout = TimeSpan.FromSeconds(5) };
        var ex = Assert.Throws<ArgumentException>(() => ConnectorHttpPipeline.Build(options));
        Assert.Contains("MaxRetryAttempts", ex.Message, StringComparison.Ordinal);
        Assert.Contains("TotalTimeout", ex.Message, StringComparison.Ordinal);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition());
    }
}
