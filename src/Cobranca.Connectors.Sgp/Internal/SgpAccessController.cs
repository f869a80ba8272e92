using Cobranca.Connectors.Http;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.Sgp.Internal;

/// <summary>
/// <see cref="SgpClient"/> as the common <see cref="IAccessController"/>: the contract's administrative status
/// (<c>contrato/status/edit</c>: 4 Suspenso to block, 1 Ativo to release, 7 Ativo V. Reduzida to throttle), read first
/// so that a change already in place is <see cref="AccessChangeOutcome.AlreadyInState"/>, then the PPPoE session is
/// disconnected (best effort) so the new status applies at once. The reduced speed is the one configured in SGP for
/// the plan; the <see cref="Bandwidth"/> asked for is not sent (SGP's API has no such field).
/// </summary>
internal sealed class SgpAccessController(SgpClient client, SgpClientOptions options, ILogger logger) : IAccessController
{
    public AccessControllerInfo Info { get; } = new(SgpClient.ProviderName,
        AccessCapabilities.ReadState | AccessCapabilities.Block | AccessCapabilities.Unblock | AccessCapabilities.Throttle
        | (options.DisconnectOnAccessChange ? AccessCapabilities.KickSession : AccessCapabilities.None));

    public async Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var (_, state, _) = await ReadAsync(subscriber, "access.read", cancellationToken).ConfigureAwait(false);
        return state;
    }

    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(subscriber, SgpContractStatus.Suspended, options.BlockReasonId, "access.block", cancellationToken);
    }

    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, SgpContractStatus.Active, options.UnblockReasonId, "access.unblock", cancellationToken);

    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, SgpContractStatus.ReducedSpeed, options.ThrottleReasonId, "access.throttle", cancellationToken);

    public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        SequentialAccessBatch.ApplyAsync(this, commands, progress, cancellationToken);

    private async Task<AccessChange> ChangeAsync(Subscriber subscriber, SgpContractStatus target, int? reasonId, string operation, CancellationToken cancellationToken)
    {
        var (contractId, current, login) = await ReadAsync(subscriber, operation, cancellationToken).ConfigureAwait(false);
        var wanted = target.ToAccessState();
        if (current.RawCode == wanted.RawCode) return new AccessChange(AccessChangeOutcome.AlreadyInState, current);
        if (current.Status == AccessStatus.Inactive)
        {
            throw new ConnectorValidationException(SgpClient.ProviderName, operation,
                $"SGP contract {contractId} is {current.Detail}: a cancelled or inactive contract is not blocked, released or throttled.");
        }
        await client.ChangeContractStatusAsync(contractId, target, reasonId, cancellationToken).ConfigureAwait(false);
        // The status changed: from here on the caller must hear "applied", whatever happens to the disconnect.
        var detail = "SGP status " + target;
        if (options.DisconnectOnAccessChange && !string.IsNullOrWhiteSpace(login))
        {
            try
            {
                await client.DisconnectAsync(login, CancellationToken.None).ConfigureAwait(false);
                detail += "; session disconnected";
            }
            catch (ConnectorException ex)
            {
                SgpLog.DisconnectFailed(logger, contractId, ex.Message);
                detail += "; the session could not be disconnected (applies at the next reconnection)";
            }
        }
        return new AccessChange(AccessChangeOutcome.Applied, wanted with { Detail = detail });
    }

    private async Task<(string ContractId, AccessState State, string? Login)> ReadAsync(Subscriber subscriber, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        if (!string.IsNullOrWhiteSpace(subscriber.ContractId))
        {
            var row = await client.ContractRowAsync(subscriber.ContractId, operation, cancellationToken).ConfigureAwait(false);
            return (subscriber.ContractId.Trim(), new SgpContractStatus(row.Int("contratoStatus", "status") ?? 0).ToAccessState(), row.Str("servico_login"));
        }
        if (!string.IsNullOrWhiteSpace(subscriber.Login))
        {
            var rows = await client.ConsultAsync(SgpClient.F("login", subscriber.Login.Trim()), cancellationToken).ConfigureAwait(false);
            var mine = rows.Where(r => string.Equals(r.Str("servico_login"), subscriber.Login.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (mine.Count == 0) throw new ConnectorNotFoundException(SgpClient.ProviderName, operation, "SGP has no contract with that PPPoE login.");
            if (mine.Count > 1) throw new ConnectorValidationException(SgpClient.ProviderName, operation, "Several SGP contracts have that PPPoE login: give the contract id.");
            return (mine[0].Str("contratoId")!, new SgpContractStatus(mine[0].Int("contratoStatus") ?? 0).ToAccessState(), mine[0].Str("servico_login"));
        }
        throw new ArgumentException("An SGP subscriber needs its contract id (or its PPPoE login).", nameof(subscriber));
    }
}
