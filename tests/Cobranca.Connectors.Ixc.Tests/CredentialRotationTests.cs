using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.Testing.Ixc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.Ixc.Tests;

/// <summary>The ISP rotates the webservice token: the running client uses the new one on its next request, no restart.</summary>
public sealed class CredentialRotationTests
{
    [Fact]
    public async Task A_rotated_token_is_used_on_the_next_request_by_the_same_client()
    {
        var server = new IxcSandboxOptions { GeneratedCustomers = 0 };
        await using var sandbox = await IxcSandbox.StartAsync(server);
        var credential = new ConnectorCredential(sandbox.UserId, sandbox.Token);
        using var client = new IxcClient(new IxcClientOptions { BaseAddress = sandbox.BaseUrl, Credential = credential });
        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));

        server.Token = "rotated-" + Guid.NewGuid().ToString("N"); // the ISP issues a new token; the old one stops working
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        credential.Update(sandbox.UserId, server.Token);

        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
        var sent = sandbox.Requests[^1].Header("Authorization");
        Assert.Equal("Basic " + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{sandbox.UserId}:{server.Token}")), sent);
    }

    [Fact]
    public async Task A_configuration_reload_rotates_the_keyed_clients_token_in_place()
    {
        var server = new IxcSandboxOptions { GeneratedCustomers = 0 };
        await using var sandbox = await IxcSandbox.StartAsync(server);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:Ixc:isp-a:BaseAddress"] = sandbox.BaseUrl.ToString(),
            ["Cobranca:Ixc:isp-a:UserId"] = sandbox.UserId,
            ["Cobranca:Ixc:isp-a:Token"] = sandbox.Token,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddIxcClient("isp-a");
        await using var provider = services.BuildServiceProvider();
        var billing = provider.GetRequiredKeyedService<IBillingSystem>("isp-a");
        Assert.NotEmpty(await billing.FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.MariaCustomerId)));

        server.Token = "rotated-" + Guid.NewGuid().ToString("N");
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => billing.FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.MariaCustomerId)));
        configuration["Cobranca:Ixc:isp-a:Token"] = server.Token;
        configuration.Reload();

        Assert.Same(billing, provider.GetRequiredKeyedService<IBillingSystem>("isp-a"));
        Assert.NotEmpty(await billing.FindCustomersAsync(CustomerLookup.ById(IxcSandboxData.MariaCustomerId)));
    }

    [Fact]
    public async Task The_client_keeps_its_copy_of_the_options_but_shares_the_credential()
    {
        await using var sandbox = await IxcSandbox.StartAsync(new IxcSandboxOptions { GeneratedCustomers = 0 });
        var options = new IxcClientOptions { BaseAddress = sandbox.BaseUrl, UserId = sandbox.UserId, Token = sandbox.Token };
        using var client = new IxcClient(options);

        options.BaseAddress = new Uri("https://elsewhere.invalid"); // later changes to the options object do not reach the client
        options.Token = "changed";

        Assert.NotNull(await client.GetCustomerAsync(IxcSandboxData.MariaCustomerId));
    }

    [Fact]
    public void Options_and_credentials_never_print_the_token()
    {
        var options = new IxcClientOptions { UserId = "102", Token = "c46-secret-token", Credential = new ConnectorCredential("102", "c46-secret-token") };
        Assert.DoesNotContain("c46-secret", options.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("c46-secret", options.Credential.ToString(), StringComparison.Ordinal);
    }
}
