using Cobranca.Connectors.Http;
using Cobranca.Connectors.Abstractions;
using Microsoft.Extensions.Logging;

namespace Cobranca.Connectors.MkAuth.Internal;

/// <summary>
/// <see cref="MkAuthClient"/> as the common <see cref="IAccessController"/>: reads <c>bloqueado</c>, flips it with
/// <c>PUT cliente/editar</c> where the install has it (MK-Auth itself then applies it through RADIUS/MikroTik), re-reads to
/// report the real state. No throttling and no session kick through MK-Auth's API.
/// </summary>
internal sealed class MkAuthAccessController(MkAuthClient client, ILogger logger) : IAccessController
{
    public AccessControllerInfo Info => new(MkAuthClient.ProviderName, client.AccessCapabilities);

    public async Task<AccessState> GetAccessStateAsync(Subscriber subscriber, CancellationToken cancellationToken = default)
    {
        var row = await ResolveAsync(subscriber, "access-state", cancellationToken).ConfigureAwait(false);
        return MkAuthMapper.Access(row, client.Time.GetUtcNow());
    }

    public Task<AccessChange> BlockAsync(Subscriber subscriber, BlockRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ChangeAsync(subscriber, block: true, cancellationToken);
    }

    public Task<AccessChange> UnblockAsync(Subscriber subscriber, CancellationToken cancellationToken = default) =>
        ChangeAsync(subscriber, block: false, cancellationToken);

    public Task<AccessChange> ThrottleAsync(Subscriber subscriber, Bandwidth limit, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("MK-Auth's API has no speed reduction; throttle with the MikroTik connector (or change the plan in MK-Auth).");

    public Task<BatchResult> ApplyAsync(IReadOnlyList<AccessCommand> commands, IProgress<BatchProgress>? progress = null,
        CancellationToken cancellationToken = default) =>
        SequentialAccessBatch.ApplyAsync(this, commands, progress, cancellationToken);

    private async Task<AccessChange> ChangeAsync(Subscriber subscriber, bool block, CancellationToken cancellationToken)
    {
        var action = block ? "block" : "unblock";
        var server = await client.DetectAsync(cancellationToken).ConfigureAwait(false);
        if (!server.Has(MkAuthFeatures.ClientEdit))
            throw new NotSupportedException("This MK-Auth install has no PUT /api/cliente/editar (or the API user may not use PUT): block and unblock on the router instead (MikroTik connector).");
        var row = await ResolveAsync(subscriber, action, cancellationToken).ConfigureAwait(false);
        var now = client.Time.GetUtcNow();
        var state = MkAuthMapper.Access(row, now);
        if (row.Blocked == block)
        {
            MkAuthLog.AccessChanged(logger, row.Uuid, action, nameof(AccessChangeOutcome.AlreadyInState));
            return new AccessChange(AccessChangeOutcome.AlreadyInState, state, $"already bloqueado={(block ? "sim" : "nao")}");
        }

        await client.SetBlockedAsync(row.Uuid, block, cancellationToken).ConfigureAwait(false);
        // Applied: a failed read-back does not turn the successful write into a failure.
        AccessState after;
        var detail = $"cliente/editar bloqueado={(block ? "sim" : "nao")} sent";
        try
        {
            var reread = await client.GetCustomerAsync(row.Uuid, cancellationToken).ConfigureAwait(false);
            after = reread is null ? ExpectedState(block) : MkAuthMapper.Access(reread, now);
            if (reread is not null && reread.Blocked != block) detail += " (MK-Auth did not confirm the change; check the login)";
        }
        catch (ConnectorException)
        {
            after = ExpectedState(block);
            detail += " (state not re-read)";
        }
        MkAuthLog.AccessChanged(logger, row.Uuid, action, nameof(AccessChangeOutcome.Applied));
        return new AccessChange(AccessChangeOutcome.Applied, after, detail);
    }

    private static AccessState ExpectedState(bool block) =>
        block ? new AccessState(AccessStatus.Blocked, "bloqueado=sim") : new AccessState(AccessStatus.Active, "bloqueado=nao");

    private async Task<MkAuthCustomer> ResolveAsync(Subscriber subscriber, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        var key = !string.IsNullOrWhiteSpace(subscriber.ContractId) ? subscriber.ContractId.Trim()
            : !string.IsNullOrWhiteSpace(subscriber.Login) ? subscriber.Login.Trim()
            : !string.IsNullOrWhiteSpace(subscriber.CustomerId) ? subscriber.CustomerId.Trim()
            : throw new ArgumentException("MK-Auth needs Subscriber.ContractId (uuid_cliente), Login or CustomerId (an IP or MAC alone cannot be resolved).", nameof(subscriber));
        var row = await client.GetCustomerAsync(key, cancellationToken).ConfigureAwait(false);
        if (row is null || (!string.Equals(row.Uuid, key, StringComparison.OrdinalIgnoreCase) && !string.Equals(row.Login, key, StringComparison.OrdinalIgnoreCase)))
            throw new ConnectorNotFoundException(MkAuthClient.ProviderName, operation, "MK-Auth has no login for that subscriber.");
        return row;
    }
}
