using System.Text;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Testing.MkAuth;

namespace Cobranca.Connectors.MkAuth.Tests;

public sealed class TokenTests
{
    [Fact]
    public async Task Token_is_fetched_with_basic_credentials_and_sent_as_bearer()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);

        var token = Assert.Single(host.RequestsTo("token"));
        Assert.Equal("GET", token.Method);
        Assert.Equal("/api/", token.Path);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{host.Sandbox.ClientId}:{host.Sandbox.ClientSecret}")), token.Header("authorization"));
        var show = Assert.Single(host.RequestsTo("cliente/show"));
        Assert.Equal("/api/cliente/show/maria.silva", show.Path);
        Assert.StartsWith("Bearer eyJ", show.Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_wrapped_in_json_is_accepted()
    {
        await using var host = await MkAuthTestHost.StartAsync(sandbox: s => s.WrapToken = true);
        var row = await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(MkAuthSandboxData.MariaUuid, row!.Uuid);
        Assert.StartsWith("Bearer eyJ", host.RequestsTo("cliente/show")[0].Header("authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_is_reused_until_30_seconds_before_exp_then_refreshed_by_the_clock()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(1, host.Sandbox.TokensIssued);

        host.Time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(29)); // 31 s before exp: still good
        await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(1, host.Sandbox.TokensIssued);

        host.Time.Advance(TimeSpan.FromSeconds(2)); // 29 s before exp: refresh early, before the server would refuse it
        await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);
        Assert.Equal(2, host.Sandbox.TokensIssued);
        Assert.Equal(2, host.Client.TokenFetches);
        Assert.Equal(3, host.RequestsTo("cliente/show").Count); // no 401 on the way
        Assert.DoesNotContain(host.Sandbox.Requests, r => r.Route == "cliente/show" && r.Header("authorization") == host.RequestsTo("cliente/show")[2].Header("authorization") && r != host.RequestsTo("cliente/show")[2]);
    }

    [Fact]
    public async Task An_expired_token_the_server_refuses_is_replaced_once()
    {
        await using var host = await MkAuthTestHost.StartAsync(configure: o => o.TokenRefreshMargin = TimeSpan.Zero);
        await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);
        host.Sandbox.RevokeTokens(); // the server no longer accepts it (restart, clock skew)

        var row = await host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);

        Assert.NotNull(row);
        Assert.Equal(2, host.Sandbox.TokensIssued);
        Assert.Equal(3, host.RequestsTo("cliente/show").Count); // ok, 401, ok with the new token
    }

    [Fact]
    public async Task A_401_after_a_fresh_token_is_an_authentication_error_not_a_loop()
    {
        await using var host = await MkAuthTestHost.StartAsync();
        host.Sandbox.InjectFault(MkAuthSandboxFault.HttpStatus(401), "cliente/show", times: 5);

        var error = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));

        Assert.Equal(2, host.RequestsTo("cliente/show").Count);
        Assert.Equal(2, host.Sandbox.TokensIssued);
        Assert.Contains("permission", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_concurrent_burst_shares_one_token_fetch()
    {
        await using var host = await MkAuthTestHost.StartAsync(configure: o => o.Resilience.MaxConcurrentRequests = 32);
        host.Sandbox.InjectFault(MkAuthSandboxFault.Latency(TimeSpan.FromMilliseconds(150)), "token");

        var calls = Enumerable.Range(0, 24).Select(_ => host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin)).ToList();
        var rows = await Task.WhenAll(calls);

        Assert.All(rows, r => Assert.Equal(MkAuthSandboxData.MariaUuid, r!.Uuid));
        Assert.Single(host.RequestsTo("token"));
        Assert.Equal(1, host.Sandbox.TokensIssued);
        Assert.Equal(24, host.RequestsTo("cliente/show").Count);
    }

    [Fact]
    public async Task Wrong_credentials_fail_with_an_authentication_error_that_never_shows_the_secret()
    {
        await using var host = await MkAuthTestHost.StartAsync(configure: o => o.ClientSecret = "wrong-secret-value-123");
        var error = await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => host.Client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));
        Assert.Equal("token", error.Operation);
        Assert.Equal(401, error.StatusCode);
        Assert.DoesNotContain("wrong-secret-value-123", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(host.RequestsTo("cliente/show"));
    }

    [Fact]
    public async Task Rotating_the_credential_discards_the_cached_token()
    {
        await using var box = await MkAuthSandbox.StartAsync(new MkAuthSandboxOptions { GeneratedCustomers = 0 });
        var options = MkAuthTestHost.Connect(box);
        var credential = new ConnectorCredential(box.ClientId, box.ClientSecret);
        options.Credential = credential;
        using var client = new MkAuthClient(options);
        await client.GetCustomerAsync(MkAuthSandboxData.MariaLogin);

        credential.Update(box.ClientId, "rotated-but-wrong");
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));

        credential.Update(box.ClientId, box.ClientSecret);
        Assert.NotNull(await client.GetCustomerAsync(MkAuthSandboxData.MariaLogin));
        // The wrong secret forced a fetch (refused); back to the old pair, its still-valid token is used again.
        Assert.Equal(2, box.Requests.Count(r => r.Route == "token"));
        Assert.Equal("***", credential.Secret.ToString());
        Assert.Equal(box.ClientId, credential.ToString());
    }
}
