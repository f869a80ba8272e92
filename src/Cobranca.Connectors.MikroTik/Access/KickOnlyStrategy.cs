using System.Net.Sockets;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// RADIUS-managed routers: every change is a kick of the PPP session (<c>/ppp/active/remove</c>) so that RADIUS applies
/// the billing system's state at reconnect. Nothing else on the router is touched.
/// </summary>
internal sealed class KickOnlyStrategy : AccessStrategy
{
    public KickOnlyStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities => AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.Throttle |
                                                       AccessCapabilities.Bulk | AccessCapabilities.KickSession;

    /// <summary>Session key: <c>name:&lt;login&gt;</c> or <c>address:&lt;ip&gt;</c>.</summary>
    private static string? Key(Subscriber s) =>
        s.Login is { } login ? "name:" + login
        : s.IpAddress is { AddressFamily: AddressFamily.InterNetwork } ip ? "address:" + ip
        : null;

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, Key, "the PPP login or the IPv4 address");
        string[] proplist = [".id", "name", "address"];
        var names = byKey.Keys.Where(k => k.StartsWith("name:", StringComparison.Ordinal)).Select(k => k[5..]).ToList();
        var addresses = byKey.Keys.Where(k => k.StartsWith("address:", StringComparison.Ordinal)).Select(k => k[8..]).ToList();
        var byName = ReadAsync(connection, "/ppp/active", proplist, [], "name", names, cancellationToken);
        var byAddress = ReadAsync(connection, "/ppp/active", proplist, [], "address", addresses, cancellationToken);
        var sessions = Index(await byName.ConfigureAwait(false), "name").ToDictionary(kv => "name:" + kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (address, rows) in Index(await byAddress.ConfigureAwait(false), "address")) sessions["address:" + address] = rows;

        var kicks = new List<(PlannedItem, string)>();
        foreach (var (key, item) in byKey)
        {
            if (sessions.TryGetValue(key, out var live)) kicks.AddRange(live.Select(s => (item, s[".id"])));
            else item.Decide(BatchItemOutcome.AlreadyInState, note: "no active session to kick");
        }
        return [Kicks(kicks).ToList()];
    }

    public override Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken) =>
        throw new NotSupportedException("A kick-only (RADIUS-managed) router does not hold the access state; ask the billing system.");

    public override AccessState StateAfter(AccessCommand command) => StateAfter(command, kicked: true);

    public override AccessState StateAfter(AccessCommand command, bool kicked) =>
        new(AccessStatus.Unknown, Detail: kicked
            ? "session kicked; the billing system (RADIUS) applies the state at reconnect"
            : "no active session, nothing kicked; the billing system (RADIUS) applies the state at the next login");
}
