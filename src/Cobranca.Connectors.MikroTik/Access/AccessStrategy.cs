using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// One enforcement strategy. <see cref="PlanAsync"/> reads the current state once per menu (with <c>.proplist</c>), diffs
/// locally and returns the writes to make, in phases; items that need no write are decided on the spot.
/// </summary>
internal abstract class AccessStrategy
{
    /// <summary>Up to this many keys are read with one query each (pipelined); more keys read the whole menu once.</summary>
    private const int QueryPerKeyLimit = 8;

    protected AccessStrategy(MikroTikAccessControllerOptions options) => Options = options;

    protected MikroTikAccessControllerOptions Options { get; }

    public abstract AccessCapabilities Capabilities { get; }

    public bool Supports(AccessCommandKind kind) => kind switch
    {
        AccessCommandKind.Block => Capabilities.HasFlag(AccessCapabilities.Block),
        AccessCommandKind.Unblock => Capabilities.HasFlag(AccessCapabilities.Unblock),
        _ => Capabilities.HasFlag(AccessCapabilities.Throttle),
    };

    public abstract Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken);

    public abstract Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken);

    public abstract AccessState StateAfter(AccessCommand command);

    /// <summary>The state after a successful command, knowing whether a session was actually kicked.</summary>
    public virtual AccessState StateAfter(AccessCommand command, bool kicked) => StateAfter(command);

    /// <summary>
    /// Groups items by key; the last command for a key wins and earlier ones are reported as not attempted. Items without
    /// a key fail with a validation error.
    /// </summary>
    protected static Dictionary<string, PlannedItem> LastPerKey(IReadOnlyList<PlannedItem> items, Func<Subscriber, string?> key, string requirement)
    {
        var byKey = new Dictionary<string, PlannedItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var k = key(item.Command.Subscriber);
            if (k is null)
            {
                item.Decide(BatchItemOutcome.Failed, new ConnectorValidationException(MikroTikTelemetry.ProviderName, item.Command.Kind.ToString(),
                    $"This strategy needs {requirement}; {item.Command.Subscriber} has none."));
                continue;
            }
            if (byKey.TryGetValue(k, out var earlier))
            {
                earlier.Decide(BatchItemOutcome.NotAttempted, note: $"superseded by item {item.Index} for the same subscriber in this batch");
                earlier.SupersededBy = item;
            }
            byKey[k] = item;
        }
        return byKey;
    }

    /// <summary>
    /// Reads <paramref name="menu"/> rows matching <paramref name="filter"/> whose <paramref name="keyProperty"/> is one of
    /// <paramref name="keys"/>: one pipelined query per key when there are few keys, else one read of the whole filter.
    /// </summary>
    protected static async Task<List<IReadOnlyDictionary<string, string>>> ReadAsync(RouterOsConnection connection, string menu,
        string[] proplist, IReadOnlyList<(string Name, string Value)> filter, string keyProperty, IReadOnlyCollection<string> keys,
        CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return [];
        RouterOsCommand Print()
        {
            var c = new RouterOsCommand(menu + "/print").Proplist(proplist);
            foreach (var (name, value) in filter) c.Where(name, value);
            return c;
        }
        if (keys.Count > QueryPerKeyLimit)
        {
            var all = await connection.ExecuteAsync(Print(), cancellationToken).ConfigureAwait(false);
            var wanted = keys as IReadOnlySet<string> ?? keys.ToHashSet(StringComparer.Ordinal);
            return all.Rows.Where(r => r.TryGetValue(keyProperty, out var v) && wanted.Contains(v)).ToList();
        }
        // RouterOS matches bytes: a name typed in Winbox is Windows-1252, one written by an API client UTF-8. Ask for both.
        var replies = await Task.WhenAll(keys.Select(k => connection.ExecuteAsync(Print().WhereAnyEncoding(keyProperty, k), cancellationToken)))
            .ConfigureAwait(false);
        return replies.SelectMany(r => r.Rows).ToList();
    }

    protected static Dictionary<string, List<IReadOnlyDictionary<string, string>>> Index(IEnumerable<IReadOnlyDictionary<string, string>> rows,
        string property) =>
        rows.Where(r => r.ContainsKey(property) && r.ContainsKey(".id"))
            .GroupBy(r => r[property], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);

    /// <summary>The ASCII comment put on what the SDK creates: <c>cobranca:contract=123</c>.</summary>
    protected string CommentFor(Subscriber subscriber)
    {
        var id = subscriber.ContractId ?? subscriber.CustomerId;
        return RouterOsText.ToAscii(id is null ? Options.CommentPrefix : $"{Options.CommentPrefix}:contract={id}");
    }

    protected static ConnectorNotFoundException NotFound(string operation, string what) =>
        new(MikroTikTelemetry.ProviderName, operation, $"RouterOS has no {what}.");

    /// <summary>Kick steps (batched <c>/ppp/active/remove</c>) for the sessions of the given items.</summary>
    protected IEnumerable<BatchStep> Kicks(IEnumerable<(PlannedItem Item, string Id)> sessions) =>
        BatchStep.ForIds(sessions, Options.BatchIdsPerCommand, ids => new RouterOsCommand("/ppp/active/remove").With(".id", ids), kick: true);

    protected static string Operation(AccessCommand command) => command.Kind.ToString();

    /// <summary>Pairs each keyed item with its PPP secret; an item whose secret does not exist fails with not-found.</summary>
    protected static IEnumerable<(string Login, PlannedItem Item, IReadOnlyDictionary<string, string> Secret)> WithSecrets(
        Dictionary<string, PlannedItem> byKey, Dictionary<string, List<IReadOnlyDictionary<string, string>>> secrets)
    {
        foreach (var (login, item) in byKey)
        {
            if (secrets.TryGetValue(login, out var rows)) yield return (login, item, rows[0]);
            else item.Decide(BatchItemOutcome.Failed, NotFound(Operation(item.Command), "PPP secret with that login"));
        }
    }

    /// <summary>Reads the subscriber's PPP secret for <c>GetAccessState</c>.</summary>
    protected static async Task<IReadOnlyDictionary<string, string>> ReadSecretAsync(RouterOsConnection connection, Subscriber subscriber,
        string[] proplist, CancellationToken cancellationToken)
    {
        var login = subscriber.Login ?? throw new ConnectorValidationException(MikroTikTelemetry.ProviderName, "GetAccessState",
            $"The PPP strategies need the PPP login; {subscriber} has none.");
        var rows = await ReadAsync(connection, "/ppp/secret", proplist, [], "name", [login], cancellationToken).ConfigureAwait(false);
        return rows.Count > 0 ? rows[0] : throw NotFound("GetAccessState", "PPP secret with that login");
    }
}
