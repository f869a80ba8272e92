using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// Block = the subscriber's IPv4 address is in the configured firewall address-list and, for dual-stack subscribers,
/// each IPv6 prefix is in the IPv6 address-list of the same name (<c>/ipv6/firewall/address-list</c>). The prefixes come
/// from <see cref="Subscriber.Ipv6Prefix"/> and from the subscriber's live PPP session(s) when a login is given (the
/// session also supplies the IPv4 address of a subscriber known only by login). A disabled entry does not block.
/// </summary>
internal sealed class AddressListStrategy : AccessStrategy
{
    private const string Menu = "/ip/firewall/address-list";
    private const string Menu6 = "/ipv6/firewall/address-list";

    /// <summary>
    /// <c>/ppp/active</c> properties that may carry a dual-stack session's IPv6 prefixes (the link prefix and the DHCPv6-PD
    /// delegated prefix). Names not known to a router version are simply absent from its replies.
    /// </summary>
    internal static readonly string[] SessionIpv6Fields = ["delegated-ipv6-prefix", "remote-ipv6-prefix"];

    public AddressListStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities =>
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.Bulk;

    private const string Requirement = "the subscriber's IPv4 address, IPv6 prefix or PPP login (with an online session)";

    private static string? Key(Subscriber s) =>
        s.IpAddress is { AddressFamily: AddressFamily.InterNetwork } ip ? ip.ToString()
        : s.Ipv6Prefix is { } prefix ? "v6:" + prefix
        : s.IpAddress is { AddressFamily: AddressFamily.InterNetworkV6 } ip6 ? "v6:" + new IPNetwork(ip6, 128)
        : s.Login is { } login ? "login:" + login
        : null;

    /// <summary>Where one subscriber's entries live: its IPv4 address and IPv6 prefixes (normalised text).</summary>
    private sealed record Targets(string? V4, List<string> V6, string? Comment);

    private sealed class Lists
    {
        public Dictionary<string, List<IReadOnlyDictionary<string, string>>> V4 { get; init; } = [];
        public Dictionary<string, List<IReadOnlyDictionary<string, string>>> V6 { get; init; } = [];
        public Dictionary<string, List<IReadOnlyDictionary<string, string>>> V4ByComment { get; init; } = [];

