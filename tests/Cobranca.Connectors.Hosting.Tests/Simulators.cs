using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.Pix;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Connectors.Hosting.Tests;

/// <summary>The IXC sandbox, the Pix PSP sandbox and the RouterOS emulator, and the configuration pointing at them.</summary>
internal sealed class Simulators : IAsyncDisposable
{
    public const string RouterPassword = "router-secret";

    private Simulators(IxcSandbox ixc, PixPspSandbox psp, RouterOsEmulator router)
    {
        Ixc = ixc;
        Psp = psp;
        Router = router;
    }

    public IxcSandbox Ixc { get; }

    public PixPspSandbox Psp { get; }

    public RouterOsEmulator Router { get; }

    public static async Task<Simulators> StartAsync(TimeProvider? time = null)
    {
        var ixc = await IxcSandbox.StartAsync(new IxcSandboxOptions { TimeProvider = time ?? TimeProvider.System, GeneratedCustomers = 10 });
        var psp = await PixPspSandbox.StartAsync(new PixPspSandboxOptions { TimeProvider = time ?? TimeProvider.System });
        var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = RouterPassword });
        return new Simulators(ixc, psp, router);
    }

    /// <summary>A complete configuration for one tenant <c>isp</c> with IXC, MikroTik and Pix.</summary>
    public Dictionary<string, string?> Configuration(string store = "memory", string tenant = "isp") => new()
    {
        ["Cobranca:Store"] = store,
        [$"Cobranca:Tenants:{tenant}:Erp"] = "ixc",
        [$"Cobranca:Tenants:{tenant}:MikroTik"] = "true",
        [$"Cobranca:Tenants:{tenant}:Pix"] = "true",
        [$"Cobranca:Tenants:{tenant}:PixReconciliation:TxidPrefix"] = "ISP1",
        [$"Cobranca:Ixc:{tenant}:BaseAddress"] = Ixc.BaseUrl.ToString(),
        [$"Cobranca:Ixc:{tenant}:UserId"] = Ixc.UserId,
        [$"Cobranca:Ixc:{tenant}:Token"] = Ixc.Token,
        [$"Cobranca:MikroTik:{tenant}:Host"] = Router.Host,
        [$"Cobranca:MikroTik:{tenant}:Port"] = Router.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        [$"Cobranca:MikroTik:{tenant}:User"] = "admin",
        [$"Cobranca:MikroTik:{tenant}:Password"] = RouterPassword,
        [$"Cobranca:Pix:{tenant}:BaseAddress"] = Psp.BaseUrl.ToString(),
        [$"Cobranca:Pix:{tenant}:TokenUrl"] = Psp.TokenUrl.ToString(),
        [$"Cobranca:Pix:{tenant}:ClientId"] = Psp.ClientId,
        [$"Cobranca:Pix:{tenant}:ClientSecret"] = Psp.ClientSecret,
    };

    public async ValueTask DisposeAsync()
    {
        await Router.DisposeAsync();
        await Psp.DisposeAsync();
        await Ixc.DisposeAsync();
    }
}
