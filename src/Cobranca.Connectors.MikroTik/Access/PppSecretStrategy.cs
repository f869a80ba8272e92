using Cobranca.Connectors.Abstractions;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>Block = <c>/ppp/secret set disabled=yes</c> + kick of the live session; unblock = <c>disabled=no</c>.</summary>
internal sealed class PppSecretStrategy : AccessStrategy
{
    private const string Menu = "/ppp/secret";

    public PppSecretStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities => AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock |
                                                       AccessCapabilities.Bulk | AccessCapabilities.KickSession;

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, s => s.Login, "the PPP login");
        var secrets = Index(await ReadAsync(connection, Menu, [".id", "name", "disabled"], [], "name", byKey.Keys, cancellationToken)
            .ConfigureAwait(false), "name");
        var blockLogins = byKey.Where(kv => kv.Value.Command.Kind == AccessCommandKind.Block).Select(kv => kv.Key).ToList();
        var sessions = Options.KickAfterChange
            ? Index(await ReadAsync(connection, "/ppp/active", [".id", "name"], [], "name", blockLogins, cancellationToken).ConfigureAwait(false), "name")
            : [];

        var disable = new List<(PlannedItem, string)>();
        var enable = new List<(PlannedItem, string)>();
        var kicks = new List<(PlannedItem, string)>();
        foreach (var (login, item, secret) in WithSecrets(byKey, secrets))
        {
            var disabled = IsDisabled(secret);
            if (item.Command.Kind == AccessCommandKind.Block)
            {
                if (!disabled) disable.Add((item, secret[".id"]));
                if (sessions.TryGetValue(login, out var live)) kicks.AddRange(live.Select(s => (item, s[".id"])));
                if (disabled && live is null) item.Decide(BatchItemOutcome.AlreadyInState);
            }
            else if (disabled)
            {
                enable.Add((item, secret[".id"]));
            }
            else
            {
                item.Decide(BatchItemOutcome.AlreadyInState);
            }
        }
        var phase1 = BatchStep.ForIds(disable, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu + "/set").With(".id", ids).With("disabled", "yes"))
            .Concat(BatchStep.ForIds(enable, Options.BatchIdsPerCommand, ids => new RouterOsCommand(Menu + "/set").With(".id", ids).With("disabled", "no")))
            .ToList();
        return [phase1, Kicks(kicks).ToList()];
    }

    public override async Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var secret = await ReadSecretAsync(connection, subscriber, [".id", "name", "disabled", "profile"], cancellationToken).ConfigureAwait(false);
        return IsDisabled(secret) ? new AccessState(AccessStatus.Blocked, "disabled") : new AccessState(AccessStatus.Active, secret.GetValueOrDefault("profile"));
    }

    private static bool IsDisabled(IReadOnlyDictionary<string, string> secret) =>
        secret.TryGetValue("disabled", out var d) && d is "true" or "yes";

    public override AccessState StateAfter(AccessCommand command) =>
        command.Kind == AccessCommandKind.Block ? new AccessState(AccessStatus.Blocked, "disabled") : AccessState.Active;
}
