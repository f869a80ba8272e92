using Cobranca.Connectors.Http;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Ixc.Internal;

/// <summary>
/// <see cref="IxcClient"/> as the common <see cref="IAccessController"/>: reads <c>cliente_contrato</c>, blocks with
/// <c>cliente_contrato_15300</c> (CM), releases with <c>cliente_contrato_15464</c> (A), re-reads to report the real
/// state and optionally kicks online RADIUS sessions. IXC has no endpoint to apply a speed reduction: throttling
/// throws <see cref="NotSupportedException"/> (use the MikroTik connector).
/// </summary>
internal sealed class IxcAccessController(IxcClient client, IxcClientOptions options, ILogger logger) : IAccessController
{
    private readonly AccessControllerInfo _full = new(IxcClient.ProviderName,
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock
        | (options.DisconnectSessionsOnAccessChange ? AccessCapabilities.KickSession : AccessCapabilities.None));

    private readonly AccessControllerInfo _withoutLogins = new(IxcClient.ProviderName,
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock);

    /// <summary>Without <see cref="AccessCapabilities.KickSession"/> while IXC refuses <c>radusuarios</c> (sessions are found there).</summary>
    public AccessControllerInfo Info => client.RadiusUsersAvailable ? _full : _withoutLogins;

    public async Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        (await ResolveAsync(subscriber, "access-state", cancellationToken).ConfigureAwait(false)).Access;

    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(subscriber, block: true, cancellationToken);
    }

    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, block: false, cancellationToken);

    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("IXC's API has no endpoint to apply a speed reduction; throttle with the MikroTik connector (or a plan change in IXC).");

    public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        SequentialAccessBatch.ApplyAsync(this, commands, progress, cancellationToken);

    private async Task<AccessChange> ChangeAsync(Subscriber subscriber, bool block, CancellationToken cancellationToken)
    {
        var action = block ? "block" : "unblock";
        var contract = await ResolveAsync(subscriber, action, cancellationToken).ConfigureAwait(false);
        var already = block
            ? contract.Access.Status == AccessStatus.Blocked
            : string.Equals(contract.Access.RawCode, "A", StringComparison.Ordinal) && contract.Access.Status != AccessStatus.Inactive;
        if (already)
        {
            IxcLog.AccessChanged(logger, contract.Id, action, nameof(AccessChangeOutcome.AlreadyInState), contract.Access.RawCode);
            return new AccessChange(AccessChangeOutcome.AlreadyInState, contract.Access, $"already {contract.Access.Detail}");
        }

        if (block) await client.BlockContractAsync(contract.Id, cancellationToken).ConfigureAwait(false);
        else await client.UnblockContractAsync(contract.Id, cancellationToken).ConfigureAwait(false);

        // IXC accepted the write: that is the outcome. The re-read only confirms the state, best effort: the contract row
        // alone (status_internet), without the login enrichment already known.
        var button = block ? "cliente_contrato_15300" : "cliente_contrato_15464";
        AccessState state;
        string detail;
        try
        {
            var after = await client.GetContractRowAsync(contract.Id, contract.Login, cancellationToken).ConfigureAwait(false);
            state = after?.Access ?? contract.Access;
            var confirmed = block ? state.Status == AccessStatus.Blocked : state.Status.HasFullAccess;
            if (!confirmed) IxcLog.StateNotConfirmed(logger, contract.Id, action, state.RawCode);
            detail = $"{button} sent; status_internet now {state.RawCode ?? "?"}";
            if (!confirmed) detail += " (IXC did not confirm the change; check the contract)";
        }
        catch (ConnectorException ex)
        {
            IxcLog.ReReadFailed(logger, contract.Id, action, ex.GetType().Name);
            // What the accepted button sets (CM / A); no RawCode, because nothing was read back.
            state = block
                ? new AccessState(AccessStatus.Blocked, null, null, "bloqueio manual (accepted by IXC; not re-read)")
                : new AccessState(AccessStatus.Active, null, null, "ativo (accepted by IXC; not re-read)");
            detail = $"{button} accepted; re-reading the contract failed ({ex.GetType().Name}), so the new state is not confirmed";
        }
        IxcLog.AccessChanged(logger, contract.Id, action, nameof(AccessChangeOutcome.Applied), state.RawCode);
        if (options.DisconnectSessionsOnAccessChange)
        {
            detail += client.RadiusUsersAvailable
                ? await KickAsync(contract.Id, cancellationToken).ConfigureAwait(false)
                : "; sessions not kicked (IXC refuses radusuarios to this user), the change applies at the next reconnection";
        }
        return new AccessChange(AccessChangeOutcome.Applied, state, detail);
    }

    private async Task<string> KickAsync(string contractId, CancellationToken cancellationToken)
    {
        try
        {
            var online = (await client.GetRadiusUsersByContractAsync(contractId, cancellationToken).ConfigureAwait(false)).Where(u => u.IsOnline).ToList();
            foreach (var user in online) await client.DisconnectSessionAsync(user.Id, cancellationToken).ConfigureAwait(false);
            return online.Count == 0 ? "; no online session" : $"; {online.Count} session(s) kicked";
        }
        catch (ConnectorException ex)
        {
            IxcLog.KickFailed(logger, contractId, ex.Message);
            return $"; disconnecting the session failed ({ex.GetType().Name}), it applies at the next reconnection";
        }
    }

    private async Task<Contract> ResolveAsync(Subscriber subscriber, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        string contractId;
        if (!string.IsNullOrWhiteSpace(subscriber.ContractId))
        {
            contractId = subscriber.ContractId.Trim();
            // The caller just read this contract from this IXC (a payment's debt re-read): no second read of it and its login.
            if (subscriber.Contract is { } known && string.Equals(known.Id, contractId, StringComparison.Ordinal) && IxcMapper.IsContractRow(known))
                return known;
        }
        else if (!string.IsNullOrWhiteSpace(subscriber.Login))
        {
            var users = await client.GetRadiusUsersByLoginAsync(subscriber.Login, cancellationToken).ConfigureAwait(false); // clear error when radusuarios is refused
            var ids = users.Select(u => u.ContractId).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
            contractId = ids.Count switch
            {
                1 => ids[0],
                0 => throw new ConnectorNotFoundException(IxcClient.ProviderName, operation, "No IXC contract has a RADIUS login with that name."),
                _ => throw new ArgumentException($"The login belongs to {ids.Count} IXC contracts; pass Subscriber.ContractId.", nameof(subscriber)),
            };
        }
        else if (!string.IsNullOrWhiteSpace(subscriber.CustomerId))
        {
            var contracts = await client.GetContractsAsync(subscriber.CustomerId, cancellationToken).ConfigureAwait(false);
            return contracts.Count switch
            {
                1 => contracts[0],
                0 => throw new ConnectorNotFoundException(IxcClient.ProviderName, operation, $"IXC customer {subscriber.CustomerId} has no contract."),
                _ => throw new ArgumentException($"IXC customer {subscriber.CustomerId} has {contracts.Count} contracts; pass Subscriber.ContractId.", nameof(subscriber)),
            };
        }
        else
        {
            throw new ArgumentException("IXC needs Subscriber.ContractId, Login or CustomerId (an IP or MAC alone cannot be resolved).", nameof(subscriber));
        }

        return await client.GetContractAsync(contractId, cancellationToken).ConfigureAwait(false)
            ?? throw new ConnectorNotFoundException(IxcClient.ProviderName, operation, $"IXC has no contract {contractId}.");
    }
}
