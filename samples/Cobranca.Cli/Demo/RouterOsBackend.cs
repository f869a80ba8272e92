using System.Security.Cryptography;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik;
using Cobranca.Connectors.Testing;
using Cobranca.Connectors.Testing.RouterOs;

namespace Cobranca.Cli.Demo;

/// <summary>
/// The ERP fake for customers and invoices, and a real <see cref="MikroTikAccessController"/> (address-list strategy)
/// talking the RouterOS API over TCP to the embedded <see cref="RouterOsEmulator"/>.
/// </summary>
public sealed class RouterOsBackend : IDemoBackend
{
    /// <inheritdoc />
    public string Name => "routeros";

    /// <inheritdoc />
    public string Description => "in-memory ERP + MikroTik access controller (address-list) on the embedded RouterOS emulator";

    /// <inheritdoc />
    public async Task<DemoSession> StartAsync(IspDataSet data, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(data);
        // A throwaway password for a loopback emulator that lives as long as this process.
        var password = RandomNumberGenerator.GetHexString(16);
        var router = await RouterOsEmulator.StartAsync(new RouterOsEmulatorOptions { Password = password });
        try
        {
            var options = new MikroTikAccessControllerOptions
            {
                Host = router.Host,
                Port = router.Port,
                User = router.Options.User,
                Password = password,
                Strategy = MikroTikAccessStrategy.AddressList,
            };
            // The router starts in sync with the ERP: contracts it reports blocked are in the block list.
            var ips = data.Connections.ToDictionary(c => c.ContractId, c => c.IpAddress.ToString(), StringComparer.Ordinal);
            foreach (var contract in data.Contracts.Where(c => c.Access.Status == AccessStatus.Blocked))
            {
                router.AddressLists.Add(new Dictionary<string, string>
                {
                    ["list"] = options.AddressList,
                    ["address"] = ips[contract.Id],
                    ["comment"] = $"{options.CommentPrefix}:contract={contract.Id}",
                });
            }

            var controller = new MikroTikAccessController(options);
            var billing = new FakeBillingSystem(data, timeProvider);
            var connections = data.Connections.ToDictionary(c => c.ContractId, StringComparer.Ordinal);
            return new DemoSession(billing, controller, async () =>
            {
                await controller.DisposeAsync();
                await router.DisposeAsync();
            })
            {
                SubscriberOf = c => connections.TryGetValue(c.Id, out var n)
                    ? c.ToSubscriber() with { Login = n.Login, IpAddress = n.IpAddress, MacAddress = n.MacAddress }
                    : c.ToSubscriber(),
            };
        }
        catch
        {
            await router.DisposeAsync();
            throw;
        }
    }
}