        public Dictionary<string, List<IReadOnlyDictionary<string, string>>> V6ByComment { get; init; } = [];
        public bool Ipv6Missing { get; init; }
    }

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, Key, Requirement);
        var targets = await ResolveAsync(connection, byKey.Values.Select(i => i.Command.Subscriber).ToList(), cancellationToken).ConfigureAwait(false);
        var unblockComments = byKey.Values.Where(i => i.Command.Kind == AccessCommandKind.Unblock).Select(i => targets[i.Command.Subscriber].Comment);
        var lists = await ReadListsAsync(connection, targets.Values, unblockComments, cancellationToken).ConfigureAwait(false);

        var steps = new List<BatchStep>();
        var removes = new List<(PlannedItem, string)>();
        var removes6 = new List<(PlannedItem, string)>();
        var enables = new List<(PlannedItem, string)>();
        var enables6 = new List<(PlannedItem, string)>();
        foreach (var item in byKey.Values)
        {
            var t = targets[item.Command.Subscriber];
            if (item.Command.Kind == AccessCommandKind.Block)
            {
                if (t.V4 is null && t.V6.Count == 0)
                {
                    item.Decide(BatchItemOutcome.Failed, new ConnectorValidationException(MikroTikTelemetry.ProviderName, "Block",
                        $"This strategy needs {Requirement}; {item.Command.Subscriber} has none online."));
                    continue;
                }
                if (t.V6.Count > 0 && lists.Ipv6Missing)
                {
                    item.Decide(BatchItemOutcome.Failed, new ConnectorApiException(MikroTikTelemetry.ProviderName, "Block",
                        "The subscriber has an IPv6 prefix but the router has no /ipv6/firewall menu (IPv6 package disabled?)."));
                    continue;
                }
                var work = t.V4 is not null && PlanBlock(item, Menu, t.V4, lists.V4, steps, enables);
                foreach (var prefix in t.V6) work |= PlanBlock(item, Menu6, prefix, lists.V6, steps, enables6);
                if (!work) item.Decide(BatchItemOutcome.AlreadyInState);
            }
            else
            {
                // Entries are found by address and, for a subscriber with a contract or customer id, by the comment the SDK
                // wrote on them (so an unblock still finds them after a dynamic address or prefix went offline).
                var blocking = false;
                var v4 = (t.V4 is not null ? lists.V4.GetValueOrDefault(t.V4) ?? [] : [])
                    .Concat(t.Comment is { } c4 && lists.V4ByComment.TryGetValue(c4, out var byComment4) ? byComment4 : [])
                    .DistinctBy(e => e[".id"]).ToList();
                if (v4.Any(IsEnabled))
                {
                    blocking = true;
                    removes.AddRange(v4.Select(e => (item, e[".id"])));
                }
                var v6 = t.V6.SelectMany(p => lists.V6.GetValueOrDefault(p) ?? [])
                    .Concat(t.Comment is { } c && lists.V6ByComment.TryGetValue(c, out var byComment) ? byComment : [])
                    .DistinctBy(e => e[".id"]).ToList();
                if (v6.Any(IsEnabled))
                {
                    blocking = true;
                    removes6.AddRange(v6.Select(e => (item, e[".id"])));
                }
                if (!blocking) item.Decide(BatchItemOutcome.AlreadyInState);
            }
        }
        steps.AddRange(BatchStep.ForIds(enables, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu + "/set").With(".id", ids).With("disabled", "no")));
        steps.AddRange(BatchStep.ForIds(enables6, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu6 + "/set").With(".id", ids).With("disabled", "no")));
        steps.AddRange(BatchStep.ForIds(removes, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu + "/remove").With(".id", ids)));
        steps.AddRange(BatchStep.ForIds(removes6, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu6 + "/remove").With(".id", ids)));
        return [steps];
    }

    /// <summary>An enabled entry already blocks (false: nothing to do); a disabled one is re-enabled; none gets an add.</summary>
    private bool PlanBlock(PlannedItem item, string menu, string address, Dictionary<string, List<IReadOnlyDictionary<string, string>>> existing,
        List<BatchStep> steps, List<(PlannedItem, string)> enables)
    {
        if (existing.TryGetValue(address, out var entries))
        {
            if (entries.Any(IsEnabled)) return false;
            enables.Add((item, entries[0][".id"]));
            return true;
        }
        steps.Add(BatchStep.Single(item, AddCommand(menu, address, item.Command), alreadyExistsIsAlreadyInState: true));
        return true;
    }

    private static bool IsEnabled(IReadOnlyDictionary<string, string> entry) =>
        !(entry.TryGetValue("disabled", out var d) && d is "true" or "yes");

    /// <summary>Resolves each subscriber's IPv4 address and IPv6 prefixes (reading the PPP sessions of those with a login).</summary>
    private async Task<Dictionary<Subscriber, Targets>> ResolveAsync(RouterOsConnection connection, IReadOnlyList<Subscriber> subscribers,
        CancellationToken cancellationToken)
    {
        var logins = subscribers.Where(s => s.Login is not null).Select(s => s.Login!).ToHashSet(StringComparer.Ordinal);
        var sessions = Index(await ReadAsync(connection, "/ppp/active", [".id", "name", "address", .. SessionIpv6Fields], [], "name", logins,
            cancellationToken).ConfigureAwait(false), "name");
        var result = new Dictionary<Subscriber, Targets>(ReferenceEqualityComparer.Instance);
        foreach (var s in subscribers)
        {
            var v4 = s.IpAddress is { AddressFamily: AddressFamily.InterNetwork } ip ? ip.ToString() : null;
            var v6 = new List<string>();
            if (s.Ipv6Prefix is { } prefix) v6.Add(prefix.ToString());
            else if (s.IpAddress is { AddressFamily: AddressFamily.InterNetworkV6 } ip6) v6.Add(new IPNetwork(ip6, 128).ToString());
            if (s.Login is { } login && sessions.TryGetValue(login, out var live))
            {
                foreach (var session in live)
                {
                    if (v4 is null && session.GetValueOrDefault("address") is { } a && IPAddress.TryParse(a, out var parsed) &&
                        parsed.AddressFamily == AddressFamily.InterNetwork)
                        v4 = parsed.ToString();
                    foreach (var field in SessionIpv6Fields)
                    {
                        if (session.GetValueOrDefault(field) is { Length: > 0 } text && Normalize6(text) is { } p && !v6.Contains(p)) v6.Add(p);
                    }
                }
            }
            var comment = s.ContractId is not null || s.CustomerId is not null ? CommentFor(s) : null;
            result[s] = new Targets(v4, v6, comment);
        }
        return result;
    }

    private async Task<Lists> ReadListsAsync(RouterOsConnection connection, IEnumerable<Targets> targets, IEnumerable<string?> unblockComments,
        CancellationToken cancellationToken)
    {
        var all = targets.ToList();
        var v4Keys = all.Where(t => t.V4 is not null).Select(t => t.V4!).ToHashSet(StringComparer.Ordinal);
        var v6Keys = all.SelectMany(t => t.V6).ToHashSet(StringComparer.Ordinal);
        var comments = unblockComments.Where(c => c is not null).Select(c => c!).ToHashSet(StringComparer.Ordinal);
        string[] proplist = [".id", "address", "disabled", "comment"];
        (string, string)[] filter = [("list", Options.AddressList)];
        var v4Read = ReadAsync(connection, Menu, proplist, filter, "address", v4Keys, cancellationToken);
        var v6Read = ReadOptionalAsync(ReadAsync(connection, Menu6, proplist, filter, "address", v6Keys, cancellationToken));
        var commentRead = ReadOptionalAsync(ReadAsync(connection, Menu6, proplist, filter, "comment", comments, cancellationToken));
        var commentRead4 = ReadAsync(connection, Menu, proplist, filter, "comment", comments, cancellationToken);
        var v4 = Index(await v4Read.ConfigureAwait(false), "address");
        var (v6Rows, v6Missing) = await v6Read.ConfigureAwait(false);
        var (commentRows, _) = await commentRead.ConfigureAwait(false);
        var commentRows4 = await commentRead4.ConfigureAwait(false);
        return new Lists
        {
            V4 = v4,
            V6 = v6Rows.Where(r => r.ContainsKey("address") && r.ContainsKey(".id")).GroupBy(r => Normalize6(r["address"]) ?? r["address"], StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal),
            V4ByComment = Index(commentRows4, "comment"),
            V6ByComment = Index(commentRows, "comment"),
            Ipv6Missing = v6Missing,
        };
    }

    /// <summary>A router without the IPv6 package answers "no such command prefix": that means "no IPv6 entries".</summary>
    private static async Task<(List<IReadOnlyDictionary<string, string>> Rows, bool Missing)> ReadOptionalAsync(
        Task<List<IReadOnlyDictionary<string, string>>> read)
    {
        try
        {
            return (await read.ConfigureAwait(false), false);
        }
        catch (RouterOsTrapException trap) when (trap.Category == 0 || trap.Messages.Any(m => m.Contains("no such command", StringComparison.OrdinalIgnoreCase)))
        {
            return ([], true);
        }
    }

    private static string? Normalize6(string text)
    {
        if (IPNetwork.TryParse(text, out var network)) return network.ToString();
        return IPAddress.TryParse(text, out var address) && address.AddressFamily == AddressFamily.InterNetworkV6
            ? new IPNetwork(address, 128).ToString()
            : null;
    }

    private RouterOsCommand AddCommand(string menu, string address, AccessCommand command)
    {
        var add = new RouterOsCommand(menu == Menu ? Menu + "/add" : menu == Menu6 ? Menu6 + "/add" : menu + "/add")
            .With("list", Options.AddressList)
            .With("address", address)
            .With("comment", CommentFor(command.Subscriber));
        if ((command.Block?.Duration ?? Options.AddressListTimeout) is { } timeout)
            add.With("timeout", ((long)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture) + "s");
        return add;
    }

    public override async Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken)
    {
        if (Key(subscriber) is null)
            throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "GetAccessState", $"The address-list strategy needs {Requirement}; {subscriber} has none.");
        var t = (await ResolveAsync(connection, [subscriber], cancellationToken).ConfigureAwait(false))[subscriber];
        if (t.V4 is null && t.V6.Count == 0)
            throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "GetAccessState",
                $"The address-list strategy needs {Requirement}; {subscriber} has none online.");
        var lists = await ReadListsAsync(connection, [t], [], cancellationToken).ConfigureAwait(false);
        var v4 = t.V4 is not null && lists.V4.TryGetValue(t.V4, out var e4) && e4.Any(IsEnabled);
        var v6 = t.V6.Count(p => lists.V6.TryGetValue(p, out var e6) && e6.Any(IsEnabled));
        if (!v4 && v6 == 0) return AccessState.Active;
        var where = (v4, v6) switch
        {
            (true, > 0) => "IPv4 and IPv6",
            (true, _) => "IPv4",
            _ => "IPv6",
        };
        var partial = (t.V4 is not null && !v4) || v6 < t.V6.Count ? $"; partly: {(t.V4 is not null && !v4 ? "IPv4" : "an IPv6 prefix")} is open" : string.Empty;
        return new AccessState(AccessStatus.Blocked, Options.AddressList, Detail: $"in address-list {Options.AddressList} ({where}){partial}");
    }

    public override AccessState StateAfter(AccessCommand command) =>
        command.Kind == AccessCommandKind.Block ? new AccessState(AccessStatus.Blocked, Options.AddressList) : AccessState.Active;
}
