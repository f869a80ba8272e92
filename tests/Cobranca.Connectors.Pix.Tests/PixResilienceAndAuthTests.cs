using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.Pix;
using Microsoft.Extensions.Time.Testing;

namespace Cobranca.Connectors.Pix.Tests;

public sealed class PixResilienceAndAuthTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 10, 12, 0, 0, TimeSpan.Zero));
    private PixPspSandbox _sandbox = null!;

    public async Task InitializeAsync() =>
        _sandbox = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { TimeProvider = _time, TokenLifetime = TimeSpan.FromMinutes(10) });

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Token_is_cached_then_refreshed_before_it_expires()
    {
        using var client = new PixClient(TestKit.Options(_sandbox), timeProvider: _time);
        var txid = PixTxid.ForInvoice("TK", "1");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));

        await client.GetChargeAsync(txid);
        await client.GetChargeAsync(txid);
        Assert.Equal(1, _sandbox.TokensIssued);

        _time.Advance(TimeSpan.FromMinutes(8)); // 10 min token, 60 s margin: still fresh
        await client.GetChargeAsync(txid);
        Assert.Equal(1, _sandbox.TokensIssued);

        _time.Advance(TimeSpan.FromSeconds(61)); // inside the refresh margin, not yet expired at the PSP
        await client.GetChargeAsync(txid);
        Assert.Equal(2, _sandbox.TokensIssued);
        Assert.DoesNotContain(_sandbox.Requests, r => r.StatusCode == 401);
    }

    [Fact]
    public async Task Concurrent_first_calls_share_one_token_request()
    {
        using var client = new PixClient(TestKit.Options(_sandbox), timeProvider: _time);
        var txid = PixTxid.ForInvoice("TK", "2");
        _sandbox.InjectFault(PixSandboxFault.Latency(TimeSpan.FromMilliseconds(200), "POST", "/oauth/token"));

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Assert.ThrowsAsync<ConnectorNotFoundException>(() => client.GetChargeAsync(txid))));

        Assert.Equal(1, _sandbox.TokensIssued);
    }

    [Fact]
    public async Task A_revoked_token_is_replaced_once_and_the_call_succeeds()
    {
        using var client = new PixClient(TestKit.Options(_sandbox), timeProvider: _time);
        var txid = PixTxid.ForInvoice("TK", "3");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        _sandbox.RevokeTokens();

        var charge = await client.GetChargeAsync(txid);

        Assert.Equal(txid, charge.Txid);
        Assert.Equal(2, _sandbox.TokensIssued);
        Assert.Single(_sandbox.Requests, r => r.StatusCode == 401);
    }

    [Theory]
    [InlineData(PixAuthStyle.BasicForm)]
    [InlineData(PixAuthStyle.BasicJson)]
    [InlineData(PixAuthStyle.FormCredentials)]
    public async Task Every_token_request_style_authenticates(PixAuthStyle style)
    {
        var options = TestKit.Options(_sandbox);
        options.AuthStyle = style;
        options.Scopes = ["cob.read", "cob.write"];
        using var client = new PixClient(options, timeProvider: _time);

        await Assert.ThrowsAsync<ConnectorNotFoundException>(() => client.GetChargeAsync(PixTxid.NewRandom()));

        Assert.Equal(1, _sandbox.TokensIssued);
        var token = Assert.Single(_sandbox.Requests, r => r.Path == "/oauth/token");
        Assert.Equal(style == PixAuthStyle.FormCredentials ? null : "Basic", token.AuthorizationScheme);
    }

    [Fact]
    public async Task Wrong_secret_is_an_authentication_error_that_does_not_leak_the_secret()
    {
        var options = TestKit.Options(_sandbox);
        options.ClientSecret = "s3cr3t-value-XYZ";
        using var client = new PixClient(options, timeProvider: _time);

        var ex = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.GetChargeAsync(PixTxid.NewRandom()));

        Assert.Equal(401, ex.StatusCode);
        Assert.Equal("oauth.token", ex.Operation);
        Assert.DoesNotContain("s3cr3t", ex.ToString());
        Assert.Single(_sandbox.Requests); // authentication errors are not retried
    }

    [Fact]
    public async Task Get_honours_429_Retry_After()
    {
        using var client = new PixClient(TestKit.Options(_sandbox), timeProvider: _time);
        var txid = PixTxid.ForInvoice("RL", "1");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        _sandbox.ClearRequests();
        _sandbox.InjectFault(PixSandboxFault.TooManyRequests(TimeSpan.FromSeconds(3), "GET", "/cob/"));

        var call = client.GetChargeAsync(txid);
        // Time only moves when the test moves it: the retry cannot happen before 3 s of (fake) time.
        // Advance only until the retry reaches the PSP, so attempt timeouts (also on fake time) never fire.
        while (!call.IsCompleted && _sandbox.Requests.Count(r => r.Method == "GET") < 2
               && _time.GetUtcNow() < new DateTimeOffset(2026, 3, 10, 12, 1, 0, TimeSpan.Zero))
        {
            await Task.Delay(5);
            _time.Advance(TimeSpan.FromMilliseconds(250));
        }

        var charge = await TestKit.Within(call);
        Assert.Equal(txid, charge.Txid);
        var gets = _sandbox.Requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal([429, 200], gets.Select(r => r.StatusCode));
        Assert.True(gets[1].ReceivedAt - gets[0].ReceivedAt >= TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Retry_After_longer_than_allowed_fails_fast_with_the_wait()
    {
        var options = TestKit.Options(_sandbox);
        options.Resilience.MaxRetryAfter = TimeSpan.FromSeconds(5);
        using var client = new PixClient(options, timeProvider: _time);
        _sandbox.InjectFault(PixSandboxFault.TooManyRequests(TimeSpan.FromSeconds(120), "GET", "/cob/"));

        var ex = await Assert.ThrowsAsync<ConnectorRateLimitedException>(() => client.GetChargeAsync(PixTxid.NewRandom()));

        Assert.Equal(TimeSpan.FromSeconds(120), ex.RetryAfter);
    }

    [Fact]
    public async Task Post_cob_is_not_retried_on_5xx()
    {
        using var client = new PixClient(TestKit.Options(_sandbox));
        _sandbox.InjectFault(PixSandboxFault.ServerError(503, "POST", "/cob"));

        var ex = await Assert.ThrowsAsync<ConnectorApiException>(() => client.CreateChargeAsync(TestKit.Cob(_sandbox)));

        Assert.Equal(503, ex.StatusCode);
        Assert.Equal("ServicoIndisponivel", ex.ProviderErrorCode);
        Assert.Single(_sandbox.Requests, r => r.Method == "POST" && r.Path == "/v2/cob");
    }

    [Fact]
    public async Task Put_cob_with_txid_is_retried_on_5xx_and_creates_one_charge()
    {
        using var client = new PixClient(TestKit.Options(_sandbox));
        var txid = PixTxid.ForInvoice("RT", "1");
        _sandbox.InjectFault(PixSandboxFault.ServerError(500, "PUT", "/cob/", times: 2));

        var charge = await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));

        Assert.Equal(PixChargeStatus.Active, charge.Status);
        Assert.Equal([500, 500, 201], _sandbox.Requests.Where(r => r.Method == "PUT").Select(r => r.StatusCode));
    }

    [Fact]
    public async Task Refund_is_not_retried_on_5xx()
    {
        using var client = new PixClient(TestKit.Options(_sandbox));
        var txid = PixTxid.ForInvoice("RT", "2");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        var paid = await _sandbox.PayAsync(txid);
        _sandbox.InjectFault(PixSandboxFault.ServerError(502, "PUT", "/devolucao/"));

        await Assert.ThrowsAsync<ConnectorApiException>(() => client.RefundAsync(paid.EndToEndId, "d1", new PixRefundRequest { Amount = 1m }));

        Assert.Single(_sandbox.Requests, r => r.Path.Contains("/devolucao/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dropped_connection_on_a_get_is_retried_and_on_post_is_a_transport_error()
    {
        using var client = new PixClient(TestKit.Options(_sandbox));
        var txid = PixTxid.ForInvoice("RT", "3");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        _sandbox.InjectFault(PixSandboxFault.ConnectionReset("GET", "/cob/"));
        Assert.Equal(txid, (await client.GetChargeAsync(txid)).Txid);

        _sandbox.InjectFault(PixSandboxFault.ConnectionReset("POST", "/cob"));
        await Assert.ThrowsAsync<ConnectorTransportException>(() => client.CreateChargeAsync(TestKit.Cob(_sandbox)));
        Assert.Single(_sandbox.Requests, r => r.Method == "POST" && r.Path == "/v2/cob");
    }

    [Fact]
    public async Task Caller_cancellation_surfaces_as_OperationCanceledException()
    {
        using var client = new PixClient(TestKit.Options(_sandbox));
        var txid = PixTxid.ForInvoice("CX", "1");
        await client.CreateChargeAsync(txid, TestKit.Cob(_sandbox));
        _sandbox.InjectFault(PixSandboxFault.Latency(TimeSpan.FromSeconds(30), "GET", "/cob/"));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var ex = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetChargeAsync(txid, cts.Token));
        Assert.Equal(cts.Token, ex.CancellationToken);

        using var already = new CancellationTokenSource();
        await already.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.CreateChargeAsync(TestKit.Cob(_sandbox), already.Token));
    }

    [Fact]
    public async Task Attempt_timeout_is_a_transport_error_not_a_cancellation()
    {
        var options = TestKit.Options(_sandbox);
        options.Resilience.AttemptTimeout = TimeSpan.FromMilliseconds(300);
        options.Resilience.MaxRetryAttempts = 0;
        using var client = new PixClient(options);
        await client.GetChargeAsync(PixTxid.NewRandom()).ContinueWith(_ => { }); // warm the token
        _sandbox.InjectFault(PixSandboxFault.Latency(TimeSpan.FromSeconds(10), "GET", "/cob/"));

        var ex = await Assert.ThrowsAsync<ConnectorTransportException>(() => client.GetChargeAsync(PixTxid.NewRandom()));

        Assert.Contains("timed out", ex.Message);
    }
}
