using System.Security.Cryptography;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.Ixc;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.Ixc;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Cli.Demo;

/// <summary>
/// Everything over the wire: the real <see cref="IxcClient"/> against the IXC sandbox (billing and contract
/// block/unblock), and the real <see cref="MikroTikAccessController"/> (PPP secret strategy) against the RouterOS API
/// emulator. The Pix PSP sandbox is started by the payment step.
/// </summary>
public sealed class SimulatorsBackend : IDemoBackend
{
    /// <inheritdoc />
    public string Name => "simulators";

    /// <inheritdoc />
    public string Description => "IXC sandbox (HTTP) + RouterOS API emulator (TCP) + Pix PSP sandbox (HTTP), all on 127.0.0.1";

    /// <inheritdoc />
    public async Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        var ixc = await IxcSandbox.StartAsync(new IxcSandboxOptions { Data = data, TimeProvider = timeProvider }, cancellationToken);
        var routerPassword = RandomNumberGenerator.GetHexString(16); // throwaway: the emulator lives as long as this process
        var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = routerPassword }, cancellationToken);
        try
        {
            // The router starts in sync with the ERP: a PPPoE secret per contract, disabled when the ERP says blocked,
            // and a live session for every enabled one.
            var status = data.Contracts.ToDictionary(c => c.Id, c => c.Access.Status, StringComparer.Ordinal);
            foreach (var connection in data.Connections)
            {
                var blocked = status.TryGetValue(connection.ContractId, out var s) && s == AccessStatus.Blocked;
                router.PppSecrets.Add(new Dictionary<string, string>
                {
                    ["name"] = connection.Login,
                    ["password"] = connection.Password,
                    ["service"] = "pppoe",
                    ["profile"] = "default",
                    ["remote-address"] = connection.IpAddress.ToString(),
                    ["disabled"] = blocked ? "true" : "false",
                });
                if (!blocked)
                {
                    router.PppActive.Add(new Dictionary<string, string>
                    {
                        ["name"] = connection.Login,
                        ["service"] = "pppoe",
                        ["address"] = connection.IpAddress.ToString(),
                        ["caller-id"] = connection.MacAddress,
                    });
                }
            }

            var client = new IxcClient(new IxcClientOptions { BaseAddress = ixc.BaseUrl, UserId = ixc.UserId, Token = ixc.Token },
                timeProvider: timeProvider);
            var mikrotik = new MikroTikAccessController(new MikroTikAccessControllerOptions
            {
                Host = router.Host,
                Port = router.Port,
                User = router.Options.User,
                Password = routerPassword,
                Strategy = MikroTikAccessStrategy.PppSecretDisable,
            });
            var erp = client.AsAccessController();
            var logins = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
            return new DemoSession(client.AsBillingSystem(), mikrotik, async () =>
            {
                await mikrotik.DisposeAsync();
                client.Dispose();
                await router.DisposeAsync();
                await ixc.DisposeAsync();
            })
            {
                Controllers = [erp, mikrotik],
                RecordPaymentInErp = (invoice, _) =>
                {
                    ixc.PayInvoice(invoice.Id);
                    return Task.CompletedTask;
                },
                SubscriberOf = c => logins.TryGetValue(c.Id, out var n)
                    ? c.ToSubscriber() with { Login = n.Login, IpAddress = n.IpAddress, MacAddress = n.MacAddress }
                    : c.ToSubscriber(),
            };
        }
        catch
        {
            await router.DisposeAsync();
            await ixc.DisposeAsync();
            throw;
        }
    }
}
