using Cobranca.Connectors.Abstractions;
using Cobranca.Connectors.MikroTik.Protocol;

namespace Cobranca.Connectors.MikroTik.Access;

/// <summary>
/// Block/throttle = the secret gets the block/throttle profile (the original is remembered in its comment), then the
/// session is kicked; unblock restores the remembered profile (or <see cref="MikroTikAccessControllerOptions.DefaultProfile"/>).
/// </summary>
internal sealed class PppProfileStrategy : AccessStrategy
{
    private const string Menu = "/ppp/secret";

    public PppProfileStrategy(MikroTikAccessControllerOptions options) : base(options)
    {
    }

    public override AccessCapabilities Capabilities =>
        AccessCapabilities.ReadState | AccessCapabilities.Unblock | AccessCapabilities.Bulk | AccessCapabilities.KickSession |
        (Options.BlockProfile is null ? AccessCapabilities.None : AccessCapabilities.Block) |
        (Options.ThrottleProfile is null ? AccessCapabilities.None : AccessCapabilities.Throttle);

    private bool IsSdkProfile(string? profile) => profile is not null && (profile == Options.BlockProfile || profile == Options.ThrottleProfile);

    public override async Task<IReadOnlyList<IReadOnlyList<BatchStep>>> PlanAsync(RouterOsConnection connection, IReadOnlyList<PlannedItem> items,
        CancellationToken cancellationToken)
    {
        var byKey = LastPerKey(items, s => s.Login, "the PPP login");
        var secrets = Index(await ReadAsync(connection, Menu, [".id", "name", "profile", "comment"], [], "name", byKey.Keys, cancellationToken)
            .ConfigureAwait(false), "name");
        var sessions = Options.KickAfterChange
            ? Index(await ReadAsync(connection, "/ppp/active", [".id", "name"], [], "name", byKey.Keys, cancellationToken).ConfigureAwait(false), "name")
            : [];

        var sets = new List<BatchStep>();
        var kicks = new List<(PlannedItem, string)>();
        foreach (var (login, item, secret) in WithSecrets(byKey, secrets))
        {
            var set = PlanOne(item, secret);
            if (set is null) continue;
            sets.Add(BatchStep.Single(item, set));
            if (sessions.TryGetValue(login, out var live)) kicks.AddRange(live.Select(s => (item, s[".id"])));
        }
        return [sets, Kicks(kicks).ToList()];
    }

    /// <summary>The <c>set</c> for one secret, or null when decided without a write.</summary>
    private RouterOsCommand? PlanOne(PlannedItem item, IReadOnlyDictionary<string, string> secret)
    {
        var profile = secret.GetValueOrDefault("profile") ?? "default";
        var comment = secret.GetValueOrDefault("comment");
        var hasMarker = RestoreMarker.TryRead(Options.CommentPrefix, comment, out var remembered, out var original);
        var set = new RouterOsCommand(Menu + "/set").With(".id", secret[".id"]);
        if (item.Command.Kind == AccessCommandKind.Unblock)
        {
            if (!IsSdkProfile(profile))
            {
                item.Decide(BatchItemOutcome.AlreadyInState);
                return null;
            }
            var restore = hasMarker ? remembered : Options.DefaultProfile;
            if (restore is null)
            {
                item.Decide(BatchItemOutcome.Failed, new ConnectorValidationException(MikroTikTelemetry.ProviderName, "Unblock",
                    $"The secret is on profile '{profile}' but its comment does not say which profile to restore; set DefaultProfile."));
                return null;
            }
            // The marker was written in the comment's own bytes (UTF-8 or Windows-1252): restore with the same bytes.
            var commentBytes1252 = hasMarker && RouterOsRow.IsWindows1252(secret, "comment");
            if (commentBytes1252) set.WithWindows1252("profile", restore);
            else set.With("profile", restore);
            if (hasMarker && commentBytes1252) set.WithWindows1252("comment", original);
            else if (hasMarker) set.With("comment", original);
            return set;
        }

        var target = item.Command.Kind == AccessCommandKind.Block ? Options.BlockProfile! : Options.ThrottleProfile!;
        if (profile == target)
        {
            item.Decide(BatchItemOutcome.AlreadyInState);
            return null;
        }
        set.With("profile", target);
        if (!hasMarker && !IsSdkProfile(profile))
        {
            // Any comment is kept, whatever its encoding: the marker is prepended and the original bytes are written back
            // as they came (a Winbox comment in Windows-1252 stays Windows-1252), so foreign text never blocks a change.
            var marker = RestoreMarker.Write(Options.CommentPrefix, profile, comment);
            var as1252 = (comment is not null && RouterOsRow.IsWindows1252(secret, "comment")) ||
                         (RouterOsRow.IsWindows1252(secret, "profile") && (comment is null || RouterOsText.IsAscii(comment)));
            if (as1252 && RouterOsText.IsWindows1252(marker)) set.WithWindows1252("comment", marker);
            else set.With("comment", marker);
        }
        return set;
    }

    public override async Task<AccessState> ReadStateAsync(RouterOsConnection connection, Subscriber subscriber, CancellationToken cancellationToken)
    {
        var secret = await ReadSecretAsync(connection, subscriber, [".id", "name", "profile"], cancellationToken).ConfigureAwait(false);
        var profile = secret.GetValueOrDefault("profile") ?? "default";
        if (profile == Options.BlockProfile) return new AccessState(AccessStatus.Blocked, profile);
        if (profile == Options.ThrottleProfile) return new AccessState(AccessStatus.Throttled, profile);
        return new AccessState(AccessStatus.Active, profile);
    }

    public override AccessState StateAfter(AccessCommand command) => command.Kind switch
    {
        AccessCommandKind.Block => new AccessState(AccessStatus.Blocked, Options.BlockProfile),
        AccessCommandKind.Throttle => new AccessState(AccessStatus.Throttled, Options.ThrottleProfile),
        _ => AccessState.Active,
    };
}
