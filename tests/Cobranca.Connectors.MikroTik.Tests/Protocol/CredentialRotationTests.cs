using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cobranca.Connectors.MikroTik.Tests.Protocol;

/// <summary>The router's API password changes: the next login uses the new one, with the same client.</summary>
public sealed class CredentialRotationTests
{
    [Fact]
    public async Task A_rotated_password_is_used_at_the_next_login_by_the_same_client()
    {
        await using var router = await Routers.StartAsync();
        var credential = new ConnectorCredential("admin", "old-password");
        var options = Routers.Options(router);
        options.Credential = credential;
        await using var client = new RouterOsClient(options);

        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.ConnectAsync());
        credential.Update("admin", Routers.Password);
        await client.ConnectAsync();

        Assert.True(client.IsConnected);
    }

    [Fact]
    public async Task A_configuration_reload_rotates_the_registered_routers_password()
    {
        await using var router = await Routers.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cobranca:MikroTik:pop:Host"] = router.Host,
            ["Cobranca:MikroTik:pop:Port"] = router.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Cobranca:MikroTik:pop:User"] = "admin",
            ["Cobranca:MikroTik:pop:Password"] = "old-password",
            ["Cobranca:MikroTik:pop:ConnectRetries"] = "0",
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddMikroTikClient("pop");
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredKeyedService<IRouterOsClient>("pop");
        await Assert.ThrowsAsync<ConnectorAuthenticationException>(() => client.ConnectAsync());

        configuration["Cobranca:MikroTik:pop:Password"] = Routers.Password;
        configuration.Reload();
        await client.ConnectAsync();

        Assert.True(client.IsConnected);
        Assert.Same(client, provider.GetRequiredKeyedService<IRouterOsClient>("pop"));
    }
}
