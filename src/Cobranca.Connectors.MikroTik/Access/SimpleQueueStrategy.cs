using System.Net.Sockets;
using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// Throttle = the subscriber's simple queue (named after the login, else targeting the IP) gets a lower <c>max-limit</c>;
/// the original limit is remembered in the queue comment and restored by unblock.
/// </summary>
internal sealed class SimpleQueueStrategy : AccessStrategy
{
    private const string Menu = "/queue/simple";

    public SimpleQueueStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities =>
        AccessCapabilities.ReadState | AccessCapabilities.Throttle | AccessCapabilities.Unblock | AccessCapabilities.Bulk;

    /// <summary>Queue key: <c>name:&lt;login&gt;</c> or <c>target:&lt;ip&gt;/32</c>.</summary>
    private static string? Key(Subscriber s) =>
        s.Login is { } login ? "name:" + login
        : s.IpAddress is { AddressFamily: AddressFamily.InterNetwork } ip ? $"target:{ip}/32"
        : null;

    private static string? KeyOf(IReadOnlyDictionary<string, string> row, string key) =>
        key.StartsWith("name:", StringComparison.Ordinal) ? row.GetValueOrDefault("name") is { } n ? "name:" + n : null
        : row.GetValueOrDefault("target") is { } t ? "target:" + t : null;

    private async Task<Dictionary<string, IReadOnlyDictionary<string, string>>> ReadQueuesAsync(RouterOsConnection connection,
        IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        string[] proplist = [".id", "name", "target", "max-limit", "comment"];
        var names = keys.Where(k => k.StartsWith("name:", StringComparison.Ordinal)).Select(k => k[5..]).ToList();
        var targets = keys.Where(k => k.StartsWith("target:", StringComparison.Ordinal)).Select(k => k[7..]).ToList();
        var byName = ReadAsync(connection, Menu, proplist, [], "name", names, cancellationToken);
        var byTarget = ReadAsync(connection, Menu, proplist, [], "target", targets, cancellationToken);
        var result = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in await byName.ConfigureAwait(false)) result.TryAdd("name:" + row["name"], row);
        foreach (var row in await byTarget.ConfigureAwait(false)) result.TryAdd("target:" + row["target"], row);
        return result;
    }

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, Key, "the login (queue name) or the IPv4 address (queue target)");
        var queues = await ReadQueuesAsync(connection, byKey.Keys, cancellationToken).ConfigureAwait(false);
        var steps = new List<BatchStep>();
        foreach (var (key, item) in byKey)
        {
            if (!queues.TryGetValue(key, out var queue) || KeyOf(queue, key) != key)
            {
                item.Decide(BatchItemOutcome.Failed, NotFound(Operation(item.Command), "simple queue for that subscriber"));
                continue;
            }
            var current = queue.GetValueOrDefault("max-limit") ?? "0/0";
            var comment = queue.GetValueOrDefault("comment");
            var hasMarker = RestoreMarker.TryRead(Options.CommentPrefix, comment, out var remembered, out var original);
            var set = new RouterOsCommand(Menu + "/set").With(".id", queue[".id"]);
            if (item.Command.Kind == AccessCommandKind.Unblock)
            {
                if (!hasMarker)
                {
                    item.Decide(BatchItemOutcome.AlreadyInState);
                    continue;
                }
                set.With("max-limit", remembered);
                if (RouterOsRow.IsWindows1252(queue, "comment")) set.WithWindows1252("comment", original);
                else set.With("comment", original);
                steps.Add(BatchStep.Single(item, set));
                continue;
            }
            var limit = item.Command.Limit!.Value;
            if (SameRate(current, limit))
            {
                item.Decide(BatchItemOutcome.AlreadyInState);
                continue;
            }
            set.With("max-limit", limit.ToRouterOs());
            if (!hasMarker)
            {
                // A foreign comment (any encoding) is kept byte for byte after the marker; it never blocks the change.
                var marker = RestoreMarker.Write(Options.CommentPrefix, current, comment);
                if (comment is not null && RouterOsRow.IsWindows1252(queue, "comment")) set.WithWindows1252("comment", marker);
                else set.With("comment", marker);
            }
            steps.Add(BatchStep.Single(item, set));
        }
        return [steps];
    }

    private static bool SameRate(string routerOs, Bandwidth limit)
    {
        try
        {
            return Bandwidth.ParseRouterOs(routerOs) == limit;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public override async Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var key = Key(subscriber) ?? throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "GetAccessState",
            $"The simple-queue strategy needs the login or the IPv4 address; {subscriber} has none.");
        var queues = await ReadQueuesAsync(connection, [key], cancellationToken).ConfigureAwait(false);
        if (!queues.TryGetValue(key, out var queue)) throw NotFound("GetAccessState", "simple queue for that subscriber");
        var raw = queue.GetValueOrDefault("max-limit");
        Bandwidth? limit = null;
        try
        {
            if (raw is not null && raw != "0/0") limit = Bandwidth.ParseRouterOs(raw);
        }
        catch (FormatException)
        {
            // leave the limit unknown; RawCode keeps the text
        }
        var throttled = RestoreMarker.TryRead(Options.CommentPrefix, queue.GetValueOrDefault("comment"), out _, out _);
        return new AccessState(throttled ? AccessStatus.Throttled : AccessStatus.Active, raw, limit);
    }

    public override AccessState StateAfter(AccessCommand command) =>
        command.Kind == AccessCommandKind.Throttle ? new AccessState(AccessStatus.Throttled, command.Limit!.Value.ToRouterOs(), command.Limit) : AccessState.Active;
}
