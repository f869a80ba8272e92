using System.Globalization;
using System.Net.Sockets;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>Block = the subscriber's IPv4 address is in the configured firewall address-list.</summary>
internal sealed class AddressListStrategy : AccessStrategy
{
    private const string Menu = "/ip/firewall/address-list";

    public AddressListStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities =>
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.Bulk;

    private static string? Key(Subscriber s) => s.IpAddress is { AddressFamily: AddressFamily.InterNetwork } ip ? ip.ToString() : null;

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, Key, "the subscriber's IPv4 address");
        var rows = await ReadAsync(connection, Menu, [".id", "address"], [("list", Options.AddressList)], "address", byKey.Keys, cancellationToken)
            .ConfigureAwait(false);
        var existing = Index(rows, "address");
        var steps = new List<BatchStep>();
        var removes = new List<(PlannedItem, string)>();
        foreach (var (address, item) in byKey)
        {
            var present = existing.TryGetValue(address, out var entries);
            if (item.Command.Kind == AccessCommandKind.Block)
            {
                if (present) item.Decide(BatchItemOutcome.AlreadyInState);
                else steps.Add(BatchStep.Single(item, AddCommand(address, item.Command), alreadyExistsIsAlreadyInState: true));
            }
            else if (!present)
            {
                item.Decide(BatchItemOutcome.AlreadyInState);
            }
            else
            {
                removes.AddRange(entries!.Select(e => (item, e[".id"])));
            }
        }
        steps.AddRange(BatchStep.ForIds(removes, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu + "/remove").With(".id", ids)));
        return [steps];
    }

    private RouterOsCommand AddCommand(string address, AccessCommand command)
    {
        var add = new RouterOsCommand(Menu + "/add")
            .With("list", Options.AddressList)
            .With("address", address)
            .With("comment", CommentFor(command.Subscriber));
        if ((command.Block?.Duration ?? Options.AddressListTimeout) is { } timeout)
            add.With("timeout", ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
        return add;
    }

    public override async Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var key = Key(subscriber) ?? throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "GetAccessState",
            $"The address-list strategy needs the subscriber's IPv4 address; {subscriber} has none.");
        var rows = await ReadAsync(connection, Menu, [".id", "address", "timeout"], [("list", Options.AddressList)], "address", [key], cancellationToken)
            .ConfigureAwait(false);
        return rows.Count > 0
            ? new AccessState(AccessStatus.Blocked, Options.AddressList, Detail: $"in address-list {Options.AddressList}")
            : AccessState.Active;
    }

    public override AccessState StateAfter(AccessCommand command) =>
        command.Kind == AccessCommandKind.Block ? new AccessState(AccessStatus.Blocked, Options.AddressList) : AccessState.Active;
}
